/**
 * 《企事业单位复工复产疫情防控措施指南》 (国发明电〔2020〕4号, seed 003 L57–L79): one item per numbered clause
 * (一)…(十六), quoting its heading; the hint carries the clause's key requirement.
 */
import { c003 } from '../citations.ts';
import type { ConditionItem, ConditionTemplate } from '../conditions.ts';

interface Clause {
  readonly no: string;
  readonly line: number;
  readonly heading: string;
  readonly hint: string;
  readonly kind?: 'yes_no' | 'material';
}

const CLAUSES: readonly Clause[] = [
  {
    no: '一',
    line: 61,
    heading: '做好员工健康管理',
    hint: '对处在隔离期间和入住集体宿舍的员工，应每日进行2次体温检测。',
  },
  {
    no: '二',
    line: 62,
    heading: '实行健康状况报告',
    hint: '设立可疑症状报告电话；每天汇总员工健康状况，向当地疾控部门报告。',
  },
  {
    no: '三',
    line: 64,
    heading: '加强进出人员登记管理',
    hint: '停用指纹考勤机；员工每次进入单位或厂区时在入口处检测体温，体温正常方可进入。',
  },
  {
    no: '四',
    line: 65,
    heading: '保持工作场所通风换气',
    hint: '首选自然通风；使用空调的，所有排风直接排到室外，不使用空调时关闭回风通道。',
  },
  {
    no: '五',
    line: 66,
    heading: '保障洗手等设施正常运行',
    hint: '工作场所设置洗手设备；无洗手设备的配备免洗消毒用品。',
  },
  {
    no: '六',
    line: 67,
    heading: '做好工作和生活场所清洁消毒',
    hint: '公共区域及相关物品由专人负责定期消毒，频繁接触部位增加消毒次数。',
  },
  {
    no: '七',
    line: 68,
    heading: '减少员工聚集和集体活动',
    hint: '员工集体宿舍原则上每间不超过6人，人均不少于2.5平方米；可错时上下班、弹性工作或居家办公。',
  },
  { no: '八', line: 69, heading: '加强员工集体用餐管理', hint: '延长供餐时间、错峰就餐；避免面对面就坐。' },
  {
    no: '九',
    line: 70,
    heading: '做好医务服务',
    hint: '设立医务室的调配必要药物和防护物资；未设立的就近与医疗机构建立联系。',
  },
  { no: '十', line: 71, heading: '规范垃圾收集处理', hint: '在公共区域设置口罩专用回收箱，定期消毒，及时清运。' },
  { no: '十一', line: 73, heading: '强化防控宣传教育', hint: '多种形式开展疫情防治知识科普宣传。' },
  { no: '十二', line: 74, heading: '落实个人防护要求', hint: '人员密集场所正确佩戴口罩等防护用品，勤洗手。' },
  {
    no: '十三',
    line: 76,
    heading: '明确单位防控责任',
    hint: '主要负责人是疫情防控第一责任人；上传单位疫情防控组织体系、应急措施和处置流程。',
    kind: 'material',
  },
  {
    no: '十四',
    line: 77,
    heading: '设立隔离观察区域',
    hint: '员工出现可疑症状时及时到该区域暂时隔离，并报告当地疾控部门。',
  },
  {
    no: '十五',
    line: 78,
    heading: '封闭相关区域并进行消毒',
    hint: '发现可疑症状员工后立即隔离其工作岗位和宿舍，在专业人员指导下消毒。',
  },
  {
    no: '十六',
    line: 79,
    heading: '做好发现病例后的应对处置',
    hint: '已发现病例的单位实施内防扩散、外防输出的防控策略。',
  },
];

const ids = ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12', '13', '14', '15', '16'];

const items: ConditionItem[] = CLAUSES.map((c, i) => ({
  id: `workplace-guide:${ids[i]!}`,
  text: `（${c.no}）${c.heading}`,
  kind: c.kind ?? 'yes_no',
  required: true,
  hint: c.hint,
  source: c003(c.line, `（${c.no}）${c.heading}`),
}));

export const WORKPLACE_GUIDE: ConditionTemplate = {
  templateId: 'workplace-guide',
  title: '企事业单位复工复产疫情防控措施指南（国发明电〔2020〕4号）',
  subject: 'enterprise',
  jurisdiction: '全国',
  sources: [c003(57, '企事业单位复工复产疫情防控措施指南'), c003(48, '国发明电〔2020〕4号')],
  items,
};
