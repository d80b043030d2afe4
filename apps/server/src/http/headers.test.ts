import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/harness';

/** A web build as vite and apps/web/scripts/precompress.mjs leave it, in a folder of its own. */
const dist = mkdtempSync(path.join(tmpdir(), 'tianlang-dist-'));
const INDEX = '<!doctype html><html><head><script type="module" crossorigin src="/assets/index-Ab12Cd34.js"></script></head><body><div id="root"></div></body></html>';
const SCRIPT = `console.log(${JSON.stringify('天朗'.repeat(2000))});`;
const write = (file: string, body: string) => {
  const full = path.join(dist, file);
  mkdirSync(path.dirname(full), { recursive: true });
  writeFileSync(full, body);
  writeFileSync(`${full}.br`, brotliCompressSync(body));
  writeFileSync(`${full}.gz`, gzipSync(body));
};
write('index.html', INDEX);
write('assets/index-Ab12Cd34.js', SCRIPT);

const EMBEDDERS = 'https://platform.example https://*.platform.example';
let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp({ WEB_DIST: dist, EMBED_FRAME_ANCESTORS: EMBEDDERS }, new Date(), { serveWeb: true });
});
afterAll(async () => {
  await t.close();
  rmSync(dist, { recursive: true, force: true });
});

const get = (url: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'GET', url, headers: { accept: 'text/html,*/*', ...headers } });

/** The policy as directive → sources. */
function policy(header: unknown): Record<string, string[]> {
  expect(typeof header).toBe('string');
  return Object.fromEntries((header as string).split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...sources]) => [name, sources]));
}

function expectStrictPolicy(header: unknown, frameAncestors: string[]) {
  const p = policy(header);
  expect(p['default-src']).toEqual(["'self'"]);
  expect(p['script-src']).toEqual(["'self'"]); // no inline script, no eval, no other origin
  expect(p['object-src']).toEqual(["'none'"]);
  expect(p['base-uri']).toEqual(["'none'"]);
  expect(p['form-action']).toEqual(["'self'"]);
  expect(p['connect-src']).toEqual(["'self'"]);
  // antd writes its styles at run time: inline is allowed for styles, and only for styles
  expect(p['style-src']).toEqual(["'self'", "'unsafe-inline'"]);
  expect(p['frame-ancestors']).toEqual(frameAncestors);
}

describe('security headers', () => {
  it('the console gets the full policy and can never be framed', async () => {
    for (const url of ['/console/reports', '/login', '/', '/transparency', '/some/unknown/page']) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.body).toBe(INDEX);
      expectStrictPolicy(res.headers['content-security-policy'], ["'none'"]);
      expect(res.headers['x-frame-options'], url).toBe('DENY');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
    }
  });

  it('the report pages may be framed by the configured platforms only', async () => {
    for (const url of ['/report', '/report?platform=5c1e2d4a-0000-4000-8000-000000000001&embed=1', '/report/status']) {
      const res = await get(url);
      expect(res.body, url).toBe(INDEX);
      expectStrictPolicy(res.headers['content-security-policy'], EMBEDDERS.split(' '));
      expect(res.headers['x-frame-options'], url).toBeUndefined();
    }
    // a look-alike path is not a report page
    expect((await get('/reports-admin')).headers['x-frame-options']).toBe('DENY');
  });

  it('the API, the embed script and the API docs carry the policy too', async () => {
    const api = await get('/api/public/report-form');
    expectStrictPolicy(api.headers['content-security-policy'], ["'none'"]);
    expect(api.headers['cache-control']).toBe('no-store');
    const embed = await get('/embed.js');
    expect(embed.headers['content-type']).toContain('javascript');
    expect(embed.headers['cache-control']).toBe('public, max-age=3600');
    const docs = await get('/api/docs/static/index.html');
    const docsHtml = docs.statusCode === 200 ? docs : await get('/api/docs');
    expect(docsHtml.statusCode).toBe(200);
    expect(docsHtml.body).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/); // every script is a file of this origin
    expectStrictPolicy(docsHtml.headers['content-security-policy'], ["'none'"]);
  });
});

describe('compression and caching', () => {
  it('serves the precompressed build files to browsers that accept them, hashed ones for a year', async () => {
    const br = await get('/assets/index-Ab12Cd34.js', { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(SCRIPT);
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(br.headers.vary).toContain('accept-encoding');
    const gz = await get('/assets/index-Ab12Cd34.js', { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString()).toBe(SCRIPT);
    const plain = await get('/assets/index-Ab12Cd34.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(SCRIPT);
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    // a missing asset is a 404 that nobody caches for a year
    const missing = await get('/assets/index-Zz99Yy88.js', { accept: '*/*' });
    expect(missing.statusCode).toBe(404);
    expect(String(missing.headers['cache-control'] ?? '')).not.toContain('immutable');
  });

  it('pages are revalidated on every visit, and compressed too', async () => {
    for (const url of ['/', '/report', '/console/reports']) {
      const res = await get(url, { 'accept-encoding': 'br' });
      expect(res.headers['cache-control'], url).toBe('no-cache');
      expect(res.headers['content-encoding'], url).toBe('br');
      expect(brotliDecompressSync(res.rawPayload).toString()).toBe(INDEX);
    }
  });

  it('compresses the API responses the server builds', async () => {
    const spec = await get('/api/docs/json', { 'accept-encoding': 'br' });
    expect(spec.statusCode).toBe(200);
    expect(spec.headers['content-encoding']).toBe('br');
    expect(JSON.parse(brotliDecompressSync(spec.rawPayload).toString()).openapi).toMatch(/^3\./);
    const plain = await get('/api/docs/json');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.json().openapi).toMatch(/^3\./);
  });

  it('does not inflate compressed request bodies', async () => {
    const body = gzipSync(JSON.stringify({ trackingNo: 'JB20260101ABCDEFGH', queryCode: '123456' }));
    const res = await t.app.inject({
      method: 'POST', url: '/api/public/reports/status', payload: body,
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
    });
    expect(res.statusCode).toBe(400);
  });
});
