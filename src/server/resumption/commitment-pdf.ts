import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import PDFDocument from 'pdfkit';
import type { RenderedCommitmentLetter } from '../../domain/resumption/index.ts';
import { COMMITMENT_LETTER_TEMPLATE } from '../../domain/resumption/index.ts';
import { formatChineseDateTime } from '../../domain/resumption/time.ts';

const FONT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../data/fonts');
const FONT_FILE = path.join(FONT_DIR, 'NotoSansSC-Regular-GB2312.otf');
const CHARS_FILE = path.join(FONT_DIR, 'NotoSansSC-Regular-GB2312.chars.txt');

/** Drawn in place of a character the embedded subset does not cover. */
export const REPLACEMENT = '□';

let font: { bytes: Buffer; chars: Set<string> } | null = null;
function loadFont() {
  font ??= {
    bytes: readFileSync(FONT_FILE),
    chars: new Set([...readFileSync(CHARS_FILE, 'utf8').replace(/\n$/, '')]),
  };
  return font;
}

/** The text as the embedded font can draw it: characters outside the subset become □, line breaks stay. */
export function drawableText(text: string): string {
  const { chars } = loadFont();
  let out = '';
  for (const ch of text) out += ch === '\n' || chars.has(ch) ? ch : REPLACEMENT;
  return out;
}

export interface CommitmentPdfInput {
  letter: RenderedCommitmentLetter;
  signerName: string;
  signerTitle: string;
  signedAt: string;
  enterpriseName: string;
  applicationId: number;
}

/**
 * The signed letter as an A4 PDF: the letter text, the signer, the time and the SHA-256 of the signed text, so the
 * paper copy can be matched with the record. Deterministic for the same input (the creation date is the signing
 * time), and never fails on unusual characters.
 */
export async function renderCommitmentPdf(input: CommitmentPdfInput): Promise<Buffer> {
  const { bytes } = loadFont();
  const signedAt = new Date(input.signedAt);
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 72, bottom: 64, left: 72, right: 72 },
    info: {
      Title: drawableText(input.letter.title),
      Author: drawableText(input.enterpriseName),
      Subject: `复工复产申请 ${input.applicationId}`,
      Creator: '双胜平台',
      Producer: '双胜平台',
      CreationDate: signedAt,
      ModDate: signedAt,
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', () => resolve());
    doc.on('error', reject);
  });
  doc.registerFont('cjk', bytes);
  doc.font('cjk');
  const width = doc.page.width - 144;
  const text = (s: string, options: PDFKit.Mixins.TextOptions = {}) =>
    doc.text(drawableText(s), { width, lineGap: 6, ...options });

  doc.fontSize(20);
  text(input.letter.title, { align: 'center' });
  doc.moveDown(1.2);
  doc.fontSize(12);
  text(input.letter.salutation);
  doc.moveDown(0.4);
  text(input.letter.preamble, { indent: 24 });
  doc.moveDown(0.4);
  for (const clause of input.letter.clauses) {
    text(clause, { indent: 24 });
    doc.moveDown(0.2);
  }
  doc.moveDown(1.5);
  for (const line of input.letter.signature) {
    text(line, { align: 'right' });
    doc.moveDown(0.3);
  }
  doc.moveDown(1.5);
  const digest = createHash('sha256').update(input.letter.text, 'utf8').digest('hex');
  doc.fontSize(9).fillColor('#666666');
  text(
    `本承诺书由企业通过双胜平台在线签署，签署人：${input.signerName}（${input.signerTitle}），签署时间：${formatChineseDateTime(input.signedAt)}。` +
      `承诺书模板：${COMMITMENT_LETTER_TEMPLATE.id} 第${COMMITMENT_LETTER_TEMPLATE.version}版；依据：${COMMITMENT_LETTER_TEMPLATE.source.ref}。`,
  );
  text(`签署文本 SHA-256：${digest}`);
  doc.end();
  await done;
  return Buffer.concat(chunks);
}
