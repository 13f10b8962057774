import QRCode from 'qrcode';
import {
  FACT_BY_NAME,
  FULFILMENT_LABEL,
  POLICIES,
  describeRule,
  isInForce,
  policyById,
} from '../../domain/policy/index.ts';
import type { Policy, Rule, RuleSummary } from '../../domain/policy/index.ts';
import type { AppContext } from '../context.ts';
import { notFound } from '../http/problem.ts';
import { DEPARTMENT_KINDS } from '../registry/department-kinds.ts';
import type { PolicySettings } from './common.ts';
import { POLICY_STATUS_LABEL, allSettings, requirePolicy, settingsOf } from './common.ts';
import { departmentKindLabel, ownerKindOf, ownerKindsOfPolicy } from './ownership.ts';
import { QR_PUSH_SOURCE, sourceText } from './sources.ts';

/** The facts an applicant supplies for a rule (those not held by 一企一档 or official data), with labels. */
export function applicationFactsOf(rule: Rule) {
  return describeRule(rule)
    .requiredFacts.map((name) => FACT_BY_NAME.get(name))
    .filter((d) => d !== undefined && d.source === 'application')
    .map((d) => d!);
}

/** How an enterprise claims the benefit of a rule, in words. */
export function howToClaim(rule: Rule, settings: Pick<PolicySettings, 'reviewWorkingDays' | 'noticeWorkingDays'>) {
  const dept = departmentKindLabel(ownerKindOf(rule.id));
  const facts = applicationFactsOf(rule).map((f) => f.label);
  const needs = facts.length ? `填写${facts.join('、')}，` : '';
  if (rule.fulfilment === 'auto') {
    return `免申即享：${dept}部门依据一企一档和已掌握的数据批量核定，无需企业申请；名单经审核批准后生成支付（减免）指令，兑付至企业在本平台登记的收款账户。`;
  }
  const procedure =
    rule.benefit.kind === 'money'
      ? `审核通过后公示${settings.noticeWorkingDays}个工作日，公示无异议后生成支付指令拨付至收款账户`
      : '审核通过后公示并办理';
  return `${FULFILMENT_LABEL[rule.fulfilment]}：在“政策匹配”中点击申请，表单按一企一档预填，${needs}上传证明材料；${dept}部门在${settings.reviewWorkingDays}个工作日内审核，${procedure}。`;
}

export interface RuleDetail extends RuleSummary {
  ownerKind: string;
  ownerLabel: string;
  sourceText: string | null;
  alsoSourceTexts: { ref: string; text: string | null }[];
  applicationFacts: { name: string; label: string; unit: string | null; type: string }[];
  howToClaim: string;
  inForce: boolean;
}

export function ruleDetail(rule: Rule, settings: PolicySettings, asOf: string): RuleDetail {
  const summary = describeRule(rule, asOf);
  const owner = ownerKindOf(rule.id);
  return {
    ...summary,
    parameters: summary.parameters.map((p) => ({
      ...p,
      values: p.values.map((v) => ({ ...v, sourceText: sourceText(v.source) })),
    })),
    ownerKind: owner,
    ownerLabel: departmentKindLabel(owner),
    sourceText: sourceText(rule.source),
    alsoSourceTexts: (rule.alsoSources ?? []).map((ref) => ({ ref, text: sourceText(ref) })),
    applicationFacts: applicationFactsOf(rule).map((f) => ({
      name: f.name,
      label: f.label,
      unit: f.unit,
      type: f.type,
    })),
    howToClaim: howToClaim(rule, settings),
    inForce: isInForce(rule, asOf),
  };
}

function policyHead(policy: Policy, settings: PolicySettings) {
  const owners = ownerKindsOfPolicy(policy);
  return {
    id: policy.id,
    title: policy.title,
    issuer: policy.issuer,
    docNumber: policy.docNumber,
    date: policy.date,
    jurisdiction: policy.jurisdiction,
    validity: policy.validity,
    source: policy.source,
    note: policy.note ?? null,
    status: settings.status,
    statusLabel: POLICY_STATUS_LABEL[settings.status] ?? settings.status,
    publishedAt: settings.publishedAt,
    reviewWorkingDays: settings.reviewWorkingDays,
    noticeWorkingDays: settings.noticeWorkingDays,
    notified: settings.notified,
    version: settings.version,
    owners: owners.map((kind) => ({ kind, label: departmentKindLabel(kind) })),
    ruleCount: policy.rules.length,
    moneyRuleCount: policy.rules.filter((r) => r.benefit.kind === 'money').length,
    fulfilment: [...new Set(policy.rules.map((r) => r.fulfilment))],
  };
}
export type PolicyHead = ReturnType<typeof policyHead>;

function matches(policy: Policy, q: string): boolean {
  const needle = q.toLowerCase();
  const texts = [
    policy.title,
    policy.issuer,
    policy.docNumber ?? '',
    ...policy.rules.flatMap((r) => [r.title, r.department ?? '', r.benefit.label, r.note ?? '']),
  ];
  return texts.some((t) => t.toLowerCase().includes(needle));
}

export interface CatalogueQuery {
  q?: string;
  ownerKind?: string;
  fulfilment?: 'auto' | 'quick' | 'apply';
  status?: 'draft' | 'published' | 'withdrawn';
}

/** The catalogue, searchable: title, issuer, 文号, clause titles and departments. */
export async function listCatalogue(app: AppContext, query: CatalogueQuery) {
  const settings = await allSettings(app.db.kysely);
  const items = POLICIES.filter((p) => !query.q || matches(p, query.q.trim()))
    .filter((p) => !query.ownerKind || ownerKindsOfPolicy(p).includes(query.ownerKind as never))
    .filter((p) => !query.fulfilment || p.rules.some((r) => r.fulfilment === query.fulfilment))
    .filter((p) => !query.status || settings.get(p.id)!.status === query.status)
    .map((p) => ({
      ...policyHead(p, settings.get(p.id)!),
      rules: p.rules.map((r) => ({
        id: r.id,
        title: r.title,
        kind: r.kind,
        target: r.target,
        benefitKind: r.benefit.kind,
        fulfilment: r.fulfilment,
        fulfilmentLabel: FULFILMENT_LABEL[r.fulfilment],
        ownerKind: ownerKindOf(r.id),
        ownerLabel: departmentKindLabel(ownerKindOf(r.id)),
        source: r.source,
        effective: r.effective,
        benefitLabel: r.benefit.label,
        parameters: describeRule(r).parameters.map((p) => ({
          name: p.name,
          label: p.label,
          unit: p.unit,
          values: p.values.map((v) => ({ from: v.from, value: v.value, display: v.display, source: v.source })),
        })),
      })),
    }));
  return { items, total: items.length };
}

/** One policy with its interpretation, clauses, source text, owners and how to claim each benefit. */
export async function policyDetail(app: AppContext, policyId: string, asOf: string) {
  const policy = requirePolicy(policyId);
  const settings = await settingsOf(app.db.kysely, policyId);
  return {
    ...policyHead(policy, settings),
    sourceText: sourceText(policy.source),
    asOf,
    rules: policy.rules.map((r) => ruleDetail(r, settings, asOf)),
  };
}

// -----------------------------------------------------------------------------------------------------------------
// Policy lists pushed to enterprises by QR code (seed 000 L31: 以二维码形式向企业推送……政府部门惠企政策清单)
// -----------------------------------------------------------------------------------------------------------------

export interface PolicyListInfo {
  code: string;
  name: string;
  description: string;
}

/** Every department kind owning a policy has its list; `all` is every published policy. */
export function policyLists(): PolicyListInfo[] {
  const kinds = DEPARTMENT_KINDS.filter((k) => POLICIES.some((p) => ownerKindsOfPolicy(p).includes(k.kind)));
  return [
    { code: 'all', name: '政府部门惠企政策清单', description: '本平台已发布的全部惠企政策' },
    ...kinds.map((k) => ({
      code: k.kind,
      name: `${k.short}部门惠企政策清单`,
      description: `由${k.short}部门受理、兑付的惠企政策`,
    })),
  ];
}

export function policyListInfo(code: string): PolicyListInfo {
  const list = policyLists().find((l) => l.code === code);
  if (!list) throw notFound('政策清单不存在');
  return list;
}

/** The published policies of a list, with each clause the list's department owns and how to claim it. */
export async function policyListContent(app: AppContext, code: string, asOf: string) {
  const list = policyListInfo(code);
  const settings = await allSettings(app.db.kysely);
  const policies = POLICIES.filter((p) => settings.get(p.id)!.status === 'published')
    .filter((p) => code === 'all' || ownerKindsOfPolicy(p).includes(code as never))
    .map((p) => {
      const s = settings.get(p.id)!;
      const rules = p.rules.filter((r) => code === 'all' || ownerKindOf(r.id) === code);
      return {
        ...policyHead(p, s),
        rules: rules.map((r) => {
          const d = ruleDetail(r, s, asOf);
          return {
            id: d.id,
            title: d.title,
            benefit: d.benefit,
            conditions: d.conditions,
            ownerLabel: d.ownerLabel,
            fulfilmentLabel: d.fulfilmentLabel,
            howToClaim: d.howToClaim,
            source: d.source,
            inForce: d.inForce,
          };
        }),
      };
    });
  return { ...list, source: QR_PUSH_SOURCE, sourceText: sourceText(QR_PUSH_SOURCE), asOf, policies };
}

/** A QR code (SVG) that opens the public page of a policy list. */
export async function policyListQr(code: string, origin: string): Promise<{ svg: string; url: string }> {
  policyListInfo(code);
  const url = `${origin}/p/policies/${encodeURIComponent(code)}`;
  const svg = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2, width: 240 });
  return { svg, url };
}

export function policyTitle(policyId: string): string {
  return policyById(policyId)?.title ?? policyId;
}
