/** Shared fixtures for the resumption tests (not part of the public API). */
import type { Actor } from './actor.ts';
import type { ConditionList, SelfAssessmentAnswers } from './conditions.ts';
import { composeList, publishList } from './conditions.ts';
import type { ResumptionPlan } from './plan.ts';
import type { ApprovalList } from './risk-level.ts';
import { JIANGXI_GATE, SIX_MUSTS } from './templates/index.ts';

export const enterpriseActor: Actor = { userId: 'u-ent-1', role: 'enterprise', enterpriseId: 'ent-1', name: '李明' };
export const otherEnterprise: Actor = { userId: 'u-ent-2', role: 'enterprise', enterpriseId: 'ent-2' };
export const lead: Actor = { userId: 'u-lead', role: 'department', departmentCode: 'gxj', name: '工信局受理窗口' };
export const health: Actor = { userId: 'u-wjw', role: 'department', departmentCode: 'wjw' };
export const market: Actor = { userId: 'u-scj', role: 'department', departmentCode: 'scj' };
export const command: Actor = { userId: 'u-cmd', role: 'command_centre' };
export const system: Actor = { userId: 'system', role: 'system' };
export const officer: Actor = { userId: 'u-grid-7', role: 'grid_officer', name: '张网格' };

export function publishedList(): ConditionList {
  const draft = composeList({
    listId: 'jx-medium-high',
    title: '江西省中高风险地区企业复工复产条件清单',
    riskLevels: ['medium', 'high'],
    jurisdiction: '江西省',
    templates: [JIANGXI_GATE, SIX_MUSTS],
  });
  if (!draft.ok) throw new Error(draft.errors.join(';'));
  const pub = publishList(draft.list, '2020-02-08');
  if (!pub.ok) throw new Error(pub.errors.join(';'));
  return pub.list;
}

/** All required conditions met, materials attached. */
export function fullAnswers(list: ConditionList): SelfAssessmentAnswers {
  const out: Record<string, SelfAssessmentAnswers[string]> = {};
  for (const item of list.items) {
    if (item.kind === 'yes_no') out[item.id] = { kind: 'yes_no', value: true };
    else if (item.kind === 'material')
      out[item.id] = { kind: 'material', attachments: [{ fileId: `f-${item.id}`, name: '方案.pdf' }] };
    else out[item.id] = { kind: 'number', value: item.number?.min ?? 0 };
  }
  return out;
}

export const plan: ResumptionPlan = {
  normalHeadcount: 120,
  batches: [
    {
      batchNo: 1,
      startDate: '2020-02-17',
      keyPostStaff: 20,
      otherLocalStaff: 10,
      otherNonLocalStaff: 0,
      fromKeyAreasStaff: 0,
    },
    {
      batchNo: 2,
      startDate: '2020-02-24',
      keyPostStaff: 0,
      otherLocalStaff: 40,
      otherNonLocalStaff: 0,
      fromKeyAreasStaff: 0,
    },
    {
      batchNo: 3,
      startDate: '2020-03-02',
      keyPostStaff: 0,
      otherLocalStaff: 0,
      otherNonLocalStaff: 40,
      fromKeyAreasStaff: 5,
      keyAreaObservationConfirmed: true,
    },
  ],
};

export const approvalList: ApprovalList = {
  listId: 'jx-approvals',
  version: 1,
  publishedOn: '2020-02-08',
  items: [
    {
      code: 'hazchem',
      name: '危险化学品生产企业复工复产安全条件审查',
      sectors: ['hazardous_chemicals'],
      procedure: '网上申请—牵头部门受理—应急、卫健并联审查—答复',
      materials: ['复工复产方案', '安全生产条件自查表'],
      timeLimitWorkingDays: 2,
      legalBasis: '《危险化学品安全管理条例》',
    },
  ],
};
