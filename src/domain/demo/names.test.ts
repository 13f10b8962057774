import { describe, expect, it } from 'vitest';
import { sizeCategoryOf } from '../registry/size-class.ts';
import {
  ENTERPRISE_INDUSTRIES,
  NANCHANG_AREAS,
  SURNAMES,
  fakeAddress,
  fakeEnterprise,
  fakeEnterpriseName,
  fakeMobile,
  fakePersonName,
  isFictitiousMobile,
} from './names.ts';
import { createRng } from './random.ts';

const HAN = /^[\u4e00-\u9fff]+$/;
const SURNAME_SET = new Set(SURNAMES.map((s) => (Array.isArray(s) ? s[0] : (s as { value: string }).value)));

describe('fakePersonName', () => {
  it('is deterministic', () => {
    const a = Array.from({ length: 20 }, (_, i) => fakePersonName(createRng(`p${i}`)));
    const b = Array.from({ length: 20 }, (_, i) => fakePersonName(createRng(`p${i}`)));
    expect(a).toEqual(b);
  });

  it('is a known surname plus a 1–2 character given name, mostly 2', () => {
    const rng = createRng('names');
    let twoChar = 0;
    for (let i = 0; i < 10_000; i++) {
      const name = fakePersonName(rng, i % 2 === 0 ? 'male' : 'female');
      expect(name).toMatch(HAN);
      const surname = name.startsWith('欧阳') ? '欧阳' : name[0]!;
      expect(SURNAME_SET.has(surname), name).toBe(true);
      const given = name.slice(surname.length);
      expect(given.length === 1 || given.length === 2, name).toBe(true);
      if (given.length === 2) twoChar++;
    }
    expect(twoChar / 10_000).toBeGreaterThan(0.7);
    expect(twoChar / 10_000).toBeLessThan(0.9);
  });

  it('follows surname frequency: 王, 李, 张 are each far more common than 晏', () => {
    const rng = createRng('freq');
    const counts = new Map<string, number>();
    for (let i = 0; i < 20_000; i++) {
      const s = fakePersonName(rng)[0]!;
      counts.set(s, (counts.get(s) ?? 0) + 1);
    }
    for (const common of ['王', '李', '张']) {
      expect(counts.get(common) ?? 0).toBeGreaterThan(5 * (counts.get('晏') ?? 0));
    }
  });
});

describe('fakeEnterprise', () => {
  it('is 行政区划 + 2-character 字号 + industry word + organisational form', () => {
    const rng = createRng('enterprises');
    for (let i = 0; i < 2000; i++) {
      const e = fakeEnterprise(rng);
      expect(e.name).toBe(`${e.area.enterprisePrefix}${e.tradeName}${e.industryWord}${e.organizationForm}`);
      expect(e.name).toMatch(/^(南昌|南昌县|安义县|进贤县)/);
      expect(e.name).toMatch(/(有限公司|有限责任公司|股份有限公司)$/);
      expect(e.tradeName).toMatch(/^[\u4e00-\u9fff]{2}$/);
      expect(e.tradeName[0]).not.toBe(e.tradeName[1]);
    }
  });

  it('uses the given area', () => {
    const area = NANCHANG_AREAS.find((a) => a.name === '进贤县')!;
    expect(fakeEnterpriseName(createRng('jx'), area)).toMatch(/^进贤县/);
  });

  it('every industry code maps to a 300号 size category', () => {
    for (const { industryCode, word } of ENTERPRISE_INDUSTRIES) {
      expect(sizeCategoryOf(industryCode).ok, `${word} ${industryCode}`).toBe(true);
    }
  });

  it('is deterministic', () => {
    expect(fakeEnterpriseName(createRng('same'))).toBe(fakeEnterpriseName(createRng('same')));
  });
});

describe('Nanchang areas', () => {
  it('are GB/T 2260 county-level codes under 360100', () => {
    for (const a of NANCHANG_AREAS) expect(a.code).toMatch(/^3601\d{2}$/);
    expect(new Set(NANCHANG_AREAS.map((a) => a.code)).size).toBe(NANCHANG_AREAS.length);
  });
});

describe('fakeMobile', () => {
  it('is a syntactically valid mainland mobile number in the unallocated 154 segment', () => {
    const rng = createRng('phones');
    for (let i = 0; i < 10_000; i++) {
      const phone = fakeMobile(rng);
      expect(phone).toMatch(/^1[3-9]\d{9}$/);
      expect(phone.startsWith('154')).toBe(true);
      expect(isFictitiousMobile(phone)).toBe(true);
    }
  });

  it('recognises only 154 numbers as fictitious', () => {
    expect(isFictitiousMobile('15400001234')).toBe(true);
    expect(isFictitiousMobile('17012345678')).toBe(false);
    expect(isFictitiousMobile('13800138000')).toBe(false);
    expect(isFictitiousMobile('1540000123')).toBe(false);
  });
});

describe('fakeAddress', () => {
  it('is a Nanchang district, a street and a number', () => {
    const rng = createRng('addresses');
    for (let i = 0; i < 1000; i++) {
      expect(fakeAddress(rng)).toMatch(
        /^南昌市(东湖区|西湖区|青云谱区|青山湖区|新建区|红谷滩区|南昌县|安义县|进贤县)[\u4e00-\u9fff]+(路|大道|街)\d{1,4}号$/,
      );
    }
  });
});
