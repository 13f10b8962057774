/**
 * 统一社会信用代码 (unified social credit identifier) — GB 32100-2015《法人和其他组织统一社会信用代码编码规则》.
 *
 * Structure (GB 32100-2015 §4.1, 18 characters):
 *   pos 1      登记管理部门代码 (registration department)
 *   pos 2      机构类别代码 (organisation category, defined per department)
 *   pos 3–8    登记管理机关行政区划码 (GB/T 2260 region of the registering authority; 100000 = national level)
 *   pos 9–17   主体标识码 = 组织机构代码 per GB 11714-1997; pos 17 is that code's own check digit
 *   pos 18     校验码, ISO 7064 MOD 31-3 style: weights 3^(i-1) mod 31 over the 31-character set (§4.2, 附录)
 *
 * Character set (§4.1): 0-9 and the capital letters except I, O, Z, S, V (31 characters, values 0–30).
 *
 * Judgment calls (documented for reviewers):
 * - The 主体标识码 check digit (GB 11714-1997: weights 3,7,9,10,5,8,4,2; C9 = 11 − Σ mod 11; 10→X, 11→0) IS
 *   validated. GB 32100 defines positions 9–17 as the organisation code, and every subject identifier is issued by
 *   the national code centre (全国组织机构统一社会信用代码数据服务中心) as a GB 11714 code — both the pre-2015 codes
 *   carried over (e.g. 600037341) and the new "MA…" series (e.g. MA1BUFLT4) carry a valid GB 11714 check digit.
 *   Checking it catches a class of double errors that the MOD 31 check alone can miss and lets the message point at
 *   positions 9–17. GB 11714 values letters by the full alphabet (A=10 … Z=35), not by the 31-character set.
 * - Positions 3–8 are only checked to be six digits. Region codes are abolished and renumbered over time
 *   (e.g. 湾里区 360105) while a credit code never changes, so a check against a current region list would reject
 *   genuine codes.
 * - The department/category table is GB 32100-2015 表1 together with its amendment that added A (中央军委改革和
 *   编制办公室) and N (农业, 农村集体经济组织). Department Y (其他) uses category 1 only.
 */

/** The 31 characters of GB 32100-2015 §4.1, in value order (value = index). */
export const CREDIT_CODE_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** Weights 3^(i-1) mod 31 for positions 1–17 (GB 32100-2015 §4.2). */
export const CREDIT_CODE_WEIGHTS: readonly number[] = Array.from({ length: 17 }, (_, i) => 3 ** i % 31);

/** GB 11714-1997 weights for the 8-character body of the organisation code. */
export const ORGANIZATION_CODE_WEIGHTS: readonly number[] = [3, 7, 9, 10, 5, 8, 4, 2];

const FIELD = '统一社会信用代码';

/** 登记管理部门代码 → name and its 机构类别代码 (GB 32100-2015 表1 and amendment). */
export const CREDIT_CODE_DEPARTMENTS: Readonly<
  Record<string, { name: string; categories: Readonly<Record<string, string>> }>
> = {
  '1': {
    name: '机构编制',
    categories: { '1': '机关', '2': '事业单位', '3': '中央编办直接管理机构编制的群众团体', '9': '其他' },
  },
  '2': { name: '外交', categories: { '1': '外国常驻新闻机构', '9': '其他' } },
  '3': {
    name: '司法行政',
    categories: {
      '1': '律师执业机构',
      '2': '公证处',
      '3': '基层法律服务所',
      '4': '司法鉴定机构',
      '5': '仲裁委员会',
      '9': '其他',
    },
  },
  '4': { name: '文化', categories: { '1': '外国在华文化中心', '9': '其他' } },
  '5': { name: '民政', categories: { '1': '社会团体', '2': '民办非企业单位', '3': '基金会', '9': '其他' } },
  '6': {
    name: '旅游',
    categories: { '1': '外国旅游部门常驻代表机构', '2': '港澳台地区旅游部门常驻内地（大陆）代表机构', '9': '其他' },
  },
  '7': { name: '宗教', categories: { '1': '宗教活动场所', '2': '宗教院校', '9': '其他' } },
  '8': { name: '工会', categories: { '1': '基层工会', '9': '其他' } },
  '9': { name: '工商', categories: { '1': '企业', '2': '个体工商户', '3': '农民专业合作社' } },
  A: { name: '中央军委改革和编制办公室', categories: { '1': '军队事业单位', '9': '其他' } },
  N: {
    name: '农业',
    categories: { '1': '组级集体经济组织', '2': '村级集体经济组织', '3': '乡镇级集体经济组织', '9': '其他' },
  },
  Y: { name: '其他', categories: { '1': '其他' } },
};

/**
 * Full-width ASCII variants (U+FF01–U+FF5E) to ASCII and the ideographic space to a space. People type
 * identifiers with a Chinese IME in full-width mode (“９１３６…”).
 */
export function toHalfWidth(input: string): string {
  let out = '';
  for (const ch of input) {
    const code = ch.codePointAt(0) ?? 0;
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCodePoint(code - 0xfee0);
    else if (code === 0x3000) out += ' ';
    else out += ch;
  }
  return out;
}

/** Trim, full-width → half-width, drop inner whitespace, uppercase. */
export function normalizeCreditCode(input: string): string {
  return toHalfWidth(input).replace(/\s+/g, '').toUpperCase();
}

function charValue(ch: string): number {
  return CREDIT_CODE_CHARSET.indexOf(ch);
}

/**
 * The 18th character for the first 17 (GB 32100-2015 §4.2): C18 = 31 − (Σ Ci·Wi mod 31), 31 → 0.
 * Throws RangeError when the input is not 17 characters of the code's character set.
 */
export function creditCodeCheckChar(first17: string): string {
  const s = normalizeCreditCode(first17);
  if (s.length !== 17) throw new RangeError(`${FIELD}：计算校验码需要前17位，实际为${s.length}位`);
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = charValue(s[i]!);
    if (v < 0) throw new RangeError(`${FIELD}：第${i + 1}位含非法字符“${s[i]!}”`);
    sum += v * CREDIT_CODE_WEIGHTS[i]!;
  }
  return CREDIT_CODE_CHARSET[(31 - (sum % 31)) % 31]!;
}

function organizationCharValue(ch: string): number {
  if (ch >= '0' && ch <= '9') return ch.charCodeAt(0) - 48;
  if (ch >= 'A' && ch <= 'Z') return ch.charCodeAt(0) - 55;
  return -1;
}

/**
 * Check digit of a 组织机构代码 for its 8-character body (GB 11714-1997):
 * C9 = 11 − (Σ Ci·Wi mod 11) with W = 3,7,9,10,5,8,4,2; 10 → "X", 11 → "0". Letters count A=10 … Z=35.
 */
export function organizationCodeCheckChar(body8: string): string {
  const s = normalizeCreditCode(body8);
  if (s.length !== 8) throw new RangeError(`组织机构代码：计算校验码需要本体代码8位，实际为${s.length}位`);
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const v = organizationCharValue(s[i]!);
    if (v < 0) throw new RangeError(`组织机构代码：第${i + 1}位含非法字符“${s[i]!}”`);
    sum += v * ORGANIZATION_CODE_WEIGHTS[i]!;
  }
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

export type CreditCodeResult = { ok: true; value: string } | { ok: false; message: string };

/**
 * Validates a 统一社会信用代码 after normalising (trim, full-width → half-width, inner spaces removed, uppercase).
 * Messages start with the field name, e.g. `统一社会信用代码：应为18位，实际为17位`.
 * Order of checks: length → character set → department → category → region digits → 主体标识码 check digit →
 * final check character.
 */
export function validateCreditCode(input: string): CreditCodeResult {
  const code = normalizeCreditCode(input ?? '');
  if (code.length === 0) return { ok: false, message: `${FIELD}：不能为空` };
  const chars = [...code];
  if (chars.length !== 18) return { ok: false, message: `${FIELD}：应为18位，实际为${chars.length}位` };
  for (let i = 0; i < 18; i++) {
    if (charValue(chars[i]!) < 0) {
      return { ok: false, message: `${FIELD}：第${i + 1}位含非法字符“${chars[i]!}”` };
    }
  }
  const department = CREDIT_CODE_DEPARTMENTS[code[0]!];
  if (!department) {
    return { ok: false, message: `${FIELD}：第1位登记管理部门代码“${code[0]!}”不存在` };
  }
  if (!department.categories[code[1]!]) {
    return {
      ok: false,
      message: `${FIELD}：第2位机构类别代码“${code[1]!}”不适用于登记管理部门“${department.name}”（可用：${Object.keys(department.categories).join('、')}）`,
    };
  }
  if (!/^\d{6}$/.test(code.slice(2, 8))) {
    return { ok: false, message: `${FIELD}：第3–8位登记管理机关行政区划码应为6位数字` };
  }
  const subjectCheck = organizationCodeCheckChar(code.slice(8, 16));
  if (code[16] !== subjectCheck) {
    return {
      ok: false,
      message: `${FIELD}：第9–17位主体标识码（组织机构代码）校验不符，按第9–16位计算第17位应为“${subjectCheck}”，请逐位核对`,
    };
  }
  const check = creditCodeCheckChar(code.slice(0, 17));
  if (code[17] !== check) {
    return {
      ok: false,
      message: `${FIELD}：校验位错误，按前17位计算第18位应为“${check}”，实为“${code[17]!}”，请逐位核对`,
    };
  }
  return { ok: true, value: code };
}

export interface CreditCodeParts {
  /** 登记管理部门代码, e.g. "9" (工商). */
  department: string;
  /** 机构类别代码, e.g. "1" (企业). */
  category: string;
  /** 6-digit 登记管理机关行政区划码, e.g. "360102". */
  regionCode: string;
  /** 主体标识码: 8 characters (the GB 11714 check digit is appended) or 9 characters (check digit verified). */
  subjectId: string;
}

/** Assembles a valid code from its parts; throws RangeError with a Chinese message when a part is invalid. */
export function makeCreditCode(parts: CreditCodeParts): string {
  const department = normalizeCreditCode(parts.department);
  const category = normalizeCreditCode(parts.category);
  const regionCode = normalizeCreditCode(parts.regionCode);
  let subjectId = normalizeCreditCode(parts.subjectId);
  const dept = CREDIT_CODE_DEPARTMENTS[department];
  if (!dept) throw new RangeError(`${FIELD}：登记管理部门代码“${department}”不存在`);
  if (!dept.categories[category]) {
    throw new RangeError(`${FIELD}：机构类别代码“${category}”不适用于登记管理部门“${dept.name}”`);
  }
  if (!/^\d{6}$/.test(regionCode)) throw new RangeError(`${FIELD}：登记管理机关行政区划码应为6位数字`);
  if (subjectId.length === 8) subjectId += organizationCodeCheckChar(subjectId);
  if (subjectId.length !== 9) throw new RangeError(`${FIELD}：主体标识码应为8位本体代码或9位完整代码`);
  for (const ch of subjectId) {
    if (charValue(ch) < 0) throw new RangeError(`${FIELD}：主体标识码含非法字符“${ch}”`);
  }
  if (organizationCodeCheckChar(subjectId.slice(0, 8)) !== subjectId[8]) {
    throw new RangeError(`${FIELD}：主体标识码“${subjectId}”校验位错误`);
  }
  const first17 = department + category + regionCode + subjectId;
  return first17 + creditCodeCheckChar(first17);
}

/** Department and category names of a code already known to be valid (for display). */
export function describeCreditCode(code: string): { department: string; category: string; regionCode: string } {
  const c = normalizeCreditCode(code);
  const dept = CREDIT_CODE_DEPARTMENTS[c[0] ?? ''];
  return {
    department: dept?.name ?? '',
    category: dept?.categories[c[1] ?? ''] ?? '',
    regionCode: c.slice(2, 8),
  };
}
