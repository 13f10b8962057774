/**
 * Money and dates for display. Money is integer fen (分) everywhere; conversions to 元 and 万元 use integer
 * (BigInt) arithmetic on digit strings, never floating point, so 1800.5 万元 is exactly 1,800,500,000 分.
 */

const FEN_PER_YUAN = 100n;
const FEN_PER_WAN = 1_000_000n;
/** 万元 inputs may carry 6 decimals: the sixth is one fen. */
const WAN_DECIMALS = 6;

/** "1234567" → "1,234,567". */
function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function toBigInt(value: number | bigint): bigint {
  if (typeof value === 'bigint') return value;
  if (!Number.isInteger(value)) throw new RangeError(`金额应为整数分：${value}`);
  return BigInt(value);
}

/** Integer division rounding half away from zero. */
function divRound(value: bigint, divisor: bigint): bigint {
  const negative = value < 0n;
  const abs = negative ? -value : value;
  const q = (abs + divisor / 2n) / divisor;
  return negative ? -q : q;
}

/** Thousands separators for a count: 12,345. */
export function formatInteger(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  const n = Math.trunc(value);
  return (n < 0 ? '-' : '') + groupThousands(String(Math.abs(n)));
}

/** fen → "1,234.56 元" (always two decimals). */
export function formatYuan(fen: number | bigint | null | undefined): string {
  if (fen === null || fen === undefined) return '—';
  const value = toBigInt(fen);
  const negative = value < 0n;
  const abs = negative ? -value : value;
  const yuan = abs / FEN_PER_YUAN;
  const cents = String(abs % FEN_PER_YUAN).padStart(2, '0');
  return `${negative ? '-' : ''}${groupThousands(String(yuan))}.${cents} 元`;
}

/** fen → 万元 number text with up to two decimals (rounded half up, trailing zeros dropped): "2,500.5". */
export function formatWanYuanNumber(fen: number | bigint): string {
  const value = toBigInt(fen);
  const hundredths = divRound(value, FEN_PER_WAN / 100n);
  const negative = hundredths < 0n;
  const abs = negative ? -hundredths : hundredths;
  const whole = abs / 100n;
  const fraction = String(abs % 100n)
    .padStart(2, '0')
    .replace(/0+$/, '');
  return `${negative ? '-' : ''}${groupThousands(String(whole))}${fraction ? `.${fraction}` : ''}`;
}

/** fen → "2,500.5 万元". */
export function formatWanYuan(fen: number | bigint | null | undefined): string {
  if (fen === null || fen === undefined) return '—';
  return `${formatWanYuanNumber(fen)} 万元`;
}

/** fen → the exact 万元 text for an input box (no separators, no rounding): 1800500000 → "1800.5". */
export function fenToWanYuanInput(fen: number | bigint | null | undefined): string {
  if (fen === null || fen === undefined) return '';
  const value = toBigInt(fen);
  const negative = value < 0n;
  const abs = negative ? -value : value;
  const whole = abs / FEN_PER_WAN;
  const fraction = String(abs % FEN_PER_WAN)
    .padStart(WAN_DECIMALS, '0')
    .replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

export type WanYuanParse = { ok: true; fen: number } | { ok: false; message: string };

/**
 * 万元 as typed ("1800.5", "1,800.5", " 12 ") → integer fen, exactly. At most six decimals (one fen);
 * negative amounts and anything that is not a plain decimal number are refused with a message.
 */
export function wanYuanToFen(input: string): WanYuanParse {
  const text = input.trim().replace(/[,，\s]/g, '');
  if (text === '') return { ok: false, message: '请填写金额' };
  if (text.startsWith('-')) return { ok: false, message: '金额不能为负数' };
  const match = /^(\d+)(?:\.(\d*))?$/.exec(text) ?? /^()\.(\d+)$/.exec(text);
  if (!match) return { ok: false, message: '请填写数字（单位：万元）' };
  const whole = match[1] || '0';
  const fraction = match[2] ?? '';
  if (fraction.length > WAN_DECIMALS) return { ok: false, message: '最多保留 6 位小数（精确到分）' };
  const fen = BigInt(whole) * FEN_PER_WAN + BigInt(fraction.padEnd(WAN_DECIMALS, '0') || '0');
  if (fen > BigInt(Number.MAX_SAFE_INTEGER)) return { ok: false, message: '金额过大' };
  return { ok: true, fen: Number(fen) };
}

const SHANGHAI_DATE_TIME = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hour12: false,
});

/** An instant as Beijing time: "2020-02-10 09:00:00". */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return SHANGHAI_DATE_TIME.format(date);
}

/** An instant's Beijing calendar date: "2020-02-10". */
export function formatDate(iso: string | null | undefined): string {
  const text = formatDateTime(iso);
  return text === '—' ? text : text.slice(0, 10);
}
