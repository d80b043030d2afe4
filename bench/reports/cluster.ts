/**
 * Clustering a stream of reports with 30 % labelled near-duplicates through the real intake service
 * (validation, clustering lookup, rows, events, clocks; no HTTP), into an initially empty table:
 * throughput as the table grows, then pairwise precision/recall of the clusters against the labels.
 */
import { PUBLIC_ACTOR } from '../../apps/server/src/modules/reports/report-store';
import { TEXT_THRESHOLD } from '../../apps/server/src/modules/reports/clustering';
import { byKind, pairwise, thresholdSweep } from './cluster-eval';
import { cpuSample, cpuSince } from './cpu';
import { environment, round, withBenchDb, writeSection } from './env';
import { createStream, type GenReport, type VariantKind } from './gen';
import { perItem } from './intake';
import { generateReports } from './queue-data';

const TOTAL = Number(process.env.REPORTS ?? 1_000_000);
const MAX_MINUTES = Number(process.env.MAX_MINUTES ?? 20);
const IN_FLIGHT = Number(process.env.IN_FLIGHT ?? 16);
const SEGMENT = 50_000;
const SWEEP_SAMPLE = 20_000;
/**
 * Earlier reports already in the table (generated in SQL and analyzed, none of them related to the
 * stream): the planner then works from statistics, as it does on a live system. Started empty, the
 * lookups run on plans made for an empty table until autovacuum first analyzes it.
 */
const PREFILL = Number(process.env.PREFILL ?? 100_000);

export async function benchCluster() {
  return withBenchDb('cluster', {}, async (bench) => {
    const { handle, s, tree } = bench;
    const env = await environment(handle);
    if (PREFILL > 0) await generateReports(bench, PREFILL);
    const stream = createStream({ seed: 7, gap: IN_FLIGHT * 4 });
    const where = { id: tree.city.id, path: tree.city.path };
    const office = await s.reports.taxonomy.officeOf(tree.city.id);
    const kinds: VariantKind[] = [];
    const truth: number[] = [];
    const predicted: number[] = [];
    const indexOfId = new Map<string, number>();
    const sample: GenReport[] = [];
    const segments: { upTo: number; perSecond: number }[] = [];
    const deadline = performance.now() + MAX_MINUTES * 60_000;
    const from = cpuSample();
    const start = performance.now();
    let segmentStart = start;
    let next = 0;
    let done = 0;

    async function worker() {
      while (next < TOTAL && performance.now() < deadline) {
        const i = next++;
        const r = stream.next();
        kinds[i] = r.kind;
        truth[i] = r.label;
        if (i < SWEEP_SAMPLE) sample.push(r);
        const receipt = await s.reports.intake.submit(r.input, {
          channel: 'web', actor: PUBLIC_ACTOR, jurisdiction: where, officeUnitId: office, sourceHash: 'bench',
        });
        if (receipt.clusteredInto) predicted[i] = indexOfId.get(receipt.clusteredInto) ?? -1;
        else { predicted[i] = i; indexOfId.set(receipt.id, i); }
        if (++done % SEGMENT === 0) {
          const now = performance.now();
          segments.push({ upTo: done, perSecond: Math.round(SEGMENT / ((now - segmentStart) / 1000)) });
          segmentStart = now;
          console.log(`  ${done.toLocaleString('en')} reports, ${segments.at(-1)!.perSecond}/s in the last ${SEGMENT.toLocaleString('en')}`);
        }
      }
    }
    await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
    const seconds = (performance.now() - start) / 1000;
    const cpu = cpuSince(from);
    // Reports still in flight when time ran out are complete too; score exactly those that finished.
    const n = predicted.length;
    const unknownPrimary = predicted.filter((p) => p === -1).length;
    const perSecond = Math.round(done / seconds);
    const result = {
      ...env, threshold: TEXT_THRESHOLD, hasher: 'MinHash, character 3-grams, 64 hashes, 16 bands of 4', inFlight: IN_FLIGHT,
      prefilledReports: PREFILL, asked: TOTAL, processed: done, stoppedByTimeLimit: done < TOTAL, minutes: round(seconds / 60, 1), perSecond,
      extrapolatedMinutesFor1M: round(1_000_000 / perSecond / 60, 0),
      segments, cpu, cpuPerReport: perItem(cpu, perSecond),
      mix: Object.fromEntries([...new Set(kinds)].map((k) => [k, kinds.filter((x) => x === k).length])),
      pairwiseOverAll: pairwise(predicted.slice(0, n), truth.slice(0, n)), mergedIntoUnknown: unknownPrimary,
      byKind: byKind(kinds.slice(0, n), predicted, truth),
      thresholdSweepOnFirst20k: thresholdSweep(sample, [0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9]),
    };
    console.log(JSON.stringify(result, null, 2));
    writeSection('cluster', '```json\n' + JSON.stringify(result, null, 2) + '\n```');
    return result;
  });
}
