import dns from 'node:dns';
import http, { type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import type { Logger } from 'pino';
import { AppError } from './errors';
import { checkUrl, isAddressAllowed, parseCidr, refused, type Cidr } from './address-policy';

/**
 * THE way the server fetches a URL someone gave it (feeds today; images, webhooks later). Nothing
 * else in the server may call fetch/http.request on such a URL. It:
 * - resolves the host itself and connects only to the addresses it checked (a custom `lookup`, so a
 *   DNS answer cannot change between check and connect): loopback, private, link-local, CGNAT,
 *   multicast, reserved and the like are refused unless allow-listed;
 * - follows redirects by hand, checking every hop, at most `maxRedirects`;
 * - streams the body and stops at `maxBytes` of decompressed content (gzip, deflate, br);
 * - bounds the whole fetch (connect, headers, body, every hop) by `timeoutMs`.
 * Failures throw AppError `fetch.refused`, `fetch.failed` or `fetch.too_large`; the reason is in the
 * message, for the server log only.
 */
export interface GuardedFetchDeps {
  /** ranges that may be reached although private or loopback (offices with feeds on their network) */
  allowCidrs: readonly string[];
  timeoutMs: number;
  maxBytes: number;
  maxRedirects?: number;
  /** the resolver; tests give a fake one, the server the system's (dns.lookup, which reads /etc/hosts) */
  resolve?: (hostname: string) => Promise<{ address: string; family: number }[]>;
  logger?: Pick<Logger, 'warn'>;
}

export interface FetchedResponse {
  status: number;
  /** the URL that answered, after redirects */
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const systemResolve = (host: string) => dns.promises.lookup(host, { all: true, verbatim: true });

export function createGuardedFetch(deps: GuardedFetchDeps) {
  const allow: Cidr[] = deps.allowCidrs.map(parseCidr);
  const resolve = deps.resolve ?? systemResolve;
  const maxRedirects = deps.maxRedirects ?? 5;

  const lookup: LookupFunction = (hostname, options, callback) => {
    const answer = resolve(hostname).then((found) => {
      const bad = found.find((a) => !isAddressAllowed(a.address, allow));
      if (bad) throw refused(`${hostname} resolves to ${bad.address}`);
      const family = options.family === 'IPv4' ? 4 : options.family === 'IPv6' ? 6 : options.family;
      const usable = family ? found.filter((a) => a.family === family) : found;
      if (usable.length === 0) throw new AppError('fetch.failed', `${hostname} has no usable address`);
      return usable;
    });
    answer.then(
      (usable) => (options.all ? callback(null, usable) : callback(null, usable[0]!.address, usable[0]!.family)),
      (err: Error) => callback(err as NodeJS.ErrnoException, '', 0),
    );
  };

  function request(url: URL, headers: Record<string, string>, signal: AbortSignal) {
    return new Promise<IncomingMessage>((resolveResponse, reject) => {
      const client = url.protocol === 'https:' ? https : http;
      const req = client.request(url, {
        // a name is resolved by `lookup`; a literal address is connected to as is, checked by checkUrl
        method: 'GET', agent: false, signal, lookup, headers: { ...headers, 'accept-encoding': 'gzip, deflate, br' },
      });
      req.once('response', resolveResponse);
      req.once('error', reject);
      req.end();
    });
  }

  async function readBody(res: IncomingMessage, signal: AbortSignal): Promise<Buffer> {
    const declared = Number(res.headers['content-length'] ?? 0);
    if (declared > deps.maxBytes) throw new AppError('fetch.too_large', `declared ${declared} bytes`);
    const chunks: Buffer[] = [];
    let total = 0;
    const tooLarge = new AppError('fetch.too_large', `more than ${deps.maxBytes} bytes`);
    const collect = async (source: AsyncIterable<Buffer>) => {
      for await (const chunk of source) {
        total += chunk.length;
        if (total > deps.maxBytes) throw tooLarge;
        chunks.push(chunk);
      }
    };
    const decoder = decoderFor(res.headers['content-encoding']);
    try {
      if (decoder) await pipeline(res, decoder, collect, { signal });
      else await pipeline(res, collect, { signal });
    } catch (err) {
      // tearing the pipeline down may surface as an abort of another stage; the cap is the real reason
      throw total > deps.maxBytes ? tooLarge : err;
    }
    return Buffer.concat(chunks, total);
  }

  async function fetchUrl(raw: string, init: { headers?: Record<string, string> } = {}): Promise<FetchedResponse> {
    const signal = AbortSignal.timeout(deps.timeoutMs);
    let current = raw;
    try {
      for (let hop = 0; ; hop++) {
        const url = checkUrl(current, allow);
        const res = await request(url, init.headers ?? {}, signal);
        const location = res.headers.location;
        if (REDIRECTS.has(res.statusCode ?? 0) && location) {
          res.destroy();
          if (hop >= maxRedirects) throw new AppError('fetch.failed', `more than ${maxRedirects} redirects`);
          current = new URL(location, url).href;
          continue;
        }
        try {
          return { status: res.statusCode ?? 0, url: url.href, headers: res.headers, body: await readBody(res, signal) };
        } finally {
          res.destroy();
        }
      }
    } catch (err) {
      const error = err instanceof AppError ? err
        : new AppError('fetch.failed', signal.aborted ? `no answer within ${deps.timeoutMs} ms` : (err as Error).message, { cause: err });
      deps.logger?.warn({ url: raw, at: current, code: error.code, reason: error.message }, 'guarded fetch did not succeed');
      throw error;
    }
  }

  /** For forms: refuses at once a URL that could never be fetched (wrong scheme, special address written literally). */
  const assertUrl = (raw: string) => void checkUrl(raw, allow);

  return { fetch: fetchUrl, assertUrl };
}
export type GuardedFetch = ReturnType<typeof createGuardedFetch>;

function decoderFor(encoding: string | undefined) {
  const value = (encoding ?? '').trim().toLowerCase();
  if (value === '' || value === 'identity') return null;
  if (value === 'gzip' || value === 'x-gzip') return zlib.createGunzip();
  if (value === 'deflate') return zlib.createInflate();
  if (value === 'br') return zlib.createBrotliDecompress();
  throw new AppError('fetch.failed', `unsupported content-encoding ${value}`);
}
