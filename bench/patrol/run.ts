/**
 * Patrol ingestion throughput: items of ~1 KB pushed through the real HTTP route (API key auth,
 * validation, scanning, item + hit rows, events) into PostgreSQL.
 * Run: DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npx tsx bench/patrol/run.ts
 */
import { execSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import pino from 'pino';
import { testConfig } from '../../apps/server/src/config';
import { openDb } from '../../apps/server/src/db/client';
import { runMigrations } from '../../apps/server/src/db/migrate';
import { buildApp } from '../../apps/server/src/http/app';
import { systemClock } from '../../apps/server/src/lib/clock';
import { createServices } from '../../apps/server/src/services';
import { seedBase } from '../../apps/server/src/seed/base';
import { buildWorld } from '../../apps/server/test/factories';

const ITEMS = Number(process.env.ITEMS ?? 20_000);
const BATCH = Number(process.env.BATCH ?? 500);
const TERMS = 10_000;
const base = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

// Deterministic generator (mulberry32) over common characters, so every run scans the same text.
let seed = 20261123;
const rand = () => { seed |= 0; seed = (seed + 0x6d2b79f5) | 0; let t = Math.imul(seed ^ (seed >>> 15), 1 | seed); t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t; return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
const CHARS = '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严';
const pick = () => CHARS[Math.floor(rand() * CHARS.length)]!;
const sentence = () => Array.from({ length: 12 + Math.floor(rand() * 20) }, pick).join('') + (rand() < 0.5 ? '，' : '。');

async function main() {
  const name = `tianlang_bench_${Date.now()}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database ${name} encoding 'UTF8' lc_collate 'C.UTF-8' lc_ctype 'C.UTF-8' template template0`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  const handle = await openDb({ databaseUrl: url.toString(), poolSize: 10 });
  try {
    await runMigrations(handle);
    await seedBase(handle.db, new Date());
    const w = await buildWorld(handle.db);
    const s = createServices({ config: testConfig(), handle, clock: systemClock, logger: pino({ level: 'silent' }) });
    const app = await buildApp(s);
    await app.ready();

    const terms = new Set<string>();
    // 4–6 characters: random short terms over a small alphabet would hit almost every text, which real lexicons do not.
    while (terms.size < TERMS) terms.add(Array.from({ length: 4 + Math.floor(rand() * 3) }, pick).join(''));
    const termList = [...terms];
    const content = termList.map((t, i) => `term\t${t}\t${['fraud', 'gambling', 'porn', 'rumor'][i % 4]}\t3`).join('\n');
    const actor = (await s.auth.repo.loadAuthUser(w.users.cityAdmin.id))!;
    const t0 = performance.now();
    await s.patrol.lexicon.importFile(actor, content, 'bench');
    const importMs = performance.now() - t0;
    const t1 = performance.now();
    await s.patrol.scanner.get();
    const compileMs = performance.now() - t1;

    const { source } = await s.patrol.sources.create(actor, { kind: 'api', name: 'bench', unitId: w.cityOffice.id, intervalMinutes: 60 });
    const key = await s.apiKeys.create(actor, { unitId: w.cityOffice.id, name: 'bench', scopes: ['patrol.push'] });

    const items = Array.from({ length: ITEMS }, (_, i) => {
      let text = '';
      while (Buffer.byteLength(text) < 1000) text += sentence();
      if (rand() < 0.2) text = text.slice(0, 100) + termList[Math.floor(rand() * termList.length)] + text.slice(100);
      return { externalId: `b${i}`, url: `https://example.com/p/${i}`, author: `账号${i % 500}`, text };
    });
    const bytes = items.reduce((n, it) => n + Buffer.byteLength(it.text), 0);
    const latencies: number[] = [];
    let flagged = 0;
    const start = performance.now();
    for (let i = 0; i < items.length; i += BATCH) {
      const b0 = performance.now();
      const res = await app.inject({
        method: 'POST', url: '/api/patrol/push', headers: { authorization: `Bearer ${key.secret}` },
        payload: { sourceId: source.id, items: items.slice(i, i + BATCH) },
      });
      if (res.statusCode !== 200) throw new Error(res.body);
      flagged += res.json().withHits;
      latencies.push(performance.now() - b0);
    }
    const seconds = (performance.now() - start) / 1000;
    latencies.sort((a, b) => a - b);
    const result = {
      date: new Date().toISOString(),
      machine: `${os.cpus()[0]?.model ?? 'unknown'} × ${os.cpus().length}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, node ${process.version}`,
      postgres: execSync(`psql "${base}" -Atc "select version()"`).toString().trim().split(' on ')[0],
      items: ITEMS, batch: BATCH, avgItemBytes: Math.round(bytes / ITEMS), lexiconTerms: TERMS, flagged,
      lexiconImportMs: Math.round(importMs), lexiconCompileMs: Math.round(compileMs),
      itemsPerSecond: Math.round(ITEMS / seconds), mbPerSecond: +(bytes / 1e6 / seconds).toFixed(2),
      batchP50Ms: Math.round(latencies[Math.floor(latencies.length / 2)]!), batchP99Ms: Math.round(latencies[Math.floor(latencies.length * 0.99)]!),
    };
    console.log(JSON.stringify(result, null, 2));
    const md = `# Patrol ingestion benchmark\n\nTarget (issue 5): at least 2,000 items/s of 1 KB into PostgreSQL.\n\n` +
      `Rerun: \`DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npx tsx bench/patrol/run.ts\` (creates and drops its own database).\n\n` +
      '```json\n' + JSON.stringify(result, null, 2) + '\n```\n';
    writeFileSync(path.join(import.meta.dirname, 'results.md'), md);
    await app.close();
  } finally {
    await handle.close();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

await main();
