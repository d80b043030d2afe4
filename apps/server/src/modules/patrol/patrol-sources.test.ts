import { createServer, type Server } from 'node:http';
import { createGzip } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { buildTestApp, type TestApp } from '../../../test/harness';
import { buildUser, buildWorld, uniq, type World } from '../../../test/factories';
import { signIn, type Agent } from '../../../test/agent';
import { patrolItems, patrolSources } from '../../db/schema';
import { craftWorkbook, SHEET_HEAD, spacesBomb } from '../../../test/zip-craft';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

let t: TestApp;
let w: World;
let analyst: Agent;
const mark = uniq().replace(/[0-9]/g, '');
const TERM = `代开发票${mark}`;
beforeAll(async () => {
  // The feed servers of this file listen on 127.0.0.2, allow-listed as an office network would be;
  // 127.0.0.1 stands for the server's own machine and stays refused.
  t = await buildTestApp({ FETCH_ALLOW_PRIVATE_CIDRS: ['127.0.0.2/32'], FETCH_TIMEOUT_MS: 2_000 }, new Date('2026-11-23T02:00:00Z'));
  w = await buildWorld(t.s.db);
  const a = await buildUser(t.s.db, { unitId: w.officeA.id, roles: ['analyst'] });
  analyst = await signIn(t.app, a.username);
  // lexicons are set at the root only
  const curator = await signIn(t.app, (await buildUser(t.s.db, { unitId: w.cityOffice.id, roles: ['analyst'] })).username);
  await curator.post('/api/patrol/rules', { kind: 'term', pattern: TERM, category: 'fraud' });
});
afterAll(() => t.close());

const itemsOf = async (sourceId: string) => (await t.s.db.select({ n: count() }).from(patrolItems).where(eq(patrolItems.sourceId, sourceId)))[0]!.n;

describe('file import', () => {
  let src: { id: string };
  beforeAll(async () => { src = (await analyst.post('/api/patrol/sources', { kind: 'import', name: uniq('导入'), unitId: w.officeA.id })).json(); });
  const upload = (body: string | Buffer, type: string) => analyst.req('POST', `/api/patrol/sources/${src.id}/import`, body, { 'content-type': type });

  it('imports CSV with Chinese headers and JSONL', async () => {
    const csv = `编号,链接,作者,内容\nc1,https://example.com/1,甲,"专业${TERM}，联系我"\nc2,,乙,正常内容\n`;
    expect((await upload(csv, 'text/csv')).json()).toMatchObject({ created: 2, withHits: 1 });
    const jsonl = `{"externalId":"j1","text":"${TERM}"}\n\n{"externalId":"j2","text":"无害"}\n`;
    expect((await upload(jsonl, 'application/x-ndjson')).json()).toMatchObject({ created: 2, withHits: 1 });
  });

  it('imports xlsx, and refuses formulas', async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('巡查');
    sheet.addRow(['externalId', 'text']);
    sheet.addRow(['x1', `出售${TERM}`]);
    const ok = await upload(Buffer.from(await wb.xlsx.writeBuffer()), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(ok.json()).toMatchObject({ created: 1, withHits: 1 });
    sheet.addRow(['x2', { formula: 'A1&A2' }]);
    const bad = await upload(Buffer.from(await wb.xlsx.writeBuffer()), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(bad.statusCode).toBe(422);
    expect(bad.json().code).toBe('patrol.invalid_import');
  });

  it('names every bad row and imports nothing; refuses files that are not what they claim', async () => {
    const before = await itemsOf(src.id);
    const csv = `externalId,text,url\nb1,好的,\nb2,,\nb3,文本,ftp://x\n`;
    const res = await upload(csv, 'text/csv');
    expect(res.statusCode).toBe(422);
    expect(res.json().details.problems.map((p: { row: number }) => p.row)).toEqual([3, 4]);
    const fake = await upload(Buffer.from('%PDF-1.7 not a workbook'), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(fake.json().code).toBe('patrol.invalid_import');
    expect((await upload('{"externalId": ', 'application/x-ndjson')).json().code).toBe('patrol.invalid_import');
    expect((await upload('a,b', 'text/plain')).statusCode).toBe(415);
    expect(await itemsOf(src.id)).toBe(before);
  });

  it('reads xlsx through the same bounded reader: zip bombs and dates (issue 11)', async () => {
    const before = await itemsOf(src.id);
    const honest = craftWorkbook(spacesBomb('xl/worksheets/sheet1.xml', SHEET_HEAD, 1536));
    const liar = craftWorkbook({ ...spacesBomb('xl/worksheets/sheet1.xml', SHEET_HEAD, 1536), size: 1 << 20 });
    for (const bomb of [honest, liar]) {
      const res = await upload(bomb, XLSX);
      expect([res.statusCode, res.json().code]).toEqual([413, 'import.too_large']);
    }
    expect(await itemsOf(src.id)).toBe(before);
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('巡查');
    sheet.addRow(['编号', '发布时间', '内容']);
    sheet.addRow(['d1', new Date('2026-11-20T08:30:00Z'), '带日期的内容']);
    expect((await upload(Buffer.from(await wb.xlsx.writeBuffer()), XLSX)).json()).toMatchObject({ created: 1 });
    const [item] = await t.s.db.select().from(patrolItems).where(and(eq(patrolItems.sourceId, src.id), eq(patrolItems.externalId, 'd1')));
    expect(item!.publishedAt?.toISOString()).toBe('2026-11-20T08:30:00.000Z');
  });
});

describe('feed polling', () => {
  let server: Server;
  let base = '';
  let mode: 'rss1' | 'rss2' | 'fail' | 'malformed' | 'json' = 'rss1';
  const seen: { ifNoneMatch?: string }[] = [];
  const rss = (items: [string, string][]) => `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>示范</title>${
    items.map(([id, body]) => `<item><guid>${id}</guid><title>标题${id}</title><link>https://example.com/${id}</link><description><![CDATA[<p>${body}</p>]]></description><pubDate>Mon, 23 Nov 2026 08:00:00 +0800</pubDate></item>`).join('')}</channel></rss>`;
  beforeAll(async () => {
    server = createServer((req, res) => {
      seen.push({ ifNoneMatch: req.headers['if-none-match'] as string | undefined });
      if (mode === 'fail') { res.writeHead(500); res.end('down'); return; }
      if (mode === 'malformed') { res.writeHead(200, { 'content-type': 'application/rss+xml' }); res.end('<rss><channel><item><title>broken'); return; }
      if (mode === 'json') {
        res.writeHead(200, { 'content-type': 'application/feed+json' });
        res.end(JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', items: [{ id: 'j9', content_text: `JSON ${TERM}` }] }));
        return;
      }
      const etag = mode === 'rss1' ? '"v1"' : '"v2"';
      if (req.headers['if-none-match'] === etag) { res.writeHead(304); res.end(); return; }
      res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag });
      res.end(rss(mode === 'rss1' ? [['a1', `招聘${TERM}人员`], ['a2', '社区通知']] : [['a1', `招聘${TERM}人员`], ['a2', '社区通知'], ['a3', `再次${TERM}`]]));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.2', () => r()));
    base = `http://127.0.0.2:${(server.address() as { port: number }).port}/feed.xml`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('fetches conditionally, picks up changes, backs off on failure and shows the status', async () => {
    const created = await analyst.post('/api/patrol/sources', { kind: 'feed', name: uniq('公众号'), unitId: w.officeA.id, url: base, intervalMinutes: 10 });
    const id = created.json().id;
    expect(created.json().lastStatus).toBe('never');

    expect(await t.s.patrol.sources.pollDueFeeds()).toBeGreaterThanOrEqual(1);
    let s = (await analyst.get('/api/patrol/sources')).json().items.find((x: { id: string }) => x.id === id);
    expect(s).toMatchObject({ lastStatus: 'ok', lastItemCount: 2, failures: 0 });
    expect(await itemsOf(id)).toBe(2);

    t.clock.advance(10 * 60_000);
    s = (await analyst.post(`/api/patrol/sources/${id}/poll`)).json();
    expect(s.lastStatus).toBe('not_modified');
    expect(seen.at(-1)!.ifNoneMatch).toBe('"v1"');

    mode = 'rss2';
    s = (await analyst.post(`/api/patrol/sources/${id}/poll`)).json();
    expect(s).toMatchObject({ lastStatus: 'ok', lastItemCount: 1 });
    expect(await itemsOf(id)).toBe(3);

    mode = 'fail';
    s = (await analyst.post(`/api/patrol/sources/${id}/poll`)).json();
    expect(s).toMatchObject({ lastStatus: 'error', lastError: 'HTTP 500', failures: 1 });
    const firstWait = new Date(s.nextFetchAt).getTime() - t.clock.now().getTime();
    mode = 'malformed';
    s = (await analyst.post(`/api/patrol/sources/${id}/poll`)).json();
    expect(s.lastStatus).toBe('error');
    expect(s.failures).toBe(2);
    expect(new Date(s.nextFetchAt).getTime() - t.clock.now().getTime()).toBe(firstWait * 2);
    expect(await itemsOf(id)).toBe(3);

    mode = 'json';
    s = (await analyst.post(`/api/patrol/sources/${id}/poll`)).json();
    expect(s).toMatchObject({ lastStatus: 'ok', failures: 0, lastItemCount: 1 });
    const flagged = (await analyst.get(`/api/patrol/items?sourceId=${id}&status=pending`)).json();
    expect(flagged.total).toBe(3);
  });

  it('refuses a feed without a URL and a non-http URL', async () => {
    expect((await analyst.post('/api/patrol/sources', { kind: 'feed', name: 'x', unitId: w.officeA.id })).json().code).toBe('patrol.invalid_source');
    expect((await analyst.post('/api/patrol/sources', { kind: 'feed', name: 'x', unitId: w.officeA.id, url: 'file:///etc/passwd' })).statusCode).toBe(400);
  });
});

const SPECIAL_URLS = ['http://127.0.0.1:5432/', 'http://localhost:3000/api/health', 'http://0.0.0.0:8080/', 'http://2130706433:5432/',
  'http://0x7f.1/', 'http://127.1:22/', 'http://[::1]:5432/', 'http://[::ffff:127.0.0.1]/', 'http://10.0.0.8/feed', 'http://169.254.169.254/latest/meta-data/'];

describe('feed URLs are guarded (SSRF)', () => {
  let internal: Server;
  let internalHits = 0;
  let internalBase = '';
  let feeds: Server;
  let feedsBase = '';
  beforeAll(async () => {
    // stands for the server's own API (or any service on its machine): a valid feed, so fetching it would "work"
    internal = createServer((_req, res) => {
      internalHits++;
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.end(`<rss version="2.0"><channel><item><guid>i1</guid><description>内部${TERM}</description></item></channel></rss>`);
    });
    await new Promise<void>((r) => internal.listen(0, '127.0.0.1', () => r()));
    internalBase = `http://127.0.0.1:${(internal.address() as { port: number }).port}`;
    feeds = createServer((req, res) => {
      const to = new URL(req.url!, 'http://x').searchParams.get('to');
      res.writeHead(302, { location: to ?? '/' });
      res.end();
    });
    await new Promise<void>((r) => feeds.listen(0, '127.0.0.2', () => r()));
    feedsBase = `http://127.0.0.2:${(feeds.address() as { port: number }).port}`;
  });
  afterAll(async () => {
    await new Promise<void>((r) => internal.close(() => r()));
    await new Promise<void>((r) => feeds.close(() => r()));
  });

  const sourceCount = async () => (await analyst.get('/api/patrol/sources')).json().items.length;
  const feedSource = async (url: string) =>
    (await analyst.post('/api/patrol/sources', { kind: 'feed', name: uniq('订阅'), unitId: w.officeA.id, url, intervalMinutes: 10 })).json();

  it('refuses special addresses when a feed is created or edited, and writes nothing', async () => {
    const before = await sourceCount();
    for (const url of SPECIAL_URLS) {
      const res = await analyst.post('/api/patrol/sources', { kind: 'feed', name: uniq('内网'), unitId: w.officeA.id, url });
      expect([url, res.statusCode, res.json().code]).toEqual([url, 422, 'fetch.refused']);
    }
    expect(await sourceCount()).toBe(before);
    const ok = await feedSource(`${feedsBase}/feed.xml`);
    const edit = await analyst.patch(`/api/patrol/sources/${ok.id}`, { url: 'http://127.0.0.1:5432/' });
    expect([edit.statusCode, edit.json().code]).toEqual([422, 'fetch.refused']);
    expect((await analyst.get('/api/patrol/sources')).json().items.find((s: { id: string }) => s.id === ok.id).url).toBe(`${feedsBase}/feed.xml`);
  });

  it('refuses at fetch time too, with one generic error whatever the port, and never connects', async () => {
    // sources stored before the guard existed: their URLs never passed the form check
    const { id } = await feedSource(`${feedsBase}/feed.xml`);
    const errors = new Set<string>();
    for (const url of [...SPECIAL_URLS, `${internalBase}/api/patrol/sources`, 'http://127.0.0.1:1/']) {
      await t.s.db.update(patrolSources).set({ url }).where(eq(patrolSources.id, id));
      const s = (await analyst.post(`/api/patrol/sources/${id}/poll`)).json();
      expect([url, s.lastStatus]).toEqual([url, 'error']);
      errors.add(s.lastError);
    }
    expect([...errors]).toEqual(['fetch.failed']);
    expect(internalHits).toBe(0);
    expect(await itemsOf(id)).toBe(0);
  });

  it('checks every redirect: an allowed feed host cannot bounce the poller into the server itself', async () => {
    for (const target of [`${internalBase}/api/patrol/sources`, `http://localhost:${internalBase.split(':').at(-1)}/feed.xml`]) {
      const { id } = await feedSource(`${feedsBase}/?to=${encodeURIComponent(target)}`);
      const s = (await analyst.post(`/api/patrol/sources/${id}/poll`)).json();
      expect(s).toMatchObject({ lastStatus: 'error', lastError: 'fetch.failed' });
      expect(await itemsOf(id)).toBe(0);
    }
    expect(internalHits).toBe(0);
  });
});

describe('feed bodies are bounded in size and time', () => {
  let server: Server;
  let base = '';
  let hugeSent = 0;
  let bomb: Buffer;
  const slowClosed: Promise<void>[] = [];
  const HUGE = 450 * 1024 * 1024;
  beforeAll(async () => {
    // a gzip of 256 MB of spaces, about a quarter of a megabyte on the wire
    const gzip = createGzip();
    const parts: Buffer[] = [];
    gzip.on('data', (c: Buffer) => parts.push(c));
    const done = new Promise((r) => gzip.on('end', r));
    const mb = Buffer.alloc(1024 * 1024, ' ');
    for (let i = 0; i < 256; i++) if (!gzip.write(mb)) await new Promise((r) => gzip.once('drain', r));
    gzip.end();
    await done;
    bomb = Buffer.concat(parts);

    server = createServer((req, res) => {
      if (req.url === '/huge') {
        // 450 MB, streamed as asked for, never held in memory here either
        res.writeHead(200, { 'content-type': 'application/rss+xml' });
        const chunk = Buffer.alloc(64 * 1024, ' ');
        const pump = () => {
          while (hugeSent < HUGE && !res.destroyed) {
            hugeSent += chunk.length;
            if (!res.write(chunk)) { res.once('drain', pump); return; }
          }
          if (!res.destroyed) res.end();
        };
        pump();
        return;
      }
      if (req.url === '/bomb') {
        res.writeHead(200, { 'content-type': 'application/rss+xml', 'content-encoding': 'gzip' });
        res.end(bomb);
        return;
      }
      // headers at once, then a byte every 100 ms, forever: only a time box on the whole fetch ends it
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.write('<rss>');
      const timer = setInterval(() => res.write(' '), 100);
      slowClosed.push(new Promise((r) => res.on('close', () => { clearInterval(timer); r(); })));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.2', () => r()));
    base = `http://127.0.0.2:${(server.address() as { port: number }).port}`;
  });
  afterAll(() => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }));

  const poll = async (path: string) => {
    const { id } = (await analyst.post('/api/patrol/sources', { kind: 'feed', name: uniq('订阅'), unitId: w.officeA.id, url: `${base}${path}` })).json();
    return (await analyst.post(`/api/patrol/sources/${id}/poll`)).json();
  };

  it('stops reading a 450 MB body at the cap instead of buffering it', async () => {
    expect(await poll('/huge')).toMatchObject({ lastStatus: 'error', lastError: 'fetch.too_large' });
    // the cap is 5 MB; what the server got out beyond it sat in socket buffers when the poller hung up
    expect(hugeSent).toBeLessThan(64 * 1024 * 1024);
  });

  it('counts decompressed bytes: a small gzip expanding to 256 MB is cut at the cap', async () => {
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect(await poll('/bomb')).toMatchObject({ lastStatus: 'error', lastError: 'fetch.too_large' });
  });

  it('time-boxes the whole fetch, body included, and hangs up', async () => {
    expect(await poll('/slow')).toMatchObject({ lastStatus: 'error', lastError: 'fetch.failed' });
    await Promise.all(slowClosed);
  });
});
