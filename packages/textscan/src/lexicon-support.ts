import type { Normalizer } from './normalize.js';
import type { AllowContext } from './rules.js';
import type { Match, ResolvedNormalizeOptions, RuleInput } from './types.js';

/** Normalized text is processed in segments of about this many units (see Lexicon.segmentEnd). */
export const SEGMENT = 16_384;
const BREAK_CANDIDATES = '\n\r\u2028\u2029\u3002\uff01\uff1f!?';

/** Characters no term or allow context contains, once normalized: no match can cross them. */
export function hardBreaks(normalizer: Normalizer, patterns: readonly string[], allow: Map<number, AllowContext[]>): Uint8Array {
  const used = new Uint8Array(0x10000);
  const mark = (s: string) => {
    for (let i = 0; i < s.length; i++) used[s.charCodeAt(i)] = 1;
  };
  patterns.forEach(mark);
  for (const contexts of allow.values()) for (const c of contexts) mark(c.units);
  const breaks = new Uint8Array(0x10000);
  for (let i = 0; i < BREAK_CANDIDATES.length; i++) {
    const c = BREAK_CANDIDATES.charCodeAt(i);
    const u = normalizer.keptUnit(c);
    if (u >= 0 && used[u] === 0) breaks[c] = 1;
  }
  return breaks;
}

const byPosition = (a: Match, b: Match) => a.start - b.start || a.end - b.end || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0);

/**
 * Literal hits arrive ordered by end, so ordering them by start only moves each a few places:
 * insertion sort does that in about one comparison per match. Hits from other passes (regex,
 * pinyin) can be far out of place; past a budget of moves it falls back to Array.sort.
 */
export function sortMatches(out: Match[]): Match[] {
  let budget = 8 * out.length + 64;
  for (let i = 1; i < out.length; i++) {
    const x = out[i]!;
    let j = i - 1;
    while (j >= 0 && byPosition(out[j]!, x) > 0) {
      out[j + 1] = out[j]!;
      j--;
      if (--budget < 0) {
        out[j + 1] = x;
        return out.sort(byPosition);
      }
    }
    out[j + 1] = x;
  }
  return out;
}

/** FNV-1a over the rules and options: the same rules give the same version. */
export function versionOf(rules: readonly RuleInput[], normalization: ResolvedNormalizeOptions | null): string {
  let h = 0x811c9dc5;
  const feed = (s: string) => {
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
    h = Math.imul(h ^ 0x1f, 0x01000193);
  };
  feed(JSON.stringify(normalization));
  for (const r of rules) {
    feed(r.kind);
    feed(r.kind === 'term' ? r.term : r.kind === 'regex' ? r.pattern : r.domain);
    feed(r.category);
    feed(`${r.id ?? ''}\u0000${r.severity ?? ''}`);
    if (r.kind === 'term') feed(`${(r.allow ?? []).join('\u0000')}\u0000${r.pinyin ? 1 : 0}`);
    if (r.kind === 'regex') feed(`${r.flags ?? ''}\u0000${r.check ?? ''}`);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}
