/**
 * Reading the values people type into spreadsheets. ExcelJS gives a cell as a string, number, boolean, Date,
 * rich text, hyperlink, formula result or error; these helpers turn each into what a form field expects, and say
 * in Chinese what is wrong when they cannot.
 */
export type CellValue =
  | string
  | number
  | boolean
  | Date
  | null
  | undefined
  | { richText: { text: string }[] }
  | { text: string; hyperlink?: string }
  | { result?: unknown; formula?: string; sharedFormula?: string }
  | { error: string };

/** Full-width ASCII (Ａ１，) to half-width and ideographic spaces to spaces. */
export function toHalfWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

function unwrap(value: CellValue): string | number | boolean | Date | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'object' || value instanceof Date) return value;
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('text' in value) return value.text;
  if ('error' in value) return null;
  if ('result' in value) return unwrap(value.result as CellValue);
  return null;
}

/** Trimmed text with inner runs of spaces collapsed; numbers become their plain decimal form. */
export function cellText(value: CellValue): string {
  const v = unwrap(value);
  if (v === null) return '';
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(v);
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return toHalfWidth(v)
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
}

/** Text for identifiers (codes, phone numbers): no spaces at all, upper case. */
export function cellCode(value: CellValue): string {
  return cellText(value).replace(/\s+/g, '').toUpperCase();
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

/** A number written as a number or as text with thousands separators. */
export function cellNumber(value: CellValue, label: string): Parsed<number | null> {
  const v = unwrap(value);
  if (v === null || v === '') return { ok: true, value: null };
  if (typeof v === 'number')
    return Number.isFinite(v) ? { ok: true, value: v } : { ok: false, message: `${label}：应为数字` };
  const text = cellText(v).replace(/,/g, '');
  if (text === '') return { ok: true, value: null };
  if (!/^-?\d+(\.\d+)?$/.test(text)) return { ok: false, message: `${label}：应为数字，实际为“${text}”` };
  return { ok: true, value: Number(text) };
}

/** 万元 with up to six decimals (one fen) to integer fen, without floating-point drift. */
export function wanYuanToFen(value: CellValue, label: string): Parsed<number | null> {
  const v = unwrap(value);
  if (v === null || v === '') return { ok: true, value: null };
  const text = typeof v === 'number' ? v.toFixed(6) : cellText(v).replace(/,/g, '');
  const m = /^(\d+)(?:\.(\d{1,6}))?$/.exec(text.replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, ''));
  if (!m) return { ok: false, message: `${label}：应为不小于 0 的金额（万元），最多 6 位小数，实际为“${cellText(v)}”` };
  const fen = Number(m[1]) * 1_000_000 + Number((m[2] ?? '').padEnd(6, '0'));
  if (!Number.isSafeInteger(fen)) return { ok: false, message: `${label}：金额过大` };
  return { ok: true, value: fen };
}

const YES = new Set(['是', '有', 'Y', 'YES', 'TRUE', '1', '√', '✓']);
const NO = new Set(['否', '无', 'N', 'NO', 'FALSE', '0', '', '×']);

export function cellYesNo(value: CellValue, label: string): Parsed<boolean> {
  const v = unwrap(value);
  if (typeof v === 'boolean') return { ok: true, value: v };
  const text = cellText(v).toUpperCase();
  if (YES.has(text)) return { ok: true, value: true };
  if (NO.has(text)) return { ok: true, value: false };
  return { ok: false, message: `${label}：应填“是”或“否”，实际为“${cellText(v)}”` };
}

/** Normalise a header cell for matching: no spaces, half-width, Chinese brackets to ASCII. */
export function headerKey(value: CellValue): string {
  return cellText(value).replace(/\s+/g, '').replace(/（/g, '(').replace(/）/g, ')').replace(/\*/g, '');
}

/**
 * Find the header row among the first rows (tables often have a title row or two above it): the row matching
 * the most known headers, if it matches at least `minimum`.
 */
export function findHeaderRow(
  rows: readonly (readonly CellValue[])[],
  aliases: Readonly<Record<string, readonly string[]>>,
  minimum = 3,
): { index: number; columns: Map<string, number> } | null {
  let best: { index: number; columns: Map<string, number> } | null = null;
  rows.forEach((row, index) => {
    const columns = new Map<string, number>();
    row.forEach((cell, col) => {
      const key = headerKey(cell);
      if (!key) return;
      for (const [field, names] of Object.entries(aliases)) {
        if (!columns.has(field) && names.some((n) => headerKey(n) === key)) columns.set(field, col);
      }
    });
    if (columns.size >= minimum && (!best || columns.size > best.columns.size)) best = { index, columns };
  });
  return best;
}
