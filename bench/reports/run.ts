/**
 * Reports benchmarks: public intake over HTTP (with the raw INSERT floor), the console queue on
 * 1,000,000 rows, and clustering a stream with labelled near-duplicates.
 * Run: DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npx tsx bench/reports/run.ts [intake|queue|cluster]
 * Each creates its own database next to DATABASE_URL's and drops it at the end; results go to results.md.
 */
import { benchCluster } from './cluster';
import { benchIntake } from './intake';
import { benchQueue } from './queue';

const MODES = { intake: benchIntake, queue: benchQueue, cluster: benchCluster } as const;
const asked = process.argv.slice(2);
const unknown = asked.filter((m) => !(m in MODES));
if (unknown.length) {
  console.error(`unknown mode ${unknown.join(', ')}: use ${Object.keys(MODES).join(', ')}`);
  process.exit(2);
}
for (const mode of (asked.length ? asked : Object.keys(MODES)) as (keyof typeof MODES)[]) {
  console.log(`── ${mode}`);
  await MODES[mode]();
}
