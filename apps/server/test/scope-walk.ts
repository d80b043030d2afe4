import type { FastifyInstance, InjectOptions } from 'fastify';
import { listRoutes, type RouteEntry } from '../src/http/app';
import type { Agent } from './agent';

/** One concrete request of a route: the path with its parameters filled in, and the body to send. */
export interface WalkRequest { url: string; body?: unknown; note?: string }
export interface WalkResult extends WalkRequest {
  route: RouteEntry;
  status: number;
  /** the parsed JSON body (null when the answer is not JSON) */
  json: unknown;
  /** the raw body and its type (file downloads: workbooks, documents) */
  raw: Buffer;
  contentType: string;
  code?: string;
}

export const routeKey = (r: Pick<RouteEntry, 'method' | 'url'>) => `${r.method} ${r.url}`;

/** The API routes of an app that `select` picks (e.g. every settings route, every list and detail route). */
export function apiRoutes(app: FastifyInstance, select: (r: RouteEntry) => boolean = () => true): RouteEntry[] {
  return listRoutes(app).filter((r) => r.url.startsWith('/api/') && !r.url.startsWith('/api/docs') && select(r));
}

/**
 * Walks routes as one signed-in user (any role, any jurisdiction): each route is requested with the
 * concrete requests `requests(route)` gives (ids of the city's rows, of a sibling's, …) and every
 * answer goes through `check` (status, codes, and what the body may contain). A route for which
 * `requests` gives nothing fails the walk, so a route added later cannot slip past unwalked.
 * Used by the settings-scope test (nothing of the city or a sibling changes) and meant for the scope
 * walk over every list and detail route (no row of a sibling or of the city appears).
 */
export async function walkRoutes(o: {
  routes: RouteEntry[];
  as: Agent;
  requests: (r: RouteEntry) => WalkRequest[] | undefined;
  check: (res: WalkResult) => void | Promise<void>;
}): Promise<WalkResult[]> {
  const unwalked = o.routes.filter((r) => !(o.requests(r)?.length)).map(routeKey);
  if (unwalked.length) throw new Error(`no request given for: ${unwalked.join(', ')}`);
  const results: WalkResult[] = [];
  for (const route of o.routes) {
    for (const req of o.requests(route)!) {
      const res = await o.as.req(route.method as InjectOptions['method'], req.url, req.body ?? (route.method === 'GET' || route.method === 'DELETE' ? undefined : {}));
      let json: unknown = null;
      try { json = res.json(); } catch { /* not JSON (a file download) */ }
      const result: WalkResult = { ...req, route, status: res.statusCode, json, raw: res.rawPayload, contentType: String(res.headers['content-type'] ?? ''), code: (json as { code?: string } | null)?.code };
      await o.check(result);
      results.push(result);
    }
  }
  return results;
}

/** Fills a route's `:name` parameters; a parameter without a value is left for the caller to notice. */
export const fill = (url: string, params: Record<string, string>) => url.replace(/:([a-zA-Z]+)/g, (m, name: string) => params[name] ?? m);

/** Every string in a JSON value (ids, names): a body leaks a row when one of these is that row's id. */
export function stringsIn(value: unknown, into = new Set<string>()): Set<string> {
  if (typeof value === 'string') into.add(value);
  else if (Array.isArray(value)) for (const v of value) stringsIn(v, into);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) stringsIn(v, into);
  return into;
}
