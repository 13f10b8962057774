import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { SIZE_CLASS_LABEL } from '../../domain/registry/size-class.ts';
import type { AppContext } from '../context.ts';
import { ROLE_LABEL } from '../access/roles.ts';
import { FLAG_LABEL } from './enterprise.dto.ts';
import { KEY_LIST_LABEL } from './enterprise.schema.ts';
import { industrySections } from './industries.ts';

/** Code tables the web forms need: industries, size classes, flags, roles. */
export function registerReferenceRoutes(fastify: FastifyInstance, _app: AppContext): void {
  const r = fastify.withTypeProvider<ZodTypeProvider>();
  r.get('/api/reference', {
    schema: { tags: ['参考数据'], summary: '行业分类（GB/T 4754-2017）、企业规模、标记、角色' },
    config: { access: { permission: 'authenticated' } },
    handler: async () => ({
      industries: industrySections,
      sizeClasses: SIZE_CLASS_LABEL,
      flags: FLAG_LABEL,
      keyLists: KEY_LIST_LABEL,
      roles: ROLE_LABEL,
    }),
  });
}
