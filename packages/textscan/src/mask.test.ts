import { describe, expect, it } from 'vitest';
import { compileLexicon } from './lexicon.js';
import { mask } from './mask.js';
import { prng, term } from './test-helpers.js';

/** Walk the original and the masked text together: outside spans equal, inside one mask per code point. */
function checkMasked(text: string, spans: { start: number; end: number }[], masked: string, m: string): void {
  const covered = new Uint8Array(text.length);
  for (const s of spans) covered.fill(1, s.start, s.end);
  let j = 0;
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i)!;
    const w = cp > 0xffff ? 2 : 1;
    if (covered[i]) {
      expect(masked.slice(j, j + m.length)).toBe(m);
      j += m.length;
    } else {
      expect(masked.slice(j, j + w)).toBe(text.slice(i, i + w));
      j += w;
    }
    i += w;
  }
  expect(j).toBe(masked.length);
}

describe('mask', () => {
  it('replaces each code point of every span, merging overlaps', () => {
    expect(mask('a赌博b😀c', [{ start: 1, end: 3 }, { start: 2, end: 6 }], '＊')).toBe('a＊＊＊＊c');
    expect(mask('abc', [], '＊')).toBe('abc');
  });

  it('property: masking never changes text outside matched spans (seeded)', () => {
    const rnd = prng(20240611);
    const alphabet = [...'赌博彩票一夜情ab 。*\n😀𝐬é\u0301賭①'];
    const pick = () => alphabet[Math.floor(rnd() * alphabet.length)]!;
    let total = 0;
    for (let round = 0; round < 300; round++) {
      const terms = Array.from({ length: 1 + Math.floor(rnd() * 6) }, () =>
        Array.from({ length: 1 + Math.floor(rnd() * 3) }, pick).join(''),
      ).filter((t) => /[^\s。*]/u.test(t));
      const rules = [...new Set(terms)].map((t) => term(t));
      let lex;
      try {
        lex = compileLexicon(rules, { normalize: rnd() < 0.5 });
      } catch {
        continue; // a term made only of separators: not what this property is about
      }
      const text = Array.from({ length: Math.floor(rnd() * 40) }, pick).join('');
      const matches = lex.scan(text);
      total += matches.length;
      for (const m of matches) {
        expect(m.start).toBeGreaterThanOrEqual(0);
        expect(m.end).toBeLessThanOrEqual(text.length);
        expect(m.start).toBeLessThan(m.end);
        expect(text.slice(m.start, m.end)).toBe(m.text);
      }
      checkMasked(text, matches, lex.mask(text), '＊');
    }
    expect(total).toBeGreaterThan(200); // the property was exercised, not vacuously true
  });
});
