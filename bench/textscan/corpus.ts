import { frequencyOrderedChars } from './charfreq.js';

/** mulberry32: small, fast, and the same sequence on every machine for a seed. */
export function prng(seed: number): () => number {
  let s = seed | 0;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Draw items with the given weights (binary search over cumulative weights). */
export function sampler<T>(items: readonly T[], weight: (rank: number) => number, rnd: () => number): () => T {
  const cum = new Float64Array(items.length);
  let acc = 0;
  for (let i = 0; i < items.length; i++) cum[i] = acc += weight(i);
  return () => {
    const r = rnd() * acc;
    let lo = 0;
    let hi = items.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cum[mid]! < r) lo = mid + 1;
      else hi = mid;
    }
    return items[lo]!;
  };
}

const LATIN_WORDS = ['APP', 'VIP', 'OK', 'WiFi', 'QQ', 'ID', 'PPT', 'CEO', 'bug', 'NBA'];
const EMOJI = ['😀', '👍', '🙏', '😂', '🔥'];
const ENDINGS: readonly [string, number][] = [['。', 0.8], ['！', 0.08], ['？', 0.07], ['……', 0.05]];

/**
 * Realistic-looking Chinese: Zipf-distributed characters in clauses of 4–12 characters joined by
 * ，, sentences ending in 。！？…, paragraphs of 3–8 sentences separated by line breaks, with a
 * sprinkle of what real posts contain: reduplicated characters (看看), numbers and Latin words,
 * spaces, quotes and book-title marks, ~ and emoji.
 */
export function generateCorpus(bytes: number, seed: number): string {
  const rnd = prng(seed);
  const char = sampler(frequencyOrderedChars(), (r) => 1 / (r + 4), rnd);
  const parts: string[] = [];
  let size = 0;
  const push = (s: string) => {
    parts.push(s);
    size += Buffer.byteLength(s);
  };
  while (size < bytes) {
    const sentences = 3 + Math.floor(rnd() * 6);
    for (let s = 0; s < sentences; s++) {
      const clauses = 1 + Math.floor(rnd() * 3);
      for (let c = 0; c < clauses; c++) {
        let clause = '';
        const len = 4 + Math.floor(rnd() * 9);
        for (let i = 0; i < len; i++) {
          const ch = char();
          clause += ch;
          if (rnd() < 0.01) clause += ch;
        }
        const x = rnd();
        if (x < 0.015) clause += String(Math.floor(rnd() * 3000));
        else if (x < 0.03) clause += LATIN_WORDS[Math.floor(rnd() * LATIN_WORDS.length)];
        else if (x < 0.045) clause = `“${clause}”`;
        else if (x < 0.055) clause = `《${clause}》`;
        else if (x < 0.065) clause += '~';
        else if (x < 0.075) clause += EMOJI[Math.floor(rnd() * EMOJI.length)];
        else if (x < 0.095) clause += ' ';
        push(clause);
        if (c < clauses - 1) push(rnd() < 0.9 ? '，' : '、');
      }
      let r = rnd();
      push(ENDINGS.find(([, p]) => (r -= p) < 0)?.[0] ?? '。');
    }
    push('\n');
  }
  return parts.join('');
}

/**
 * Distinct terms of 2–6 characters (mostly 3–4). Characters are drawn with a flatter weight than
 * the corpus (1/√rank) so terms are made of common-ish characters without every two-character
 * term being an everyday word.
 */
export function generateTerms(count: number, seed: number): string[] {
  const rnd = prng(seed);
  const char = sampler(frequencyOrderedChars(), (r) => 1 / Math.sqrt(r + 1), rnd);
  const lengths: readonly [number, number][] = [[2, 0.2], [3, 0.35], [4, 0.3], [5, 0.1], [6, 0.05]];
  const out = new Set<string>();
  while (out.size < count) {
    let r = rnd();
    const len = lengths.find(([, p]) => (r -= p) < 0)?.[0] ?? 4;
    let t = '';
    for (let i = 0; i < len; i++) t += char();
    out.add(t);
  }
  return [...out];
}

export interface Planted {
  text: string;
  /** Start offset and term of every planted occurrence. */
  plants: { start: number; term: string }[];
}

/** Insert `count` occurrences of random terms at clause boundaries or inside clauses. */
export function plantTerms(base: string, terms: readonly string[], count: number, seed: number): Planted {
  const rnd = prng(seed);
  const positions = new Set<number>();
  while (positions.size < count) {
    const p = Math.floor(rnd() * base.length);
    const c = base.charCodeAt(p);
    if (c >= 0xdc00 && c <= 0xdfff) continue; // never split a surrogate pair
    positions.add(p);
  }
  const sorted = [...positions].sort((a, b) => a - b);
  const parts: string[] = [];
  const plants: { start: number; term: string }[] = [];
  let prev = 0;
  let offset = 0;
  for (const p of sorted) {
    const piece = base.slice(prev, p);
    parts.push(piece);
    offset += piece.length;
    const term = terms[Math.floor(rnd() * terms.length)]!;
    plants.push({ start: offset, term });
    parts.push(term);
    offset += term.length;
    prev = p;
  }
  parts.push(base.slice(prev));
  return { text: parts.join(''), plants };
}
