import type { FastifyInstance } from 'fastify';

/**
 * The response headers every route shares: content security policy, framing, caching.
 *
 * The policy allows scripts from this origin only (the web build emits no inline script, and
 * nothing evaluates strings). Styles allow 'unsafe-inline', and only styles: antd writes its CSS-in-JS
 * into <style> elements at run time and some of its components set style attributes, which neither
 * hashes nor nonces cover. Only the public report pages may be framed (platforms embed them through
 * /embed.js; they carry no session); everything else, the console above all, never can be.
 */
export function contentSecurityPolicy(frameAncestors: string): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    `frame-ancestors ${frameAncestors}`,
  ].join('; ');
}

const EMBEDDABLE = /^\/report(\/status)?\/?(\?|$)/;
/** Vite names built assets after their content: a changed file is a new URL, so a year is safe. */
const HASHED_ASSET = /^\/assets\/[^/?]+-[A-Za-z0-9_-]{8,}\.[a-z0-9]+(\?|$)/;
const IMMUTABLE = 'public, max-age=31536000, immutable';

export function registerResponseHeaders(app: FastifyInstance, embedFrameAncestors: string): void {
  const embedPolicy = contentSecurityPolicy(embedFrameAncestors);
  const policy = contentSecurityPolicy("'none'");
  app.addHook('onSend', async (req, reply) => {
    const url = req.url;
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'same-origin');
    if (EMBEDDABLE.test(url)) {
      reply.header('content-security-policy', embedPolicy);
      reply.removeHeader('x-frame-options');
    } else {
      reply.header('content-security-policy', policy);
      reply.header('x-frame-options', 'DENY');
    }
    if (url.startsWith('/api/')) {
      reply.header('cache-control', 'no-store');
    } else if (reply.statusCode === 200 && HASHED_ASSET.test(url)) {
      reply.header('cache-control', IMMUTABLE);
      reply.header('vary', 'accept-encoding');
    } else if (String(reply.getHeader('content-type') ?? '').startsWith('text/html')) {
      // The page itself is revalidated on every visit, so a new build reaches users at once.
      reply.header('cache-control', 'no-cache');
      reply.header('vary', 'accept-encoding');
    }
  });
}
