/**
 * Roster import (一人一档 Excel 导入): pure normalisation of the rows of a real-world employee spreadsheet.
 *
 * Input: the worksheet's cell values as ExcelJS gives them (string | number | Date | rich text | formula result |
 * hyperlink | error | null), one array per sheet row, columns 0-based (A = 0). With ExcelJS:
 * `rows = sheet.getSheetValues().slice(1).map(r => (r ?? []).slice(1))` and `merges = sheet.model.merges`.
 *
 * What it copes with:
 * - title rows above the header: the header row is the one matching the most known Chinese column names;
 * - merged cells: ExcelJS puts the value in the top-left cell only; every range in `merges` is filled from its
 *   top-left cell where the other cells are empty (the caller may already have filled them);
 * - full-width characters and stray spaces; names padded with spaces (“张（全角空格）三” → 张三);
 * - resident ID numbers that the spreadsheet stored as numbers (3.60102199001011E+17): rejected, never guessed —
 *   Excel keeps 15 significant digits, so the last three digits are gone;
 * - dates as text (2020-02-10, 2020/2/10, 2020.2.10, 2020年2月10日, 20200210), as Excel serial numbers (1900 date
 *   system, including its nonexistent 1900-02-29) or as Date objects;
 * - duplicate ID numbers within the file: every row of a duplicate group is rejected, naming the other rows.
 *
 * Nothing is written here: the caller shows the row-level report and writes `rowsToWrite(result)` only after the
 * user confirms. Reports never contain a full ID number (design.md §6).
 */
import { maskResidentId, validateResidentId } from '../registry/resident-id.ts';
import type { CellValue } from '../spreadsheet/cells.ts';
import { cellCode, cellText, headerKey } from '../spreadsheet/cells.ts';
import { isIsoDate } from './dates.ts';
import type { IsoDate } from './dates.ts';
import { PERSON_CATEGORY_LABEL, RETURN_MODE_LABEL } from './facts.ts';
import type { PersonCategory, ReturnMode } from './facts.ts';

export type { CellValue };

export const ROSTER_COLUMNS = [
  { key: 'name', header: '姓名', aliases: ['员工姓名', '职工姓名', '人员姓名'], required: true },
  {
    key: 'residentId',
    header: '身份证号',
    aliases: ['身份证号码', '证件号码', '身份证', '公民身份号码', '身份证件号码'],
    required: true,
  },
  { key: 'phone', header: '手机号', aliases: ['联系电话', '手机号码', '手机', '电话', '联系方式'], required: false },
  { key: 'team', header: '班组', aliases: ['所在班组', '车间班组', '部门', '车间'], required: false },
  { key: 'post', header: '岗位', aliases: ['工作岗位', '职位', '工种'], required: false },
  { key: 'keyPost', header: '是否重点岗位', aliases: ['重点岗位', '是否关键岗位'], required: false },
  {
    key: 'homeRegion',
    header: '户籍地',
    aliases: ['家庭住址所在地', '户籍所在地', '家庭住址', '籍贯', '户籍地址'],
    required: false,
  },
  { key: 'dormitory', header: '是否住宿舍', aliases: ['住宿舍', '是否住集体宿舍', '是否住厂'], required: false },
  { key: 'returnBatch', header: '返岗批次', aliases: ['批次', '复工批次'], required: false },
  { key: 'returnDate', header: '返岗日期', aliases: ['返岗时间', '到岗日期', '返回日期', '到岗时间'], required: false },
  { key: 'returnMode', header: '返岗方式', aliases: ['返程方式', '交通方式', '返岗交通方式'], required: false },
  {
    key: 'travelHistory',
    header: '旅居史',
    aliases: ['14天旅居史', '近14天旅居史', '旅行史', '行程'],
    required: false,
  },
  { key: 'contactHistory', header: '接触史', aliases: ['密切接触史', '密接史'], required: false },
  { key: 'category', header: '人员类别', aliases: ['类别', '人员分类'], required: false },
] as const;

export type RosterField = (typeof ROSTER_COLUMNS)[number]['key'];

const FIELD_LABEL: Record<RosterField, string> = Object.fromEntries(
  ROSTER_COLUMNS.map((c) => [c.key, c.header]),
) as Record<RosterField, string>;

export const ROSTER_HEADER_ALIASES: Readonly<Record<RosterField, readonly string[]>> = Object.fromEntries(
  ROSTER_COLUMNS.map((c) => [c.key, [c.header, ...c.aliases] as readonly string[]]),
) as Record<RosterField, readonly string[]>;

/** Header text for matching: no spaces or line breaks, half-width, without `*` and without notes in brackets. */
function rosterHeaderKey(v: CellValue): string {
  return headerKey(v)
    .replace(/\([^)]*\)/g, '')
    .replace(/[:：]$/, '');
}

/**
 * The header row among the first rows: the row matching the most known column names (at least two).
 * Headers such as `身份证号码（必填）`, `手机号*` or `是否住宿舍\n(是/否)` match.
 */
export function findRosterHeader(
  rows: readonly (readonly CellValue[])[],
  searchRows = 20,
): { index: number; columns: Map<RosterField, number> } | null {
  const wanted = ROSTER_COLUMNS.map((c) => ({
    key: c.key as RosterField,
    names: [c.header, ...c.aliases].map((n) => rosterHeaderKey(n)),
  }));
  let best: { index: number; columns: Map<RosterField, number> } | null = null;
  rows.slice(0, searchRows).forEach((row, index) => {
    const columns = new Map<RosterField, number>();
    row.forEach((cell, col) => {
      const key = rosterHeaderKey(cell ?? null);
      if (!key) return;
      for (const w of wanted) if (!columns.has(w.key) && w.names.includes(key)) columns.set(w.key, col);
    });
    if (columns.size >= 2 && (!best || columns.size > best.columns.size)) best = { index, columns };
  });
  return best;
}

/** A merged range, 1-based inclusive like ExcelJS (`{ top: 3, left: 2, bottom: 7, right: 2 }`), or `B3:B7`. */
export type MergeRange = string | { top: number; left: number; bottom: number; right: number };

export interface RosterRowValue {
  name: string;
  /** Full normalised number: for the server to encrypt and hash; never show it. */
  residentId: string;
  residentIdMasked: string;
  birthDate: IsoDate;
  sex: 'male' | 'female';
  phone: string | null;
  team: string | null;
  post: string | null;
  keyPost: boolean | null;
  homeRegion: string | null;
  dormitory: boolean | null;
  returnBatch: string | null;
  returnDate: IsoDate | null;
  returnMode: ReturnMode | null;
  /** Free text as entered; `无` when the sheet says there is none; null when empty (unknown). */
  travelHistory: string | null;
  contactHistory: string | null;
  category: PersonCategory | null;
}

export interface RowError {
  field: RosterField | 'row';
  message: string;
}

export interface RosterImportRow {
  /** 1-based sheet row number, as Excel shows it. */
  rowNumber: number;
  ok: boolean;
  value?: RosterRowValue;
  errors: RowError[];
  /** The row as read, ID masked, for the report. */
  display: Partial<Record<RosterField, string>>;
}

export interface RosterImportResult {
  /** 1-based sheet row number of the header, or null when none was found. */
  headerRow: number | null;
  columns: { field: RosterField; header: string; column: number }[];
  /** File-level problems (no header, a required column missing). */
  fileErrors: string[];
  rows: RosterImportRow[];
  summary: {
    dataRows: number;
    valid: number;
    invalid: number;
    blankRowsSkipped: number;
    duplicateIdRows: number;
    numericIdRows: number;
  };
}

export interface RosterImportInput {
  rows: readonly (readonly CellValue[])[];
  merges?: readonly MergeRange[];
  /** Today's date: ID birth dates and return dates are checked against it. */
  asOf: IsoDate;
  /** Sheet row number of `rows[0]` (default 1). */
  firstRowNumber?: number;
}

// ---------------------------------------------------------------------------------------------------------------

function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

function parseMerge(m: MergeRange): { top: number; left: number; bottom: number; right: number } | null {
  if (typeof m !== 'string') return m;
  const r = /^([A-Za-z]+)(\d+)(?::([A-Za-z]+)(\d+))?$/.exec(m.trim());
  if (!r) return null;
  const left = columnIndex(r[1]!);
  const top = Number(r[2]);
  const right = r[3] ? columnIndex(r[3]) : left;
  const bottom = r[4] ? Number(r[4]) : top;
  return {
    top: Math.min(top, bottom),
    left: Math.min(left, right),
    bottom: Math.max(top, bottom),
    right: Math.max(left, right),
  };
}

function isEmpty(v: CellValue): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

/** Copy each merged range's top-left value into its empty cells. Returns new arrays; the input is not changed. */
export function fillMerges(
  rows: readonly (readonly CellValue[])[],
  merges: readonly MergeRange[],
  firstRowNumber = 1,
): CellValue[][] {
  const out = rows.map((r) => [...r]);
  for (const raw of merges) {
    const m = parseMerge(raw);
    if (!m) continue;
    const masterRow = out[m.top - firstRowNumber];
    const master = masterRow?.[m.left - 1];
    if (master === undefined || isEmpty(master)) continue;
    for (let r = m.top; r <= m.bottom; r++) {
      const row = out[r - firstRowNumber];
      if (!row) continue;
      for (let c = m.left; c <= m.right; c++) if (isEmpty(row[c - 1] ?? null)) row[c - 1] = master;
    }
  }
  return out;
}

function unwrapRaw(v: CellValue): string | number | boolean | Date | null {
  if (v === null || v === undefined) return null;
  if (typeof v !== 'object' || v instanceof Date) return v;
  if ('richText' in v) return v.richText.map((r) => r.text).join('');
  if ('text' in v) return v.text;
  if ('error' in v) return null;
  if ('result' in v) return unwrapRaw(v.result as CellValue);
  return null;
}

const CJK = '\\u3400-\\u9fff\\uf900-\\ufaff';

function nameOf(v: CellValue): string {
  return cellText(v).replace(new RegExp(`(?<=[${CJK}])\\s+(?=[${CJK}])`, 'g'), '');
}

function textOrNull(v: CellValue): string | null {
  const t = cellText(v);
  return t === '' ? null : t;
}

const NONE_WORDS = new Set(['无', '没有', '否', '/', '-', '—', '无旅居史', '无接触史', 'N', 'NO']);

function historyText(v: CellValue): string | null {
  const t = cellText(v);
  if (t === '') return null;
  return NONE_WORDS.has(t.toUpperCase()) ? '无' : t;
}

const YES = new Set(['是', '有', 'Y', 'YES', 'TRUE', '1', '√', '✓', '住', '住宿舍']);
const NO = new Set(['否', '无', 'N', 'NO', 'FALSE', '0', '×', '不住', '走读']);

function yesNo(v: CellValue, field: RosterField, errors: RowError[]): boolean | null {
  const raw = unwrapRaw(v);
  if (typeof raw === 'boolean') return raw;
  const t = cellText(v).toUpperCase();
  if (t === '') return null;
  if (YES.has(t)) return true;
  if (NO.has(t)) return false;
  errors.push({ field, message: `${FIELD_LABEL[field]}：应填“是”或“否”，实际为“${cellText(v)}”` });
  return null;
}

// Dates ----------------------------------------------------------------------------------------------------------

function ymd(y: number, m: number, d: number): IsoDate | null {
  const s = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return isIsoDate(s) ? s : null;
}

/**
 * An Excel serial date in the 1900 date system. Excel counts 1900-01-01 as 1 and, copying Lotus 1-2-3, treats 1900
 * as a leap year: serial 60 is the nonexistent 1900-02-29, and every serial from 61 on is one more than the true
 * day count since 1899-12-31. The fraction is the time of day and is dropped.
 */
export function excelSerialToDate(serial: number): { ok: true; value: IsoDate } | { ok: false; message: string } {
  if (!Number.isFinite(serial) || serial < 1) return { ok: false, message: `不是有效的日期序号（${serial}）` };
  const whole = Math.floor(serial);
  if (whole === 60) return { ok: false, message: 'Excel 日期序号60对应不存在的1900年2月29日' };
  const days = whole < 60 ? whole : whole - 1; // days after 1899-12-31
  const ms = Date.UTC(1899, 11, 31) + days * 86_400_000;
  return { ok: true, value: new Date(ms).toISOString().slice(0, 10) };
}

export function parseCellDate(
  v: CellValue,
  label: string,
): { ok: true; value: IsoDate | null } | { ok: false; message: string } {
  const raw = unwrapRaw(v);
  if (raw === null || (typeof raw === 'string' && cellText(raw) === '')) return { ok: true, value: null };
  if (raw instanceof Date) {
    if (Number.isNaN(raw.getTime())) return { ok: false, message: `${label}：不是有效日期` };
    // ExcelJS gives a date cell as the UTC midnight of that calendar date.
    return { ok: true, value: raw.toISOString().slice(0, 10) };
  }
  if (typeof raw === 'boolean') return { ok: false, message: `${label}：不是日期` };
  if (typeof raw === 'number') {
    if (Number.isInteger(raw) && raw >= 19000101 && raw <= 21001231) {
      const d = ymd(Math.floor(raw / 10000), Math.floor(raw / 100) % 100, raw % 100);
      return d ? { ok: true, value: d } : { ok: false, message: `${label}：“${raw}”不是有效日期` };
    }
    const r = excelSerialToDate(raw);
    return r.ok ? r : { ok: false, message: `${label}：${r.message}` };
  }
  const t = cellText(raw).replace(/\s+/g, '');
  let m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(t);
  if (!m) m = /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  if (m) {
    const d = ymd(Number(m[1]), Number(m[2]), Number(m[3]));
    return d ? { ok: true, value: d } : { ok: false, message: `${label}：“${t}”不是有效日期` };
  }
  if (/^\d{1,2}[-/.月]\d{1,2}日?$/.test(t)) return { ok: false, message: `${label}：“${t}”缺少年份，请写成2020-02-10` };
  if (/^\d+(\.\d+)?$/.test(t)) {
    const r = excelSerialToDate(Number(t));
    return r.ok ? r : { ok: false, message: `${label}：${r.message}` };
  }
  return { ok: false, message: `${label}：“${t}”无法识别为日期，请写成2020-02-10` };
}

// Enumerations ---------------------------------------------------------------------------------------------------

const RETURN_MODE_WORDS: Record<string, ReturnMode> = {
  包车: 'charter',
  专车: 'charter',
  点对点包车: 'charter',
  企业包车: 'charter',
  班车: 'shuttle',
  通勤车: 'shuttle',
  厂车: 'shuttle',
  火车: 'train',
  高铁: 'train',
  动车: 'train',
  铁路: 'train',
  专列: 'train',
  飞机: 'flight',
  航班: 'flight',
  自驾: 'self_drive',
  自驾车: 'self_drive',
  私家车: 'self_drive',
  自行返回: 'self_drive',
  长途客车: 'coach',
  大巴: 'coach',
  客车: 'coach',
  长途汽车: 'coach',
  其他: 'other',
};

const CATEGORY_WORDS: Record<string, PersonCategory> = {
  四类人员: 'four_categories_unspecified',
  四类: 'four_categories_unspecified',
  确诊: 'confirmed',
  确诊病例: 'confirmed',
  疑似: 'suspected',
  疑似病例: 'suspected',
  密接: 'close_contact',
  密切接触者: 'close_contact',
  密切接触: 'close_contact',
  发热: 'fever_observation',
  发热留观: 'fever_observation',
  发热留观人员: 'fever_observation',
  其他: 'other',
  其他人员: 'other',
  一般人员: 'other',
  正常: 'other',
  无: 'other',
  否: 'other',
};

function enumOf<T>(
  v: CellValue,
  words: Record<string, T>,
  field: RosterField,
  allowed: string,
  errors: RowError[],
): T | null {
  const t = cellText(v).replace(/\s+/g, '');
  if (t === '') return null;
  const hit = words[t];
  if (hit !== undefined) return hit;
  errors.push({ field, message: `${FIELD_LABEL[field]}：无法识别“${t}”，应为${allowed}` });
  return null;
}

// Fields ---------------------------------------------------------------------------------------------------------

const NUMERIC_ID_MESSAGE =
  '身份证号：单元格是数字格式，表格已把号码转成数字（只保留15位有效数字，末尾几位已丢失），无法还原，也不能据此推测；请把该列设为“文本”格式后重新录入18位号码';

function residentIdOf(
  v: CellValue,
  asOf: IsoDate,
  errors: RowError[],
): { id: string; birthDate: IsoDate; sex: 'male' | 'female' } | null {
  const raw = unwrapRaw(v);
  if (typeof raw === 'number') {
    errors.push({ field: 'residentId', message: NUMERIC_ID_MESSAGE });
    return null;
  }
  const text = raw instanceof Date ? '' : cellCode(v);
  if (/^\d(\.\d+)?E\+?\d+$/.test(text)) {
    errors.push({ field: 'residentId', message: NUMERIC_ID_MESSAGE });
    return null;
  }
  const r = validateResidentId(text, asOf);
  if (!r.ok) {
    const lost = /^\d{15}0{3}$/.test(text) && r.message.includes('校验码');
    errors.push({
      field: 'residentId',
      message: lost ? `${r.message}（末尾为“000”，可能是表格转成数字后丢失了末三位，请重新录入）` : r.message,
    });
    return null;
  }
  return { id: r.value, birthDate: r.birthDate, sex: r.sex };
}

function phoneOf(v: CellValue, errors: RowError[]): string | null {
  const raw = unwrapRaw(v);
  const text = typeof raw === 'number' && Number.isInteger(raw) ? String(raw) : cellCode(v);
  if (text === '') return null;
  const digits = text.replace(/[-\s()（）]/g, '');
  if (/^(\+?86)?1[3-9]\d{9}$/.test(digits)) return digits.slice(-11);
  if (/^0\d{9,11}$/.test(digits)) return digits;
  errors.push({ field: 'phone', message: `手机号：“${text}”不是有效的手机号或固定电话` });
  return null;
}

function readRow(cells: readonly CellValue[], columns: ReadonlyMap<RosterField, number>, asOf: IsoDate) {
  const cell = (k: RosterField): CellValue => {
    const i = columns.get(k);
    return i === undefined ? null : (cells[i] ?? null);
  };
  const errors: RowError[] = [];
  const display: Partial<Record<RosterField, string>> = {};
  for (const c of ROSTER_COLUMNS) {
    if (!columns.has(c.key)) continue;
    const raw = unwrapRaw(cell(c.key));
    if (c.key === 'residentId') {
      const t = typeof raw === 'number' ? '（数字格式）' : cellCode(cell(c.key));
      display.residentId = t && typeof raw !== 'number' ? maskResidentId(t) : t;
    } else if (raw instanceof Date) display[c.key] = raw.toISOString().slice(0, 10);
    else display[c.key] = cellText(cell(c.key));
  }

  const name = nameOf(cell('name'));
  if (name === '') errors.push({ field: 'name', message: '姓名：不能为空' });
  else if ([...name].length > 50) errors.push({ field: 'name', message: '姓名：不超过50个字' });

  const id = residentIdOf(cell('residentId'), asOf, errors);
  const phone = phoneOf(cell('phone'), errors);
  const keyPost = yesNo(cell('keyPost'), 'keyPost', errors);
  const dormitory = yesNo(cell('dormitory'), 'dormitory', errors);
  const d = parseCellDate(cell('returnDate'), '返岗日期');
  let returnDate: IsoDate | null = null;
  if (!d.ok) errors.push({ field: 'returnDate', message: d.message });
  else if (
    d.value !== null &&
    (d.value < '2000-01-01' || d.value > `${Number(asOf.slice(0, 4)) + 1}${asOf.slice(4)}`)
  ) {
    errors.push({ field: 'returnDate', message: `返岗日期：${d.value}不在合理范围内，请核对` });
  } else returnDate = d.value;
  const returnMode = enumOf(
    cell('returnMode'),
    RETURN_MODE_WORDS,
    'returnMode',
    Object.values(RETURN_MODE_LABEL).join('、'),
    errors,
  );
  const category = enumOf(
    cell('category'),
    CATEGORY_WORDS,
    'category',
    `${Object.values(PERSON_CATEGORY_LABEL)
      .filter((l) => !l.includes('未细分'))
      .join('、')}或“四类人员”`,
    errors,
  );

  const value: RosterRowValue | undefined =
    errors.length === 0 && id
      ? {
          name,
          residentId: id.id,
          residentIdMasked: maskResidentId(id.id),
          birthDate: id.birthDate,
          sex: id.sex,
          phone,
          team: textOrNull(cell('team')),
          post: textOrNull(cell('post')),
          keyPost,
          homeRegion: textOrNull(cell('homeRegion')),
          dormitory,
          returnBatch: textOrNull(cell('returnBatch')),
          returnDate,
          returnMode,
          travelHistory: historyText(cell('travelHistory')),
          contactHistory: historyText(cell('contactHistory')),
          category,
        }
      : undefined;
  return {
    errors,
    display,
    value,
    normalizedId: id?.id ?? null,
    numericId: typeof unwrapRaw(cell('residentId')) === 'number',
  };
}

// Import ---------------------------------------------------------------------------------------------------------

const HEADER_SEARCH_ROWS = 20;

export function importRoster(input: RosterImportInput): RosterImportResult {
  const first = input.firstRowNumber ?? 1;
  const rows = input.merges?.length ? fillMerges(input.rows, input.merges, first) : input.rows.map((r) => [...r]);
  const empty: RosterImportResult = {
    headerRow: null,
    columns: [],
    fileErrors: [],
    rows: [],
    summary: { dataRows: 0, valid: 0, invalid: 0, blankRowsSkipped: 0, duplicateIdRows: 0, numericIdRows: 0 },
  };
  if (!isIsoDate(input.asOf)) return { ...empty, fileErrors: [`导入日期：格式错误（${input.asOf}）`] };

  const found = findRosterHeader(rows, HEADER_SEARCH_ROWS);
  if (!found) {
    return { ...empty, fileErrors: ['未找到表头：前20行中没有同时包含“姓名”“身份证号”等列名的行'] };
  }
  const headerCells = rows[found.index] ?? [];
  const columns = ROSTER_COLUMNS.filter((c) => found.columns.has(c.key)).map((c) => ({
    field: c.key as RosterField,
    header: cellText(headerCells[found.columns.get(c.key)!] ?? null),
    column: found.columns.get(c.key)!,
  }));
  const missing = ROSTER_COLUMNS.filter((c) => c.required && !found.columns.has(c.key)).map((c) => c.header);
  const headerRow = found.index + first;
  if (missing.length) {
    return { ...empty, headerRow, columns, fileErrors: [`缺少必填列：${missing.join('、')}`] };
  }

  const out: (RosterImportRow & { normalizedId: string | null; numericId: boolean })[] = [];
  let blank = 0;
  for (let i = found.index + 1; i < rows.length; i++) {
    const cells = rows[i] ?? [];
    const used = [...found.columns.values()].some((c) => !isEmpty(cells[c] ?? null));
    if (!used) {
      blank++;
      continue;
    }
    const r = readRow(cells, found.columns, input.asOf);
    out.push({
      rowNumber: i + first,
      ok: r.errors.length === 0 && r.value !== undefined,
      ...(r.value ? { value: r.value } : {}),
      errors: r.errors,
      display: r.display,
      normalizedId: r.normalizedId,
      numericId: r.numericId,
    });
  }

  // Duplicate ID numbers within the file: reject every row of the group, naming the others.
  const byId = new Map<string, number[]>();
  out.forEach((r, k) => {
    if (r.normalizedId) byId.set(r.normalizedId, [...(byId.get(r.normalizedId) ?? []), k]);
  });
  let duplicateIdRows = 0;
  for (const group of byId.values()) {
    if (group.length < 2) continue;
    for (const k of group) {
      const r = out[k]!;
      const others = group.filter((o) => o !== k).map((o) => `第${out[o]!.rowNumber}行`);
      r.errors.push({ field: 'residentId', message: `身份证号：与${others.join('、')}重复，请核对后只保留一行` });
      r.ok = false;
      delete r.value;
      duplicateIdRows++;
    }
  }

  const finalRows: RosterImportRow[] = out.map(({ normalizedId: _n, numericId: _x, ...r }) => r);
  const valid = finalRows.filter((r) => r.ok).length;
  return {
    headerRow,
    columns,
    fileErrors: [],
    rows: finalRows,
    summary: {
      dataRows: finalRows.length,
      valid,
      invalid: finalRows.length - valid,
      blankRowsSkipped: blank,
      duplicateIdRows,
      numericIdRows: out.filter((r) => r.numericId).length,
    },
  };
}

/** The values to write once the user has confirmed the preview: valid rows only, in sheet order. */
export function rowsToWrite(result: RosterImportResult): RosterRowValue[] {
  if (result.fileErrors.length) return [];
  return result.rows.flatMap((r) => (r.ok && r.value ? [r.value] : []));
}
