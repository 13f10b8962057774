import { describe, expect, it } from 'vitest';
import { SIZE_CLASS_LABEL, classifyEnterpriseSize, sizeCategoryOf, type SizeClass } from './size-class.ts';

/** 1 万元 in fen. */
const WAN = 1_000_000;

/**
 * The thresholds of 工信部联企业〔2011〕300号 第四条, typed in from the document (lower bounds of 小型, 中型 and
 * 大型 — the last being the 中小微型 upper bound, 第七条), independent of the implementation's table.
 * Persons for 从业人员, 万元 for money.
 */
const TABLE: {
  category: string;
  codes: string[];
  employees?: [number, number, number];
  revenueWan?: [number, number, number];
  assetsWan?: [number, number, number];
}[] = [
  { category: '农、林、牧、渔业', codes: ['01', '0111', '05', 'A0511'], revenueWan: [50, 500, 20000] },
  {
    category: '工业',
    codes: ['06', '13', '3911', 'C3911', '46', '4411'],
    employees: [20, 300, 1000],
    revenueWan: [300, 2000, 40000],
  },
  { category: '建筑业', codes: ['47', '4710', '50'], revenueWan: [300, 6000, 80000], assetsWan: [300, 5000, 80000] },
  { category: '批发业', codes: ['51', '5121'], employees: [5, 20, 200], revenueWan: [1000, 5000, 40000] },
  { category: '零售业', codes: ['52', '5211'], employees: [10, 50, 300], revenueWan: [100, 500, 20000] },
  {
    category: '交通运输业',
    codes: ['54', '5411', '56', '58', '5910', '591'],
    employees: [20, 300, 1000],
    revenueWan: [200, 3000, 30000],
  },
  {
    category: '仓储业',
    codes: ['5920', '5941', '599', 'G5990'],
    employees: [20, 100, 200],
    revenueWan: [100, 1000, 30000],
  },
  { category: '邮政业', codes: ['60', '6020'], employees: [20, 300, 1000], revenueWan: [100, 2000, 30000] },
  { category: '住宿业', codes: ['61', '6110'], employees: [10, 100, 300], revenueWan: [100, 2000, 10000] },
  { category: '餐饮业', codes: ['62', '6210'], employees: [10, 100, 300], revenueWan: [100, 2000, 10000] },
  { category: '信息传输业', codes: ['63', '64', '6421'], employees: [10, 100, 2000], revenueWan: [100, 1000, 100000] },
  { category: '软件和信息技术服务业', codes: ['65', '6513'], employees: [10, 100, 300], revenueWan: [50, 1000, 10000] },
  {
    category: '房地产开发经营',
    codes: ['7010', '701', 'K7010'],
    revenueWan: [100, 1000, 200000],
    assetsWan: [2000, 5000, 10000],
  },
  { category: '物业管理', codes: ['7020', '702'], employees: [100, 300, 1000], revenueWan: [500, 1000, 5000] },
  {
    category: '租赁和商务服务业',
    codes: ['71', '72', '7212'],
    employees: [10, 100, 300],
    assetsWan: [100, 8000, 120000],
  },
  {
    category: '其他未列明行业',
    codes: ['73', '7030', '7090', '80', '83', '84', '85', '90'],
    employees: [10, 100, 300],
  },
];

const RANKS: SizeClass[] = ['micro', 'small', 'medium', 'large'];
type Facts = { employees?: number; revenueFen?: number; assetsFen?: number };

/** Facts where every indicator of the row is comfortably 大型. */
function allLarge(row: (typeof TABLE)[number]): Facts {
  const facts: Facts = {};
  if (row.employees) facts.employees = row.employees[2] * 10;
  if (row.revenueWan) facts.revenueFen = row.revenueWan[2] * 10 * WAN;
  if (row.assetsWan) facts.assetsFen = row.assetsWan[2] * 10 * WAN;
  return facts;
}

describe('SIZE_CLASS_LABEL', () => {
  it('labels the four classes in Chinese', () => {
    expect(SIZE_CLASS_LABEL).toEqual({ large: '大型', medium: '中型', small: '小型', micro: '微型' });
  });
});

describe('classifyEnterpriseSize — every category, every boundary (300号 第四条; 以上含本数, 以下不含)', () => {
  for (const row of TABLE) {
    describe(row.category, () => {
      it('maps its industry codes (2-, 3- and 4-digit, with or without section letter)', () => {
        for (const code of row.codes) {
          const lookup = sizeCategoryOf(code);
          expect(lookup.ok, code).toBe(true);
          if (lookup.ok) expect(lookup.category.label, code).toBe(row.category);
        }
      });

      const indicators: [keyof Facts, [number, number, number], number][] = [];
      if (row.employees) indicators.push(['employees', row.employees, 1]);
      if (row.revenueWan) indicators.push(['revenueFen', row.revenueWan, WAN]);
      if (row.assetsWan) indicators.push(['assetsFen', row.assetsWan, WAN]);

      for (const [indicator, bounds, unit] of indicators) {
        bounds.forEach((bound, i) => {
          const rank = i + 1; // small = 1, medium = 2, large = 3
          const value = bound * unit;
          it(`${indicator} exactly ${bound} → ${RANKS[rank]}; one ${unit === 1 ? 'person' : 'fen'} less → ${RANKS[rank - 1]}`, () => {
            const code = row.codes[0]!;
            const at = classifyEnterpriseSize({ industryCode: code, ...allLarge(row), [indicator]: value });
            expect(at.sizeClass).toBe(RANKS[rank]);
            expect(at.category).toBe(row.category);
            expect(at.missing).toEqual([]);
            const below = classifyEnterpriseSize({ industryCode: code, ...allLarge(row), [indicator]: value - 1 });
            expect(below.sizeClass).toBe(RANKS[rank - 1]);
          });
        });
      }

      it('a missing indicator makes the class unknown and is named', () => {
        const code = row.codes[0]!;
        const [first] = indicators[0]!;
        const facts = allLarge(row);
        delete facts[first];
        const r = classifyEnterpriseSize({ industryCode: code, ...facts });
        expect(r.sizeClass).toBeNull();
        expect(r.missing).toEqual([{ employees: '从业人员', revenueFen: '营业收入', assetsFen: '资产总额' }[first]]);
        expect(r.trace.at(-1)).toMatch(/^需补充：/);
      });

      it('the same result for the 4-digit code as for the others', () => {
        const facts = allLarge(row);
        const results = row.codes.map((code) => classifyEnterpriseSize({ industryCode: code, ...facts }).sizeClass);
        expect(new Set(results).size).toBe(1);
        expect(results[0]).toBe('large');
      });
    });
  }
});

describe('classifyEnterpriseSize — 213号: 大中小须同时满足下限，否则下划一档；微型只须满足一项', () => {
  it('工业 with 1000 people but 39999.99万元 revenue is 中型, not 大型', () => {
    const r = classifyEnterpriseSize({ industryCode: '3911', employees: 1000, revenueFen: 40000 * WAN - 100 });
    expect(r.sizeClass).toBe('medium');
    expect(r.trace.join('\n')).toMatch(/否则下划一档/);
  });

  it('工业 with 350 people and 1500万元 is 小型 (revenue below the 中型 lower bound of 2000万元)', () => {
    expect(classifyEnterpriseSize({ industryCode: '34', employees: 350, revenueFen: 1500 * WAN }).sizeClass).toBe(
      'small',
    );
  });

  it('工业 with 19 people is 微型 whatever the revenue', () => {
    expect(classifyEnterpriseSize({ industryCode: '34', employees: 19, revenueFen: 50000 * WAN }).sizeClass).toBe(
      'micro',
    );
  });

  it('a known indicator that is already 微型 decides without the missing one', () => {
    const r = classifyEnterpriseSize({ industryCode: '34', employees: 19 });
    expect(r).toMatchObject({ sizeClass: 'micro', category: '工业', missing: [] });
    expect(r.trace.join('\n')).toMatch(/微型企业只须满足所列指标中的一项即可/);
    const b = classifyEnterpriseSize({ industryCode: '7010', revenueFen: 99 * WAN });
    expect(b).toMatchObject({ sizeClass: 'micro', missing: [] });
  });

  it('a known indicator at 小型 or above does not decide: the missing one is needed', () => {
    const r = classifyEnterpriseSize({ industryCode: '34', employees: 20 });
    expect(r).toMatchObject({ sizeClass: null, category: '工业', missing: ['营业收入'] });
  });

  it('all indicators missing lists them all', () => {
    expect(classifyEnterpriseSize({ industryCode: '47' }).missing).toEqual(['营业收入', '资产总额']);
    expect(classifyEnterpriseSize({ industryCode: '01', employees: 5 }).missing).toEqual(['营业收入']);
    expect(classifyEnterpriseSize({ industryCode: '73', revenueFen: 0 }).missing).toEqual(['从业人员']);
  });

  it('null facts count as missing', () => {
    expect(classifyEnterpriseSize({ industryCode: '52', employees: null, revenueFen: 100 * WAN }).missing).toEqual([
      '从业人员',
    ]);
  });

  it('zero is a fact, not a missing value', () => {
    expect(classifyEnterpriseSize({ industryCode: '73', employees: 0 }).sizeClass).toBe('micro');
  });

  it('the trace cites the source and states each indicator', () => {
    const r = classifyEnterpriseSize({ industryCode: 'C3911', employees: 350, revenueFen: 1999_999_999 });
    expect(r.trace[0]).toBe(
      '行业代码“C3911”：大类39属门类C，工业包括采矿业、制造业，电力、热力、燃气及水生产和供应业（300号 第三条） → 适用“工业”标准（工信部联企业〔2011〕300号 第四条（二））',
    );
    expect(r.trace[1]).toBe('从业人员 350人：≥300人且<1000人，按此项为中型');
    expect(r.trace[2]).toBe('营业收入 1999.999999万元：≥300万元且<2000万元，按此项为小型');
    expect(r.trace.at(-1)).toBe('结论：小型');
  });
});

describe('industry codes that need more detail or are outside 300号', () => {
  it('division 70 alone asks for the class (7010 and 7020 differ)', () => {
    const r = classifyEnterpriseSize({
      industryCode: '70',
      employees: 50,
      revenueFen: 100 * WAN,
      assetsFen: 100 * WAN,
    });
    expect(r.sizeClass).toBeNull();
    expect(r.missing).toEqual(['行业代码（小类）']);
    expect(r.trace[0]).toMatch(/7010房地产开发经营、7020物业管理/);
    expect(sizeCategoryOf('K70')).toMatchObject({ ok: false, reason: 'needsClass' });
  });

  it('division 59 alone asks for the group (591 装卸搬运 is transport, 592–599 仓储)', () => {
    expect(sizeCategoryOf('59')).toMatchObject({ ok: false, reason: 'needsClass' });
    expect(classifyEnterpriseSize({ industryCode: '59', employees: 5 }).missing).toEqual(['行业代码（小类）']);
  });

  it('railway (53) is excluded from 交通运输业 by 300号 第三条', () => {
    const r = classifyEnterpriseSize({ industryCode: '5311', employees: 50, revenueFen: 1000 * WAN });
    expect(r).toMatchObject({ sizeClass: null, category: '', missing: [] });
    expect(r.problem).toMatch(/铁路运输业不在划型范围内/);
  });

  it('7040 房地产租赁经营 is excluded by 213号', () => {
    expect(classifyEnterpriseSize({ industryCode: '7040', employees: 5 }).problem).toMatch(/不包括自有房地产经营活动/);
  });

  it('finance (66–69) uses 银发〔2015〕309号 instead', () => {
    for (const code of ['66', '6621', '69']) {
      expect(classifyEnterpriseSize({ industryCode: code, employees: 5 }).problem).toMatch(/银发〔2015〕309号/);
    }
  });

  it('public administration and international organisations (91–97) are not enterprises', () => {
    expect(classifyEnterpriseSize({ industryCode: '92', employees: 5 }).problem).toMatch(
      /公共管理、社会保障和社会组织/,
    );
    expect(classifyEnterpriseSize({ industryCode: '97', employees: 5 }).problem).toMatch(/国际组织/);
  });

  it('invalid codes are reported, not thrown', () => {
    for (const [code, pattern] of [
      ['00', /不存在（应为01–97）/],
      ['98', /不存在/],
      ['7', /不是GB\/T 4754-2017行业代码/],
      ['39111', /不是GB\/T 4754-2017行业代码/],
      ['ABC', /不是GB\/T 4754-2017行业代码/],
      ['A3911', /门类“A”与行业大类“39”（门类C）不符/],
      ['7050', /中类“705”不存在/],
      ['5970', /中类“597”不存在/],
    ] as const) {
      const r = classifyEnterpriseSize({ industryCode: code, employees: 5 });
      expect(r.sizeClass, code).toBeNull();
      expect(r.problem, code).toMatch(pattern);
      expect(r.problem, code).toMatch(/^行业代码：/);
    }
  });

  it('a missing industry code is a missing fact', () => {
    expect(classifyEnterpriseSize({ industryCode: ' ', employees: 5 })).toMatchObject({
      sizeClass: null,
      missing: ['行业代码'],
    });
  });

  it('accepts lowercase section letters and surrounding spaces', () => {
    expect(sizeCategoryOf(' c3911 ')).toMatchObject({ ok: true, division: '39' });
  });
});

describe('input checks', () => {
  it('throws on negative or fractional figures, naming the field', () => {
    expect(() => classifyEnterpriseSize({ industryCode: '34', employees: -1 })).toThrow(/^从业人员：应为非负整数/);
    expect(() => classifyEnterpriseSize({ industryCode: '34', employees: 2.5 })).toThrow(RangeError);
    expect(() => classifyEnterpriseSize({ industryCode: '34', revenueFen: 10.5 })).toThrow(
      /^营业收入：应为非负整数（单位：分）/,
    );
    expect(() => classifyEnterpriseSize({ industryCode: '47', assetsFen: Number.NaN })).toThrow(/^资产总额/);
  });
});
