import { ALL_RULES, POLICIES } from '../../domain/policy/index.ts';
import type { Policy, Rule } from '../../domain/policy/index.ts';
import { DEPARTMENT_KINDS } from '../registry/department-kinds.ts';

/**
 * Which department kind owns a rule (受理、审核、兑付的牵头部门). A department reviews applications, runs 免申即享
 * batches and pays for the rules its kind owns, within its region; the same kind exists in the city, each county
 * and (人社、工信、市场监管、卫健) each functional zone.
 *
 * How the owner is decided, in this order:
 * 0. A few clauses name only a body without a kind here (市行政审批局, 各县区): `RULE_OWNER` names the department
 *    that handles the substance (drug licences → 市场监管, drawing review → 住建, workers' housing → 人社), and the
 *    agricultural interest subsidy stays with 农业农村, which the clause names first.
 * 1. Loans, guarantees, re-lending, bridge funds and the securities and futures measures go to 金融办 (`jrb`),
 *    whoever the clause names: the city's 金融办 is where these reach enterprises in Nanchang (seed 000 L25 shows it
 *    organising the guarantee measures), and one owner per topic keeps a department's queue coherent.
 * 2. Otherwise the first department the clause names (责任单位: the first listed leads) that has a kind here:
 *    `市人社局、市财政局` → 人社; `市工信局、市财政局` → 工信; `市商务局` → 商务; `市自然资源局` → 自然资源 …
 * 3. Otherwise the topic of the document: employment and social insurance → 人社; SAMR measures → 市场监管;
 *    industry associations → 发改; tax → 税务; the High-tech Zone's employment measures → 人社.
 */
export type DepartmentKind = (typeof DEPARTMENT_KINDS)[number]['kind'];

const KIND_LABEL: ReadonlyMap<string, string> = new Map(DEPARTMENT_KINDS.map((k) => [k.kind, k.short]));

/** Words in a clause's 责任单位 text and the department kind they name. */
const NAMED: readonly (readonly [RegExp, DepartmentKind])[] = [
  [/人社|人力资源社会保障|人力资源和社会保障/, 'rsj'],
  [/金融办|金融监管局|地方金融/, 'jrb'],
  [/工信|工业和信息化/, 'gxj'],
  [/发改|发展改革/, 'fgw'],
  [/商务/, 'swj'],
  [/农业农村/, 'nyj'],
  [/自然资源/, 'zrzy'],
  [/市场监管|检验检测|标准化技术|药监/, 'scjg'],
  [/税务/, 'tax'],
  [/交通运输/, 'jtj'],
  [/建设局|住建|住房和城乡建设/, 'zjj'],
  [/卫健|卫生健康/, 'wjw'],
  [/财政|国资/, 'czj'],
];

const FINANCE = /担保|贷款|再贷款|转贷|贴息.*贷|上市|挂牌|期货|证券|罚息|LPR/;

/** The document's topic, when neither the topic rule nor the clause names a department. */
const POLICY_TOPIC: Readonly<Record<string, DepartmentKind>> = {
  'pboc-finance-29-2020': 'jrb',
  'hrss-labour-relations-2020': 'rsj',
  'si-relief-2020': 'rsj',
  'samr-ten-2020': 'scjg',
  'ndrc-associations-2020': 'fgw',
  'jx-growth-20-2020': 'rsj',
  'jx-finance-15-2020': 'jrb',
  'jx-employment-2020': 'rsj',
  'jx-growth-targets-2020': 'jrb',
  'jx-sme-relief-2022': 'jrb',
  'nc-finance-15-2020': 'jrb',
  'nc-projects-37-2020': 'fgw',
  'nc-htz-2020': 'rsj',
};

const RULE_OWNER: Readonly<Record<string, DepartmentKind>> = {
  'nc-projects-37-2020.drug-device-licence-extension': 'scjg',
  'nc-projects-37-2020.drawing-review-exemption': 'zjj',
  'nc-projects-37-2020.worker-housing-share': 'rsj',
  'nc-projects-37-2020.agri-interest-subsidy': 'nyj',
};

function firstNamed(text: string): DepartmentKind | null {
  let best: { at: number; kind: DepartmentKind } | null = null;
  for (const [re, kind] of NAMED) {
    const m = re.exec(text);
    if (m && (best === null || m.index < best.at)) best = { at: m.index, kind };
  }
  return best?.kind ?? null;
}

function decide(rule: Rule): DepartmentKind {
  const fixed = RULE_OWNER[rule.id];
  if (fixed) return fixed;
  if (rule.target === 'loan' || FINANCE.test(rule.title)) return 'jrb';
  const named = rule.department ? firstNamed(rule.department) : null;
  if (named) return named;
  const topic = POLICY_TOPIC[rule.policyId];
  if (!topic) throw new Error(`规则 ${rule.id} 没有主管部门：请在 ownership.ts 中为其政策指定主题部门`);
  return topic;
}

const OWNER: ReadonlyMap<string, DepartmentKind> = new Map(ALL_RULES.map((r) => [r.id, decide(r)]));

/** The department kind owning a rule. */
export function ownerKindOf(ruleId: string): DepartmentKind {
  const kind = OWNER.get(ruleId);
  if (!kind) throw new Error(`未知规则：${ruleId}`);
  return kind;
}

/** The department kinds owning at least one rule of a policy. */
export function ownerKindsOfPolicy(policy: Policy): DepartmentKind[] {
  return [...new Set(policy.rules.map((r) => ownerKindOf(r.id)))];
}

export function departmentKindLabel(kind: string): string {
  return KIND_LABEL.get(kind) ?? kind;
}

/** Rules a department kind owns, in catalogue order. */
export function rulesOwnedBy(kind: string): Rule[] {
  return ALL_RULES.filter((r) => OWNER.get(r.id) === kind);
}

/** Every policy with at least one rule the kind owns. */
export function policiesOwnedBy(kind: string): Policy[] {
  return POLICIES.filter((p) => p.rules.some((r) => OWNER.get(r.id) === kind));
}
