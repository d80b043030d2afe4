/**
 * Benchmark of @tianlang/textscan against npm peers. Run from the repository root:
 *   npx tsx bench/textscan/run.ts            (full run, writes bench/textscan/results.md)
 *   npx tsx bench/textscan/run.ts --quick    (2 MB corpus, no results file: a smoke test)
 */
import { writeFileSync } from 'node:fs';
import { compileLexicon, type Lexicon, type Match } from '../../packages/textscan/src/index.js';
import { generateCorpus, generateTerms, plantTerms } from './corpus.js';
import { machine, median, retainedBytes, timeMs } from './measure.js';
import {
  PEERS, disagreement, sensitiveWordTool, sensitiveWordToolNoise, textscanNormalized, textscanVerbatim, type Engine,
} from './peers.js';
import { renderReport, type EngineResult, type FalseHits, type MemoryResult } from './report.js';

const QUICK = process.argv.includes('--quick');
const SEED = 20240611;
const CORPUS_BYTES = QUICK ? 2e6 : 20e6;
const SIZES = [10_000, 50_000];
const MEMORY_TERMS = 100_000;
const PLANTS = QUICK ? 2_000 : 20_000;
const WARMUPS = 2;
const RUNS = 3;
const BUILDS = 3;
const log = (...args: unknown[]) => console.log(...args);

function runEngine(engine: Engine, terms: string[], text: string, bytes: number): [EngineResult, unknown] {
  const buildMs: number[] = [];
  let instance: unknown;
  for (let i = 0; i < BUILDS; i++) [buildMs[i], instance] = timeMs(() => engine.build(terms));
  for (let i = 0; i < WARMUPS; i++) engine.scan(instance, text);
  const scanMs: number[] = [];
  let output: unknown;
  for (let i = 0; i < RUNS; i++) [scanMs[i], output] = timeMs(() => engine.scan(instance, text));
  const mbps = scanMs.map((ms) => bytes / 1e6 / (ms / 1000));
  const result: EngineResult = {
    engine: engine.name, terms: terms.length, buildColdMs: buildMs[0]!, buildMs: median(buildMs),
    scanMs: median(scanMs), mbpsMedian: median(mbps), mbpsBest: Math.max(...mbps), agreement: '',
  };
  log(`  ${engine.name.padEnd(44)} build ${result.buildMs.toFixed(0).padStart(6)} ms  scan ${result.scanMs.toFixed(0).padStart(6)} ms  ${result.mbpsMedian.toFixed(1).padStart(7)} MB/s`);
  return [result, output];
}

function memory(engine: Engine, terms: string[]): MemoryResult {
  engine.build(terms.slice(0, 1000)); // shared tables (normalization, JIT) are not the lexicon's
  const before = retainedBytes();
  const instance = engine.build(terms);
  const after = retainedBytes();
  const bytes = after - before;
  if (!instance) throw new Error('unreachable: keeps the instance alive across the measurement');
  log(`  ${engine.name.padEnd(44)} ${(bytes / 1e6).toFixed(1)} MB at ${terms.length} terms`);
  return { engine: engine.name, terms: terms.length, bytes };
}

function falseHits(lexNormalized: Lexicon, lexVerbatim: Lexicon, terms: string[], base: string): FalseHits {
  const normalized = lexNormalized.scan(base);
  const verbatim = lexVerbatim.scan(base);
  const created = normalized.filter((m: Match) => m.normalizations.length > 0);
  const byNormalization: Record<string, number> = {};
  for (const m of created) for (const n of m.normalizations) byNormalization[n] = (byNormalization[n] ?? 0) + 1;
  const verbatimTerms = new Set(verbatim.map((m) => m.term));
  const swtExact = sensitiveWordTool.scan(sensitiveWordTool.build(terms), base) as string[];
  const swtNoise = sensitiveWordToolNoise.scan(sensitiveWordToolNoise.build(terms), base) as string[];
  const swtExactSet = new Set(swtExact);
  return {
    terms: terms.length,
    verbatimHits: verbatim.length,
    verbatimDistinct: verbatimTerms.size,
    created: created.length,
    createdDistinct: new Set(created.map((m) => m.term).filter((t) => !verbatimTerms.has(t))).size,
    byNormalization,
    swtExactDistinct: swtExactSet.size,
    swtNoiseDistinct: new Set(swtNoise).size,
    swtCreatedDistinct: swtNoise.filter((w) => !swtExactSet.has(w)).length,
  };
}

function main(): void {
  const env = machine();
  log(`textscan bench ${QUICK ? '(quick) ' : ''}on ${env.cpu}, ${env.cores} cores, node ${env.node}`);
  const [genMs, base] = timeMs(() => generateCorpus(CORPUS_BYTES, SEED));
  const allTerms = generateTerms(MEMORY_TERMS, SEED + 1);
  const { text, plants } = plantTerms(base, allTerms.slice(0, SIZES[0]), PLANTS, SEED + 2);
  const bytes = Buffer.byteLength(text);
  log(`corpus: ${(bytes / 1e6).toFixed(2)} MB UTF-8, ${text.length} UTF-16 units, ${plants.length} planted hits (${genMs.toFixed(0)} ms)`);

  const results: EngineResult[] = [];
  const plantChecks: string[] = [];
  for (const size of SIZES) {
    const terms = allTerms.slice(0, size);
    log(`\n${size} terms`);
    let reference: string[] = [];
    for (const engine of [textscanVerbatim, textscanNormalized, ...PEERS]) {
      const [result, output] = runEngine(engine, terms, text, bytes);
      const got = engine.compare(output);
      if (engine === textscanVerbatim) {
        reference = (got as { keys: string[] }).keys;
        const found = new Set(reference);
        const missed = plants.filter((p) => !found.has(`${p.start}:${p.term}`)).length;
        plantChecks.push(`${size} terms: ${reference.length} matches, ${plants.length - missed}/${plants.length} planted hits found (normalization off)`);
        result.agreement = 'reference';
      } else if (engine === textscanNormalized) {
        // Covered, not equal: a folded repeat widens a span (看看书 for 看书).
        const matches = output as Match[];
        const spans = new Map<string, Match[]>();
        for (const m of matches) {
          const list = spans.get(m.term);
          if (list) list.push(m);
          else spans.set(m.term, [m]);
        }
        const covered = (start: number, term: string) => (spans.get(term) ?? []).some((m) => m.start <= start && m.end >= start + term.length);
        const missed = plants.filter((p) => !covered(p.start, p.term)).length;
        plantChecks.push(`${size} terms: ${plants.length - missed}/${plants.length} planted hits found with all normalizations on`);
        const lost = reference.filter((k) => !covered(Number(k.slice(0, k.indexOf(':'))), k.slice(k.indexOf(':') + 1))).length;
        result.agreement = lost === 0 ? `covers every verbatim match; ${matches.length} in all` : `**${lost} verbatim matches not covered**`;
      } else {
        result.agreement = disagreement(reference, got) || 'same matches';
      }
      log(`    ${result.agreement}`);
      results.push(result);
    }
  }

  log(`\nretained memory at ${MEMORY_TERMS} terms`);
  const mem = [textscanVerbatim, textscanNormalized, ...PEERS].map((e) => memory(e, allTerms));

  log('\nfalse hits on the corpus without planted terms');
  const falses = SIZES.map((size) => {
    const terms = allTerms.slice(0, size);
    const rules = terms.map((term) => ({ kind: 'term' as const, term, category: 'bench' }));
    const f = falseHits(compileLexicon(rules), compileLexicon(rules, { normalize: false }), terms, base);
    log(`  ${size} terms: ${f.verbatimHits} verbatim hits; normalizations created ${f.created} (${JSON.stringify(f.byNormalization)}); sensitive-word-tool noise mode created ${f.swtCreatedDistinct} distinct terms`);
    return f;
  });

  if (QUICK) return;
  const report = renderReport({ env, bytes, units: text.length, plants: plants.length, seed: SEED, results, plantChecks, mem, falses });
  writeFileSync(new URL('./results.md', import.meta.url), report);
  log('\nwrote bench/textscan/results.md');
}

main();
