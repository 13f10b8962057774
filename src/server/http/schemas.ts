import { z } from 'zod';

/** Query parameters shared by every paged list. */
export const pageQuery = {
  page: z.coerce.number().int().min(1).default(1).describe('页码'),
  pageSize: z.coerce.number().int().min(1).max(200).default(20).describe('每页条数'),
};

export const idParams = z.object({ id: z.coerce.number().int().positive().describe('编号') });

/** Query-string booleans: `true`/`1`/`是` are yes, `false`/`0`/`否` are no. */
export const queryBoolean = z
  .enum(['true', 'false', '1', '0', '是', '否'])
  .transform((v) => v === 'true' || v === '1' || v === '是');

export function pageOf<T>(items: T[], total: number) {
  return { items, total };
}
