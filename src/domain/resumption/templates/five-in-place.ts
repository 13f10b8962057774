/** 五个到位 (Nanchang High-tech Zone, seed 004 L6). */
import { c004 } from '../citations.ts';
import type { ConditionItem, ConditionTemplate } from '../conditions.ts';

const items: ConditionItem[] = [
  {
    id: 'five-in-place:six-musts',
    text: '企业复工生产“六个必须”到位',
    kind: 'yes_no',
    required: true,
    source: c004(6, '企业复工生产“六个必须”要到位'),
  },
  {
    id: 'five-in-place:entry-control',
    text: '企业进出车辆、人员登记和消杀防疫措施到位',
    kind: 'yes_no',
    required: true,
    source: c004(6, '企业进出车辆、人员，登记、消杀防疫措施要到位'),
  },
  {
    id: 'five-in-place:leaflets',
    text: '疫情防控宣传资料发放到位',
    kind: 'yes_no',
    required: true,
    source: c004(6, '疫情防控宣传资料发放要到位'),
  },
  {
    id: 'five-in-place:training',
    text: '以车间、班组为单位的疫情防控知识宣讲到位',
    kind: 'yes_no',
    required: true,
    source: c004(6, '以车间、班组为单位的疫情防控知识宣讲要到位'),
  },
  {
    id: 'five-in-place:joint-commitment',
    text: '企业、职工参与配合属地政府（管委会）联防联控承诺到位',
    kind: 'yes_no',
    required: true,
    source: c004(6, '企业、职工参与配合属地政府、高新区管委会联防联控承诺要到位'),
  },
];

export const FIVE_IN_PLACE: ConditionTemplate = {
  templateId: 'five-in-place',
  title: '企业复工“五个到位”',
  subject: 'enterprise',
  jurisdiction: '南昌高新区',
  sources: [c004(6, '督促企业做好“六个必须”和“五个到位”')],
  items,
};
