import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq, inArray } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { events, jurisdictions, registryEntities } from '../../db/schema';
import { buildTestApp, type TestApp } from '../../../test/harness';
import { signIn, type Agent } from '../../../test/agent';
import { buildRegistryWorld } from '../../../test/registry-factories';
import { verifyChains } from '../audit';

let t: TestApp;
let w: Awaited<ReturnType<typeof buildRegistryWorld>>;
let district: Agent; let town: Agent; let intake: Agent;
let townCode: string; let town2Code: string;
beforeAll(async () => {
  t = await buildTestApp();
  w = await buildRegistryWorld(t.s.db);
  [district, town, intake] = await Promise.all([w.u.district, w.u.town, w.u.intake].map((u) => signIn(t.app, u.username))) as [Agent, Agent, Agent];
  const js = await t.s.db.select().from(jurisdictions).where(inArray(jurisdictions.id, [w.townA.id, w.townA2.id]));
  townCode = js.find((j) => j.id === w.townA.id)!.code;
  town2Code = js.find((j) => j.id === w.townA2.id)!.code;
});
afterAll(() => t.close());

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const HEADER = ['名称', '类型', '网址', 'ICP备案号', '平台账号ID', '运营主体', '联系电话', '属地编码', '分级', '标签'];
let seq = 0;
const uid = () => `${Date.now() % 10_000_000}${String(seq++).padStart(2, '0')}`;
const siteRow = (o: Partial<Record<string, string>> = {}) => {
  const k = uid();
  return { 名称: `导入网站${k}`, 类型: '网站', 网址: `https://imp${k}.example.cn`, ICP备案号: `浙ICP备${k.padStart(9, '2')}号`, 平台账号ID: '', 运营主体: '示范传媒有限公司', 联系电话: '13900001111', 属地编码: townCode, 分级: '一般', 标签: '新闻、资讯', ...o };
};

async function xlsx(rows: Record<string, string | number | object>[], o: { header?: string[]; edit?: (ws: ExcelJS.Worksheet) => void } = {}) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('台账');
  const header = o.header ?? HEADER;
  ws.addRow(header);
  for (const r of rows) ws.addRow(header.map((h) => r[h] ?? ''));
  o.edit?.(ws);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
const upload = (a: Agent, buf: Buffer, type = XLSX) => a.req('POST', '/api/registry/imports?wait=true', buf, { 'content-type': type, 'x-filename': encodeURIComponent('台账.xlsx') });
const commit = (a: Agent, id: string, body: object = {}) => a.post(`/api/registry/imports/${id}/commit?wait=true`, body);
const entities = async () => (await t.s.db.select({ n: count() }).from(registryEntities))[0]!.n;
const allEvents = async () => (await t.s.db.select({ n: count() }).from(events))[0]!.n;

describe('xlsx import', () => {
  it('previews with per-row Chinese errors, refuses to commit with errors unless told, then imports the valid rows in one go; re-import is idempotent', async () => {
    const good = [siteRow(), siteRow({ 类型: '網站', 分級: '重點' } as never), siteRow({ 类型: '抖音账号', 网址: '', ICP备案号: '', 平台账号ID: `dy${uid()}` })];
    const bad = [siteRow({ ICP备案号: '浙ICP12号' }), siteRow({ 分级: '特级' }), siteRow({ 属地编码: town2Code }), { ...good[0]!, 名称: '同一备案号' }];
    const buf = await xlsx([...good, ...bad]);
    const before = await entities();
    const p = await upload(town, buf);
    expect(p.statusCode, p.body).toBe(202);
    const v = p.json();
    expect(v.state).toBe('previewed');
    expect(v.totals).toMatchObject({ rows: 7, valid: 3, invalid: 4, create: 3 });
    expect(v.rowProblems.map((x: { row: number }) => x.row)).toEqual([5, 6, 7, 8]);
    const msgs = v.rowProblems.map((x: { message: string }) => x.message).join('\n');
    expect(msgs).toContain('ICP备案号“浙ICP12号”格式不正确');
    expect(msgs).toContain('分级“特级”无法识别');
    expect(msgs).toContain('不在您的辖区');
    expect(msgs).toContain('与第2行的ICP备案号重复');
    expect((await commit(town, v.id)).json().code).toBe('registry.import_has_errors');
    expect(await entities()).toBe(before);
    const c = await commit(town, v.id, { skipInvalid: true });
    expect(c.json()).toMatchObject({ state: 'committed', result: { created: 3, updated: 0 } });
    expect(await entities()).toBe(before + 3);
    const chains = await verifyChains(t.s.db);
    expect(chains.problems.filter((x) => x.subjectType.startsWith('registry'))).toEqual([]);
    const again = (await upload(town, await xlsx(good))).json();
    expect(again.totals).toMatchObject({ valid: 3, create: 0, update: 0, unchanged: 3 });
    const eventsBefore = await allEvents();
    expect((await commit(town, again.id)).json().result).toEqual({ created: 0, updated: 0, unchanged: 3 });
    expect(await allEvents()).toBe(eventsBefore + 1); // only registry.import_committed
    expect((await commit(town, again.id)).json().code).toBe('registry.import_state');
    // an edited row updates the entity, with its event
    const edited = (await upload(town, await xlsx([{ ...good[0]!, 运营主体: '更名后的传媒公司' }]))).json();
    expect(edited.totals).toMatchObject({ update: 1 });
    expect((await commit(town, edited.id)).json().result).toMatchObject({ updated: 1 });
    const [row] = await t.s.db.select().from(registryEntities).where(eq(registryEntities.name, good[0]!.名称!));
    expect(row!.operatorName).toBe('更名后的传媒公司');
    expect(row!.contactMasked).toBe('139****1111');
  });

  it('accepts traditional headers and values (mixed with simplified)', async () => {
    const header = ['名稱', '類型', '網址', 'ICP備案號', '分級', '屬地編碼'];
    const k = uid();
    const v = (await upload(town, await xlsx([{ 名稱: `繁體網站${k}`, 類型: '網站', 網址: `https://tw${k}.example.cn`, ICP備案號: `滬ICP備${k.padStart(9, '3')}號`, 分級: '觀察', 屬地編碼: townCode }], { header }))).json();
    expect(v.fileProblems).toEqual([]);
    expect(v.totals).toMatchObject({ valid: 1, create: 1 });
    expect((await commit(town, v.id)).json().state).toBe('committed');
    const [row] = await t.s.db.select().from(registryEntities).where(eq(registryEntities.name, `繁體網站${k}`));
    expect(row).toMatchObject({ grade: 'watch', icpNo: `沪ICP备${k.padStart(9, '3')}号` });
    const found = (await town.get(`/api/registry/entities?q=${encodeURIComponent('繁体网站')}`)).json().items.map((x: { name: string }) => x.name);
    expect(found).toContain(`繁體網站${k}`);
  });

  it('rejects bad files with a clear message and writes nothing', async () => {
    const before = await entities();
    const cases: [string, Buffer, string][] = [
      ['not xlsx', Buffer.from('名称,类型\n示范,网站\n'), 'not_xlsx'],
      ['legacy xls', Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(100)]), 'xls_legacy'],
      ['zip but not a workbook', Buffer.from('PK\u0003\u0004garbage'), 'not_xlsx'],
      ['wrong headers', await xlsx([{ 标题: 'x' }], { header: ['标题', '内容'] }), 'unknown_header'],
      ['merged cells', await xlsx([siteRow(), siteRow()], { edit: (ws) => ws.mergeCells('F2:F3') }), 'merged_cells'],
    ];
    for (const [what, buf, code] of cases) {
      const v = (await upload(town, buf)).json();
      expect([what, v.state, v.fileProblems[0]?.code]).toEqual([what, 'failed', code]);
      expect(v.fileProblems[0].message).toMatch(/[\u4e00-\u9fa5]/);
      expect((await commit(town, v.id, { skipInvalid: true })).json().code).toBe('registry.import_state');
    }
    const formula = (await upload(town, await xlsx([siteRow({ 名称: { formula: 'CONCAT("a","b")', result: 'ab' } as never })]))).json();
    expect(formula.rowProblems[0]).toMatchObject({ row: 2, message: expect.stringContaining('含公式') });
    expect(formula.totals).toMatchObject({ valid: 0, invalid: 1 });
    expect(await entities()).toBe(before);
  });

  it('refuses more than 100,000 rows', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('台账');
    ws.addRow(['名称', '类型', '分级']);
    for (let i = 0; i < 100_001; i++) ws.addRow([`屏${i}`, '户外LED屏', '一般']);
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    const before = await entities();
    // read in a worker thread: while it reads, the server answers, progress included
    const started = (await district.req('POST', '/api/registry/imports', buf, { 'content-type': XLSX })).json();
    expect((await t.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    expect((await district.get(`/api/registry/imports/${started.id}`)).json()).toMatchObject({ state: 'parsing', progress: { phase: 'reading' } });
    await t.s.registry.imports.settled(started.id);
    const v = (await district.get(`/api/registry/imports/${started.id}`)).json();
    expect([v.state, v.fileProblems[0].code]).toEqual(['failed', 'too_many_rows']);
    expect(v.fileProblems[0].message).toContain('100000');
    expect(await entities()).toBe(before);
  }, 120_000);

  it('needs registry.manage; imports are private to their uploader', async () => {
    expect((await intake.req('POST', '/api/registry/imports', await xlsx([siteRow()]), { 'content-type': XLSX })).statusCode).toBe(403);
    const v = (await upload(town, await xlsx([siteRow()]))).json();
    expect((await district.get(`/api/registry/imports/${v.id}`)).statusCode).toBe(404);
    expect((await town.req('POST', '/api/registry/imports', Buffer.from('{}'), { 'content-type': 'application/json' })).statusCode).toBe(415);
  });
});

describe('xlsx export', () => {
  it('exports only the user’s jurisdiction, with the chosen columns, contacts masked; the export round-trips as unchanged', async () => {
    const k = uid();
    const mine = await town.post('/api/registry/entities', { name: `导出甲${k}`, type: 'website', url: `https://exa${k}.example.cn`, jurisdictionId: w.townA.id, operatorContact: { phone: '13712345678' } });
    const town2 = await signIn(t.app, w.u.town2.username);
    const theirs = await town2.post('/api/registry/entities', { name: `导出乙${k}`, type: 'website', url: `https://exb${k}.example.cn`, jurisdictionId: w.townA2.id, confirmDuplicates: true });
    expect([mine.statusCode, theirs.statusCode]).toEqual([201, 201]);
    const res = await town.get('/api/registry/export?columns=name,type,url,contactPhone,grade,jurisdictionCode');
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).values).toEqual([undefined, '名称', '类型', '网址', '联系电话', '分级', '属地编码']);
    const names: string[] = [];
    ws.eachRow((r, i) => { if (i > 1) names.push(String(r.getCell(1).value)); });
    expect(names).toContain(`导出甲${k}`);
    expect(names).not.toContain(`导出乙${k}`);
    expect(JSON.stringify(ws.getSheetValues())).toContain('137****5678');
    expect(JSON.stringify(ws.getSheetValues())).not.toContain('13712345678');
    const full = await town.get('/api/registry/export');
    const back = (await upload(town, full.rawPayload)).json();
    expect(back.totals.invalid).toBe(0);
    expect(back.totals.create).toBe(0);
    expect((await town.get('/api/registry/export?columns=name,bogus')).statusCode).toBe(400);
  });
});

describe('import template', () => {
  it('gives managers an empty register whose headers the import accepts, with a sheet of instructions', async () => {
    expect((await intake.get('/api/registry/template')).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/registry/template' })).statusCode).toBe(401);
    const res = await district.get('/api/registry/template');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as never);
    const [sheet, help] = wb.worksheets;
    const header = (sheet!.getRow(1).values as unknown[]).slice(1) as string[];
    expect(header).toContain('名称（必填）');
    expect(header).toContain('ICP备案号');
    expect(sheet!.rowCount).toBe(1);
    expect(help!.name).toBe('填写说明');
    // filled in as an office would, and uploaded as it is
    const row: Record<string, string> = siteRow();
    sheet!.addRow(header.map((h) => row[h.replace('（必填）', '')] ?? ''));
    const up = await upload(district, Buffer.from(await wb.xlsx.writeBuffer()));
    expect(up.statusCode, up.body).toBeLessThan(300);
    expect(up.json().totals).toMatchObject({ rows: 1, valid: 1, create: 1 });
  });
});
