/** The Jiangxi gate (seed 003 L483): "疫情防控条件不具备的企业不得复工复产", with the conditions the clause names. */
import { c003 } from '../citations.ts';
import type { ConditionItem, ConditionTemplate } from '../conditions.ts';

const items: ConditionItem[] = [
  {
    id: 'jx-gate:supplies',
    text: '提前准备红外体温检测仪、消毒液、口罩等防控物资',
    kind: 'yes_no',
    required: true,
    source: c003(483, '企业要提前准备红外体温检测仪、消毒液、口罩等防控物资'),
  },
  {
    id: 'jx-gate:isolation',
    text: '落实隔离场所（无条件独立设立的，已落实属地提供的集中隔离场所）',
    kind: 'yes_no',
    required: true,
    source: c003(483, '落实隔离场所'),
  },
  {
    id: 'jx-gate:ventilation',
    text: '保障通风',
    kind: 'yes_no',
    required: true,
    source: c003(483, '保障通风'),
  },
  {
    id: 'jx-gate:disinfection',
    text: '定时对厂区、宿舍、食堂、车辆等进行全面消毒和卫生保洁',
    kind: 'yes_no',
    required: true,
    source: c003(483, '定时对厂区、宿舍、食堂、车辆等进行全面消毒和卫生保洁'),
  },
  {
    id: 'jx-gate:measures',
    text: '结合企业生产经营特点，严格落实企业疫情防控措施及要求',
    kind: 'yes_no',
    required: true,
    source: c003(483, '要结合企业生产经营特点，严格落实企业疫情防控措施及要求'),
  },
  {
    id: 'jx-gate:distancing',
    text: '合理安排工作岗位，保持人员工作距离，减少人员聚集',
    kind: 'yes_no',
    required: true,
    source: c003(483, '要合理安排工作岗位，保持人员工作距离，减少人员聚集'),
  },
];

export const JIANGXI_GATE: ConditionTemplate = {
  templateId: 'jx-gate',
  title: '江西省企业复工复产疫情防控条件',
  subject: 'enterprise',
  jurisdiction: '江西省',
  sources: [c003(483, '疫情防控条件不具备的企业不得复工复产')],
  items,
};
