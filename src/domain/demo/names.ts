/**
 * Fictitious but realistic Chinese names, enterprise names, phone numbers and addresses for demo data, drawn
 * from the seeded generator (./random.ts).
 *
 * Honesty notes:
 * - Person and enterprise names are combinations of common characters; by chance one may equal a real person's or
 *   firm's name. Names are not identifiers; what makes a demo record fictitious is its ID numbers
 *   (./identifiers.ts), which are built to be recognisable.
 * - Mobile numbers use the 154 segment. Every generated number is syntactically a mainland mobile number
 *   (11 digits, `1[3-9]` then 9 digits), but 154 has never been allocated to any operator (in use: 13x; 14x for
 *   data cards and IoT; 150–153 and 155–159; 162, 165–167; 17x; 18x; 19x), so the numbers reach nobody today. The commonly suggested 170/171 are NOT fictitious: they are live MVNO (虚拟运营商) segments with
 *   real subscribers. If 154 is ever allocated, `isFictitiousMobile` is the single place to change.
 * - Street names are composed from neutral words and house numbers are random; a composed address may exist.
 */

import type { Rng, Weighted } from './random.ts';
import type { Sex } from '../registry/resident-id.ts';

export type { Sex };

/** Parses `王712 李700 …` (name immediately followed by its weight) into weighted items. */
function parseWeighted(table: string): Weighted<string>[] {
  return table
    .trim()
    .split(/\s+/)
    .map((entry) => {
      const m = /^(\D+)(\d+)$/.exec(entry);
      if (!m) throw new Error(`bad weighted entry “${entry}”`);
      return [m[1]!, Number(m[2])] as const;
    });
}

/**
 * Surnames with weights. National order and rough shares follow 公安部户政管理研究中心《二〇二〇年全国姓名报告》
 * (王、李、张、刘、陈 … each ≈ 5–7 %, weights in 0.01 %); surnames typical of Nanchang and Jiangxi (万、熊、涂、
 * 喻、饶、邹、龚、聂、甘、晏) are raised to reflect the local population. Approximate by design.
 */
export const SURNAMES: readonly Weighted<string>[] = parseWeighted(
  '王712 李700 张674 刘560 陈461 杨322 黄265 赵219 吴218 周192 徐165 孙138 马109 朱128 胡186 郭115 何106 林103 高100 罗125 ' +
    '郑89 梁74 谢90 宋62 唐71 许68 韩57 冯56 邓85 曹63 彭80 曾79 肖77 田46 董45 袁53 潘52 于41 蒋50 蔡49 余68 杜37 叶46 程55 苏34 ' +
    '魏53 吕32 丁41 任30 沈29 姚38 卢37 姜26 崔25 钟44 谭33 陆22 汪41 范30 金19 石28 廖37 贾16 夏25 付43 方22 白11 邹60 孟9 熊78 ' +
    '秦10 邱26 江35 尹14 薛8 段11 雷20 侯9 龙9 史8 陶18 黎18 贺17 顾7 毛17 龚37 邵6 万72 钱6 严16 武6 戴16 孔5 向5 汤15 涂48 喻32 ' +
    '饶34 聂24 甘18 晏14 欧阳12 闵10 舒12',
);

const MALE_FIRST: readonly string[] = [...'建志俊文明晓家国子浩宇一天永海立嘉振伟新晨思'];
const MALE_SECOND: readonly string[] = [
  ...'伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宇浩凯健俊帆旭宁龙林阳峰亮成博轩睿然泽航诚洋瑞毅昊杨彬东兵武翔源',
];
const FEMALE_FIRST: readonly string[] = [...'晓思雨佳欣子诗梦雅美丽秀海春静文一可嘉紫慧若'];
const FEMALE_SECOND: readonly string[] = [
  ...'芳娜敏静丽艳娟霞燕玲婷雪慧琳洁颖倩梅莉丹萍红晶欣怡佳悦琪雯瑶萱涵妍雨彤茜蕾璐薇媛岚蓉青兰菲君露洋文云',
];

/** A fictitious person name: surname by frequency, given name of 1 character (≈ 20 %) or 2 characters. */
export function fakePersonName(rng: Rng, sex?: Sex): string {
  const s: Sex = sex ?? (rng.chance(0.5) ? 'male' : 'female');
  const surname = rng.weighted(SURNAMES);
  const second = rng.pick(s === 'male' ? MALE_SECOND : FEMALE_SECOND);
  if (rng.chance(0.2)) return surname + second;
  let first = rng.pick(s === 'male' ? MALE_FIRST : FEMALE_FIRST);
  if (first === second) first = rng.pick(s === 'male' ? MALE_FIRST : FEMALE_FIRST);
  return surname + first + second;
}

/** Nanchang's county-level areas (GB/T 2260 codes in force since 2020) and the prefix firms there use. */
export interface NanchangArea {
  code: string;
  name: string;
  /** Full address prefix, e.g. `南昌市东湖区`. */
  fullName: string;
  /** Administrative-division part of an enterprise name registered there. */
  enterprisePrefix: string;
  /** Relative share of demo enterprises. */
  weight: number;
}

export const NANCHANG_AREAS: readonly NanchangArea[] = [
  { code: '360102', name: '东湖区', fullName: '南昌市东湖区', enterprisePrefix: '南昌', weight: 10 },
  { code: '360103', name: '西湖区', fullName: '南昌市西湖区', enterprisePrefix: '南昌', weight: 10 },
  { code: '360104', name: '青云谱区', fullName: '南昌市青云谱区', enterprisePrefix: '南昌', weight: 8 },
  { code: '360111', name: '青山湖区', fullName: '南昌市青山湖区', enterprisePrefix: '南昌', weight: 14 },
  { code: '360112', name: '新建区', fullName: '南昌市新建区', enterprisePrefix: '南昌', weight: 12 },
  { code: '360113', name: '红谷滩区', fullName: '南昌市红谷滩区', enterprisePrefix: '南昌', weight: 12 },
  { code: '360121', name: '南昌县', fullName: '南昌市南昌县', enterprisePrefix: '南昌县', weight: 16 },
  { code: '360123', name: '安义县', fullName: '南昌市安义县', enterprisePrefix: '安义县', weight: 6 },
  { code: '360124', name: '进贤县', fullName: '南昌市进贤县', enterprisePrefix: '进贤县', weight: 8 },
];

const AREAS_WEIGHTED: readonly Weighted<NanchangArea>[] = NANCHANG_AREAS.map((a) => ({ value: a, weight: a.weight }));

/** Neutral characters for 字号 (trade names); famous brand characters are left out on purpose. */
const TRADE_NAME_CHARS: readonly string[] = [
  ...'瑞丰安泰盛源达宏润嘉弘锦和景博佳启晟辰禾悦诚益汇远正德信宇恒兴隆昇旭骏鹏峰川岳澜睿鼎铭卓越致融捷凯茂裕永成合利通赣洪豫章江湖青蓝绿金',
];

/**
 * Industry words of enterprise names with the GB/T 4754-2017 code they imply (division, or class where the
 * size rules need it: 59 and 70), weighted roughly after Nanchang's economy.
 */
export const ENTERPRISE_INDUSTRIES: readonly { word: string; industryCode: string; weight: number }[] = [
  { word: '农业开发', industryCode: '01', weight: 3 },
  { word: '生态农业', industryCode: '01', weight: 2 },
  { word: '畜牧', industryCode: '03', weight: 1 },
  { word: '水产', industryCode: '04', weight: 1 },
  { word: '米业', industryCode: '13', weight: 2 },
  { word: '食品', industryCode: '14', weight: 4 },
  { word: '纺织', industryCode: '17', weight: 2 },
  { word: '服饰', industryCode: '18', weight: 4 },
  { word: '化工', industryCode: '26', weight: 2 },
  { word: '医药', industryCode: '27', weight: 3 },
  { word: '塑胶', industryCode: '29', weight: 2 },
  { word: '建材', industryCode: '30', weight: 3 },
  { word: '五金制品', industryCode: '33', weight: 2 },
  { word: '机械', industryCode: '34', weight: 4 },
  { word: '汽车零部件', industryCode: '36', weight: 3 },
  { word: '电气', industryCode: '38', weight: 3 },
  { word: '电子', industryCode: '39', weight: 4 },
  { word: '光电', industryCode: '39', weight: 3 },
  { word: '仪器仪表', industryCode: '40', weight: 1 },
  { word: '建筑工程', industryCode: '47', weight: 4 },
  { word: '市政工程', industryCode: '48', weight: 2 },
  { word: '装饰工程', industryCode: '50', weight: 3 },
  { word: '商贸', industryCode: '51', weight: 8 },
  { word: '贸易', industryCode: '51', weight: 4 },
  { word: '超市', industryCode: '52', weight: 3 },
  { word: '医药连锁', industryCode: '52', weight: 1 },
  { word: '运输', industryCode: '54', weight: 3 },
  { word: '物流', industryCode: '58', weight: 3 },
  { word: '仓储', industryCode: '5920', weight: 1 },
  { word: '快递', industryCode: '6020', weight: 1 },
  { word: '酒店', industryCode: '61', weight: 2 },
  { word: '餐饮管理', industryCode: '62', weight: 4 },
  { word: '网络科技', industryCode: '64', weight: 3 },
  { word: '软件', industryCode: '65', weight: 2 },
  { word: '信息技术', industryCode: '65', weight: 3 },
  { word: '置业', industryCode: '7010', weight: 2 },
  { word: '物业服务', industryCode: '7020', weight: 2 },
  { word: '设备租赁', industryCode: '71', weight: 1 },
  { word: '企业管理咨询', industryCode: '72', weight: 2 },
  { word: '人力资源服务', industryCode: '72', weight: 1 },
  { word: '检测技术', industryCode: '74', weight: 1 },
  { word: '环保科技', industryCode: '77', weight: 1 },
  { word: '家政服务', industryCode: '80', weight: 1 },
];

const INDUSTRIES_WEIGHTED = ENTERPRISE_INDUSTRIES.map((i) => ({ value: i, weight: i.weight }));

/** Organisational forms (公司法): 有限公司 / 有限责任公司 / 股份有限公司. */
export const ORGANIZATION_FORMS: readonly Weighted<string>[] = [
  ['有限公司', 70],
  ['有限责任公司', 20],
  ['股份有限公司', 10],
];

export interface FakeEnterprise {
  name: string;
  /** 2 characters. */
  tradeName: string;
  industryWord: string;
  /** GB/T 4754-2017 code implied by the industry word. */
  industryCode: string;
  organizationForm: string;
  /** County-level area of registration. */
  area: NanchangArea;
}

/** A fictitious enterprise: `行政区划 + 字号 + 行业 + 组织形式`, e.g. 南昌瑞丰机械有限公司. */
export function fakeEnterprise(rng: Rng, area?: NanchangArea): FakeEnterprise {
  const where = area ?? rng.weighted(AREAS_WEIGHTED);
  const a = rng.pick(TRADE_NAME_CHARS);
  let b = rng.pick(TRADE_NAME_CHARS);
  while (b === a) b = rng.pick(TRADE_NAME_CHARS);
  const industry = rng.weighted(INDUSTRIES_WEIGHTED);
  const form = rng.weighted(ORGANIZATION_FORMS);
  const tradeName = a + b;
  return {
    name: `${where.enterprisePrefix}${tradeName}${industry.word}${form}`,
    tradeName,
    industryWord: industry.word,
    industryCode: industry.industryCode,
    organizationForm: form,
    area: where,
  };
}

/** Name only; see `fakeEnterprise`. */
export function fakeEnterpriseName(rng: Rng, area?: NanchangArea): string {
  return fakeEnterprise(rng, area).name;
}

/** The unallocated segment used for fictitious mobile numbers. */
export const FICTITIOUS_MOBILE_PREFIX = '154';

/** A fictitious mobile number `154xxxxxxxx` (see the file comment for why 154). */
export function fakeMobile(rng: Rng): string {
  return FICTITIOUS_MOBILE_PREFIX + String(rng.int(0, 99_999_999)).padStart(8, '0');
}

/** Whether a number is one of ours — e.g. for an SMS gateway that must never send to demo people. */
export function isFictitiousMobile(phone: string): boolean {
  return /^154\d{8}$/.test(phone.trim());
}

const STREET_WORDS: readonly string[] = (
  '长青 丰和 兴业 和平 建设 迎宾 创新 科技 振兴 学府 湖滨 金盘 昌东 银湖 ' +
  '青云 玉带 翠苑 枫林 紫阳 瑶湖 天祥 富山 广场 桃花 丁香 红角洲 雄溪 梅岭'
).split(' ');
const STREET_KINDS: readonly Weighted<string>[] = [
  ['路', 70],
  ['大道', 20],
  ['街', 10],
];

/** A composed street address, e.g. `南昌市青山湖区丰和路128号`. */
export function fakeAddress(rng: Rng, area?: NanchangArea): string {
  const where = area ?? rng.weighted(AREAS_WEIGHTED);
  const street = rng.pick(STREET_WORDS) + rng.weighted(STREET_KINDS);
  const number = rng.chance(0.85) ? rng.int(1, 999) : rng.int(1000, 2999);
  return `${where.fullName}${street}${number}号`;
}
