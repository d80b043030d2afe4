import { describe, expect, it } from 'vitest';
import { term, spans } from './test-helpers.js';
import type { NormalizeOptions } from './types.js';

type Switch = Exclude<keyof NormalizeOptions, 'maxGap' | 'bridgePunctuation'>;

/** Compile options with only the named normalizations on. */
const opts = (...on: Switch[]): { normalize: NormalizeOptions } => {
  const normalize: NormalizeOptions = {
    width: false, case: false, traditional: false, separators: false, repeats: false,
    numbers: false, homoglyphs: false, splitForms: false, pinyin: false,
  };
  for (const k of on) normalize[k] = true;
  return { normalize };
};

describe('each normalization, with spans in the original text', () => {
  it('width: full-width letters and digits', () => {
    expect(spans([term('qq')], '加ＱＱ号', opts('width', 'case'))).toEqual([[1, 3, 'ＱＱ', 'width+case']]);
    expect(spans([term('qq')], '加ＱＱ号', opts('case'))).toEqual([]);
  });

  it('case', () => {
    expect(spans([term('vpn')], '翻墙VpN', opts('case'))).toEqual([[2, 5, 'VpN', 'case']]);
    expect(spans([term('vpn')], '翻墙VpN', opts())).toEqual([]);
  });

  it('traditional → simplified', () => {
    expect(spans([term('赌博网站')], '賭博網站', opts('traditional'))).toEqual([[0, 4, '賭博網站', 'traditional']]);
    expect(spans([term('賭博')], '赌博', opts('traditional'))).toEqual([[0, 2, '赌博', 'traditional']]);
    expect(spans([term('赌博')], '賭博', opts())).toEqual([]);
  });

  it.each([
    ['赌*博', '*'],
    ['赌 博', 'space'],
    ['赌.博', 'dot'],
    ['赌\u200b博', 'zero-width space'],
    ['赌\u200d\ufeff博', 'zero-width joiner and BOM'],
    ['赌_-_博', 'three symbols'],
  ])('separators: %j (%s)', (text) => {
    expect(spans([term('赌博')], `来${text}吧`, opts('separators'))).toEqual([[1, 1 + text.length, text, 'separators']]);
    expect(spans([term('赌博')], `来${text}吧`, opts())).toEqual([]);
  });

  it('separators: longer runs than maxGap break the match', () => {
    expect(spans([term('赌博')], '赌    博', opts('separators'))).toEqual([]);
    expect(spans([term('赌博')], '赌    博', { normalize: { ...opts('separators').normalize, maxGap: 4 } })).toHaveLength(1);
  });

  it.each(['\n', '\r\n', '。', '，', '！', '？', '；', '、', ',', '…'])('separators never bridge %j by default', (p) => {
    expect(spans([term('赌博')], `赌${p}博`, opts('separators'))).toEqual([]);
    expect(spans([term('赌博')], `赌 ${p} 博`, opts('separators'))).toEqual([]);
  });

  it('bridgePunctuation lets separators cross sentence punctuation but never a line break', () => {
    const bridging = { normalize: { ...opts('separators').normalize, bridgePunctuation: true } };
    expect(spans([term('赌博')], '赌，博', bridging)).toEqual([[0, 3, '赌，博', 'separators']]);
    expect(spans([term('赌博')], '赌\n博', bridging)).toEqual([]);
  });

  it('separators: combining marks belong to the character before them', () => {
    expect(spans([term('赌博')], 'x赌\u0301博\u0302y', opts('separators'))).toEqual([[1, 5, '赌\u0301博\u0302', 'separators']]);
    expect(spans([term('cafe')], 'un cafe\u0301!', opts('separators'))).toEqual([[3, 8, 'cafe\u0301', 'separators']]);
  });

  it('separators: emoji (surrogate pairs) between characters', () => {
    expect(spans([term('赌博')], '赌🎲博', opts('separators'))).toEqual([[0, 4, '赌🎲博', 'separators']]);
  });

  it('repeats: a run counts once, but a doubled term character stays required', () => {
    expect(spans([term('赌博')], '赌赌赌博博！', opts('repeats'))).toEqual([[0, 5, '赌赌赌博博', 'repeats']]);
    expect(spans([term('妈妈')], '妈', opts('repeats'))).toEqual([]);
    expect(spans([term('妈妈')], '妈妈', opts('repeats'))).toEqual([[0, 2, '妈妈', '']]);
    expect(spans([term('妈妈')], '妈妈妈', opts('repeats'))).toEqual([[0, 3, '妈妈妈', 'repeats']]);
    expect(spans([term('赌博')], '赌赌博', opts())).toEqual([[1, 3, '赌博', '']]);
  });

  it.each([
    ['①夜情', 'circled'],
    ['一夜情', 'ideographic'],
    ['壹夜情', 'financial'],
    ['⑴夜情', 'parenthesized'],
    ['１夜情', 'full-width'],
    ['1夜情', 'ascii'],
  ])('numbers: %j (%s) matches 一夜情 and 1夜情', (text) => {
    for (const t of ['一夜情', '1夜情']) {
      const got = spans([term(t)], `约${text}吗`, opts('numbers'));
      expect(got.map((m) => m.slice(0, 3))).toEqual([[1, 4, text]]);
    }
  });

  it('numbers: ⑩ becomes two digits that share one original span', () => {
    expect(spans([term('10号')], '第⑩号', opts('numbers'))).toEqual([[1, 3, '⑩号', 'numbers']]);
  });

  it('numbers: many expansions grow the buffers without shifting offsets', () => {
    for (const count of [300, 140_000]) {
      const text = `${'⑳'.repeat(count)}赌博`;
      expect(spans([term('20赌博')], text, opts('numbers'))).toEqual([[count - 1, count + 2, '⑳赌博', 'numbers']]);
    }
  });

  it('homoglyphs: Cyrillic look-alikes, Kangxi radicals, math letters outside the BMP', () => {
    expect(spans([term('sex')], 'a ѕех b', opts('homoglyphs'))).toEqual([[2, 5, 'ѕех', 'homoglyphs']]);
    expect(spans([term('人民')], '⼈民', opts('homoglyphs'))).toEqual([[0, 2, '⼈民', 'homoglyphs']]);
    // Each math letter is a surrogate pair: offsets count UTF-16 units.
    expect(spans([term('sex')], '看𝐬𝐞𝐱片', opts('homoglyphs'))).toEqual([[1, 7, '𝐬𝐞𝐱', 'homoglyphs']]);
    expect(spans([term('sex')], 'ѕех', opts())).toEqual([]);
  });

  it('splitForms: a term character written as two parts', () => {
    expect(spans([term('法轮功')], '练氵去轮功', opts('splitForms'))).toEqual([[1, 5, '氵去轮功', 'splitForms']]);
    expect(spans([term('张三')], '弓长三', opts('splitForms'))).toEqual([[0, 3, '弓长三', 'splitForms']]);
    expect(spans([term('法轮功')], '氵去轮功', opts())).toEqual([]);
  });

  it('pinyin: full and initials for terms that opt in, as whole Latin runs', () => {
    const rules = [term('赌博', { pinyin: true }), term('色情')];
    expect(spans(rules, '来dubo吧', opts('pinyin'))).toEqual([[1, 5, 'dubo', 'pinyin']]);
    expect(spans(rules, '来 DB 吧', opts('pinyin', 'case'))).toEqual([[2, 4, 'DB', 'case+pinyin']]);
    expect(spans(rules, 'seqing', opts('pinyin'))).toEqual([]);
    expect(spans(rules, 'feedback', opts('pinyin'))).toEqual([]);
  });

  it('offsets after surrogate pairs and combining marks earlier in the text', () => {
    const text = '😀é\u0301𝐚赌*博';
    const [m] = spans([term('赌博')], text);
    expect(m?.slice(0, 3)).toEqual([6, 9, '赌*博']);
    expect(text.slice(6, 9)).toBe('赌*博');
  });

  it('normalizations stack and are all reported', () => {
    const [m] = spans([term('赌博网站')], '賭 賭 博網站', {});
    expect(m).toEqual([0, 7, '賭 賭 博網站', 'traditional+separators+repeats']);
  });

  it('verbatim matching reports no normalizations', () => {
    expect(spans([term('赌博')], '赌博', { normalize: false })).toEqual([[0, 2, '赌博', '']]);
  });
});
