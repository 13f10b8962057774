import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import PDFDocument from 'pdfkit';
import { passQrMatrix } from '../../domain/pass/issue.ts';
import { PASS_SOURCES } from '../../domain/pass/issue.ts';
import type { SessionUser } from '../access/session-user.ts';
import type { AuditActor } from '../audit/audit.ts';
import { writeAudit } from '../audit/audit.ts';
import type { AppContext } from '../context.ts';
import { storageDir } from '../files/storage.ts';
import { fieldProblem } from '../http/problem.ts';
import { startJob } from '../jobs/jobs.ts';
import { targetEnterprise } from '../health/scope.ts';
import { ensureSigningKey } from './keys.ts';
import { issuePassFor, passAllowedFor, revokeLivePasses } from './passes.service.ts';

/**
 * Printed cards (员工证) for employees without phones — the Jiahe county report counts 15,000 printed cards
 * (seed 004 L23, `PASS_SOURCES.printedCards`). Issuing a card revokes the person's previous card (一人一码); the PDF
 * (A4, 8 cards of 85.6 × 54 mm, the committed CJK font) is rendered by a job and downloaded by whoever started it.
 */
const FONT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../data/fonts');
let font: { bytes: Buffer; chars: Set<string> } | null = null;
function loadFont() {
  font ??= {
    bytes: readFileSync(path.join(FONT_DIR, 'NotoSansSC-Regular-GB2312.otf')),
    chars: new Set([...readFileSync(path.join(FONT_DIR, 'NotoSansSC-Regular-GB2312.chars.txt'), 'utf8')]),
  };
  return font;
}
function drawable(text: string): string {
  const { chars } = loadFont();
  let out = '';
  for (const ch of text) out += ch === ' ' || chars.has(ch) || /[\x20-\x7e]/.test(ch) ? ch : '□';
  return out;
}

export interface PrintableCard {
  token: string;
  enterpriseName: string;
  personName: string;
  team: string | null;
  validUntilDate: string;
}

const MM = 72 / 25.4;
const CARD_W = 85.6;
const CARD_H = 54;
const PER_PAGE = 8;

/** An A4 PDF of cards, 2 × 4 per page, outlines as cut marks. */
export async function renderCardsPdf(cards: readonly PrintableCard[], at: Date): Promise<Buffer> {
  const { bytes } = loadFont();
  const doc = new PDFDocument({
    size: 'A4',
    margin: 0,
    autoFirstPage: false,
    info: { Title: '员工证', Creator: '双胜平台', Producer: '双胜平台', CreationDate: at },
  });
  doc.registerFont('cjk', bytes);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const mx = (210 - 2 * CARD_W) / 3;
  const my = (297 - 4 * CARD_H) / 5;
  cards.forEach((c, i) => {
    if (i % PER_PAGE === 0) doc.addPage({ size: 'A4', margin: 0 });
    const k = i % PER_PAGE;
    const x = (mx + (k % 2) * (CARD_W + mx)) * MM;
    const y = (my + Math.floor(k / 2) * (CARD_H + my)) * MM;
    doc
      .roundedRect(x, y, CARD_W * MM, CARD_H * MM, 3 * MM)
      .lineWidth(0.5)
      .stroke('#999999');
    const text = (s: string, ty: number, size: number) =>
      doc
        .font('cjk')
        .fontSize(size)
        .fillColor('#000000')
        .text(drawable(s), x + 4 * MM, y + ty * MM, { width: 36 * MM, lineBreak: false, ellipsis: true });
    text('员工证', 4, 12);
    text('电子通行证 · 一人一码', 10, 7);
    text(c.enterpriseName, 17, 8);
    text(c.personName, 24, 13);
    if (c.team) text(c.team, 32, 8);
    text(`有效期至 ${c.validUntilDate}`, 41, 7);
    text('状态变更即作废，以扫码结果为准', 46, 6);
    const m = passQrMatrix(c.token);
    const qrMm = 46;
    const unit = (qrMm / (m.size + 4)) * MM;
    const qx = x + (CARD_W - qrMm - 3) * MM + 2 * unit;
    const qy = y + ((CARD_H - qrMm) / 2) * MM + 2 * unit;
    for (let r = 0; r < m.size; r++) {
      let col = 0;
      while (col < m.size) {
        if (!m.dark[r * m.size + col]) {
          col++;
          continue;
        }
        const start = col;
        while (col < m.size && m.dark[r * m.size + col]) col++;
        doc.rect(qx + start * unit, qy + r * unit, (col - start) * unit, unit);
      }
    }
    doc.fill('#000000');
  });
  if (cards.length === 0) doc.addPage({ size: 'A4', margin: 0 });
  doc.end();
  return done;
}

function shanghaiDate(iso: string): string {
  return new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/**
 * Issue printed cards for people of one enterprise (the named ones, or everyone on the roster marked as having no
 * phone) whose status admits them, revoking each person's previous card; then render the PDF in a job.
 */
export async function issueCards(
  app: AppContext,
  user: SessionUser,
  actor: AuditActor,
  input: { enterpriseId?: number | undefined; personIds?: number[] | undefined },
) {
  const enterprise = await targetEnterprise(app, user, input.enterpriseId);
  await ensureSigningKey(app);
  const now = app.clock.now();
  const result = await app.db.kysely.transaction().execute(async (trx) => {
    let q = trx
      .selectFrom('health_people')
      .selectAll()
      .where('enterprise_id', '=', enterprise.id)
      .where('active', '=', 1);
    if (input.personIds?.length) q = q.where('id', 'in', input.personIds);
    else q = q.where('needs_card', '=', 1);
    const people = await q.orderBy('team').orderBy('id').execute();
    if (input.personIds?.length && people.length !== new Set(input.personIds).size)
      throw fieldProblem('personIds', '员工：部分员工不在本企业花名册中');
    const cards: PrintableCard[] = [];
    const issued: number[] = [];
    const revoked: number[] = [];
    const skipped: { personId: number; name: string; statusLabel: string }[] = [];
    for (const p of people) {
      if (!passAllowedFor(p.status)) {
        skipped.push({ personId: p.id, name: p.name, statusLabel: p.status ?? '尚未评估' });
        continue;
      }
      revoked.push(...(await revokeLivePasses(app, trx, p.id, '重新印制员工证', now, { card: true })).map((r) => r.id));
      const pass = await issuePassFor(app, trx, p, true, now, user.id);
      issued.push(pass.id);
      cards.push({
        token: pass.token,
        enterpriseName: enterprise.name,
        personName: p.name,
        team: p.team,
        validUntilDate: shanghaiDate(new Date(Number(pass.valid_until_s) * 1000 - 1000).toISOString()),
      });
    }
    await writeAudit(
      trx,
      app.db.dialect,
      actor,
      {
        action: 'pass.cards_issued',
        objectType: 'enterprise',
        objectId: enterprise.id,
        summary: `印制员工证 ${issued.length} 张（作废旧证 ${revoked.length} 张，状态不符未签发 ${skipped.length} 人）`,
        extra: { issued, revoked, skipped: skipped.map((s) => s.personId), source: PASS_SOURCES.printedCards.source },
      },
      now,
    );
    return { cards, issued, revoked, skipped };
  });
  const file = `cards-${randomUUID()}.pdf`;
  const fileName = `员工证-${enterprise.name}-${shanghaiDate(now.toISOString())}.pdf`;
  const jobId = await startJob(app, 'pass.cards', user.id, async (progress) => {
    await progress.update(0, result.cards.length, '正在生成员工证 PDF');
    const pdf = await renderCardsPdf(result.cards, now);
    await writeFile(path.join(storageDir(app, 'exports'), file), pdf);
    await progress.update(result.cards.length, result.cards.length);
    return { file, fileName, cards: result.cards.length };
  });
  return { jobId, issued: result.issued.length, revoked: result.revoked.length, skipped: result.skipped };
}
