import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count } from 'drizzle-orm';
import { events, registryEntities, registryImports } from '../../db/schema';
import { buildTestApp, type TestApp } from '../../../test/harness';
import { signIn, type Agent } from '../../../test/agent';
import { craftWorkbook, deflated, SHEET_HEAD, spacesBomb, stored } from '../../../test/zip-craft';
import { buildRegistryWorld } from '../../../test/registry-factories';

/** Hostile workbooks (issue 11, findings 1 and 2): each is refused with a clear code, nothing is written, and the server keeps answering. */
let t: TestApp;
let town: Agent;
beforeAll(async () => {
  t = await buildTestApp();
  const w = await buildRegistryWorld(t.s.db);
  town = await signIn(t.app, w.u.town.username);
});
afterAll(() => t.close());

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const send = (buf: Buffer, wait = true) => town.req('POST', `/api/registry/imports${wait ? '?wait=true' : ''}`, buf, { 'content-type': XLSX });
const written = async () => ({
  entities: (await t.s.db.select({ n: count() }).from(registryEntities))[0]!.n,
  events: (await t.s.db.select({ n: count() }).from(events))[0]!.n,
});
const imports = async () => (await t.s.db.select({ n: count() }).from(registryImports))[0]!.n;
const healthy = async () => (await t.app.inject({ method: 'GET', url: '/healthz' })).statusCode;
/** `<row>` × n, never closed: the regex walk this replaced took time quadratic in n (1.4 KB, 100,000 rows: 27.5 s). */
const unclosedRows = (n: number) => SHEET_HEAD + '<row>'.repeat(n);

describe('hostile xlsx imports', () => {
  it('reads an unclosed-row sheet in linear time, in a worker, and refuses it as malformed while the server answers', async () => {
    const before = await written();
    // 209,000 unclosed rows (1 MB of XML, under the ratio check's grace) in a 2 KB upload; the old walk needed minutes
    const file = craftWorkbook(deflated('xl/worksheets/sheet1.xml', unclosedRows(209_000)));
    expect(file.length).toBeLessThan(10_000);
    const res = await send(file, false);
    expect(res.statusCode, res.body).toBe(202);
    expect(await healthy()).toBe(200);
    await t.s.registry.imports.settled(res.json().id);
    const v = (await town.get(`/api/registry/imports/${res.json().id}`)).json();
    expect([v.state, v.fileProblems[0].code]).toEqual(['failed', 'not_xlsx']);
    expect(v.fileProblems[0].message).toMatch(/[\u4e00-\u9fa5]/);
    // the same sheet stored uncompressed (4 MB, 800,000 rows) goes the same way
    const big = (await send(craftWorkbook(stored('xl/worksheets/sheet1.xml', unclosedRows(800_000))))).json();
    expect([big.state, big.fileProblems[0].code]).toEqual(['failed', 'not_xlsx']);
    expect(await written()).toEqual(before);
  });

  it('refuses the ~10 KB unclosed-row file (a ratio of over 400) before storing anything', async () => {
    const before = { ...(await written()), imports: await imports() };
    const file = craftWorkbook(deflated('xl/worksheets/sheet1.xml', unclosedRows(1_300_000)));
    expect(file.length).toBeLessThan(11_000);
    const res = await send(file);
    expect([res.statusCode, res.json().code]).toEqual([413, 'import.too_large']);
    expect({ ...(await written()), imports: await imports() }).toEqual(before);
  });

  it('refuses a zip bomb declaring 1.5 GB, and a ratio bomb declaring 200 MB in 200 KB, from the central directory alone', async () => {
    const before = { ...(await written()), imports: await imports() };
    const bomb = craftWorkbook(spacesBomb('xl/worksheets/sheet1.xml', SHEET_HEAD, 1536));
    expect(bomb.length).toBeLessThan(2_000_000);
    const ratio = craftWorkbook(spacesBomb('xl/worksheets/sheet1.xml', SHEET_HEAD, 200));
    for (const file of [bomb, ratio]) {
      const res = await send(file);
      expect([res.statusCode, res.json().code]).toEqual([413, 'import.too_large']);
      expect(await healthy()).toBe(200);
    }
    expect({ ...(await written()), imports: await imports() }).toEqual(before);
  });

  it('stops a bomb that lies about its size as soon as it inflates past what it declared', async () => {
    const before = await written();
    // declares 1 MiB (ratio 1), holds 1.5 GB of spaces
    const liar = craftWorkbook({ ...spacesBomb('xl/worksheets/sheet1.xml', SHEET_HEAD, 1536), size: 1 << 20 });
    const res = await send(liar, false);
    expect(res.statusCode, res.body).toBe(202);
    expect(await healthy()).toBe(200);
    await t.s.registry.imports.settled(res.json().id);
    const v = (await town.get(`/api/registry/imports/${res.json().id}`)).json();
    expect([v.state, v.fileProblems[0].code]).toEqual(['failed', 'too_large']);
    expect(v.fileProblems[0].message).toMatch(/[\u4e00-\u9fa5]/);
    expect((await town.post(`/api/registry/imports/${v.id}/commit?wait=true`, { skipInvalid: true })).json().code).toBe('registry.import_state');
    expect(await written()).toEqual(before);
  });
});
