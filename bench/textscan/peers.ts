import { AhoCorasick } from '@monyone/aho-corasick/fast';
import FastScanner from 'fastscan';
import { Mint } from 'mint-filter';
import SensitiveWordTool from 'sensitive-word-tool';
import { compileLexicon, type Lexicon } from '../../packages/textscan/src/index.js';

/** What an engine's output can be compared on: positions, a multiset of words, or distinct words. */
export type Comparable =
  | { kind: 'positions'; keys: string[] }
  | { kind: 'multiset'; words: string[] }
  | { kind: 'distinct'; words: string[] };

export interface Engine {
  name: string;
  /** Build from terms; what is returned is passed to scan. */
  build(terms: string[]): unknown;
  /** The timed call: the engine's own "find all matches" API. */
  scan(instance: unknown, text: string): unknown;
  /** Turn scan output into something comparable (not timed). */
  compare(output: unknown): Comparable;
}

const termRules = (terms: string[]) => terms.map((term) => ({ kind: 'term' as const, term, category: 'bench' }));

export const textscanVerbatim: Engine = {
  name: 'textscan (normalization off)',
  build: (terms) => compileLexicon(termRules(terms), { normalize: false }),
  scan: (lex, text) => (lex as Lexicon).scan(text),
  compare: (out) => ({ kind: 'positions', keys: (out as ReturnType<Lexicon['scan']>).map((m) => `${m.start}:${m.term}`) }),
};

export const textscanNormalized: Engine = {
  name: 'textscan (all normalizations on)',
  build: (terms) => compileLexicon(termRules(terms), { normalize: true }),
  scan: (lex, text) => (lex as Lexicon).scan(text),
  compare: (out) => ({ kind: 'positions', keys: (out as ReturnType<Lexicon['scan']>).map((m) => `${m.start}:${m.term}`) }),
};

export const monyone: Engine = {
  name: '@monyone/aho-corasick (fast, double array)',
  build: (terms) => new AhoCorasick(terms),
  scan: (ac, text) => (ac as AhoCorasick).matchInText(text),
  compare: (out) => ({ kind: 'positions', keys: (out as { begin: number; keyword: string }[]).map((m) => `${m.begin}:${m.keyword}`) }),
};

export const fastscan: Engine = {
  name: 'fastscan',
  build: (terms) => new FastScanner(terms),
  scan: (fs, text) => (fs as FastScanner).search(text),
  compare: (out) => ({ kind: 'positions', keys: (out as [number, string][]).map(([at, word]) => `${at}:${word}`) }),
};

export const mintFilter: Engine = {
  name: 'mint-filter',
  build: (terms) => new Mint(terms),
  scan: (mint, text) => (mint as Mint).filter(text, { replace: false }),
  compare: (out) => ({ kind: 'multiset', words: (out as { words: string[] }).words }),
};

/** sensitive-word-tool with no noise characters: exact matching, comparable to the others. */
export const sensitiveWordTool: Engine = {
  name: 'sensitive-word-tool (exact)',
  build: (terms) => {
    const tool = new SensitiveWordTool({ wordList: terms });
    tool.setNoiseWords('');
    return tool;
  },
  scan: (tool, text) => (tool as SensitiveWordTool).match(text),
  compare: (out) => ({ kind: 'distinct', words: out as string[] }),
};

/** sensitive-word-tool in its default mode: skips its built-in noise characters (incl. 。，and line breaks). */
export const sensitiveWordToolNoise: Engine = {
  name: 'sensitive-word-tool (noise skipping)',
  build: (terms) => new SensitiveWordTool({ wordList: terms }),
  scan: (tool, text) => (tool as SensitiveWordTool).match(text),
  compare: (out) => ({ kind: 'distinct', words: out as string[] }),
};

export const PEERS: readonly Engine[] = [monyone, fastscan, mintFilter, sensitiveWordTool];

/** How a peer's output differs from the reference positions; empty when they agree. */
export function disagreement(reference: string[], got: Comparable): string {
  const refWords = reference.map((k) => k.slice(k.indexOf(':') + 1));
  if (got.kind === 'positions') {
    const a = new Set(reference);
    const b = new Set(got.keys);
    const missing = [...a].filter((k) => !b.has(k)).length;
    const extra = [...b].filter((k) => !a.has(k)).length;
    return missing || extra ? `${missing} missing, ${extra} extra of ${a.size}` : '';
  }
  if (got.kind === 'distinct') {
    const a = new Set(refWords);
    const b = new Set(got.words);
    const missing = [...a].filter((k) => !b.has(k)).length;
    const extra = [...b].filter((k) => !a.has(k)).length;
    return missing || extra ? `${missing} missing, ${extra} extra of ${a.size} distinct terms` : '';
  }
  const count = (ws: string[]) => ws.reduce((m, w) => m.set(w, (m.get(w) ?? 0) + 1), new Map<string, number>());
  const a = count(refWords);
  const b = count(got.words);
  let missing = 0;
  let extra = 0;
  for (const [w, n] of a) missing += Math.max(0, n - (b.get(w) ?? 0));
  for (const [w, n] of b) extra += Math.max(0, n - (a.get(w) ?? 0));
  return missing || extra ? `${missing} missing, ${extra} extra of ${refWords.length} matches` : '';
}
