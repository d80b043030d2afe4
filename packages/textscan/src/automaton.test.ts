import { describe, expect, it } from 'vitest';
import { Automaton } from './automaton.js';
import { prng } from './test-helpers.js';

function naive(patterns: string[], text: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i++) patterns.forEach((p, e) => p && text.startsWith(p, i) && out.push(`${i}:${e}`));
  return out.sort();
}

function viaAutomaton(patterns: string[], text: string, units: boolean): string[] {
  const out: string[] = [];
  const a = new Automaton(patterns);
  const sink = (end: number, e: number) => (out.push(`${end - patterns[e]!.length + 1}:${e}`), false);
  if (units) a.scanUnits(Uint16Array.from(text, (c) => c.charCodeAt(0)), text.length, sink);
  else a.scanString(text, sink);
  return out.sort();
}

describe('Automaton', () => {
  it('finds every occurrence of every pattern, overlapping ones included (seeded random cross-check)', () => {
    const rnd = prng(42);
    for (let round = 0; round < 400; round++) {
      // Small alphabets make deep failure chains and suffix outputs likely; 赌博 covers non-ASCII units.
      const alphabet = 'ab赌博cdefghijklmnop'.slice(0, 2 + Math.floor(rnd() * 16));
      const pick = () => alphabet[Math.floor(rnd() * alphabet.length)]!;
      const patterns = Array.from({ length: 1 + Math.floor(rnd() * 20) }, () =>
        Array.from({ length: 1 + Math.floor(rnd() * 5) }, pick).join(''),
      );
      const text = Array.from({ length: 80 }, pick).join('');
      const expected = naive(patterns, text);
      expect(viaAutomaton(patterns, text, false)).toEqual(expected);
      expect(viaAutomaton(patterns, text, true)).toEqual(expected);
    }
  });

  it('reports duplicate patterns once per entry and ignores empty patterns', () => {
    expect(viaAutomaton(['ab', '', 'ab', 'b'], 'xab', false)).toEqual(['1:0', '1:2', '2:3']);
  });

  it('stops when the sink returns true', () => {
    let calls = 0;
    new Automaton(['a']).scanString('aaaa', () => ++calls === 2);
    expect(calls).toBe(2);
  });

  it('handles states with many edges (binary search path)', () => {
    const patterns = Array.from({ length: 200 }, (_, i) => `x${String.fromCharCode(0x4e00 + i * 7)}`);
    const text = patterns.filter((_, i) => i % 3 === 0).join('-');
    expect(viaAutomaton(patterns, text, false)).toEqual(naive(patterns, text));
  });
});
