/** 六个必须: what every enterprise must have done before resuming (Nanchang High-tech Zone, seed 004 L6). */
import { c004 } from '../citations.ts';
import type { ConditionItem, ConditionTemplate } from '../conditions.ts';

const items: ConditionItem[] = [
  {
    id: 'six-musts:mechanism',
    text: '建立企业疫情防控工作机制',
    kind: 'yes_no',
    required: true,
    source: c004(6, '必须建立企业疫情防控工作机制'),
  },
  {
    id: 'six-musts:plans',
    text: '制定企业疫情防控工作方案和复工生产实施方案',
    kind: 'material',
    required: true,
    hint: '上传疫情防控工作方案和复工生产实施方案',
    source: c004(6, '必须制定企业疫情防控工作方案和复工生产实施方案'),
  },
  {
    id: 'six-musts:staff-movements',
    text: '排查每名职工假期期间流动信息情况',
    kind: 'yes_no',
    required: true,
    source: c004(6, '必须排查每名职工假期期间流动信息情况'),
  },
  {
    id: 'six-musts:disinfection',
    text: '提前对厂区内公共场所、人员聚集场所的设施、设备进行消杀防疫',
    kind: 'yes_no',
    required: true,
    source: c004(6, '必须提前对厂区内公共场所、人员聚集场所的设施、设备进行消杀防疫'),
  },
  {
    id: 'six-musts:materials-stock',
    text: '对原材物料储备情况进行盘点，研判保障连续生产的期限',
    kind: 'yes_no',
    required: true,
    source: c004(6, '必须对原材物料储备情况进行盘点、研判保障连续生产的期'),
  },
  {
    id: 'six-musts:safety-check',
    text: '对生产设施设备进行安全检查',
    kind: 'yes_no',
    required: true,
    source: c004(6, '必须对生产设施设备进行安全检查'),
  },
];

export const SIX_MUSTS: ConditionTemplate = {
  templateId: 'six-musts',
  title: '企业复工生产“六个必须”',
  subject: 'enterprise',
  jurisdiction: '南昌高新区',
  sources: [c004(6, '督促企业做好“六个必须”和“五个到位”')],
  items,
};
