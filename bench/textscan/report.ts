import type { Machine } from './measure.js';

export interface EngineResult {
  engine: string;
  terms: number;
  buildColdMs: number;
  buildMs: number;
  scanMs: number;
  mbpsMedian: number;
  mbpsBest: number;
  agreement: string;
}

export interface MemoryResult {
  engine: string;
  terms: number;
  bytes: number;
}

export interface FalseHits {
  terms: number;
  verbatimHits: number;
  verbatimDistinct: number;
  /** Hits that needed a normalization, on text with no evasions: each one is a false hit. */
  created: number;
  /** Terms found only with normalizations on. */
  createdDistinct: number;
  byNormalization: Record<string, number>;
  swtExactDistinct: number;
  swtNoiseDistinct: number;
  swtCreatedDistinct: number;
}

export interface Report {
  env: Machine;
  bytes: number;
  units: number;
  plants: number;
  seed: number;
  results: EngineResult[];
  plantChecks: string[];
  mem: MemoryResult[];
  falses: FalseHits[];
}

const OFF = 'textscan (normalization off)';
const ON = 'textscan (all normalizations on)';
const f1 = (x: number) => x.toFixed(1);

function throughputTable(r: Report, size: number): string[] {
  const rows = r.results.filter((x) => x.terms === size);
  const off = rows.find((x) => x.engine === OFF)!;
  const on = rows.find((x) => x.engine === ON)!;
  const lines = [
    `### ${size.toLocaleString('en')} terms`,
    '',
    '| engine | build ms (first / median of 3) | scan ms (median of 3) | MB/s median (best) | textscan off ÷ engine | textscan on ÷ engine | matches vs textscan off |',
    '|---|---:|---:|---:|---:|---:|---|',
  ];
  for (const x of rows) {
    const ratio = (y: EngineResult) => (x === y ? '—' : `${(y.mbpsMedian / x.mbpsMedian).toFixed(2)}×`);
    lines.push(`| ${x.engine} | ${x.buildColdMs.toFixed(0)} / ${x.buildMs.toFixed(0)} | ${x.scanMs.toFixed(0)} | ${f1(x.mbpsMedian)} (${f1(x.mbpsBest)}) | ${ratio(off)} | ${ratio(on)} | ${x.agreement} |`);
  }
  return [...lines, ''];
}

function targets(r: Report): string[] {
  const get = (engine: string, size: number) => r.results.find((x) => x.engine === engine && x.terms === size)!;
  const peers = r.results.filter((x) => x.engine !== OFF && x.engine !== ON && x.terms === 50_000);
  const bestPeer = Math.max(...peers.map((p) => p.mbpsMedian));
  const mem = r.mem.find((m) => m.engine === OFF)!;
  const memOn = r.mem.find((m) => m.engine === ON)!;
  const row = (what: string, target: string, value: string, ok: boolean | undefined) =>
    `| ${what} | ${target} | ${value} | ${ok === undefined ? '—' : ok ? 'met' : '**not met**'} |`;
  return [
    '| target | required | measured | |',
    '|---|---|---|---|',
    row('literal, normalization off, 10,000 terms', '≥ 120 MB/s', `${f1(get(OFF, 10_000).mbpsMedian)} MB/s`, get(OFF, 10_000).mbpsMedian >= 120),
    row('literal, normalization off, 50,000 terms', '≥ 60 MB/s', `${f1(get(OFF, 50_000).mbpsMedian)} MB/s`, get(OFF, 50_000).mbpsMedian >= 60),
    row('all normalizations on, 50,000 terms', '≥ 30 MB/s and ahead of every peer', `${f1(get(ON, 50_000).mbpsMedian)} MB/s (fastest peer ${f1(bestPeer)})`, get(ON, 50_000).mbpsMedian >= 30 && get(ON, 50_000).mbpsMedian > bestPeer),
    row('compile, 50,000 terms, normalization off', '< 300 ms', `${get(OFF, 50_000).buildMs.toFixed(0)} ms (first ${get(OFF, 50_000).buildColdMs.toFixed(0)} ms)`, get(OFF, 50_000).buildMs < 300),
    row('compile, 50,000 terms, normalizations on', '(no target)', `${get(ON, 50_000).buildMs.toFixed(0)} ms (first ${get(ON, 50_000).buildColdMs.toFixed(0)} ms)`, undefined),
    row('retained memory, 100,000 terms', '< 50 MB', `${f1(mem.bytes / 1e6)} MB off, ${f1(memOn.bytes / 1e6)} MB on`, mem.bytes < 50e6 && memOn.bytes < 50e6),
    '',
  ];
}

const NOTES = [
  '## Notes',
  '',
  '- Every engine returns its own match objects; textscan\'s carry the original span, text, rule, category, severity and normalizations. The corpus has many natural hits (about one per 50 characters at 50,000 terms, from the two-character terms), so per-match cost is part of every number.',
  '- `mint-filter` misses matches that end inside a longer partial match: it only reports the trie node it is on, not the outputs along the failure chain. textscan reports them (see the overlapping-terms test).',
  '- `sensitive-word-tool` restarts a trie walk at every position (O(n × term length)); its `match` returns distinct words, so its agreement is checked on the set of terms found.',
  '- `@monyone/aho-corasick/fast` builds a double array with a first-fit search, which is where its build time goes.',
  '- textscan with normalizations on: the text is normalized segment by segment (split after line breaks and sentence ends that no term contains), then the same automaton runs over the normalized units; the first build of a process also builds the character tables (OpenCC traditional → simplified, case, width, numbers), about 130 ms once.',
  '- False hits: nearly all come from `repeats`: natural reduplication (是的的 contains 是的 once the run is folded). Turning `repeats` off removes them at the price of missing 赌赌博-style evasions. `numbers` hits are numerals written another way than in the term (是1 for 是一, 委一 for 委壹); `traditional` hits come from characters that OpenCC folds and that simplified text also uses (著/着, 於/于, 後/后). Separator skipping created none: it never crosses sentence punctuation or line breaks and stops after 3 separators, while sensitive-word-tool\'s noise mode skips punctuation and line breaks too.',
  '',
];

export function renderReport(r: Report): string {
  const e = r.env;
  const out = [
    '# textscan benchmark results',
    '',
    `- date: ${e.date}`,
    `- machine: ${e.cpu}, ${e.cores} cores, ${e.memoryGiB} GiB; node ${e.node}`,
    `- corpus: ${f1(r.bytes / 1e6)} MB of generated Chinese text (${r.units.toLocaleString('en')} UTF-16 units), seed ${r.seed}, ${r.plants.toLocaleString('en')} planted term occurrences`,
    '- MB = 10^6 bytes of UTF-8 input; MB/s = corpus bytes ÷ wall time of one full `scan` of the whole corpus as one string',
    '- each engine: 3 builds (first and median reported), 2 warm-up scans, then 3 timed scans; rerun with `npx tsx bench/textscan/run.ts`',
    '',
    '## Targets',
    '',
    ...targets(r),
    '## Throughput',
    '',
    ...[10_000, 50_000].flatMap((size) => throughputTable(r, size)),
    'Checks against the planted hits:',
    '',
    ...r.plantChecks.map((c) => `- ${c}`),
    '',
    '## Retained memory',
    '',
    'Heap plus typed-array bytes after a full GC, minus the same before the build (the term list itself is not counted).',
    '',
    '| engine | terms | MB |',
    '|---|---:|---:|',
    ...r.mem.map((m) => `| ${m.engine} | ${m.terms.toLocaleString('en')} | ${f1(m.bytes / 1e6)} |`),
    '',
    '## False hits from normalization',
    '',
    'The same corpus without planted terms contains no evasions, so every hit that needed a normalization is a false hit.',
    'sensitive-word-tool\'s default mode skips its noise characters everywhere (its list includes 。，！？ and line breaks);',
    'its `match` returns distinct words only, so it is compared on distinct terms found only in that mode.',
    '',
    '| terms | verbatim hits (distinct terms) | textscan: hits needing a normalization | by normalization | textscan: extra distinct terms | sensitive-word-tool noise mode: extra distinct terms |',
    '|---:|---:|---:|---|---:|---:|',
    ...r.falses.map((x) => `| ${x.terms.toLocaleString('en')} | ${x.verbatimHits} (${x.verbatimDistinct}) | ${x.created} | ${Object.entries(x.byNormalization).map(([k, v]) => `${k} ${v}`).join(', ') || '—'} | ${x.createdDistinct} | ${x.swtCreatedDistinct} (of ${x.swtNoiseDistinct}; exact mode ${x.swtExactDistinct}) |`),
    '',
    ...NOTES,
  ];
  return out.join('\n');
}
