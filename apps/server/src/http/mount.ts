import type { FastifyContextConfig, FastifyInstance, FastifyReply, FastifyRequest, FastifySchema, RouteShorthandOptions } from 'fastify';
import type { RouteDef, RouteInput, RouteOutput } from '@tianlang/contracts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** set by `mount`: the route comes from the contracts route table (test/openapi.test.ts holds every /api route to it) */
    contract?: RouteDef;
  }
}

/** What the server adds to a contract route: who may call it and its transport limits. */
export interface MountOptions {
  config?: Omit<FastifyContextConfig, 'contract'>;
  bodyLimit?: number;
  /** hooks that run before the handler (e.g. reading a raw upload stream) */
  preValidation?: RouteShorthandOptions['preValidation'];
  /** hooks that run before the body is read (e.g. admitting an upload by its declared size) */
  preParsing?: RouteShorthandOptions['preParsing'];
}

/** The request a contract route's handler sees: params, query and body parsed by the route's schemas. */
export type ContractRequest<D extends RouteDef> = FastifyRequest<{
  Params: RouteInput<D>['params'];
  Querystring: RouteInput<D>['query'];
  Body: RouteInput<D>['body'];
}>;

/**
 * The handler of a contract route returns the success body (serialized through the route's response
 * schema), or the reply it sent itself (a 201 with `reply.status(201).send(…)`, a file download).
 */
export type ContractHandler<D extends RouteDef> = (req: ContractRequest<D>, reply: FastifyReply) => Promise<RouteOutput<D> | FastifyReply> | RouteOutput<D> | FastifyReply;

/**
 * Registers route `def` of the contracts route table: method, path, schemas, summary, tags and named
 * errors come from the table; permission, rate limit and body limit from the caller. The one way a module
 * adds an /api route, so the web client (which calls through the same table) cannot drift from the server.
 */
export function mount<D extends RouteDef>(app: FastifyInstance, def: D, opts: MountOptions, handler: ContractHandler<D>): void {
  const schema: FastifySchema = {
    summary: def.summary,
    tags: [...def.tags],
    ...(def.description ? { description: def.description } : {}),
    ...(def.params ? { params: def.params } : {}),
    ...(def.query ? { querystring: def.query } : {}),
    ...(def.body ? { body: def.body } : {}),
    ...(def.headers ? { headers: def.headers } : {}),
    ...(def.consumes ? { consumes: [...def.consumes] } : {}),
    ...(def.response ? { response: def.response } : {}),
    ...(def.errors ? { errors: def.errors } : {}),
    ...(def.bodyExample !== undefined ? { bodyExample: def.bodyExample } : {}),
    ...(def.hide ? { hide: true } : {}),
  };
  app.route({
    method: def.method,
    url: def.path,
    schema,
    config: { ...opts.config, contract: def },
    ...(opts.bodyLimit !== undefined ? { bodyLimit: opts.bodyLimit } : {}),
    ...(opts.preValidation ? { preValidation: opts.preValidation } : {}),
    ...(opts.preParsing ? { preParsing: opts.preParsing } : {}),
    handler: handler as unknown as (req: FastifyRequest, reply: FastifyReply) => unknown,
  });
}
