/**
 * Enterprise size class (大型 / 中型 / 小型 / 微型) per 工信部联企业〔2011〕300号《中小企业划型标准规定》, with the
 * industry mapping and the decision rule of 国统字〔2017〕213号《统计上大中小微型企业划分办法（2017）》.
 *
 * Why it matters here: social-insurance relief exempts 中小微企业 and halves contributions of 大型企业
 * (003_18fd0961877c4a42.txt:L176), and provinces pick the beneficiaries "根据…（工信部联企业〔2011〕300号）等有关
 * 规定" (003_18fd0961877c4a42.txt:L179).
 *
 * Rules encoded:
 * - 300号 第四条 gives, per industry, the upper bounds of 中小微型 and the lower bounds of 中型 and 小型;
 *   第七条: "本规定的中型企业标准上限即为大型企业标准的下限" — 大型 starts where 中型 ends.
 * - Wording: "以上" includes the number and "以下" excludes it (300号 第四条 "X及以上" / "X以下"; 213号 附表 writes
 *   them as X ≥ a and X < a).
 * - 213号 附表 注: "大型、中型和小型企业须同时满足所列指标的下限，否则下划一档；微型企业只须满足所列指标中的
 *   一项即可。" Hence an enterprise's class is the LOWEST of the classes its indicators reach one by one.
 * - Indicators (213号 第四条 and 附表 注): 从业人员 = 期末从业人员数 (or the annual average when there is no
 *   period-end figure); 营业收入 = 上年度营业收入 (主营业务收入 where 营业收入 is not available); 资产总额 =
 *   资产总计. Money is integer fen; 1 万元 = 1,000,000 fen.
 *
 * Industry mapping (GB/T 4754-2017 divisions; 213号 附表 行业 column and its notes):
 *   01–05 农、林、牧、渔业 · 06–46 工业 (B 采矿业, C 制造业, D 电力、热力、燃气及水生产和供应业) · 47–50 建筑业 ·
 *   51 批发业 · 52 零售业 · 54–58 and group 591 (装卸搬运) 交通运输业 · 592–599 仓储业 · 60 邮政业 · 61 住宿业 ·
 *   62 餐饮业 · 63–64 信息传输业 · 65 软件和信息技术服务业 · 7010 房地产开发经营 · 7020 物业管理 ·
 *   7030, 7090 其他未列明行业 · 71–72 租赁和商务服务业 · 73–90 (M, N, O, P, Q, R) 其他未列明行业.
 * Not classified by these rules (the result names the reason):
 *   53 铁路运输业 — 300号 第三条 "交通运输业（不含铁路运输业）" and 213号 附表 注 exclude it;
 *   7040 房地产租赁经营 (the former 自有房地产经营活动) — 213号 附表 注 "不包括自有房地产经营活动";
 *   66–69 金融业 — sized by 银发〔2015〕309号《金融业企业划型标准规定》 instead;
 *   91–97 公共管理、社会保障和社会组织 / 国际组织 — not enterprises.
 * Divisions 59 and 70 mix categories, so they need at least the 3-digit group (591/592…, 701/702…).
 * P 83 教育 and Q 84 卫生 are not named by 213号 but fall under 300号's open list "其他未列明行业（包括…等）".
 */

export type SizeClass = 'large' | 'medium' | 'small' | 'micro';

export const SIZE_CLASS_LABEL: Readonly<Record<SizeClass, string>> = {
  large: '大型',
  medium: '中型',
  small: '小型',
  micro: '微型',
};

/** Classes from the lowest to the highest; the index is the class rank. */
export const SIZE_CLASSES_ASCENDING: readonly SizeClass[] = ['micro', 'small', 'medium', 'large'];

export type SizeIndicator = 'employees' | 'revenueFen' | 'assetsFen';

export const SIZE_INDICATOR_LABEL: Readonly<Record<SizeIndicator, string>> = {
  employees: '从业人员',
  revenueFen: '营业收入',
  assetsFen: '资产总额',
};

export type SizeCategoryId =
  | 'agriculture'
  | 'industry'
  | 'construction'
  | 'wholesale'
  | 'retail'
  | 'transport'
  | 'warehousing'
  | 'postal'
  | 'accommodation'
  | 'catering'
  | 'informationTransmission'
  | 'software'
  | 'realEstateDevelopment'
  | 'propertyManagement'
  | 'leasingBusinessServices'
  | 'otherUnlisted';

/** Lower bounds of 小型, 中型 and 大型 for one indicator (persons, or fen for money). */
export interface IndicatorBounds {
  indicator: SizeIndicator;
  small: number;
  medium: number;
  large: number;
}

export interface SizeCategory {
  id: SizeCategoryId;
  /** 300号 name of the industry, e.g. `工业`. */
  label: string;
  indicators: readonly IndicatorBounds[];
  /** Where the thresholds come from. */
  source: string;
}

/** 万元 → fen. */
const wan = (n: number): number => n * 1_000_000;

const people = (small: number, medium: number, large: number): IndicatorBounds => ({
  indicator: 'employees',
  small,
  medium,
  large,
});
const revenue = (small: number, medium: number, large: number): IndicatorBounds => ({
  indicator: 'revenueFen',
  small: wan(small),
  medium: wan(medium),
  large: wan(large),
});
const assets = (small: number, medium: number, large: number): IndicatorBounds => ({
  indicator: 'assetsFen',
  small: wan(small),
  medium: wan(medium),
  large: wan(large),
});

const SRC = '工信部联企业〔2011〕300号 第四条';

/** Thresholds of 300号 第四条 (一)–(十六); 大型 lower bound = 中小微型 upper bound (第七条). */
export const SIZE_CATEGORIES: Readonly<Record<SizeCategoryId, SizeCategory>> = {
  // （一）营业收入20000万元以下…500万元及以上的为中型…50万元及以上的为小型…50万元以下的为微型
  agriculture: {
    id: 'agriculture',
    label: '农、林、牧、渔业',
    indicators: [revenue(50, 500, 20000)],
    source: `${SRC}（一）`,
  },
  // （二）从业人员1000人以下或营业收入40000万元以下…300人及以上，且2000万元及以上…20人及以上，且300万元及以上
  industry: {
    id: 'industry',
    label: '工业',
    indicators: [people(20, 300, 1000), revenue(300, 2000, 40000)],
    source: `${SRC}（二）`,
  },
  // （三）营业收入80000万元以下或资产总额80000万元以下…6000万元及以上，且5000万元及以上…300万元及以上，且300万元及以上
  construction: {
    id: 'construction',
    label: '建筑业',
    indicators: [revenue(300, 6000, 80000), assets(300, 5000, 80000)],
    source: `${SRC}（三）`,
  },
  // （四）从业人员200人以下或营业收入40000万元以下…20人及以上，且5000万元及以上…5人及以上，且1000万元及以上
  wholesale: {
    id: 'wholesale',
    label: '批发业',
    indicators: [people(5, 20, 200), revenue(1000, 5000, 40000)],
    source: `${SRC}（四）`,
  },
  // （五）从业人员300人以下或营业收入20000万元以下…50人及以上，且500万元及以上…10人及以上，且100万元及以上
  retail: {
    id: 'retail',
    label: '零售业',
    indicators: [people(10, 50, 300), revenue(100, 500, 20000)],
    source: `${SRC}（五）`,
  },
  // （六）从业人员1000人以下或营业收入30000万元以下…300人及以上，且3000万元及以上…20人及以上，且200万元及以上
  transport: {
    id: 'transport',
    label: '交通运输业',
    indicators: [people(20, 300, 1000), revenue(200, 3000, 30000)],
    source: `${SRC}（六）`,
  },
  // （七）从业人员200人以下或营业收入30000万元以下…100人及以上，且1000万元及以上…20人及以上，且100万元及以上
  warehousing: {
    id: 'warehousing',
    label: '仓储业',
    indicators: [people(20, 100, 200), revenue(100, 1000, 30000)],
    source: `${SRC}（七）`,
  },
  // （八）从业人员1000人以下或营业收入30000万元以下…300人及以上，且2000万元及以上…20人及以上，且100万元及以上
  postal: {
    id: 'postal',
    label: '邮政业',
    indicators: [people(20, 300, 1000), revenue(100, 2000, 30000)],
    source: `${SRC}（八）`,
  },
  // （九）从业人员300人以下或营业收入10000万元以下…100人及以上，且2000万元及以上…10人及以上，且100万元及以上
  accommodation: {
    id: 'accommodation',
    label: '住宿业',
    indicators: [people(10, 100, 300), revenue(100, 2000, 10000)],
    source: `${SRC}（九）`,
  },
  // （十）从业人员300人以下或营业收入10000万元以下…100人及以上，且2000万元及以上…10人及以上，且100万元及以上
  catering: {
    id: 'catering',
    label: '餐饮业',
    indicators: [people(10, 100, 300), revenue(100, 2000, 10000)],
    source: `${SRC}（十）`,
  },
  // （十一）从业人员2000人以下或营业收入100000万元以下…100人及以上，且1000万元及以上…10人及以上，且100万元及以上
  informationTransmission: {
    id: 'informationTransmission',
    label: '信息传输业',
    indicators: [people(10, 100, 2000), revenue(100, 1000, 100000)],
    source: `${SRC}（十一）`,
  },
  // （十二）从业人员300人以下或营业收入10000万元以下…100人及以上，且1000万元及以上…10人及以上，且50万元及以上
  software: {
    id: 'software',
    label: '软件和信息技术服务业',
    indicators: [people(10, 100, 300), revenue(50, 1000, 10000)],
    source: `${SRC}（十二）`,
  },
  // （十三）营业收入200000万元以下或资产总额10000万元以下…1000万元及以上，且5000万元及以上…100万元及以上，且2000万元及以上
  realEstateDevelopment: {
    id: 'realEstateDevelopment',
    label: '房地产开发经营',
    indicators: [revenue(100, 1000, 200000), assets(2000, 5000, 10000)],
    source: `${SRC}（十三）`,
  },
  // （十四）从业人员1000人以下或营业收入5000万元以下…300人及以上，且1000万元及以上…100人及以上，且500万元及以上
  propertyManagement: {
    id: 'propertyManagement',
    label: '物业管理',
    indicators: [people(100, 300, 1000), revenue(500, 1000, 5000)],
    source: `${SRC}（十四）`,
  },
  // （十五）从业人员300人以下或资产总额120000万元以下…100人及以上，且8000万元及以上…10人及以上，且100万元及以上
  leasingBusinessServices: {
    id: 'leasingBusinessServices',
    label: '租赁和商务服务业',
    indicators: [people(10, 100, 300), assets(100, 8000, 120000)],
    source: `${SRC}（十五）`,
  },
  // （十六）从业人员300人以下…100人及以上的为中型…10人及以上的为小型…10人以下的为微型
  otherUnlisted: {
    id: 'otherUnlisted',
    label: '其他未列明行业',
    indicators: [people(10, 100, 300)],
    source: `${SRC}（十六）`,
  },
};

/** GB/T 4754-2017 门类 letter of each division. */
const SECTIONS: readonly [string, number, number][] = [
  ['A', 1, 5],
  ['B', 6, 12],
  ['C', 13, 43],
  ['D', 44, 46],
  ['E', 47, 50],
  ['F', 51, 52],
  ['G', 53, 60],
  ['H', 61, 62],
  ['I', 63, 65],
  ['J', 66, 69],
  ['K', 70, 70],
  ['L', 71, 72],
  ['M', 73, 75],
  ['N', 76, 79],
  ['O', 80, 82],
  ['P', 83, 83],
  ['Q', 84, 85],
  ['R', 86, 90],
  ['S', 91, 96],
  ['T', 97, 97],
];

function sectionOf(division: number): string | undefined {
  return SECTIONS.find(([, lo, hi]) => division >= lo && division <= hi)?.[0];
}

export type SizeCategoryLookup =
  | { ok: true; category: SizeCategory; division: string; code: string; note: string }
  | { ok: false; reason: 'invalid' | 'needsClass' | 'notCovered'; code: string; message: string };

const FIELD = '行业代码';

/**
 * 300号 industry of a GB/T 4754-2017 code: a division ("39"), group ("391") or class ("3911"), optionally with
 * its section letter ("C3911"). Divisions 59 and 70 need at least the group digit.
 */
export function sizeCategoryOf(industryCode: string): SizeCategoryLookup {
  const raw = (industryCode ?? '').trim().toUpperCase();
  const m = /^([A-T])?(\d{2})(\d{0,2})$/.exec(raw);
  if (!m) {
    return {
      ok: false,
      reason: 'invalid',
      code: raw,
      message: `${FIELD}：“${raw}”不是GB/T 4754-2017行业代码（应为2–4位数字，可带门类字母）`,
    };
  }
  const letter = m[1];
  const divisionStr = m[2]!;
  const rest = m[3] ?? '';
  const division = Number(divisionStr);
  const section = sectionOf(division);
  if (!section) {
    return {
      ok: false,
      reason: 'invalid',
      code: raw,
      message: `${FIELD}：行业大类“${divisionStr}”不存在（应为01–97）`,
    };
  }
  if (letter !== undefined && letter !== section) {
    return {
      ok: false,
      reason: 'invalid',
      code: raw,
      message: `${FIELD}：门类“${letter}”与行业大类“${divisionStr}”（门类${section}）不符`,
    };
  }
  const group = rest.length > 0 ? rest[0]! : undefined;
  const ok = (id: SizeCategoryId, note: string): SizeCategoryLookup => ({
    ok: true,
    category: SIZE_CATEGORIES[id],
    division: divisionStr,
    code: raw,
    note,
  });
  const notCovered = (message: string): SizeCategoryLookup => ({ ok: false, reason: 'notCovered', code: raw, message });

  if (division <= 5) return ok('agriculture', `大类${divisionStr}属门类A 农、林、牧、渔业`);
  if (division <= 46)
    return ok(
      'industry',
      `大类${divisionStr}属门类${section}，工业包括采矿业、制造业，电力、热力、燃气及水生产和供应业（300号 第三条）`,
    );
  if (division <= 50) return ok('construction', `大类${divisionStr}属门类E 建筑业`);
  if (division === 51) return ok('wholesale', '大类51 批发业');
  if (division === 52) return ok('retail', '大类52 零售业');
  if (division === 53) {
    return notCovered(`${FIELD}：大类53铁路运输业不在划型范围内（300号 第三条“交通运输业（不含铁路运输业）”）`);
  }
  if (division <= 58)
    return ok(
      'transport',
      `大类${divisionStr}属交通运输业（道路、水上、航空、管道运输，多式联运和运输代理，213号 附表 注）`,
    );
  if (division === 59) {
    if (group === undefined) {
      return {
        ok: false,
        reason: 'needsClass',
        code: raw,
        message: `${FIELD}：大类59装卸搬运和仓储业须细分到中类或小类（591装卸搬运属交通运输业，592–599属仓储业）`,
      };
    }
    if (group === '1')
      return ok('transport', '中类591装卸搬运属交通运输业（213号 附表 注“…多式联运和运输代理业、装卸搬运”）');
    if ('234569'.includes(group)) return ok('warehousing', `中类59${group}属仓储业（213号 附表 注）`);
    return { ok: false, reason: 'invalid', code: raw, message: `${FIELD}：中类“59${group}”不存在` };
  }
  if (division === 60) return ok('postal', '大类60 邮政业');
  if (division === 61) return ok('accommodation', '大类61 住宿业');
  if (division === 62) return ok('catering', '大类62 餐饮业');
  if (division === 63 || division === 64)
    return ok(
      'informationTransmission',
      `大类${divisionStr}属信息传输业（电信、广播电视和卫星传输服务，互联网和相关服务）`,
    );
  if (division === 65) return ok('software', '大类65 软件和信息技术服务业');
  if (division <= 69) {
    return notCovered(
      `${FIELD}：大类${divisionStr}属金融业，按《金融业企业划型标准规定》（银发〔2015〕309号）划型，不适用300号`,
    );
  }
  if (division === 70) {
    if (group === undefined) {
      return {
        ok: false,
        reason: 'needsClass',
        code: raw,
        message: `${FIELD}：大类70房地产业须细分到小类（7010房地产开发经营、7020物业管理标准不同）`,
      };
    }
    if (group === '1') return ok('realEstateDevelopment', '小类7010 房地产开发经营');
    if (group === '2') return ok('propertyManagement', '小类7020 物业管理');
    if (group === '3' || group === '9')
      return ok('otherUnlisted', `小类70${group}0属其他未列明行业（213号 附表 注“以及房地产中介服务，其他房地产业”）`);
    if (group === '4') {
      return notCovered(
        `${FIELD}：小类7040房地产租赁经营（自有房地产经营活动）不在划型范围内（213号 附表 注“不包括自有房地产经营活动”）`,
      );
    }
    return { ok: false, reason: 'invalid', code: raw, message: `${FIELD}：中类“70${group}”不存在` };
  }
  if (division <= 72) return ok('leasingBusinessServices', `大类${divisionStr}属门类L 租赁和商务服务业`);
  if (division <= 90) {
    return ok(
      'otherUnlisted',
      `大类${divisionStr}属门类${section}，归其他未列明行业（300号 第三条“其他未列明行业（包括科学研究和技术服务业…等）”）`,
    );
  }
  return notCovered(
    `${FIELD}：大类${divisionStr}属门类${section}（${section === 'T' ? '国际组织' : '公共管理、社会保障和社会组织'}），不是企业，不适用300号`,
  );
}

export interface EnterpriseSizeInput {
  /** GB/T 4754-2017 division, group or class code. */
  industryCode: string;
  /** 从业人员 (persons, period-end). */
  employees?: number | null;
  /** 营业收入 of the previous year, integer fen. */
  revenueFen?: number | null;
  /** 资产总额, integer fen. */
  assetsFen?: number | null;
}

export interface EnterpriseSizeResult {
  /** Null when a needed fact is missing or the industry is not classified by 300号 (see `problem`). */
  sizeClass: SizeClass | null;
  /** 300号 industry label, e.g. `工业`; empty when the code could not be mapped. */
  category: string;
  /** Chinese names of the facts needed but absent, e.g. `营业收入`, `行业代码（小类）`. */
  missing: string[];
  /** Step-by-step reasoning in Chinese, with sources. */
  trace: string[];
  /** Why no class can be given for this industry code (invalid code, or an industry outside 300号). */
  problem?: string;
}

function formatValue(indicator: SizeIndicator, value: number): string {
  if (indicator === 'employees') return `${value}人`;
  const wanValue = value / 1_000_000;
  return `${Number.isInteger(wanValue) ? wanValue : wanValue.toFixed(6).replace(/0+$/, '')}万元`;
}

function checkFact(name: string, value: number | null | undefined, integerKind: 'persons' | 'fen'): number | undefined {
  if (value === null || value === undefined) return undefined;
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(
      `${name}：应为非负整数${integerKind === 'fen' ? '（单位：分）' : '（单位：人）'}，实为${value}`,
    );
  }
  return value;
}

/** Rank (0 = micro … 3 = large) an indicator value reaches on its own. */
function rankOf(bounds: IndicatorBounds, value: number): number {
  if (value >= bounds.large) return 3;
  if (value >= bounds.medium) return 2;
  if (value >= bounds.small) return 1;
  return 0;
}

/**
 * Classifies an enterprise per 300号 第四条 with the 213号 rule "须同时满足所列指标的下限，否则下划一档；微型企业只须
 * 满足所列指标中的一项即可": each indicator gives a class on its own and the enterprise gets the lowest. A missing
 * indicator is only "needed" when the known ones do not already make the enterprise 微型.
 * Throws RangeError when a given figure is negative or not an integer.
 */
export function classifyEnterpriseSize(input: EnterpriseSizeInput): EnterpriseSizeResult {
  const facts: Record<SizeIndicator, number | undefined> = {
    employees: checkFact('从业人员', input.employees, 'persons'),
    revenueFen: checkFact('营业收入', input.revenueFen, 'fen'),
    assetsFen: checkFact('资产总额', input.assetsFen, 'fen'),
  };
  const trace: string[] = [];
  const code = (input.industryCode ?? '').trim();
  if (code === '') {
    return { sizeClass: null, category: '', missing: ['行业代码'], trace: ['缺少行业代码，无法确定适用的划型标准'] };
  }
  const lookup = sizeCategoryOf(code);
  if (!lookup.ok) {
    trace.push(lookup.message);
    if (lookup.reason === 'needsClass') {
      return { sizeClass: null, category: '', missing: ['行业代码（小类）'], trace };
    }
    return { sizeClass: null, category: '', missing: [], trace, problem: lookup.message };
  }
  const { category } = lookup;
  trace.push(`行业代码“${lookup.code}”：${lookup.note} → 适用“${category.label}”标准（${category.source}）`);

  let knownRank = 3;
  const missing: string[] = [];
  for (const bounds of category.indicators) {
    const label = SIZE_INDICATOR_LABEL[bounds.indicator];
    const value = facts[bounds.indicator];
    if (value === undefined) {
      missing.push(label);
      trace.push(`${label}：未提供`);
      continue;
    }
    const rank = rankOf(bounds, value);
    knownRank = Math.min(knownRank, rank);
    const cls = SIZE_CLASSES_ASCENDING[rank]!;
    const f = (n: number): string => formatValue(bounds.indicator, n);
    const why =
      rank === 3
        ? `≥${f(bounds.large)}`
        : rank === 2
          ? `≥${f(bounds.medium)}且<${f(bounds.large)}`
          : rank === 1
            ? `≥${f(bounds.small)}且<${f(bounds.medium)}`
            : `<${f(bounds.small)}`;
    trace.push(`${label} ${f(value)}：${why}，按此项为${SIZE_CLASS_LABEL[cls]}`);
  }

  if (missing.length > 0) {
    if (knownRank === 0 && missing.length < category.indicators.length) {
      trace.push('微型企业只须满足所列指标中的一项即可（国统字〔2017〕213号 附表 注），已知指标已达微型，无需其余指标');
      trace.push('结论：微型');
      return { sizeClass: 'micro', category: category.label, missing: [], trace };
    }
    trace.push(`需补充：${missing.join('、')}`);
    return { sizeClass: null, category: category.label, missing, trace };
  }

  const sizeClass = SIZE_CLASSES_ASCENDING[knownRank]!;
  if (category.indicators.length > 1) {
    trace.push(
      '大型、中型和小型企业须同时满足所列指标的下限，否则下划一档；微型企业只须满足所列指标中的一项即可（国统字〔2017〕213号 附表 注）→ 取各项中最低的一档',
    );
  }
  trace.push(`结论：${SIZE_CLASS_LABEL[sizeClass]}`);
  return { sizeClass, category: category.label, missing: [], trace };
}
