/** 五不开工 (嘉禾县, seed 004 L21): used for on-site checks before start-up. */
import { c004 } from '../citations.ts';
import type { ConditionItem, ConditionTemplate } from '../conditions.ts';

const items: ConditionItem[] = [
  {
    id: 'five-no-start:awareness',
    text: '认识到位（认识不到位不开工）',
    kind: 'yes_no',
    required: true,
    source: c004(21, '认识不到位不开工'),
  },
  {
    id: 'five-no-start:staff-screening',
    text: '员工排查到位（员工排查不到位不开工）',
    kind: 'yes_no',
    required: true,
    source: c004(21, '员工排查不到位不开工'),
  },
  {
    id: 'five-no-start:supplies',
    // The seed writes 防疫物质; the display text uses 防疫物资.
    text: '防疫物资到位（防疫物资不到位不开工）',
    kind: 'yes_no',
    required: true,
    source: c004(21, '防疫物质不到位不开工'),
  },
  {
    id: 'five-no-start:disinfection',
    text: '场地消杀到位（场地消杀不到位不开工）',
    kind: 'yes_no',
    required: true,
    source: c004(21, '场地消杀不到位不开工'),
  },
  {
    id: 'five-no-start:prevention',
    text: '疫情防控到位（疫情防控不到位不开工）',
    kind: 'yes_no',
    required: true,
    source: c004(21, '疫情防控不到位不开工'),
  },
];

export const FIVE_NO_START: ConditionTemplate = {
  templateId: 'five-no-start',
  title: '企业复工“五不开工”',
  subject: 'enterprise',
  jurisdiction: '嘉禾县',
  sources: [c004(21, '要求企业做到“五不开工”')],
  items,
};
