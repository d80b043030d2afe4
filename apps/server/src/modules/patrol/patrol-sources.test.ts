import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { buildTestApp, type TestApp } from '../../../test/harness';
import { buildUser, buildWorld, uniq, type World } from '../../../test/factories';
import { signIn, type Agent } from '../../../test/agent';
import { patrolItems } from '../../db/schema';
import { craftWorkbook, SHEET_HEAD, spacesBomb } from '../../../test/zip-craft';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

let t: TestApp;
let w: World;
let analyst: Agent;
const mark = uniq().replace(/[0-9]/g, '');
const TERM = `代开发票${mark}`;
beforeAll(async () => {
  t = await buildTestApp({}, new Date('2026-11-23T02:00:00Z'));
  w = await buildWorld(t.s.db);
  const a = await buildUser(t.s.db, { unitId: w.officeA.id, roles: ['analyst'] });
  analyst = await signIn(t.app, a.username);
  await analyst.post('/api/patrol/rules', { kind: 'term', pattern: TERM, category: 'fraud' });
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
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    base = `http://127.0.0.1:${(server.address() as { port: number }).port}/feed.xml`;
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
