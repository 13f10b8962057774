/** Numeric conditions of the workplace guide (seed 003 L61, L68): dormitory density and temperature checks. */
import { c003 } from '../citations.ts';
import type { ConditionItem, ConditionTemplate } from '../conditions.ts';

const items: ConditionItem[] = [
  {
    id: 'dormitory:persons-per-room',
    text: '集体宿舍每间最多居住人数',
    kind: 'number',
    required: false,
    hint: '没有集体宿舍的企业不填。',
    number: { unit: '人', max: 6, decimals: 0 },
    source: c003(68, '员工集体宿舍原则上每间不超过6人'),
  },
  {
    id: 'dormitory:area-per-person',
    text: '集体宿舍人均居住面积',
    kind: 'number',
    required: false,
    hint: '没有集体宿舍的企业不填。',
    number: { unit: '平方米', min: 2.5, decimals: 1 },
    source: c003(68, '人均不少于2.5平方米'),
  },
  {
    id: 'dormitory:temperature-checks',
    text: '隔离期间和入住集体宿舍员工每日体温检测次数',
    kind: 'number',
    required: false,
    hint: '没有集体宿舍且无隔离员工的企业不填。',
    number: { unit: '次', min: 2, decimals: 0 },
    source: c003(61, '应每日进行2次体温检测'),
  },
];

export const DORMITORY_NUMBERS: ConditionTemplate = {
  templateId: 'dormitory',
  title: '集体宿舍与体温检测数值要求',
  subject: 'enterprise',
  jurisdiction: '全国',
  sources: [c003(48, '国发明电〔2020〕4号')],
  items,
};
