import { describe, expect, it } from 'vitest';
import { TextscanError } from './errors.js';
import { compileLexicon } from './lexicon.js';
import { createScanner } from './scanner.js';
import { term } from './test-helpers.js';

describe('compileLexicon and its outputs', () => {
  const lex = compileLexicon([
    term('赌博', { category: '赌博类', severity: 4, allow: ['禁止赌博', '赌博危害'] }),
    term('博彩', { category: '赌博类', severity: 2 }),
    term('一夜情', { category: '色情类', severity: 5, id: 'porn-001' }),
  ]);

  it('scan returns every match with original offsets, rule, category and severity', () => {
    const text = '网上赌博，买博彩，一夜情';
    expect(lex.scan(text)).toEqual([
      { start: 2, end: 4, text: '赌博', term: '赌博', rule: 'term:赌博', kind: 'term', category: '赌博类', severity: 4, normalizations: [] },
      { start: 6, end: 8, text: '博彩', term: '博彩', rule: 'term:博彩', kind: 'term', category: '赌博类', severity: 2, normalizations: [] },
      { start: 9, end: 12, text: '一夜情', term: '一夜情', rule: 'porn-001', kind: 'term', category: '色情类', severity: 5, normalizations: [] },
    ]);
  });

  it('a repeated character shared by two terms is part of both spans', () => {
    expect(lex.scan('赌博博彩').map((m) => [m.term, m.text, m.normalizations])).toEqual([
      ['赌博', '赌博博', ['repeats']],
      ['博彩', '博博彩', ['repeats']],
    ]);
  });

  it('allow-list contexts suppress a hit only inside the context', () => {
    expect(lex.scan('严厉禁止赌博！')).toEqual([]);
    expect(lex.scan('赌博危害大')).toEqual([]);
    expect(lex.scan('禁止 赌*博').map((m) => m.rule)).toEqual([]);
    expect(lex.scan('禁止赌博，快来赌博').map((m) => [m.start, m.end])).toEqual([[7, 9]]);
  });

  it('first, has and mask', () => {
    const text = '来玩一夜情和赌博';
    expect(lex.first(text)).toMatchObject({ start: 2, rule: 'porn-001' });
    expect(lex.first('干净的文本')).toBeUndefined();
    expect(lex.has(text)).toBe(true);
    expect(lex.has('禁止赌博')).toBe(false);
    expect(lex.mask(text)).toBe('来玩＊＊＊和＊＊');
    expect(lex.mask('赌 博', { mask: '█' })).toBe('███');
  });

  it('filters by category and severity', () => {
    const text = '一夜情赌博';
    expect(lex.scan(text, { categories: ['赌博类'] }).map((m) => m.term)).toEqual(['赌博']);
    expect(lex.scan(text, { minSeverity: 5 }).map((m) => m.term)).toEqual(['一夜情']);
    expect(lex.has('赌博', { categories: ['色情类'] })).toBe(false);
  });

  it('reports every overlapping term, including suffixes of a longer partial match', () => {
    const l = compileLexicon([term('赌博网'), term('博网站'), term('网站')]);
    expect(l.scan('赌博网址 赌博网站').map((m) => [m.term, m.start])).toEqual([
      ['赌博网', 0], ['赌博网', 5], ['博网站', 6], ['网站', 7],
    ]);
  });

  it('long texts are scanned in segments with the same result as line by line', () => {
    const l = compileLexicon([term('赌博', { allow: ['禁止赌博'] }), term('dubo', { pinyin: true }), term('六合彩', { pinyin: true })]);
    const lines = Array.from({ length: 4000 }, (_, i) =>
      ['来赌*博吧', '禁止赌博', 'liuhecai 好', '平常的一句话。', '賭賭博！lhc'][i % 5]!.repeat(1 + (i % 3)),
    );
    const text = lines.join('\n');
    expect(text.length).toBeGreaterThan(3 * 16_384);
    const expected: [number, number, string][] = [];
    let offset = 0;
    for (const line of lines) {
      for (const m of l.scan(line)) expected.push([m.start + offset, m.end + offset, m.rule]);
      offset += line.length + 1;
    }
    expect(l.scan(text).map((m) => [m.start, m.end, m.rule])).toEqual(expected);
  });

  it('the same rules give the same version; different rules a different one', () => {
    const rules = [term('a1'), term('b2')];
    expect(compileLexicon(rules).version).toBe(compileLexicon(rules).version);
    expect(compileLexicon(rules).version).not.toBe(compileLexicon([term('a1')]).version);
    expect(compileLexicon(rules, { version: 'v7' }).version).toBe('v7');
  });

  it('collects every rule problem at once', () => {
    let error: unknown;
    try {
      compileLexicon([
        term('赌博'),
        term('赌博'),
        term('***'),
        term('色情', { severity: 9 }),
        term('赌博', { id: 'x', allow: ['不相关'] }),
        { kind: 'term', term: 'x', category: '' },
      ]);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(TextscanError);
    const e = error as TextscanError;
    expect(e.code).toBe('lexicon.invalid_rule');
    expect(e.details.map((d) => [d.index, d.problem])).toEqual([
      [1, 'duplicate_id'],
      [2, 'empty_term'],
      [3, 'invalid_field'],
      [4, 'bad_context'],
      [5, 'invalid_field'],
    ]);
  });
});

describe('createScanner', () => {
  it('swaps to a new lexicon version without a restart', () => {
    const v1 = compileLexicon([term('赌博')], { version: 'v1' });
    const scanner = createScanner(v1);
    expect(scanner.has('六合彩')).toBe(false);
    const v2 = compileLexicon([term('赌博'), term('六合彩')], { version: 'v2' });
    expect(scanner.swap(v2)).toBe(v1);
    expect(scanner.version).toBe('v2');
    expect(scanner.has('六合彩')).toBe(true);
    expect(scanner.mask('买六合彩')).toBe('买＊＊＊');
    expect(scanner.first('六合彩 赌博')?.term).toBe('六合彩');
    expect(scanner.scan('赌博')).toHaveLength(1);
    // The old version keeps working for whoever still holds it.
    expect(v1.has('六合彩')).toBe(false);
  });
});
