/** 十个一: the configuration standard of a checkpoint (卡点), Nanchang High-tech Zone (seed 001 L19). */
import { c001 } from '../citations.ts';
import type { ConditionItem, ConditionTemplate } from '../conditions.ts';

const ONES: readonly [string, string][] = [
  ['flag', '一面党旗'],
  ['mechanism', '一套机制'],
  ['person-in-charge', '一名负责人'],
  ['team', '一支队伍'],
  ['work-group', '一个工作群'],
  ['thermometer', '一把测温枪'],
  ['register', '一张登记表'],
  ['notice', '一份告知书'],
  ['disinfectant', '一瓶消毒液'],
  ['lamp', '一盏明灯'],
];

const items: ConditionItem[] = ONES.map(([id, text]) => ({
  id: `ten-ones:${id}`,
  text,
  kind: 'yes_no',
  required: true,
  source: c001(19, text),
}));

export const TEN_ONES: ConditionTemplate = {
  templateId: 'ten-ones',
  title: '卡点“十个一”配置标准',
  subject: 'checkpoint',
  jurisdiction: '南昌高新区',
  sources: [c001(19, '并探索出了“十个一”的配置标准')],
  items,
};
