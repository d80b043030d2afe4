/**
 * Registry xlsx import: a 50,000-row spreadsheet through the real routes (upload → preview with
 * progress → commit in one transaction → re-import, which must change nothing), against exceljs
 * reading the same file alone (its streaming reader, and Workbook.load) as the peer.
 * Run: npx tsx bench/registry/run.ts                      # embedded PGlite (in memory)
 *      DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npx tsx bench/registry/run.ts
 * ROWS=… to vary; `--no-write` prints only. Rewrites the matching section of bench/registry/results.md.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import pg from 'pg';
import pino from 'pino';
import { SESSION_COOKIE, CSRF_HEADER } from '@tianlang/contracts';
import { testConfig } from '../../apps/server/src/config';
import { openDb, type DbHandle } from '../../apps/server/src/db/client';
import { runMigrations } from '../../apps/server/src/db/migrate';
import { buildApp } from '../../apps/server/src/http/app';
import { systemClock } from '../../apps/server/src/lib/clock';
import { createServices } from '../../apps/server/src/services';
import { seedBase } from '../../apps/server/src/seed/base';
import { buildUser, buildWorld, TEST_PASSWORD } from '../../apps/server/test/factories';

const ROWS = Number(process.env.ROWS ?? 50_000);
const here = path.dirname(fileURLToPath(import.meta.url));
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const TYPES = ['网站', '微信公众号', '抖音账号', '微博账号', '移动应用', '户外LED屏'];
const GRADES = ['一般', '一般', '一般', '观察', '重点'];

/** A deterministic spreadsheet like the ones offices keep: 13 columns, mixed types, some traditional characters. */
async function makeFile(rows: number, jurisdictionCode: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const sink = new (await import('node:stream')).PassThrough();
  sink.on('data', (c: Buffer) => chunks.push(c));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useSharedStrings: false, useStyles: false });
  const ws = wb.addWorksheet('台账');
  ws.addRow(['名称', '类型', '网址', 'ICP备案号', '应用标识', '平台账号ID', '运营主体', '联系人', '联系电话', '属地编码', '分级', '标签', '备注']).commit();
  for (let i = 0; i < rows; i++) {
    const type = TYPES[i % TYPES.length]!;
    const n = String(10_000_000 + i);
    ws.addRow([
      `${i % 7 === 0 ? '示範網絡' : '示范网络'}平台${i}`, type,
      type === '网站' ? `https://www.site${i}.example.cn/` : '', type === '网站' ? `京ICP备${n}号` : '',
      type === '移动应用' ? `com.example.app${i}` : '', ['微信公众号', '抖音账号', '微博账号'].includes(type) ? `acct_${i}` : '',
      `示范科技有限公司${i % 997}`, '张三', `1380013${String(i % 10000).padStart(4, '0')}`, jurisdictionCode, GRADES[i % GRADES.length]!, '新闻、资讯', '',
    ]).commit();
  }
  ws.commit();
  await wb.commit();
  return Buffer.concat(chunks);
}

async function peer(buf: Buffer) {
  let t = performance.now();
  const r = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(buf), { worksheets: 'emit', sharedStrings: 'cache', styles: 'ignore', hyperlinks: 'ignore', entries: 'ignore' });
  let n = 0;
  for await (const ws of r) for await (const row of ws as unknown as AsyncIterable<unknown>) { void row; n++; }
  const stream = performance.now() - t;
  t = performance.now();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  const load = performance.now() - t;
  return { rows: n - 1, stream, load };
}

async function open(): Promise<{ handle: DbHandle; kind: string; drop: () => Promise<void> }> {
  const base = process.env.DATABASE_URL;
  if (!base) {
    const handle = await openDb({});
    await runMigrations(handle);
    return { handle, kind: 'PGlite (embedded, in memory)', drop: async () => handle.close() };
  }
  const name = `tianlang_bench_registry_${Date.now()}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database ${name} encoding 'UTF8' lc_collate 'C.UTF-8' lc_ctype 'C.UTF-8' template template0`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  const handle = await openDb({ databaseUrl: url.toString(), poolSize: 4 });
  await runMigrations(handle);
  const version = (await admin.query('show server_version')).rows[0].server_version as string;
  return { handle, kind: `PostgreSQL ${version}`, drop: async () => { await handle.close(); await admin.query(`drop database ${name} with (force)`); await admin.end(); } };
}

async function main() {
  const { handle, kind, drop } = await open();
  try {
    await seedBase(handle.db, new Date());
    const w = await buildWorld(handle.db);
    const user = await buildUser(handle.db, { unitId: w.officeA.id, roles: ['analyst'] });
    const [j] = (await handle.db.execute((await import('drizzle-orm')).sql`select code from jurisdictions where id = ${w.districtA.id}`) as unknown as { rows: { code: string }[] }).rows;
    const s = createServices({ config: testConfig({ RATE_LIMIT_LOGIN_PER_MINUTE: 1000 }), handle, clock: systemClock, logger: pino({ level: 'silent' }) });
    const app = await buildApp(s);
    await app.ready();
    const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: user.username, password: TEST_PASSWORD } });
    const cookie = login.cookies.find((c) => c.name === SESSION_COOKIE)!.value;
    const csrf = login.json().csrfToken as string;
    const req = (method: 'GET' | 'POST', url: string, payload?: unknown, type?: string) => app.inject({
      method, url, cookies: { [SESSION_COOKIE]: cookie }, headers: { [CSRF_HEADER]: csrf, ...(type ? { 'content-type': type } : {}) }, ...(payload !== undefined ? { payload: payload as never } : {}),
    });

    const tGen = performance.now();
    const file = await makeFile(ROWS, j!.code);
    const genMs = performance.now() - tGen;
    const p = await peer(file);

    /** Polls GET like the web does, recording progress; returns the final view and the samples. */
    const follow = async (id: string, t0: number) => {
      const samples: string[] = [];
      for (;;) {
        await new Promise((r) => setTimeout(r, 500));
        const v = (await req('GET', `/api/registry/imports/${id}`)).json();
        samples.push(`${((performance.now() - t0) / 1000).toFixed(1)}s ${v.progress.phase} ${v.progress.done}${v.progress.total ? `/${v.progress.total}` : ''}`);
        if (v.state !== 'parsing' && v.state !== 'committing') return { v, samples };
      }
    };
    const t0 = performance.now();
    const up = (await req('POST', '/api/registry/imports', file, XLSX)).json();
    const pre = await follow(up.id, t0);
    const previewMs = performance.now() - t0;
    if (pre.v.state !== 'previewed' || pre.v.totals.create !== ROWS) throw new Error(`preview: ${JSON.stringify(pre.v).slice(0, 500)}`);
    const t1 = performance.now();
    await req('POST', `/api/registry/imports/${up.id}/commit`, {}, 'application/json');
    const com = await follow(up.id, t1);
    const commitMs = performance.now() - t1;
    if (com.v.state !== 'committed' || com.v.result.created !== ROWS) throw new Error(`commit: ${JSON.stringify(com.v).slice(0, 500)}`);
    const t2 = performance.now();
    const again = (await req('POST', '/api/registry/imports?wait=true', file, XLSX)).json();
    const reMs = performance.now() - t2;
    if (again.totals.unchanged !== ROWS) throw new Error(`re-import: ${JSON.stringify(again.totals)}`);
    const t3 = performance.now();
    const search = (await req('GET', `/api/registry/entities?q=${encodeURIComponent('網絡平台4999')}`)).json();
    const searchMs = performance.now() - t3;
    await app.close();

    const total = previewMs + commitMs;
    const cpu = os.cpus()[0]?.model ?? 'unknown';
    const section = [
      `## ${kind}`, '',
      `${new Date().toISOString().slice(0, 10)} · ${cpu} · ${os.cpus().length} cores (load average ${os.loadavg()[0]!.toFixed(1)} at the end) · ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB · Node ${process.version} · ${ROWS.toLocaleString('en')} rows, ${(file.length / 1e6).toFixed(1)} MB xlsx (generated in ${(genMs / 1000).toFixed(1)} s)`, '',
      '| step | time | rows/s |', '|---|---:|---:|',
      `| upload + preview (read, check every row, match natural keys, seal contacts) | ${(previewMs / 1000).toFixed(1)} s | ${Math.round(ROWS / (previewMs / 1000)).toLocaleString('en')} |`,
      `| commit (one transaction: entities + their first events) | ${(commitMs / 1000).toFixed(1)} s | ${Math.round(ROWS / (commitMs / 1000)).toLocaleString('en')} |`,
      `| **import total** (target: under 60 s) | **${(total / 1000).toFixed(1)} s** | ${Math.round(ROWS / (total / 1000)).toLocaleString('en')} |`,
      `| re-import of the same file (all ${ROWS.toLocaleString('en')} unchanged, nothing written) | ${(reMs / 1000).toFixed(1)} s | |`,
      `| search "網絡平台4999" (traditional, partial) over ${ROWS.toLocaleString('en')} entities: ${search.total} hits | ${searchMs.toFixed(0)} ms | |`, '',
      `Peer — exceljs alone on the same file: streaming reader ${(p.stream / 1000).toFixed(1)} s (${p.rows.toLocaleString('en')} rows), \`Workbook.load\` ${(p.load / 1000).toFixed(1)} s. ` +
        `Preview ÷ exceljs streaming read = **${(previewMs / p.stream).toFixed(2)}×**; whole import ÷ streaming read = ${(total / p.stream).toFixed(2)}×.`, '',
      'Progress as the web sees it (GET every 0.5 s):', '', '```', ...pre.samples.filter((_, i, a) => i % Math.ceil(a.length / 8) === 0 || i === a.length - 1),
      ...com.samples.filter((_, i, a) => i % Math.ceil(a.length / 6) === 0 || i === a.length - 1), '```', '',
    ].join('\n');
    console.log(section);
    if (!process.argv.includes('--no-write')) {
      const file = path.join(here, 'results.md');
      const head = '# Registry import benchmark\n\nWritten by `bench/registry/run.ts`; one section per database, replaced on each run.\n\n';
      const old = existsSync(file) ? readFileSync(file, 'utf8') : head;
      const sections = old.split(/^(?=## )/m).filter((x) => x.startsWith('## ') && !x.startsWith(`## ${kind.split(' ')[0]}`));
      writeFileSync(file, head + [...sections, section].map((x) => x.trimEnd()).join('\n\n') + '\n');
    }
  } finally {
    await drop();
  }
}
await main();
