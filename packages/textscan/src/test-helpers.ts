import { compileLexicon } from './lexicon.js';
import type { CompileOptions, Match, RuleInput } from './types.js';

/** A small deterministic PRNG (mulberry32) for property tests and generated data. */
export function prng(seed: number): () => number {
  let s = seed | 0;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function term(t: string, extra: Partial<Extract<RuleInput, { kind: 'term' }>> = {}): RuleInput {
  return { kind: 'term', term: t, category: '测试类', ...extra };
}

/** [start, end, original text, normalizations] of each match: the shape most tests assert on. */
export function spans(rules: RuleInput[], text: string, options?: CompileOptions): [number, number, string, string][] {
  return compileLexicon(rules, options)
    .scan(text)
    .map((m: Match) => [m.start, m.end, m.text, m.normalizations.join('+')]);
}
