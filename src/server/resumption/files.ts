import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { AttachmentRef } from '../../domain/resumption/index.ts';
import type { SessionUser } from '../access/session-user.ts';
import type { AuditActor } from '../audit/audit.ts';
import { writeAudit } from '../audit/audit.ts';
import type { AppContext } from '../context.ts';
import { fieldProblem, forbidden, notFound } from '../http/problem.ts';
import type { Q } from './config.store.ts';
import { canSeeEnterprise } from './scope.ts';

export const FILE_PURPOSES = ['material', 'prevention_plan', 'photo', 'commitment', 'rectification'] as const;
export type FilePurpose = (typeof FILE_PURPOSES)[number];

/** 10 MB per file: scans of plans and phone photos fit; anything larger is refused before it is stored. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

/** What may be uploaded, recognised by the content (the file name's extension must agree). */
const TYPES = [
  {
    mediaType: 'application/pdf',
    extensions: ['pdf'],
    magic: (b: Buffer) => b.subarray(0, 5).toString('latin1') === '%PDF-',
  },
  {
    mediaType: 'image/jpeg',
    extensions: ['jpg', 'jpeg'],
    magic: (b: Buffer) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  },
  {
    mediaType: 'image/png',
    extensions: ['png'],
    magic: (b: Buffer) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  },
  {
    mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extensions: ['docx'],
    magic: (b: Buffer) => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04,
  },
  {
    mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    extensions: ['xlsx'],
    magic: (b: Buffer) => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04,
  },
] as const;

/** Which purposes accept which kinds: photos are images; letters are PDFs the server renders itself. */
const ALLOWED: Record<FilePurpose, readonly string[]> = {
  material: ['application/pdf', 'image/jpeg', 'image/png', TYPES[3].mediaType, TYPES[4].mediaType],
  prevention_plan: ['application/pdf', 'image/jpeg', 'image/png', TYPES[3].mediaType],
  photo: ['image/jpeg', 'image/png'],
  rectification: ['application/pdf', 'image/jpeg', 'image/png'],
  commitment: ['application/pdf'],
};

export function filesDir(app: AppContext): string {
  const dir = path.join(app.config.dataDir, 'resumption-files');
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** The media type of an upload, or a Chinese message naming the field. */
export function detectType(name: string, content: Buffer, purpose: FilePurpose): string {
  const ext = path.extname(name).slice(1).toLowerCase();
  const type = TYPES.find((t) => (t.extensions as readonly string[]).includes(ext));
  if (!type) throw fieldProblem('file', '文件：只接受 PDF、JPG、PNG、Word（.docx）或 Excel（.xlsx）文件');
  if (!type.magic(content)) throw fieldProblem('file', `文件：内容与扩展名 .${ext} 不符，请上传真实的文件`);
  if (!ALLOWED[purpose].includes(type.mediaType)) {
    throw fieldProblem(
      'file',
      purpose === 'photo' ? '文件：现场照片应为 JPG 或 PNG 图片' : '文件：此处不接受该类型的文件',
    );
  }
  return type.mediaType;
}

export interface StoredFile {
  id: string;
  name: string;
  mediaType: string;
  size: number;
  sha256: string;
  purpose: FilePurpose;
  createdAt: string;
}

export function fileDto(r: {
  id: string;
  name: string;
  media_type: string;
  size: number;
  sha256: string;
  purpose: string;
  created_at: string;
}): StoredFile {
  return {
    id: r.id,
    name: r.name,
    mediaType: r.media_type,
    size: r.size,
    sha256: r.sha256,
    purpose: r.purpose as FilePurpose,
    createdAt: r.created_at,
  };
}

/** Stores a file for an enterprise (the caller has checked the purpose and the user's right to upload it). */
export async function storeFile(
  app: AppContext,
  trx: Q,
  input: {
    enterpriseId: number;
    purpose: FilePurpose;
    name: string;
    content: Buffer;
    mediaType: string;
    uploadedBy: number | null;
  },
): Promise<StoredFile> {
  const id = randomUUID();
  const storedName = `${id}${path.extname(input.name).toLowerCase()}`;
  const file = path.join(filesDir(app), storedName);
  await writeFile(file, input.content);
  const row = {
    id,
    enterprise_id: input.enterpriseId,
    purpose: input.purpose,
    name: input.name.slice(0, 200),
    media_type: input.mediaType,
    size: input.content.length,
    sha256: createHash('sha256').update(input.content).digest('hex'),
    stored_name: storedName,
    uploaded_by: input.uploadedBy,
    created_at: app.clock.now().toISOString(),
  };
  try {
    await trx.insertInto('resumption_files').values(row).execute();
  } catch (error) {
    await rm(file, { force: true });
    throw error;
  }
  return fileDto(row);
}

/** Who may upload for an enterprise: the enterprise itself (materials, plans, its rectification evidence) or an officer
 * with a check task there (photos). */
export async function uploadFile(
  app: AppContext,
  user: SessionUser,
  actor: AuditActor,
  input: { enterpriseId: number | null; purpose: FilePurpose; name: string; content: Buffer },
): Promise<StoredFile> {
  if (input.purpose === 'commitment') throw fieldProblem('purpose', '用途：承诺书由系统根据签署内容生成，不能上传');
  if (input.content.length === 0) throw fieldProblem('file', '文件：不能为空');
  if (input.content.length > MAX_FILE_BYTES) throw fieldProblem('file', '文件：超过 10 MB 上限');
  let enterpriseId: number;
  if (user.role === 'ent_admin') {
    if (!user.enterpriseId) throw forbidden();
    if (input.enterpriseId !== null && input.enterpriseId !== user.enterpriseId)
      throw forbidden('只能为本企业上传材料');
    if (input.purpose === 'photo') throw fieldProblem('purpose', '用途：现场照片由核查人员上传');
    enterpriseId = user.enterpriseId;
  } else if (user.role === 'grid') {
    if (input.enterpriseId === null) throw fieldProblem('enterpriseId', '企业：请指定核查的企业');
    if (input.purpose !== 'photo') throw fieldProblem('purpose', '用途：核查人员只上传现场照片');
    const task = await app.db.kysely
      .selectFrom('resumption_check_tasks')
      .select('id')
      .where('enterprise_id', '=', input.enterpriseId)
      .where('assignee_id', '=', user.id)
      .executeTakeFirst();
    if (!task) throw notFound('企业不存在或您没有该企业的核查任务');
    enterpriseId = input.enterpriseId;
  } else {
    throw forbidden('只有企业和核查人员可以上传文件');
  }
  const mediaType = detectType(input.name, input.content, input.purpose);
  return app.db.kysely.transaction().execute(async (trx) => {
    const stored = await storeFile(app, trx, { ...input, enterpriseId, mediaType, uploadedBy: user.id });
    await writeAudit(
      trx,
      app.db.dialect,
      actor,
      {
        action: 'resumption.file.upload',
        objectType: 'resumption_file',
        objectId: stored.id,
        summary: `上传${input.purpose === 'photo' ? '现场照片' : '材料'}（${stored.size} 字节）`,
        extra: { sha256: stored.sha256, enterpriseId },
      },
      app.clock.now(),
    );
    return stored;
  });
}

export async function readStoredFile(app: AppContext, user: SessionUser, id: string) {
  const row = await app.db.kysely.selectFrom('resumption_files').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row || !(await canSeeEnterprise(app, user, row.enterprise_id))) throw notFound('文件不存在');
  return { row, content: await readFile(path.join(filesDir(app), path.basename(row.stored_name))) };
}

/**
 * Checks attachment references against the stored files of the enterprise and returns them with the stored name,
 * type and hash (what the client sends is not trusted).
 */
export async function resolveAttachments(
  trx: Q,
  enterpriseId: number,
  refs: readonly { fileId: string }[],
  field: string,
): Promise<AttachmentRef[]> {
  if (refs.length === 0) return [];
  const ids = [...new Set(refs.map((r) => r.fileId))];
  const rows = await trx
    .selectFrom('resumption_files')
    .selectAll()
    .where('id', 'in', ids)
    .where('enterprise_id', '=', enterpriseId)
    .execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return refs.map((r) => {
    const row = byId.get(r.fileId);
    if (!row) throw fieldProblem(field, '附件：文件不存在或不属于本企业，请重新上传');
    return { fileId: row.id, name: row.name, mediaType: row.media_type, sha256: row.sha256 };
  });
}
