import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type RequestListener, type Server } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAddressAllowed, parseCidr } from './address-policy';
import { createGuardedFetch } from './guarded-fetch';
import { AppError } from './errors';

/** A local server; counts the requests it answered, so a test can prove the guard never connected. */
async function listen(host: string, handler: RequestListener) {
  const hits: string[] = [];
  const server: Server = createServer((req, res) => { hits.push(req.url ?? ''); handler(req, res); });
  await new Promise<void>((r) => server.listen(0, host, () => r()));
  const port = (server.address() as { port: number }).port;
  return { hits, port, close: () => new Promise<void>((r) => server.close(() => r())) };
}

const codeOf = (p: Promise<unknown>) => p.then(() => 'ok', (e: unknown) => (e instanceof AppError ? e.code : `not an AppError: ${String(e)}`));

// The "internal" service stands for anything on the server's own machine (its API, the database).
let internal: Awaited<ReturnType<typeof listen>>;
// The allow-listed one stands for a feed on an office network (127.0.0.2 is loopback too).
let allowed: Awaited<ReturnType<typeof listen>>;
beforeAll(async () => {
  internal = await listen('127.0.0.1', (_req, res) => res.end('secret'));
  allowed = await listen('127.0.0.2', (req, res) => {
    const to = new URL(req.url!, 'http://x').searchParams.get('to');
    if (to) { res.writeHead(302, { location: to }); res.end(); return; }
    if (req.url === '/gzip') { res.writeHead(200, { 'content-encoding': 'gzip' }); res.end(gzipSync('压缩的内容')); return; }
    if (req.url === '/bomb') { res.writeHead(200, { 'content-encoding': 'deflate' }); res.end(deflateSync(Buffer.alloc(32 * 1024 * 1024))); return; }
    if (req.url === '/br') { res.writeHead(200, { 'content-encoding': 'br' }); res.end(brotliCompressSync('brotli')); return; }
    res.end('hello');
  });
});
afterAll(async () => { await internal.close(); await allowed.close(); });

const fake: Record<string, string[]> = {};
const guard = createGuardedFetch({
  allowCidrs: ['127.0.0.2'], timeoutMs: 5_000, maxBytes: 1_000_000,
  resolve: async (host) => {
    const addresses = fake[host];
    if (!addresses) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
    return addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  },
});

describe('guarded fetch', () => {
  it('refuses loopback, private and special addresses in any notation, without connecting', async () => {
    const p = internal.port;
    const urls = [
      `http://127.0.0.1:${p}/`, `http://localhost:${p}/`, `http://LOCALHOST.:${p}/`, `http://api.localhost:${p}/`, `http://0.0.0.0:${p}/`,
      `http://0:${p}/`, `http://2130706433:${p}/`, `http://0x7f.1:${p}/`, `http://127.1:${p}/`, `http://0177.0.0.1:${p}/`,
      `http://[::1]:${p}/`, `http://[::ffff:127.0.0.1]:${p}/`, `http://[::ffff:7f00:1]:${p}/`, `http://[::]:${p}/`,
      'http://127.0.0.1:5432/', 'http://10.1.2.3/', 'http://172.16.0.1/', 'http://192.168.1.1/', 'http://169.254.169.254/latest/meta-data/',
      'http://100.64.0.1/', 'http://224.0.0.1/', 'http://240.0.0.1/', 'http://255.255.255.255/', 'http://[fc00::1]/', 'http://[fd12::1]/',
      'http://[fe80::1]/', 'http://[ff02::1]/', 'http://[::ffff:10.0.0.1]/', 'http://[64:ff9b::7f00:1]/', 'file:///etc/passwd', 'gopher://x/',
    ];
    for (const url of urls) expect([url, await codeOf(guard.fetch(url))]).toEqual([url, 'fetch.refused']);
    expect(internal.hits).toEqual([]);
  });

  it('checks the address a name resolves to, and connects to that checked address', async () => {
    fake['feeds.example.com'] = ['127.0.0.1'];
    fake['mixed.example.com'] = ['93.184.215.14', '10.0.0.7'];
    fake['v6.example.com'] = ['::1'];
    for (const host of ['feeds.example.com', 'mixed.example.com', 'v6.example.com']) {
      expect(await codeOf(guard.fetch(`http://${host}:${internal.port}/`))).toBe('fetch.refused');
    }
    expect(internal.hits).toEqual([]);
    // a name that exists only in the injected resolver can be fetched: the connection used its answer
    fake['office-feeds.example.com'] = ['127.0.0.2'];
    const res = await guard.fetch(`http://office-feeds.example.com:${allowed.port}/`);
    expect([res.status, res.body.toString()]).toEqual([200, 'hello']);
    expect(await codeOf(guard.fetch(`http://nowhere.example.com:${allowed.port}/`))).toBe('fetch.failed');
  });

  it('checks every redirect hop and bounds their number', async () => {
    const base = `http://127.0.0.2:${allowed.port}/`;
    const into = (target: string) => `${base}?to=${encodeURIComponent(target)}`;
    for (const target of [`http://127.0.0.1:${internal.port}/api/patrol/sources`, `http://localhost:${internal.port}/`, `http://[::1]:${internal.port}/`]) {
      expect(await codeOf(guard.fetch(into(target)))).toBe('fetch.refused');
      expect(await codeOf(guard.fetch(into(into(target))))).toBe('fetch.refused');
    }
    expect(internal.hits).toEqual([]);
    const ok = await guard.fetch(into('/plain'));
    expect([ok.status, ok.url, ok.body.toString()]).toEqual([200, `${base}plain`, 'hello']);
    let loop = `${base}end`;
    for (let i = 0; i < 6; i++) loop = into(loop);
    expect(await codeOf(guard.fetch(loop))).toBe('fetch.failed');
  });

  it('decodes gzip and brotli bodies, and caps what they expand to', async () => {
    expect(await codeOf(guard.fetch(`http://127.0.0.2:${allowed.port}/bomb`))).toBe('fetch.too_large');
    expect((await guard.fetch(`http://127.0.0.2:${allowed.port}/gzip`)).body.toString()).toBe('压缩的内容');
    expect((await guard.fetch(`http://127.0.0.2:${allowed.port}/br`)).body.toString()).toBe('brotli');
  });

  it('classifies addresses with the allow-list', () => {
    const allow = ['10.20.0.0/16', 'fd00::/8'].map(parseCidr);
    expect(isAddressAllowed('10.20.3.4', allow)).toBe(true);
    expect(isAddressAllowed('::ffff:10.20.3.4', allow)).toBe(true);
    expect(isAddressAllowed('fd00::5', allow)).toBe(true);
    expect(isAddressAllowed('10.21.0.1', allow)).toBe(false);
    expect(isAddressAllowed('8.8.8.8', [])).toBe(true);
    expect(isAddressAllowed('2606:4700:4700::1111', [])).toBe(true);
    expect(isAddressAllowed('::7f00:1', [])).toBe(false);
    expect(isAddressAllowed('not-an-ip', [])).toBe(false);
    expect(() => parseCidr('10.0.0.0/33')).toThrow();
  });
});

describe('the one guarded fetch', () => {
  it('is the only server code that opens HTTP connections', () => {
    const src = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
    const files = readdirSync(src, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !/lib\/(guarded-fetch|address-policy)\.ts$/.test(f));
    const opener = /(^|[^.\w])fetch\(|^import (?!type)[^;]*from '(node:)?(http|https|http2|net|tls)'|from '(undici|axios|got|node-fetch)'/m;
    expect(files.length).toBeGreaterThan(50);
    expect(files.filter((f) => opener.test(readFileSync(path.join(src, f), 'utf8')))).toEqual([]);
  });
});
