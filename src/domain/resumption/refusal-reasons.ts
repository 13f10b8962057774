/** The closed list of reasons a resumption application may be refused for; each cites its source. */
import type { Citation } from './citations.ts';
import { c003, c004 } from './citations.ts';

export type RefusalReasonCode =
  | 'prevention_conditions_not_met'
  | 'sector_deferred'
  | 'key_area_staff_not_observed'
  | 'sick_staff_scheduled'
  | 'safety_conditions_not_met'
  | 'concealed_or_false_information'
  | 'approval_item_conditions_not_met';

export interface RefusalReason {
  readonly code: RefusalReasonCode;
  readonly label: string;
  /** The reviewer must say which condition or fact (e.g. the list item or approval item). */
  readonly requiresNote: boolean;
  readonly source: Citation;
}

export const REFUSAL_REASONS: readonly RefusalReason[] = Object.freeze([
  {
    code: 'prevention_conditions_not_met',
    label: '疫情防控条件不具备',
    requiresNote: true,
    source: c003(483, '疫情防控条件不具备的企业不得复工复产'),
  },
  {
    code: 'sector_deferred',
    label: '所属行业暂缓开业',
    requiresNote: false,
    source: c003(382, '影剧院、KTV、网吧等封闭性的人员聚集场所暂缓'),
  },
  {
    code: 'key_area_staff_not_observed',
    label: '来自重点地区的人员未落实14天隔离医学观察即安排返岗',
    requiresNote: false,
    source: c003(482, '对来自重点地区的务工人员要落实14天隔离医学观察措施'),
  },
  {
    code: 'sick_staff_scheduled',
    label: '安排有症状人员或“四类人员”上岗',
    requiresNote: false,
    source: c003(482, '严禁“带病上岗”'),
  },
  {
    code: 'safety_conditions_not_met',
    label: '安全生产条件不具备',
    requiresNote: true,
    source: c004(6, '待通过防疫、安全审查后'),
  },
  {
    code: 'concealed_or_false_information',
    label: '隐瞒疫情信息或提供虚假材料',
    requiresNote: true,
    source: c003(747, '隐瞒疫情信息的企业'),
  },
  {
    code: 'approval_item_conditions_not_met',
    label: '不符合审批清单所列条件',
    requiresNote: true,
    source: c003(26, '逐项列明办理程序、材料和时限'),
  },
]);

export function refusalReason(code: string): RefusalReason | undefined {
  return REFUSAL_REASONS.find((r) => r.code === code);
}

export interface GivenReason {
  readonly code: RefusalReasonCode;
  readonly note?: string;
}

/** Chinese errors for reasons outside the list or missing their note. */
export function validateRefusalReasons(reasons: readonly GivenReason[]): string[] {
  if (reasons.length === 0) return ['不予复工理由：请从理由清单中至少选择一项'];
  const errors: string[] = [];
  const seen = new Set<string>();
  for (const r of reasons) {
    const def = refusalReason(r.code);
    if (!def) errors.push(`不予复工理由：「${r.code}」不在理由清单中`);
    else if (def.requiresNote && !r.note?.trim()) errors.push(`不予复工理由「${def.label}」：请说明具体事项`);
    if (seen.has(r.code)) errors.push(`不予复工理由：「${def?.label ?? r.code}」重复`);
    seen.add(r.code);
  }
  return errors;
}
