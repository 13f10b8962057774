/**
 * Printable pass cards (员工证) for employees without phones: A4 pages (210 × 297 mm) of eight ID-1 cards
 * (85.6 × 54 mm), as SVG for the browser's print dialog or a PDF converter. Cut marks are the card outlines.
 * The card shows the enterprise, the employee's name and team, the validity and the QR; never an ID number.
 */
import { passQrMatrix, qrPath } from './issue.ts';

export interface CardData {
  passText: string;
  enterpriseName: string;
  personName: string;
  team?: string;
  /** Shown as printed, e.g. `2020-03-31`. */
  validUntilDate: string;
}

export const CARDS_PER_PAGE = 8;
const CARD_W = 85.6;
const CARD_H = 54;
const COLS = 2;
const MARGIN_X = (210 - COLS * CARD_W) / 3;
const MARGIN_Y = (297 - 4 * CARD_H) / 5;

function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function clip(s: string, max: number): string {
  const chars = [...s];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : s;
}

function card(d: CardData, x: number, y: number): string {
  const m = passQrMatrix(d.passText);
  const qrMm = 46;
  const unit = qrMm / (m.size + 4);
  const qx = x + CARD_W - qrMm - 3;
  const qy = y + (CARD_H - qrMm) / 2;
  const text = (ty: number, size: number, s: string, weight = 'normal') =>
    `<text x="${(x + 4).toFixed(2)}" y="${(y + ty).toFixed(2)}" font-size="${size}" font-weight="${weight}">${esc(s)}</text>`;
  return [
    `<rect x="${x.toFixed(2)}" y="${y.toFixed(2)}" width="${CARD_W}" height="${CARD_H}" rx="3" fill="#fff" stroke="#999" stroke-width="0.2"/>`,
    text(8, 4.2, '员工证', 'bold'),
    text(12.5, 2.6, '电子通行证 · 一人一码'),
    text(21, 3, clip(d.enterpriseName, 12)),
    text(29, 4.6, clip(d.personName, 8), 'bold'),
    ...(d.team ? [text(35, 3, clip(d.team, 10))] : []),
    text(44, 2.6, `有效期至 ${d.validUntilDate}`),
    text(48.5, 2.2, '状态变更即作废，请以扫码结果为准'),
    `<path fill="#000" d="${qrPath(m, qx + 2 * unit, qy + 2 * unit, unit)}"/>`,
  ].join('');
}

/** One SVG string per page. */
export function renderCardPages(cards: readonly CardData[]): string[] {
  const pages: string[] = [];
  for (let p = 0; p < cards.length; p += CARDS_PER_PAGE) {
    const body = cards
      .slice(p, p + CARDS_PER_PAGE)
      .map((c, i) =>
        card(c, MARGIN_X + (i % COLS) * (CARD_W + MARGIN_X), MARGIN_Y + Math.floor(i / COLS) * (CARD_H + MARGIN_Y)),
      )
      .join('');
    pages.push(
      `<svg xmlns="http://www.w3.org/2000/svg" width="210mm" height="297mm" viewBox="0 0 210 297" shape-rendering="crispEdges" ` +
        `font-family="'Noto Sans CJK SC','Source Han Sans SC','Microsoft YaHei',sans-serif">${body}</svg>`,
    );
  }
  return pages;
}
