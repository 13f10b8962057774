import { describe, expect, it } from 'vitest';
import { organizationCodeCheckChar, validateCreditCode } from '../registry/credit-code.ts';
import { validateResidentId } from '../registry/resident-id.ts';
import {
  DEMO_SUBJECT_ID_PREFIX,
  fakeCreditCode,
  fakeDate,
  fakeResidentId,
  fakeResidentIdUnique,
  isDemoCreditCode,
  usesDemoResidentSequence,
} from './identifiers.ts';
import { NANCHANG_AREAS } from './names.ts';
import { createRng } from './random.ts';

describe('fakeCreditCode', () => {
  it('is deterministic', () => {
    const a = Array.from({ length: 10 }, (_, i) => fakeCreditCode(createRng(`c${i}`), '360102'));
    const b = Array.from({ length: 10 }, (_, i) => fakeCreditCode(createRng(`c${i}`), '360102'));
    expect(a).toEqual(b);
  });

  it('10,000 samples all pass the validator and have the documented structure', () => {
    const rng = createRng('credit-codes');
    const seen = new Set<string>();
    for (let i = 0; i < 10_000; i++) {
      const region = rng.pick(NANCHANG_AREAS).code;
      const code = fakeCreditCode(rng, region);
      const result = validateCreditCode(code);
      expect(result.ok, code).toBe(true);
      expect(code.slice(0, 2)).toBe('91');
      expect(code.slice(2, 8)).toBe(region);
      expect(code.slice(8, 10)).toBe(DEMO_SUBJECT_ID_PREFIX);
      expect(organizationCodeCheckChar(code.slice(8, 16))).toBe(code[16]);
      expect(isDemoCreditCode(code)).toBe(true);
      seen.add(code);
    }
    expect(seen.size).toBeGreaterThan(9990);
  });

  it('supports other departments and categories', () => {
    const code = fakeCreditCode(createRng('npo'), '360102', { department: '5', category: '2' });
    expect(code.slice(0, 2)).toBe('52');
    expect(validateCreditCode(code).ok).toBe(true);
  });

  it('rejects a malformed region code', () => {
    expect(() => fakeCreditCode(createRng('x'), '3601')).toThrow(/6位数字/);
  });

  it('isDemoCreditCode does not flag real-format codes', () => {
    expect(isDemoCreditCode('91350100M000100Y43')).toBe(false);
    expect(isDemoCreditCode('91110000600037341L')).toBe(false);
  });
});

describe('fakeResidentId', () => {
  it('is deterministic', () => {
    const rng1 = createRng('ids');
    const rng2 = createRng('ids');
    for (let i = 0; i < 20; i++) {
      expect(fakeResidentId(rng1, '360102', '1985-06-15')).toBe(fakeResidentId(rng2, '360102', '1985-06-15'));
    }
  });

  it('10,000 samples all pass the validator with the requested region, birth date and sex', () => {
    const rng = createRng('resident-ids');
    for (let i = 0; i < 10_000; i++) {
      const region = rng.pick(NANCHANG_AREAS).code;
      const birthDate = fakeDate(rng, '1958-01-01', '2004-12-31');
      const sex = rng.chance(0.5) ? 'male' : 'female';
      const id = fakeResidentId(rng, region, birthDate, sex);
      const result = validateResidentId(id, '2020-02-10');
      expect(result, id).toEqual({ ok: true, value: id, birthDate, sex, regionCode: region });
      expect(usesDemoResidentSequence(id)).toBe(true);
    }
  });

  it('picks a sex when none is given, both occur', () => {
    const rng = createRng('sex');
    const sexes = new Set<string>();
    for (let i = 0; i < 50; i++) {
      const r = validateResidentId(fakeResidentId(rng, '360121', '1990-01-01'));
      if (r.ok) sexes.add(r.sex);
    }
    expect(sexes).toEqual(new Set(['male', 'female']));
  });

  it('refuses parts that cannot make a valid number', () => {
    expect(() => fakeResidentId(createRng('x'), '360102', '1890-01-01')).toThrow(/早于1900年/);
    expect(() => fakeResidentId(createRng('x'), '000000', '1990-01-01')).toThrow(/省级行政区划代码/);
    expect(() => fakeResidentId(createRng('x'), '360102', '1990-02-30')).toThrow(/不是有效日期/);
  });

  it('fakeResidentIdUnique hands out the two numbers per sex, then null', () => {
    const rng = createRng('unique');
    const taken = new Set<string>();
    const a = fakeResidentIdUnique(rng, '360102', '1990-01-01', taken, 'female');
    const b = fakeResidentIdUnique(rng, '360102', '1990-01-01', taken, 'female');
    expect(a).not.toBeNull();
    expect(b).not.toBeNull();
    expect(a).not.toBe(b);
    expect(fakeResidentIdUnique(rng, '360102', '1990-01-01', taken, 'female')).toBeNull();
    expect(fakeResidentIdUnique(rng, '360102', '1990-01-01', taken, 'male')).not.toBeNull();
    expect(taken.size).toBe(3);
  });
});

describe('fakeDate', () => {
  it('stays within the range, inclusive, and is deterministic', () => {
    const rng = createRng('dates');
    const seen = new Set<string>();
    for (let i = 0; i < 500; i++) {
      const d = fakeDate(rng, '2020-02-28', '2020-03-01');
      expect(['2020-02-28', '2020-02-29', '2020-03-01']).toContain(d);
      seen.add(d);
    }
    expect(seen.size).toBe(3);
    expect(fakeDate(createRng('d'), '1960-01-01', '2000-12-31')).toBe(
      fakeDate(createRng('d'), '1960-01-01', '2000-12-31'),
    );
    expect(() => fakeDate(rng, '2020-03-01', '2020-02-28')).toThrow(RangeError);
  });
});
