import { sql } from 'drizzle-orm';
import { PUBLIC_ACTOR } from '../../apps/server/src/modules/reports/report-store';
import { withBenchDb } from './env';
import { createStream } from './gen';
await withBenchDb('probe', {}, async ({ s, tree }) => {
  const st = createStream({ seed: 5 });
  const office = await s.reports.taxonomy.officeOf(tree.city.id);
  const N = Number(process.env.N ?? 20000);
  let t = performance.now();
  const q: Promise<unknown>[] = [];
  for (let i = 0; i < N; i++) {
    const { input } = st.next();
    q.push(s.reports.intake.submit(input as never, { channel: 'web', actor: PUBLIC_ACTOR, jurisdiction: tree.city, officeUnitId: office }));
    if (q.length >= 16) { await Promise.all(q); q.length = 0; }
  }
  await Promise.all(q);
  console.log('submitted', N, 'in', (performance.now() - t) / 1000, 's');
  if (process.env.ANALYZE) await s.db.execute(sql.raw('analyze reports'));
  const probes = Array.from({ length: 200 }, () => s.reports.clustering.fingerprint(st.next().input.description)!.lsh);
  let cands = 0; t = performance.now();
  for (const lsh of probes) {
    const r = await s.db.execute(sql.raw(`select count(*)::int as n from reports where lsh && '{${lsh.join(',')}}'::int[] and state in ('submitted','accepted','assessing','disposing','transferred','disposed') and merged_into_id is null`)) as any;
    cands += r.rows[0].n;
  }
  console.log('avg candidates', cands / probes.length, 'ms/count', (performance.now() - t) / probes.length);
  const ex = await s.db.execute(sql.raw(`explain (analyze, buffers) select id, description from reports where lsh && '{${probes[0]!.join(',')}}'::int[] and state in ('submitted','accepted','assessing','disposing','transferred','disposed') and merged_into_id is null order by submitted_at desc limit 20`)) as any;
  console.log(ex.rows.map((r: any) => r['QUERY PLAN']).join('\n'));
  const gin = await s.db.execute(sql.raw(`select * from pg_stat_user_indexes where relname = 'reports' order by indexrelname`)) as any;
  console.log(gin.rows.map((r: any) => `${r.indexrelname} scans=${r.idx_scan} read=${r.idx_tup_read}`).join('\n'));
  const ps = await s.db.execute(sql.raw(`select pg_size_pretty(pg_relation_size('reports_lsh_idx')) as gin`)) as any;
  console.log(ps.rows);
});
