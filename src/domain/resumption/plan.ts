/**
 * The enterprise's resumption plan (复工复产方案): batches of returning staff, key posts first and local staff first,
 * within the normal headcount.
 */
import { c003 } from './citations.ts';
import { isIsoDate } from './time.ts';

export interface PlanBatch {
  /** 1, 2, 3 … in order. */
  readonly batchNo: number;
  /** First day of work of the batch. */
  readonly startDate: string;
  /** 重要岗位人员 (local or not). */
  readonly keyPostStaff: number;
  /** Other staff living locally (本地员工). */
  readonly otherLocalStaff: number;
  /** Other staff coming from elsewhere (外地员工). */
  readonly otherNonLocalStaff: number;
  /** Of the batch, staff coming from key (epidemic-severe) areas. */
  readonly fromKeyAreasStaff: number;
  /** The enterprise confirms those staff will have completed 14 days of medical observation before the start date. */
  readonly keyAreaObservationConfirmed?: boolean;
  readonly note?: string;
}

export interface ResumptionPlan {
  /** 正常用工人数 (the headcount before the epidemic; the denominator of 复岗率). */
  readonly normalHeadcount: number;
  readonly batches: readonly PlanBatch[];
  /** Number of "四类人员" among the staff scheduled in any batch (must be 0). */
  readonly fourCategoryPersonsScheduled?: number;
}

export interface PlanIssue {
  readonly field: string;
  readonly message: string;
}

export interface PlanValidation {
  readonly ok: boolean;
  readonly errors: readonly PlanIssue[];
  readonly warnings: readonly PlanIssue[];
  readonly plannedHeadcount: number;
}

export const PLAN_RULES = Object.freeze({
  batches: c003(481, '统筹制定分类分批复工复产方案'),
  keyPostsAndLocalFirst: c003(487, '采取安排重要岗位人员先返岗、本地员工先到位等分批复工的灵活举措'),
  localFirstNanchang: c003(736, '本地员工优先使用'),
  deferHighIncidence: c003(481, '对疫情高发地区人员、非紧迫岗位工作人员应适当延期返岗'),
  keyAreaObservation: c003(482, '对来自重点地区的务工人员要落实14天隔离医学观察措施'),
  noReturnBeforeObservation: c003(739, '到过疫情严重地区又未过隔离观察期的，一律不准返岗上班'),
  fourCategories: c003(276, '确诊病例、疑似病例、密切接触者及发热留观人员“四类人员”的隔离、救治等管控措施'),
  noSickAtWork: c003(482, '严禁“带病上岗”'),
});

export function batchTotal(b: PlanBatch): number {
  return b.keyPostStaff + b.otherLocalStaff + b.otherNonLocalStaff;
}

export function plannedHeadcount(plan: ResumptionPlan): number {
  return plan.batches.reduce((s, b) => s + batchTotal(b), 0);
}

function isCount(n: unknown): n is number {
  return typeof n === 'number' && Number.isInteger(n) && n >= 0;
}

export interface PlanValidationOptions {
  /** Submission date: batches may not start before it (except in declare mode, where the plan is informative). */
  readonly asOf?: string;
}

/**
 * Checks a plan. Errors block submission; warnings are shown to the enterprise and reviewers.
 * Ordering rules: no other staff in a batch before the last batch that still brings key-post staff (key posts
 * first); among other staff, no non-local staff before the last batch that still brings local staff (local first).
 */
export function validatePlan(plan: ResumptionPlan, options: PlanValidationOptions = {}): PlanValidation {
  const errors: PlanIssue[] = [];
  const warnings: PlanIssue[] = [];
  if (!isCount(plan.normalHeadcount) || plan.normalHeadcount < 1) {
    errors.push({ field: 'normalHeadcount', message: '正常用工人数：应为不小于1的整数' });
  }
  if (plan.batches.length === 0) {
    errors.push({ field: 'batches', message: '分批返岗计划：至少一批' });
    return { ok: false, errors, warnings, plannedHeadcount: 0 };
  }
  let countsOk = true;
  plan.batches.forEach((b, i) => {
    const f = `第${i + 1}批`;
    if (b.batchNo !== i + 1) errors.push({ field: `batches[${i}].batchNo`, message: `${f}：批次号应为${i + 1}` });
    if (!isIsoDate(b.startDate))
      errors.push({ field: `batches[${i}].startDate`, message: `${f}返岗日期：格式应为YYYY-MM-DD` });
    for (const [k, label] of [
      ['keyPostStaff', '重要岗位人数'],
      ['otherLocalStaff', '其他本地员工人数'],
      ['otherNonLocalStaff', '其他外地员工人数'],
      ['fromKeyAreasStaff', '来自重点地区人数'],
    ] as const) {
      if (!isCount(b[k])) {
        countsOk = false;
        errors.push({ field: `batches[${i}].${k}`, message: `${f}${label}：应为不小于0的整数` });
      }
    }
    if (!countsOk) return;
    const total = batchTotal(b);
    if (total < 1) errors.push({ field: `batches[${i}]`, message: `${f}：返岗人数不能为0` });
    if (b.fromKeyAreasStaff > total) {
      errors.push({
        field: `batches[${i}].fromKeyAreasStaff`,
        message: `${f}来自重点地区人数：不得超过本批返岗人数${total}人`,
      });
    }
    if (b.fromKeyAreasStaff > 0 && !b.keyAreaObservationConfirmed) {
      errors.push({
        field: `batches[${i}].keyAreaObservationConfirmed`,
        message: `${f}：含来自重点地区人员${b.fromKeyAreasStaff}人，须确认其返岗前已完成14天隔离医学观察`,
      });
    }
    if (b.fromKeyAreasStaff > 0 && i === 0 && plan.batches.length > 1) {
      warnings.push({
        field: `batches[${i}].fromKeyAreasStaff`,
        message: `${f}：疫情高发地区人员宜适当延期返岗，建议安排在后续批次`,
      });
    }
  });
  for (let i = 1; i < plan.batches.length; i++) {
    const a = plan.batches[i - 1]!;
    const b = plan.batches[i]!;
    if (isIsoDate(a.startDate) && isIsoDate(b.startDate) && b.startDate <= a.startDate) {
      errors.push({
        field: `batches[${i}].startDate`,
        message: `第${i + 1}批返岗日期：应晚于第${i}批（${a.startDate}）`,
      });
    }
  }
  const first = plan.batches[0]!;
  if (options.asOf && isIsoDate(first.startDate) && first.startDate < options.asOf) {
    errors.push({ field: 'batches[0].startDate', message: `第1批返岗日期：不得早于申报日期（${options.asOf}）` });
  }
  if (plan.fourCategoryPersonsScheduled !== undefined) {
    if (!isCount(plan.fourCategoryPersonsScheduled)) {
      errors.push({ field: 'fourCategoryPersonsScheduled', message: '“四类人员”人数：应为不小于0的整数' });
    } else if (plan.fourCategoryPersonsScheduled > 0) {
      errors.push({
        field: 'fourCategoryPersonsScheduled',
        message: `返岗名单含“四类人员”${plan.fourCategoryPersonsScheduled}人：确诊、疑似、密切接触者和发热留观人员须隔离、救治，不得安排返岗`,
      });
    }
  }
  if (!countsOk) return { ok: false, errors, warnings, plannedHeadcount: 0 };

  const total = plannedHeadcount(plan);
  if (isCount(plan.normalHeadcount) && total > plan.normalHeadcount) {
    errors.push({
      field: 'batches',
      message: `分批返岗计划：计划返岗合计${total}人，超过正常用工人数${plan.normalHeadcount}人`,
    });
  }
  // Key posts first.
  const lastKey = plan.batches.reduce((last, b, i) => (b.keyPostStaff > 0 ? i : last), -1);
  for (let i = 0; i < lastKey; i++) {
    const b = plan.batches[i]!;
    if (b.otherLocalStaff + b.otherNonLocalStaff > 0) {
      errors.push({
        field: `batches[${i}]`,
        message: `第${i + 1}批：重要岗位人员应先返岗，第${lastKey + 1}批仍有重要岗位人员时，前面批次不应安排其他员工`,
      });
    }
  }
  // Local staff first (among the other staff).
  const lastLocal = plan.batches.reduce((last, b, i) => (b.otherLocalStaff > 0 ? i : last), -1);
  for (let i = 0; i < lastLocal; i++) {
    const b = plan.batches[i]!;
    if (b.otherNonLocalStaff > 0) {
      errors.push({
        field: `batches[${i}]`,
        message: `第${i + 1}批：本地员工应先到位，第${lastLocal + 1}批仍有本地员工时，前面批次不应安排外地员工`,
      });
    }
  }
  return { ok: errors.length === 0, errors, warnings, plannedHeadcount: total };
}

/** The batch in which a date falls (the last batch started on or before it), or undefined before batch 1. */
export function batchOn(plan: ResumptionPlan, date: string): PlanBatch | undefined {
  let found: PlanBatch | undefined;
  for (const b of plan.batches) if (b.startDate <= date) found = b;
  return found;
}

/** Planned cumulative headcount back on a date. */
export function plannedBackOn(plan: ResumptionPlan, date: string): number {
  return plan.batches.filter((b) => b.startDate <= date).reduce((s, b) => s + batchTotal(b), 0);
}
