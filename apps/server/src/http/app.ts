import { existsSync } from 'node:fs';
import path from 'node:path';
import { constants as zlib } from 'node:zlib';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import compress from '@fastify/compress';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { RouteDef, SettingKind } from '@tianlang/contracts';
import { sql } from 'drizzle-orm';
import type { Services } from '../services';
import { registerAuthHook } from './auth-hook';
import { limitRouteBodies, refuseUnreadMediaTypes } from './body-guard';
import { requestLogger } from './request-log';
import { registerErrorHandler } from './error-handler';
import { registerResponseHeaders } from './headers';
import { openapiDocument, openapiTransform } from './openapi';
import { authRoutes } from '../modules/auth/auth.routes';
import { auditRoutes } from '../modules/audit/audit.routes';
import { calendarRoutes } from '../modules/calendar/calendar.routes';
import { jurisdictionsRoutes } from '../modules/jurisdictions/jurisdictions.routes';
import { notificationsRoutes } from '../modules/notifications/notifications.routes';
import { todosRoutes } from '../modules/todos/todos.routes';
import { rolesRoutes } from '../modules/roles/roles.routes';
import { unitsRoutes } from '../modules/units/units.routes';
import { usersRoutes } from '../modules/users/users.routes';
import { apiKeysRoutes } from '../modules/apikeys/apikeys.routes';
import { reportsRoutes } from '../modules/reports/reports.routes';
import { publicReportsRoutes } from '../modules/reports/public.routes';
import { transfersRoutes } from '../modules/reports/transfers.routes';
import { ordersRoutes } from '../modules/reports/orders.routes';
import { templatesRoutes } from '../modules/reports/templates.routes';
import { slaRoutes } from '../modules/reports/sla.routes';
import { patrolRoutes } from '../modules/patrol/patrol.routes';
import { registryRoutes } from '../modules/registry/registry.routes';
import { registryRecordsRoutes } from '../modules/registry/records.routes';
import { publicStatsRoutes, statsRoutes } from '../modules/stats/stats.routes';
import { documentsRoutes } from '../modules/documents/documents.routes';

export const API_ROUTES = [
  authRoutes, jurisdictionsRoutes, unitsRoutes, usersRoutes, rolesRoutes, calendarRoutes, auditRoutes, notificationsRoutes, todosRoutes, apiKeysRoutes, patrolRoutes,
  reportsRoutes, publicReportsRoutes, transfersRoutes, ordersRoutes, templatesRoutes, slaRoutes, registryRoutes, registryRecordsRoutes,
  statsRoutes, publicStatsRoutes, documentsRoutes,
];

export interface RouteEntry {
  method: string; url: string; public: boolean; permission?: string; apiKey: boolean; hasBody: boolean; bodyLimit?: number;
  consumes?: string[]; beforePasswordChange: boolean;
  /** the request schemas (zod), for tests that walk every field of every route */
  schema: { body?: unknown; querystring?: unknown; params?: unknown };
  /** the setting kind a settings route reads or writes */
  settings?: SettingKind;
  /** the contracts route table entry it was mounted from (http/mount.ts) */
  contract?: RouteDef;
}
const routeTables = new WeakMap<FastifyInstance, RouteEntry[]>();
/** Every route the app registered, with its access rule: the authorization tests walk this. */
export const listRoutes = (app: FastifyInstance): RouteEntry[] => routeTables.get(app) ?? [];

export async function buildApp(s: Services, opts: { serveWeb?: boolean } = {}): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: requestLogger(s.logger as FastifyBaseLogger, s.secrets),
    bodyLimit: s.config.BODY_LIMIT_BYTES,
    trustProxy: false,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);
  // before the route table hook, so the table lists each route's effective limit
  limitRouteBodies(app, s.config.BODY_LIMIT_BYTES);
  const table: RouteEntry[] = [];
  app.addHook('onRoute', (r) => {
    for (const method of [r.method].flat()) {
      if (method === 'HEAD') continue;
      const isPublic = !!r.config?.public || !r.url.startsWith('/api/') || r.url.startsWith('/api/docs');
      table.push({
        method, url: r.url, public: isPublic, permission: r.config?.permission, apiKey: !!r.config?.apiKeyScope, hasBody: !!r.schema?.body,
        bodyLimit: r.bodyLimit, consumes: r.schema?.consumes as string[] | undefined, beforePasswordChange: !!r.config?.beforePasswordChange,
        schema: { body: r.schema?.body, querystring: r.schema?.querystring, params: r.schema?.params }, settings: r.config?.settings,
        contract: r.config?.contract,
      });
    }
  });

  // Responses the server builds (JSON, the API docs) are compressed as they go, at a quality that costs
  // little CPU; the web build's files are compressed once at build time and served as they are (below).
  // Request bodies are never inflated: a compressed body would be a way round the body limits.
  await app.register(compress, {
    globalDecompression: false,
    encodings: ['br', 'gzip'],
    threshold: 1024,
    brotliOptions: { params: { [zlib.BROTLI_PARAM_QUALITY]: 5 } },
  });
  await app.register(cookie);
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_req, ctx) => ({
      statusCode: 429, code: 'request.rate_limited', message: `too many requests, retry in ${ctx.after}`,
    }),
  });
  await app.register(swagger, { openapi: openapiDocument, transform: openapiTransform });
  // The docs UI and its spec are public; mark them so the auth hook lets them through.
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/docs')) route.config = { ...(route.config ?? {}), public: true };
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list', validatorUrl: null } });

  registerAuthHook(app, s.auth, s.apiKeys);
  refuseUnreadMediaTypes(app);
  registerResponseHeaders(app, s.config.EMBED_FRAME_ANCESTORS);

  app.get('/healthz', { config: { public: true }, schema: { hide: true, response: { 200: z.object({ status: z.literal('ok') }) } } },
    async () => ({ status: 'ok' as const }));
  app.get('/readyz', { config: { public: true }, schema: { hide: true } }, async (_req, reply) => {
    try {
      await s.db.execute(sql`select 1`);
      return { status: 'ready', database: s.handle.kind };
    } catch {
      return reply.status(503).send({ code: 'server.unavailable', message: 'database unreachable' });
    }
  });

  for (const routes of API_ROUTES) await app.register(routes(s));

  const spa = opts.serveWeb && existsSync(path.join(s.config.WEB_DIST, 'index.html'));
  // preCompressed: the build writes .br and .gz next to each file (apps/web/scripts/precompress.mjs).
  if (spa) await app.register(fastifyStatic, { root: s.config.WEB_DIST, wildcard: false, preCompressed: true });
  // Unknown API paths are JSON 404s; other page paths render the single-page app.
  app.setNotFoundHandler((req, reply) => {
    if (spa && req.method === 'GET' && !req.url.startsWith('/api/') && req.headers.accept?.includes('text/html')) {
      return reply.sendFile('index.html');
    }
    return reply.status(404).send({ code: 'resource.not_found', message: `no route ${req.method} ${req.url.split('?')[0]}` });
  });
  routeTables.set(app, table);
  return app;
}
