import { describe, expect, it } from 'vitest';
import {
  CREDIT_CODE_CHARSET,
  CREDIT_CODE_DEPARTMENTS,
  CREDIT_CODE_WEIGHTS,
  creditCodeCheckChar,
  describeCreditCode,
  makeCreditCode,
  normalizeCreditCode,
  organizationCodeCheckChar,
  toHalfWidth,
  validateCreditCode,
} from './credit-code.ts';

// Published examples of the algorithm:
// - 91350100M000100Y43: the textbook example used to explain GB 32100-2015 (工商, 企业, 福州 350100).
// - 91110000600037341L: the doctest vector of python-stdnum's stdnum.cn.uscc.
const TEXTBOOK = '91350100M000100Y43';
const STDNUM = '91110000600037341L';

function fail(input: string): string {
  const r = validateCreditCode(input);
  if (r.ok) throw new Error(`expected ${input} to be rejected`);
  return r.message;
}

describe('GB 32100-2015 constants', () => {
  it('has 31 characters without I, O, Z, S, V', () => {
    expect(CREDIT_CODE_CHARSET).toHaveLength(31);
    for (const ch of 'IOZSV') expect(CREDIT_CODE_CHARSET).not.toContain(ch);
  });

  it('weights are 3^(i-1) mod 31', () => {
    expect(CREDIT_CODE_WEIGHTS).toEqual([1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]);
  });

  it('department table includes 1, 5, 9, Y and the amendment codes A, N', () => {
    expect(Object.keys(CREDIT_CODE_DEPARTMENTS).sort()).toEqual([
      '1',
      '2',
      '3',
      '4',
      '5',
      '6',
      '7',
      '8',
      '9',
      'A',
      'N',
      'Y',
    ]);
    expect(CREDIT_CODE_DEPARTMENTS['9']!.categories).toEqual({ '1': '企业', '2': '个体工商户', '3': '农民专业合作社' });
    expect(Object.keys(CREDIT_CODE_DEPARTMENTS['Y']!.categories)).toEqual(['1']);
  });
});

describe('creditCodeCheckChar', () => {
  it('computes the textbook example: 91350100M000100Y4 → 3', () => {
    // Σ = 9·1 + 1·3 + 3·9 + 5·27 + 0·19 + 1·26 + 0·16 + 0·17 + M(21)·20 + 0·29 + 0·25 + 0·13 + 1·8 + 0·24 + 0·10
    //   + Y(30)·30 + 4·28 = 1640; 1640 mod 31 = 28; 31 − 28 = 3 → "3".
    const first17 = TEXTBOOK.slice(0, 17);
    let sum = 0;
    for (let i = 0; i < 17; i++) sum += CREDIT_CODE_CHARSET.indexOf(first17[i]!) * CREDIT_CODE_WEIGHTS[i]!;
    expect(sum).toBe(1640);
    expect(creditCodeCheckChar(first17)).toBe('3');
  });

  it('computes the python-stdnum vector', () => {
    expect(creditCodeCheckChar(STDNUM.slice(0, 17))).toBe('L');
  });

  it('maps a remainder of 0 to "0" (31 → 0)', () => {
    // Find a 17-character prefix whose sum is a multiple of 31 by adjusting the last position.
    const base = '9136010200000000';
    const sums = [...CREDIT_CODE_CHARSET].map((c) => creditCodeCheckChar(base + c));
    expect(sums).toContain('0');
  });

  it('rejects wrong lengths and characters', () => {
    expect(() => creditCodeCheckChar('9135')).toThrow(RangeError);
    expect(() => creditCodeCheckChar('91350100M000100I4')).toThrow(/第16位含非法字符“I”/);
  });
});

describe('organizationCodeCheckChar (GB 11714-1997)', () => {
  it('matches published subject identifiers', () => {
    expect(organizationCodeCheckChar('M000100Y')).toBe('4'); // textbook example
    expect(organizationCodeCheckChar('60003734')).toBe('1'); // python-stdnum vector
  });

  it('maps 10 to X and 11 to 0', () => {
    const results = new Set<string>();
    for (const c of '0123456789ABCDEFGHJKLMNPQRTUWXY') results.add(organizationCodeCheckChar(`0000000${c}`));
    expect(results).toContain('X');
    expect(results).toContain('0');
    // 00000006: Σ = 6·2 = 12 ≡ 1 (mod 11) → 11 − 1 = 10 → X.
    expect(organizationCodeCheckChar('00000006')).toBe('X');
    // 00000000: Σ = 0 → 11 − 0 = 11 → 0.
    expect(organizationCodeCheckChar('00000000')).toBe('0');
  });

  it('values letters by the full alphabet (A = 10 … Z = 35)', () => {
    // 'Z' is outside the credit-code set but valid in GB 11714; A in position 1: 10·3 = 30 ≡ 8 → 3.
    expect(organizationCodeCheckChar('A0000000')).toBe('3');
  });
});

describe('validateCreditCode', () => {
  it('accepts the published examples', () => {
    expect(validateCreditCode(TEXTBOOK)).toEqual({ ok: true, value: TEXTBOOK });
    expect(validateCreditCode(STDNUM)).toEqual({ ok: true, value: STDNUM });
  });

  it('normalises lowercase, surrounding and inner spaces, full-width characters', () => {
    expect(validateCreditCode('  91350100m000100y43 ')).toEqual({ ok: true, value: TEXTBOOK });
    expect(validateCreditCode('９１３５０１００Ｍ０００１００Ｙ４３')).toEqual({ ok: true, value: TEXTBOOK });
    expect(validateCreditCode('９１３５ ０１００ ｍ０００１００ｙ４３')).toEqual({ ok: true, value: TEXTBOOK });
    expect(validateCreditCode('\u300091350100M000100Y43\u3000')).toEqual({ ok: true, value: TEXTBOOK });
  });

  it('every message starts with the field name', () => {
    for (const bad of [
      '',
      '123',
      '91350100M000100Y4I',
      '01350100M000100Y43',
      '94350100M000100Y43',
      TEXTBOOK.slice(0, 17) + '4',
    ]) {
      expect(fail(bad)).toMatch(/^统一社会信用代码：/);
    }
  });

  it('rejects empty input', () => {
    expect(fail('   ')).toBe('统一社会信用代码：不能为空');
  });

  it('rejects a wrong length, naming the actual length', () => {
    expect(fail(TEXTBOOK.slice(0, 17))).toBe('统一社会信用代码：应为18位，实际为17位');
    expect(fail(TEXTBOOK + '0')).toBe('统一社会信用代码：应为18位，实际为19位');
  });

  it('rejects characters outside the set and names the position', () => {
    expect(fail('91350100M000I00Y43')).toBe('统一社会信用代码：第13位含非法字符“I”');
    expect(fail('91350100O000100Y43')).toBe('统一社会信用代码：第9位含非法字符“O”');
    // lowercase s/z/v/o/i become forbidden capitals
    expect(fail('91350100M000100s43')).toBe('统一社会信用代码：第16位含非法字符“S”');
    expect(fail('91350100M000100Z43')).toMatch(/第16位含非法字符“Z”/);
    expect(fail('91350100M000100V43')).toMatch(/第16位含非法字符“V”/);
    expect(fail('91350100M000100-43')).toMatch(/第16位含非法字符“-”/);
    expect(fail('9135010０M000100中43')).toMatch(/第16位含非法字符“中”/);
  });

  it('rejects an unknown registration department', () => {
    const code = makeValid('0', '1');
    expect(fail(code)).toBe('统一社会信用代码：第1位登记管理部门代码“0”不存在');
    expect(fail('B' + code.slice(1))).toMatch(/第1位登记管理部门代码“B”不存在/);
  });

  it('rejects a category not defined for the department', () => {
    expect(fail('94' + TEXTBOOK.slice(2))).toMatch(/^统一社会信用代码：第2位机构类别代码“4”不适用于登记管理部门“工商”/);
    expect(fail('99' + TEXTBOOK.slice(2))).toMatch(/机构类别代码“9”不适用于登记管理部门“工商”/);
    expect(fail('Y2' + TEXTBOOK.slice(2))).toMatch(/登记管理部门“其他”/);
  });

  it('accepts each department/category pair of the table', () => {
    for (const [dept, { categories }] of Object.entries(CREDIT_CODE_DEPARTMENTS)) {
      for (const cat of Object.keys(categories)) {
        const code = makeCreditCode({ department: dept, category: cat, regionCode: '360100', subjectId: 'MA35AB12' });
        expect(validateCreditCode(code)).toEqual({ ok: true, value: code });
      }
    }
  });

  it('rejects a region code with letters', () => {
    const first16 = '9136A102MA35AB12';
    const subject = organizationCodeCheckChar(first16.slice(8, 16));
    const first17 = first16 + subject;
    expect(fail(first17 + creditCodeCheckChar(first17))).toBe(
      '统一社会信用代码：第3–8位登记管理机关行政区划码应为6位数字',
    );
  });

  it('rejects a subject identifier whose GB 11714 check digit is wrong, even with a matching 18th character', () => {
    const first17 = '91350100M000100Y5'; // correct 17th character is 4
    const code = first17 + creditCodeCheckChar(first17);
    expect(fail(code)).toBe(
      '统一社会信用代码：第9–17位主体标识码（组织机构代码）校验不符，按第9–16位计算第17位应为“4”，请逐位核对',
    );
  });

  it('rejects a wrong check character and says which is expected', () => {
    expect(fail('91350100M000100Y44')).toBe(
      '统一社会信用代码：校验位错误，按前17位计算第18位应为“3”，实为“4”，请逐位核对',
    );
  });

  it('detects every single-character substitution of a valid code', () => {
    let detected = 0;
    let total = 0;
    for (let pos = 0; pos < 18; pos++) {
      for (const c of CREDIT_CODE_CHARSET) {
        if (c === TEXTBOOK[pos]) continue;
        total++;
        if (!validateCreditCode(TEXTBOOK.slice(0, pos) + c + TEXTBOOK.slice(pos + 1)).ok) detected++;
      }
    }
    expect(detected).toBe(total);
  });

  it('detects adjacent transpositions', () => {
    for (let pos = 0; pos < 17; pos++) {
      const a = TEXTBOOK[pos]!;
      const b = TEXTBOOK[pos + 1]!;
      if (a === b) continue;
      const swapped = TEXTBOOK.slice(0, pos) + b + a + TEXTBOOK.slice(pos + 2);
      expect(validateCreditCode(swapped).ok, swapped).toBe(false);
    }
  });
});

function makeValid(dept: string, cat: string): string {
  const first17 = `${dept}${cat}350100M000100Y4`;
  return first17 + creditCodeCheckChar(first17);
}

describe('makeCreditCode', () => {
  it('rebuilds the textbook example from its parts, with or without the subject check digit', () => {
    expect(makeCreditCode({ department: '9', category: '1', regionCode: '350100', subjectId: 'M000100Y' })).toBe(
      TEXTBOOK,
    );
    expect(makeCreditCode({ department: '9', category: '1', regionCode: '350100', subjectId: 'M000100Y4' })).toBe(
      TEXTBOOK,
    );
  });

  it('rejects invalid parts with Chinese messages', () => {
    const ok = { department: '9', category: '1', regionCode: '360102', subjectId: 'MA35AB12' };
    expect(() => makeCreditCode({ ...ok, department: '0' })).toThrow(/登记管理部门代码“0”不存在/);
    expect(() => makeCreditCode({ ...ok, category: '9' })).toThrow(/不适用于登记管理部门“工商”/);
    expect(() => makeCreditCode({ ...ok, regionCode: '36010' })).toThrow(/6位数字/);
    expect(() => makeCreditCode({ ...ok, subjectId: 'MA35' })).toThrow(/8位本体代码或9位/);
    expect(() => makeCreditCode({ ...ok, subjectId: 'MA35AB1I' })).toThrow(/非法字符“I”/);
    expect(() => makeCreditCode({ ...ok, subjectId: 'M000100Y5' })).toThrow(/校验位错误/);
  });
});

describe('helpers', () => {
  it('toHalfWidth converts full-width ASCII and the ideographic space only', () => {
    expect(toHalfWidth('ＡＢＣ１２３　ｘ，中')).toBe('ABC123 x,中');
  });

  it('normalizeCreditCode trims, removes spaces and uppercases', () => {
    expect(normalizeCreditCode(' 9135 0100 m000100y43\n')).toBe(TEXTBOOK);
  });

  it('describeCreditCode names department and category', () => {
    expect(describeCreditCode(TEXTBOOK)).toEqual({ department: '工商', category: '企业', regionCode: '350100' });
  });
});
