import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify from 'fastify';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler } from 'fastify-type-provider-zod';
import type { AppConfig } from './config.ts';
import type { Clock } from './clock.ts';
import { systemClock } from './clock.ts';
import type { AppContext } from './context.ts';
import type { Db } from './db/database.ts';
import './http/fastify-types.ts';
import type { RouteTableEntry } from './http/access-hooks.ts';
import { registerAccessHooks } from './http/access-hooks.ts';
import { registerErrorHandler } from './http/error-handler.ts';
import { registerIdempotency } from './http/idempotency.ts';
import { notFound } from './http/problem.ts';
import { zodValidatorCompiler } from './http/validation.ts';
import { installChineseZodMessages } from './http/zod-zh.ts';
import { registerRoutes } from './routes.ts';
import { RegionDirectory } from './registry/region-directory.ts';

export interface BuildOptions {
  db: Db;
  config: AppConfig;
  clock?: Clock;
  /** Folder of the built web app; served at / when present. */
  webDir?: string;
  logger?: boolean;
}

export interface BuiltApp {
  fastify: FastifyInstance;
  context: AppContext;
  /** Every /api route with its declared access; the authorization-matrix test walks it. */
  routeTable: RouteTableEntry[];
}

export async function buildApp(options: BuildOptions): Promise<BuiltApp> {
  installChineseZodMessages();
  const fastify = Fastify({
    logger: options.logger === false ? false : { level: options.config.logLevel },
    trustProxy: options.config.trustProxy,
    bodyLimit: 10 * 1024 * 1024,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w.-]{8,64}$/.test(given) ? given : randomUUID();
    },
    routerOptions: { ignoreTrailingSlash: true },
  });
  const context: AppContext = {
    db: options.db,
    config: options.config,
    clock: options.clock ?? systemClock,
    log: fastify.log,
    regions: new RegionDirectory(options.db),
  };
  await context.regions.ensureLoaded();
  const routeTable: RouteTableEntry[] = [];

  fastify.setValidatorCompiler(zodValidatorCompiler);
  fastify.setSerializerCompiler(serializerCompiler);
  fastify.addHook('onSend', async (request, reply, payload) => {
    reply.header('x-request-id', request.id);
    return payload;
  });
  registerErrorHandler(fastify);

  await fastify.register(fastifyCookie, { secret: options.config.secrets.sessionKey });
  await fastify.register(fastifyMultipart, { limits: { fileSize: 60 * 1024 * 1024, files: 1 } });
  await fastify.register(fastifySwagger, {
    openapi: {
      info: { title: '双胜平台 API', description: '疫情防控与复工复产一体化平台接口', version: '0.1.0' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'ss_session' },
          csrf: { type: 'apiKey', in: 'header', name: 'X-CSRF-Token' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await fastify.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  registerAccessHooks(fastify, context, routeTable);
  registerIdempotency(fastify, context);
  await registerRoutes(fastify, context);

  const webDir = options.webDir && existsSync(path.join(options.webDir, 'index.html')) ? options.webDir : null;
  if (webDir) {
    await fastify.register(fastifyStatic, { root: webDir, wildcard: false, maxAge: '1h', preCompressed: true });
  }
  fastify.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/') || !webDir || request.method !== 'GET') throw notFound('接口不存在');
    // The web app routes on the client: every other GET gets index.html.
    return reply.type('text/html').header('cache-control', 'no-cache').sendFile('index.html', webDir);
  });

  await fastify.ready();
  return { fastify, context, routeTable };
}
