import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.ts';
import { registerBankRoutes } from './banks.ts';
import { registerDepartmentRoutes } from './departments.ts';
import { registerEnterpriseImportRoutes } from './enterprise-import.routes.ts';
import { registerEnterpriseRoutes } from './enterprise.routes.ts';
import { registerReferenceRoutes } from './reference.routes.ts';
import { registerRegionRoutes } from './regions.routes.ts';
import { registerUserRoutes } from './users.ts';

/** 一企一档 and the registry around it: regions, departments, banks, users. */
export function registerRegistryRoutes(fastify: FastifyInstance, app: AppContext): void {
  registerRegionRoutes(fastify, app);
  registerDepartmentRoutes(fastify, app);
  registerBankRoutes(fastify, app);
  registerUserRoutes(fastify, app);
  registerEnterpriseRoutes(fastify, app);
  registerEnterpriseImportRoutes(fastify, app);
  registerReferenceRoutes(fastify, app);
}
