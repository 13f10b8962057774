import { createReadStream, mkdirSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { FastifyReply } from 'fastify';
import type { AppContext } from '../context.ts';

/** Folders under the data directory for uploads waiting to be checked and files waiting to be downloaded. */
export function storageDir(app: AppContext, kind: 'imports' | 'exports'): string {
  const dir = path.join(app.config.dataDir, kind);
  mkdirSync(dir, { recursive: true });
  return dir;
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function sendDownload(
  reply: FastifyReply,
  file: string,
  fileName: string,
  type = XLSX_TYPE,
  removeAfter = false,
) {
  const stream = createReadStream(file);
  if (removeAfter) stream.on('close', () => void rm(file, { force: true }));
  return reply
    .type(type)
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`)
    .send(stream);
}
