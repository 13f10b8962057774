import { describe, expect, it } from 'vitest';
import {
  RESIDENT_ID_WEIGHTS,
  makeResidentId,
  maskResidentId,
  normalizeResidentId,
  residentIdCheckChar,
  validateResidentId,
} from './resident-id.ts';

// GB 11643-1999's own examples (附录): 11010519491231002X (北京朝阳, 1949-12-31, woman) and
// 440524188001010014 (广东汕头, 1880-01-01, man).
const STANDARD_FEMALE = '11010519491231002X';
const STANDARD_1880 = '440524188001010014';

function fail(input: string, asOf?: string): string {
  const r = validateResidentId(input, asOf);
  if (r.ok) throw new Error(`expected ${input} to be rejected`);
  return r.message;
}

describe('residentIdCheckChar (ISO 7064 MOD 11-2)', () => {
  it('weights are 2^(18−i) mod 11', () => {
    expect(RESIDENT_ID_WEIGHTS).toEqual(Array.from({ length: 17 }, (_, i) => 2 ** (17 - i) % 11));
  });

  it('reproduces the standard examples, including 10 → X', () => {
    expect(residentIdCheckChar(STANDARD_FEMALE.slice(0, 17))).toBe('X');
    expect(residentIdCheckChar(STANDARD_1880.slice(0, 17))).toBe('4');
  });

  it('rejects malformed input', () => {
    expect(() => residentIdCheckChar('1101051949123100')).toThrow(RangeError);
    expect(() => residentIdCheckChar('1101051949123100A')).toThrow(RangeError);
  });
});

describe('validateResidentId', () => {
  it('accepts the standard example and extracts birth date, sex and region', () => {
    expect(validateResidentId(STANDARD_FEMALE)).toEqual({
      ok: true,
      value: STANDARD_FEMALE,
      birthDate: '1949-12-31',
      sex: 'female',
      regionCode: '110105',
    });
  });

  it('odd sequence is male, even is female', () => {
    const man = makeResidentId('360102', '1985-06-15', 997);
    const woman = makeResidentId('360102', '1985-06-15', 996);
    expect(validateResidentId(man)).toMatchObject({ ok: true, sex: 'male', birthDate: '1985-06-15' });
    expect(validateResidentId(woman)).toMatchObject({ ok: true, sex: 'female' });
  });

  it('accepts lowercase x, full-width digits and spaces', () => {
    const expected = { ok: true, value: STANDARD_FEMALE };
    expect(validateResidentId('11010519491231002x')).toMatchObject(expected);
    expect(validateResidentId('１１０１０５１９４９１２３１００２Ｘ')).toMatchObject(expected);
    expect(validateResidentId('１１０１０５１９４９１２３１００２ｘ')).toMatchObject(expected);
    expect(validateResidentId(' 110105 19491231 002x ')).toMatchObject(expected);
  });

  it('every message starts with 身份证号：', () => {
    for (const bad of ['', '123', '110105491231002', STANDARD_1880, '110105194912310021', '11010519491331002X']) {
      expect(fail(bad)).toMatch(/^身份证号：/);
    }
  });

  it('rejects empty input', () => {
    expect(fail('  ')).toBe('身份证号：不能为空');
  });

  it('rejects 15-digit first-generation numbers with a clear message', () => {
    expect(fail('110105491231002')).toBe('身份证号：15位旧号码已停止使用，请填写18位公民身份号码');
  });

  it('rejects other lengths with the actual length', () => {
    expect(fail('1101051949123100')).toBe('身份证号：应为18位，实际为16位');
    expect(fail('11010519491231002X1')).toBe('身份证号：应为18位，实际为19位');
  });

  it('rejects non-digits in the first 17 positions and a bad 18th character', () => {
    expect(fail('1101051949123100XX')).toBe('身份证号：第17位应为数字，实为“X”');
    expect(fail('11010519491231002Y')).toBe('身份证号：第18位校验码应为数字或“X”，实为“Y”');
  });

  it('rejects impossible province codes and foreigners’ permanent residence numbers', () => {
    const first17 = '99010519491231002';
    expect(fail(first17 + residentIdCheckChar(first17))).toBe(
      '身份证号：以9开头的是外国人永久居留身份证号码，不是公民身份号码',
    );
    const bad = '00010519491231002';
    expect(fail(bad + residentIdCheckChar(bad))).toBe('身份证号：地址码前两位“00”不是有效的省级行政区划代码');
    const hkPermit = makeResidentId('810000', '1990-01-01', 1);
    expect(validateResidentId(hkPermit).ok).toBe(true);
  });

  it('rejects impossible dates', () => {
    for (const [date, label] of [
      ['19490230', '19490230'],
      ['19491301', '19491301'],
      ['19490000', '19490000'],
      ['19000229', '19000229'], // 1900 is not a leap year
    ] as const) {
      const first17 = `110105${date}002`;
      expect(fail(first17 + residentIdCheckChar(first17))).toBe(`身份证号：出生日期“${label}”不是有效日期`);
    }
    expect(validateResidentId(makeResidentId('110105', '2000-02-29', 2)).ok).toBe(true); // 2000 is
  });

  it('rejects births before 1900 — the standard’s own 1880 example has a valid check digit but is refused', () => {
    expect(fail(STANDARD_1880)).toBe('身份证号：出生日期1880-01-01早于1900年');
    expect(validateResidentId(makeResidentId('440524', '1900-01-01', 1)).ok).toBe(true);
    expect(fail(makeResidentId('440524', '1899-12-31', 1))).toMatch(/早于1900年/);
  });

  it('rejects births after asOf (date or instant), accepts the same day', () => {
    const id = makeResidentId('360102', '2020-02-10', 1);
    expect(validateResidentId(id, '2020-02-10').ok).toBe(true);
    expect(fail(id, '2020-02-09')).toBe('身份证号：出生日期2020-02-10晚于当前日期2020-02-09');
    // 2020-02-09T16:30Z is already 2020-02-10 00:30 in Shanghai.
    expect(validateResidentId(id, '2020-02-09T16:30:00Z').ok).toBe(true);
    expect(fail(id, '2020-02-09T15:30:00Z')).toMatch(/晚于当前日期2020-02-09/);
    expect(validateResidentId(id).ok).toBe(true); // no asOf → no future check
  });

  it('rejects a wrong check digit and says which is expected', () => {
    expect(fail('110105194912310021')).toBe('身份证号：校验码错误，按前17位计算第18位应为“X”，请逐位核对');
  });

  it('detects every single-digit substitution and adjacent transposition of a valid number', () => {
    const id = makeResidentId('360102', '1985-06-15', 123);
    for (let pos = 0; pos < 17; pos++) {
      for (const d of '0123456789') {
        if (d === id[pos]) continue;
        expect(validateResidentId(id.slice(0, pos) + d + id.slice(pos + 1)).ok).toBe(false);
      }
      if (pos < 16 && id[pos] !== id[pos + 1]) {
        expect(validateResidentId(id.slice(0, pos) + id[pos + 1] + id[pos] + id.slice(pos + 2)).ok).toBe(false);
      }
    }
  });
});

describe('maskResidentId', () => {
  it('keeps the first 4 and last 4 characters', () => {
    expect(maskResidentId('360102198506151234')).toBe('3601**********1234');
    expect(maskResidentId(STANDARD_FEMALE)).toBe('1101**********002X');
    expect(maskResidentId('11010519491231002x')).toBe('1101**********002X');
  });

  it('fully masks short input', () => {
    expect(maskResidentId('12345678')).toBe('********');
    expect(maskResidentId('')).toBe('');
  });
});

describe('makeResidentId', () => {
  it('builds the standard example', () => {
    expect(makeResidentId('110105', '1949-12-31', 2)).toBe(STANDARD_FEMALE);
    expect(makeResidentId('110105', '19491231', '002')).toBe(STANDARD_FEMALE);
  });

  it('rejects malformed parts', () => {
    expect(() => makeResidentId('11010', '1949-12-31', 2)).toThrow(/地址码/);
    expect(() => makeResidentId('110105', '1949-02-30', 2)).toThrow(/不是有效日期/);
    expect(() => makeResidentId('110105', '49-12-31', 2)).toThrow(/YYYY-MM-DD/);
    expect(() => makeResidentId('110105', '1949-12-31', 1000)).toThrow(/0–999/);
    expect(() => makeResidentId('110105', '1949-12-31', 1.5)).toThrow(/0–999/);
  });
});

describe('normalizeResidentId', () => {
  it('strips whitespace, converts full-width and uppercases', () => {
    expect(normalizeResidentId('\u3000１１０１ 05 19491231002x\t')).toBe(STANDARD_FEMALE);
  });
});
