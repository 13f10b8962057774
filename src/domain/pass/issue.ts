/**
 * Issuing passes: validity windows and the QR symbol.
 *
 * - One person, one code (一人一码、一码通行, seed 003 L717): a person holds one live pass; a new pass (status
 *   change, reprint) revokes the previous one.
 * - Phone passes are refreshed with the daily status and are valid until the end of the next day (Asia/Shanghai).
 * - Printed cards (员工证) serve those without phones — the Jiahe county report counts 15,000 printed 员工证 (seed
 *   004 L23). A card cannot refresh itself, so it is valid for 30 days and relies on revocation.
 */
import QRCode from 'qrcode';
import { SEED_003, SEED_004, cite } from '../health/sources.ts';
import { PASS_PREFIX } from './token.ts';

export const PASS_SOURCES = {
  onePersonOneCode: cite(SEED_003, 717, '电子通行证要实行一人一码、一码通行'),
  everyoneFree: cite(SEED_003, 717, '要求所有在昌和来昌人员免费申领电子通行证'),
  workersRegister: cite(SEED_003, 618, '返岗务工人员须申领注册电子通行证'),
  printedCards: cite(SEED_004, 23, '支持企业印制员工证15000余份'),
} as const;

export const CARD_VALIDITY_DAYS = 30;
const SHANGHAI_OFFSET_S = 8 * 3600;
const DAY_S = 86_400;

/** Valid-until (seconds since the epoch) for a pass issued at `issuedAt` (seconds). */
export function passValidUntil(issuedAt: number, card: boolean): number {
  const localMidnight = Math.floor((issuedAt + SHANGHAI_OFFSET_S) / DAY_S) * DAY_S - SHANGHAI_OFFSET_S;
  return localMidnight + (card ? CARD_VALIDITY_DAYS + 1 : 2) * DAY_S;
}

/** The QR symbol of a pass text, in alphanumeric mode, error correction M. `dark[r * size + c]` is 1 for a dark module. */
export function passQrMatrix(text: string): { size: number; version: number; dark: Uint8Array } {
  if (!text.startsWith(PASS_PREFIX)) throw new Error('二维码内容：不是通行证');
  const qr = QRCode.create([{ data: text, mode: 'alphanumeric' }], { errorCorrectionLevel: 'M' });
  return { size: qr.modules.size, version: qr.version, dark: Uint8Array.from(qr.modules.data, (v) => (v ? 1 : 0)) };
}

/** SVG path data of the dark modules (one unit per module), for embedding in a card or a page. */
export function qrPath(matrix: { size: number; dark: Uint8Array }, x0 = 0, y0 = 0, unit = 1): string {
  const parts: string[] = [];
  for (let r = 0; r < matrix.size; r++) {
    let c = 0;
    while (c < matrix.size) {
      if (!matrix.dark[r * matrix.size + c]) {
        c++;
        continue;
      }
      const start = c;
      while (c < matrix.size && matrix.dark[r * matrix.size + c]) c++;
      parts.push(
        `M${fmt(x0 + start * unit)} ${fmt(y0 + r * unit)}h${fmt((c - start) * unit)}v${fmt(unit)}h${fmt(-(c - start) * unit)}z`,
      );
    }
  }
  return parts.join('');
}

function fmt(n: number): string {
  return Number(n.toFixed(3)).toString();
}

/** A standalone SVG of the pass QR code (with the 4-module quiet zone), e.g. for the employee's phone page. */
export function passQrSvg(text: string, sizePx = 240): string {
  const m = passQrMatrix(text);
  const total = m.size + 8;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${total} ${total}" width="${sizePx}" height="${sizePx}" shape-rendering="crispEdges">` +
    `<rect width="${total}" height="${total}" fill="#fff"/><path fill="#000" d="${qrPath(m, 4, 4)}"/></svg>`
  );
}
