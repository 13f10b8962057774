/**
 * 清单管理: province-wide, versioned lists of the conditions and materials an enterprise must meet to resume, per risk
 * level. Nothing outside the published list may be asked for (seed 003 L26). Built-in templates live in `templates/`.
 */
import type { AttachmentRef } from './actor.ts';
import type { Citation } from './citations.ts';
import { c003, c004 } from './citations.ts';
import type { RiskLevel } from './risk-level.ts';
import { isRiskLevel } from './risk-level.ts';
import { isIsoDate } from './time.ts';

export type ConditionItemKind = 'yes_no' | 'material' | 'number';

export const ITEM_KIND_LABELS: Readonly<Record<ConditionItemKind, string>> = {
  yes_no: '是否具备',
  material: '材料/附件',
  number: '数值',
};

export interface NumberSpec {
  /** 人, 平方米, 次 … */
  readonly unit: string;
  readonly min?: number;
  readonly max?: number;
  /** Decimal places allowed (0 = integer). */
  readonly decimals: number;
}

export interface ConditionItem {
  /** Stable across versions; never reused for a different meaning. */
  readonly id: string;
  /** What the enterprise is asked, in Chinese. */
  readonly text: string;
  readonly kind: ConditionItemKind;
  readonly required: boolean;
  readonly source: Citation;
  /** Guidance shown under the item (often the key sentence of the clause). */
  readonly hint?: string;
  readonly number?: NumberSpec;
}

/** Who a list is walked for: an enterprise (self-assessment, on-site check) or a checkpoint (卡点, 十个一). */
export type ListSubject = 'enterprise' | 'checkpoint';

export interface ConditionList {
  readonly listId: string;
  readonly version: number;
  readonly title: string;
  readonly subject: ListSubject;
  /** Risk levels the list applies to. */
  readonly riskLevels: readonly RiskLevel[];
  readonly jurisdiction: string;
  /** Null while a draft. Only published lists may be used (L26 "制定公布"). */
  readonly publishedOn: string | null;
  readonly items: readonly ConditionItem[];
  /** Sources of the list as a whole (e.g. the L483 gate). */
  readonly sources: readonly Citation[];
}

/** A built-in template: items with their sources, to compose lists from. */
export interface ConditionTemplate {
  readonly templateId: string;
  readonly title: string;
  readonly subject: ListSubject;
  readonly jurisdiction: string;
  readonly sources: readonly Citation[];
  readonly items: readonly ConditionItem[];
}

export const CONDITION_LIST_RULES = Object.freeze({
  listManagement: c003(26, '对确有必要的审批和证明事项实行清单管理'),
  nothingOutsideList: c003(26, '清单之外一律不得实施审批或索要证明'),
  noDeposit: c003(26, '严禁向企业收取复工复产保证金等'),
  gate: c003(483, '疫情防控条件不具备的企业不得复工复产'),
  materialsOnce: c003(27, '统一受理申请、一次性收取材料'),
});

/**
 * Documents every filing procedure itself asks for, besides the list's items: they are part of the published
 * procedure, so a reviewer may point at them.
 */
export const PROCEDURE_DOCUMENTS = Object.freeze([
  { id: 'doc:plan', text: '复工复产方案（分批返岗计划）', source: c003(481, '统筹制定分类分批复工复产方案') },
  { id: 'doc:prevention_plan', text: '疫情防控方案（一企一策）', source: c003(646, '“一企一策”细化制定防控方案') },
  {
    id: 'doc:commitment_letter',
    text: '疫情防控承诺书',
    source: c004(3, '复工复产前必须向管委会递交《关于做好新型冠状病毒肺炎疫情防控工作的承诺函》'),
  },
] as const);

export type ProcedureDocumentId = (typeof PROCEDURE_DOCUMENTS)[number]['id'];

export function procedureDocument(id: string) {
  return PROCEDURE_DOCUMENTS.find((d) => d.id === id);
}

// ───────────────────────────── immutability ─────────────────────────────

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value as Record<string, unknown>)) deepFreeze(v);
  }
  return value;
}

// ───────────────────────────── item validation ─────────────────────────────

function validateItems(items: readonly ConditionItem[]): string[] {
  const errors: string[] = [];
  const ids = new Set<string>();
  for (const item of items) {
    const label = item.text || item.id;
    if (!/^[a-z0-9][a-z0-9:_-]{0,63}$/.test(item.id)) errors.push(`清单事项编号：格式错误（${item.id}）`);
    if (ids.has(item.id)) errors.push(`清单事项编号：${item.id} 重复`);
    ids.add(item.id);
    if (item.id.startsWith('doc:')) errors.push(`清单事项编号：doc: 前缀保留给办事程序材料（${item.id}）`);
    if (!item.text.trim()) errors.push(`清单事项「${item.id}」内容：不能为空`);
    if (item.text.includes('保证金')) errors.push(`清单事项「${label}」：严禁向企业收取复工复产保证金`);
    if (item.kind !== 'yes_no' && item.kind !== 'material' && item.kind !== 'number') {
      errors.push(`清单事项「${label}」类型：应为是否、材料或数值`);
    }
    if (!item.source || !item.source.ref || !item.source.quote) errors.push(`清单事项「${label}」依据：须注明出处`);
    if (item.kind === 'number') {
      const n = item.number;
      if (!n) errors.push(`清单事项「${label}」数值要求：须注明单位和范围`);
      else {
        if (!n.unit.trim()) errors.push(`清单事项「${label}」单位：不能为空`);
        if (!Number.isInteger(n.decimals) || n.decimals < 0 || n.decimals > 4) {
          errors.push(`清单事项「${label}」小数位数：应为0–4`);
        }
        if (n.min !== undefined && n.max !== undefined && n.min > n.max) {
          errors.push(`清单事项「${label}」范围：下限不得大于上限`);
        }
      }
    } else if (item.number) {
      errors.push(`清单事项「${label}」：只有数值类事项可以设置数值要求`);
    }
  }
  return errors;
}

function validateListHeader(list: Pick<ConditionList, 'listId' | 'title' | 'riskLevels' | 'publishedOn'>): string[] {
  const errors: string[] = [];
  if (!list.listId.trim()) errors.push('清单编号：不能为空');
  if (!list.title.trim()) errors.push('清单名称：不能为空');
  if (list.riskLevels.length === 0) errors.push('适用风险等级：至少选择一个');
  if (list.riskLevels.some((l) => !isRiskLevel(l))) errors.push('适用风险等级：应为低、中、高');
  if (list.publishedOn !== null && !isIsoDate(list.publishedOn)) errors.push('公布日期：格式应为YYYY-MM-DD');
  return errors;
}

// ───────────────────────────── composing, publishing, versioning ─────────────────────────────

export interface ComposeListInput {
  readonly listId: string;
  readonly title: string;
  readonly riskLevels: readonly RiskLevel[];
  readonly jurisdiction: string;
  readonly templates: readonly ConditionTemplate[];
  /** Extra items beyond the templates; each must cite its source. */
  readonly extraItems?: readonly ConditionItem[];
}

/** A draft list (version 1, unpublished) built from templates; item ids keep the template prefix. */
export function composeList(
  input: ComposeListInput,
): { ok: true; list: ConditionList } | { ok: false; errors: string[] } {
  const subjects = new Set(input.templates.map((t) => t.subject));
  if (input.templates.length === 0 && !input.extraItems?.length) return { ok: false, errors: ['清单事项：至少一项'] };
  if (subjects.size > 1) return { ok: false, errors: ['模板：企业清单与卡点清单不能混合'] };
  const items = [...input.templates.flatMap((t) => t.items), ...(input.extraItems ?? [])];
  const list: ConditionList = {
    listId: input.listId,
    version: 1,
    title: input.title,
    subject: input.templates[0]?.subject ?? 'enterprise',
    riskLevels: [...input.riskLevels],
    jurisdiction: input.jurisdiction,
    publishedOn: null,
    items,
    sources: [CONDITION_LIST_RULES.listManagement, ...input.templates.flatMap((t) => t.sources)],
  };
  const errors = [...validateListHeader(list), ...validateItems(items)];
  return errors.length ? { ok: false, errors } : { ok: true, list: deepFreeze(list) };
}

/** The list a template gives on its own (e.g. 十个一 for checkpoints), as a draft. */
export function listFromTemplate(
  template: ConditionTemplate,
  listId: string,
  riskLevels: readonly RiskLevel[] = ['low', 'medium', 'high'],
): ConditionList {
  const r = composeList({
    listId,
    title: template.title,
    riskLevels,
    jurisdiction: template.jurisdiction,
    templates: [template],
  });
  if (!r.ok) throw new Error(`内置模板「${template.title}」有误：${r.errors.join('；')}`);
  return r.list;
}

/** Publishes a draft (first version). */
export function publishList(
  draft: ConditionList,
  publishedOn: string,
): { ok: true; list: ConditionList } | { ok: false; errors: string[] } {
  if (draft.publishedOn !== null)
    return { ok: false, errors: [`清单「${draft.title}」第${draft.version}版已于${draft.publishedOn}公布，不得修改`] };
  if (!isIsoDate(publishedOn)) return { ok: false, errors: ['公布日期：格式应为YYYY-MM-DD'] };
  const list = {
    ...draft,
    items: [...draft.items],
    riskLevels: [...draft.riskLevels],
    sources: [...draft.sources],
    publishedOn,
  };
  const errors = [...validateListHeader(list), ...validateItems(list.items)];
  return errors.length ? { ok: false, errors } : { ok: true, list: deepFreeze(list) };
}

export interface ListChanges {
  readonly title?: string;
  readonly riskLevels?: readonly RiskLevel[];
  readonly add?: readonly ConditionItem[];
  readonly remove?: readonly string[];
  readonly update?: readonly ({ readonly id: string } & Partial<Omit<ConditionItem, 'id'>>)[];
}

/**
 * A new published version of a published list. The base version is left untouched (it is frozen, and applications
 * keep a reference to the version they were assessed against).
 */
export function publishNewVersion(
  list: ConditionList,
  changes: ListChanges,
  publishedOn: string,
): { ok: true; list: ConditionList } | { ok: false; errors: string[] } {
  const errors: string[] = [];
  if (list.publishedOn === null) return { ok: false, errors: ['清单尚未公布：请先公布第1版'] };
  if (!isIsoDate(publishedOn)) return { ok: false, errors: ['公布日期：格式应为YYYY-MM-DD'] };
  if (publishedOn < list.publishedOn) errors.push(`公布日期：不得早于上一版的公布日期（${list.publishedOn}）`);
  const existing = new Map(list.items.map((i) => [i.id, i]));
  for (const id of changes.remove ?? []) if (!existing.has(id)) errors.push(`删除事项：清单中没有「${id}」`);
  for (const u of changes.update ?? []) if (!existing.has(u.id)) errors.push(`修改事项：清单中没有「${u.id}」`);
  for (const a of changes.add ?? []) if (existing.has(a.id)) errors.push(`新增事项：编号「${a.id}」已被使用，不得复用`);
  const removed = new Set(changes.remove ?? []);
  const updates = new Map((changes.update ?? []).map((u) => [u.id, u]));
  const items: ConditionItem[] = list.items
    .filter((i) => !removed.has(i.id))
    .map((i) => (updates.has(i.id) ? ({ ...i, ...updates.get(i.id), id: i.id } as ConditionItem) : i))
    .concat(changes.add ?? []);
  if (items.length === 0) errors.push('清单事项：至少一项');
  const next: ConditionList = {
    ...list,
    version: list.version + 1,
    title: changes.title ?? list.title,
    riskLevels: [...(changes.riskLevels ?? list.riskLevels)],
    items,
    sources: [...list.sources],
    publishedOn,
  };
  errors.push(...validateListHeader(next), ...validateItems(items));
  if (
    changes.title === undefined &&
    changes.riskLevels === undefined &&
    !changes.add?.length &&
    !changes.remove?.length &&
    !changes.update?.length
  ) {
    errors.push('修改内容：没有任何变化，无需发布新版本');
  }
  return errors.length ? { ok: false, errors } : { ok: true, list: deepFreeze(next) };
}

/** The version of a list in force on a date: the highest version published on or before it. */
export function versionInForce(
  versions: readonly ConditionList[],
  listId: string,
  date: string,
): ConditionList | undefined {
  let best: ConditionList | undefined;
  for (const v of versions) {
    if (v.listId !== listId || v.publishedOn === null || v.publishedOn > date) continue;
    if (!best || v.version > best.version) best = v;
  }
  return best;
}

/** The published list (latest version) for a risk level and subject on a date. */
export function listForLevel(
  versions: readonly ConditionList[],
  level: RiskLevel,
  date: string,
  subject: ListSubject = 'enterprise',
): ConditionList | undefined {
  const ids = new Set(
    versions.filter((v) => v.subject === subject && v.riskLevels.includes(level)).map((v) => v.listId),
  );
  let best: ConditionList | undefined;
  for (const id of ids) {
    const v = versionInForce(versions, id, date);
    if (v && v.riskLevels.includes(level) && (!best || (v.publishedOn ?? '') > (best.publishedOn ?? ''))) best = v;
  }
  return best;
}

// ───────────────────────────── self-assessment ─────────────────────────────

export type SelfAssessmentAnswer =
  | {
      readonly kind: 'yes_no';
      readonly value: boolean;
      readonly note?: string;
      readonly attachments?: readonly AttachmentRef[];
    }
  | { readonly kind: 'material'; readonly attachments: readonly AttachmentRef[]; readonly note?: string }
  | { readonly kind: 'number'; readonly value: number; readonly note?: string };

export type SelfAssessmentAnswers = Readonly<Record<string, SelfAssessmentAnswer>>;

export type SelfAssessmentIssueKind = 'missing' | 'invalid' | 'unmet' | 'not_on_list';

export interface SelfAssessmentIssue {
  readonly itemId: string;
  readonly kind: SelfAssessmentIssueKind;
  readonly message: string;
}

export interface SelfAssessmentResult {
  /** No missing, invalid or off-list answers. */
  readonly complete: boolean;
  /** Complete and every required condition met: the L483 gate is passed. */
  readonly passed: boolean;
  readonly issues: readonly SelfAssessmentIssue[];
  /** Items answered "no" or out of range, for the reviewer. */
  readonly unmetItemIds: readonly string[];
}

export interface SelfAssessmentOptions {
  /**
   * 告知承诺: material items may be left without attachments; the signed commitment stands for them and the on-site
   * check verifies them (L27 "提交备案信息或承诺书后，即可组织复工复产", 事后现场核查).
   */
  readonly materialsDeferred?: boolean;
}

function decimalsOf(value: number): number {
  if (Number.isInteger(value)) return 0;
  const s = String(value);
  if (s.includes('e')) return 99;
  return s.split('.')[1]?.length ?? 0;
}

function fmt(n: number): string {
  return String(n);
}

/**
 * Checks an enterprise's answers against a list. Every problem is reported at once, per item, in Chinese, naming the
 * item (一次性告知).
 */
export function validateSelfAssessment(
  list: ConditionList,
  answers: SelfAssessmentAnswers,
  options: SelfAssessmentOptions = {},
): SelfAssessmentResult {
  const issues: SelfAssessmentIssue[] = [];
  const unmet: string[] = [];
  const byId = new Map(list.items.map((i) => [i.id, i]));
  for (const id of Object.keys(answers)) {
    if (!byId.has(id)) {
      issues.push({ itemId: id, kind: 'not_on_list', message: `「${id}」：不在已公布的清单中，不得填报或索要` });
    }
  }
  for (const item of list.items) {
    const a = answers[item.id];
    const f = `「${item.text}」`;
    if (!a) {
      if (item.required && !(item.kind === 'material' && options.materialsDeferred)) {
        issues.push({
          itemId: item.id,
          kind: 'missing',
          message: `${f}：${item.kind === 'material' ? '请上传材料' : '请作答'}`,
        });
      }
      continue;
    }
    if (a.kind !== item.kind) {
      issues.push({ itemId: item.id, kind: 'invalid', message: `${f}：答案类型应为${ITEM_KIND_LABELS[item.kind]}` });
      continue;
    }
    if (a.kind === 'yes_no') {
      if (typeof a.value !== 'boolean') {
        issues.push({ itemId: item.id, kind: 'invalid', message: `${f}：请选择“是”或“否”` });
      } else if (!a.value && item.required) {
        unmet.push(item.id);
        issues.push({ itemId: item.id, kind: 'unmet', message: `${f}：未具备，防控条件不具备的企业不得复工复产` });
      }
    } else if (a.kind === 'material') {
      const bad = a.attachments.filter((x) => !x.fileId || !x.name);
      if (bad.length) issues.push({ itemId: item.id, kind: 'invalid', message: `${f}：附件缺少文件编号或文件名` });
      else if (a.attachments.length === 0 && item.required && !options.materialsDeferred) {
        issues.push({ itemId: item.id, kind: 'missing', message: `${f}：请上传材料` });
      }
    } else {
      const spec = item.number!;
      if (typeof a.value !== 'number' || !Number.isFinite(a.value) || a.value < 0) {
        issues.push({ itemId: item.id, kind: 'invalid', message: `${f}：请填写不小于0的数值` });
      } else if (decimalsOf(a.value) > spec.decimals) {
        issues.push({
          itemId: item.id,
          kind: 'invalid',
          message: spec.decimals === 0 ? `${f}：应为整数` : `${f}：最多保留${spec.decimals}位小数`,
        });
      } else if (spec.max !== undefined && a.value > spec.max) {
        unmet.push(item.id);
        issues.push({
          itemId: item.id,
          kind: 'unmet',
          message: `${f}：应不超过${fmt(spec.max)}${spec.unit}（填报${fmt(a.value)}${spec.unit}）`,
        });
      } else if (spec.min !== undefined && a.value < spec.min) {
        unmet.push(item.id);
        issues.push({
          itemId: item.id,
          kind: 'unmet',
          message: `${f}：应不少于${fmt(spec.min)}${spec.unit}（填报${fmt(a.value)}${spec.unit}）`,
        });
      }
    }
  }
  const complete = !issues.some((i) => i.kind !== 'unmet');
  return { complete, passed: complete && unmet.length === 0, issues, unmetItemIds: unmet };
}

// ───────────────────────────── nothing outside the list ─────────────────────────────

export interface OffListRequest {
  readonly itemId: string;
  readonly message: string;
}

/**
 * Requests (ids of list items or of procedure documents) that are not on the published list. A draft list authorises
 * nothing; deposits (保证金) are never allowed.
 */
export function findOffListRequests(list: ConditionList, requested: readonly string[]): OffListRequest[] {
  const out: OffListRequest[] = [];
  if (list.publishedOn === null) {
    return requested.map((id) => ({
      itemId: id,
      message: `「${id}」：清单「${list.title}」尚未公布，不得据此索要材料`,
    }));
  }
  const ids = new Set<string>([...list.items.map((i) => i.id), ...PROCEDURE_DOCUMENTS.map((d) => d.id)]);
  for (const id of requested) {
    if (id.includes('保证金') || /deposit/i.test(id)) {
      out.push({ itemId: id, message: `「${id}」：严禁向企业收取复工复产保证金` });
    } else if (!ids.has(id)) {
      out.push({
        itemId: id,
        message: `「${id}」：不在已公布的《${list.title}》（第${list.version}版）中，清单之外一律不得索要`,
      });
    }
  }
  return out;
}

export class NotOnPublishedListError extends Error {
  readonly requests: readonly OffListRequest[];
  constructor(requests: readonly OffListRequest[]) {
    super(requests.map((r) => r.message).join('；'));
    this.name = 'NotOnPublishedListError';
    this.requests = requests;
  }
}

/** Throws `NotOnPublishedListError` (Chinese message) when anything requested is not on the published list. */
export function assertOnPublishedList(list: ConditionList, requested: readonly string[]): void {
  const off = findOffListRequests(list, requested);
  if (off.length) throw new NotOnPublishedListError(off);
}

/** Display text of a list item or procedure document id. */
export function requestLabel(list: ConditionList, id: string): string {
  return list.items.find((i) => i.id === id)?.text ?? procedureDocument(id)?.text ?? id;
}
