import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../lib/errors';

/** What every route reads unless its schema names other media types in `consumes`. */
export const DEFAULT_MEDIA_TYPES = ['application/json'] as const;

/** The media type of a Content-Type header, without parameters, lower case ('' when absent). */
export const mediaTypeOf = (header: string | undefined): string => (header ?? '').split(';')[0]!.trim().toLowerCase();

/** The media types a route reads: its schema's `consumes` (also what the API document shows), else JSON. */
export const acceptedMediaTypes = (req: FastifyRequest): readonly string[] =>
  (req.routeOptions.schema?.consumes as string[] | undefined) ?? DEFAULT_MEDIA_TYPES;

/** Methods whose body fastify never reads. */
const BODYLESS = new Set(['GET', 'HEAD', 'TRACE']);

/** Whether the request announces a body (fastify reads one only then). */
function announcesBody(req: FastifyRequest): boolean {
  if (BODYLESS.has(req.method)) return false;
  const h = req.headers;
  return h['content-type'] !== undefined || h['transfer-encoding'] !== undefined || (h['content-length'] !== undefined && h['content-length'] !== '0');
}

/**
 * Body limits per route, and bodies a route does not read refused before a byte of them is read.
 * A content type parser's own limit (50 MB for evidence) would otherwise apply to every route of
 * the plugin that registered it, and a route would buffer, then try to validate, any body its
 * plugin can parse. So: every route gets the server's limit unless it sets its own (the upload
 * routes), and on request, after authentication, a body of a type the route does not consume is
 * answered 415. Fastify itself answers 413 from the Content-Length, or while streaming, past the
 * route's limit.
 */
export function limitRouteBodies(app: FastifyInstance, defaultLimit: number) {
  app.addHook('onRoute', (route) => {
    route.bodyLimit ??= defaultLimit;
  });
}

/** See limitRouteBodies; registered after the authentication hook, so unauthenticated callers get 401. */
export function refuseUnreadMediaTypes(app: FastifyInstance) {
  app.addHook('onRequest', async (req) => {
    if (!announcesBody(req)) return;
    const accepted = acceptedMediaTypes(req);
    const mime = mediaTypeOf(req.headers['content-type']);
    if (!accepted.includes(mime)) {
      throw new AppError('request.unsupported_media_type', `this endpoint reads ${accepted.join(', ')}`, { details: { accepted } });
    }
  });
}
