import { describe, expect, it } from 'vitest';
import { TextscanError } from './errors.js';
import { compileLexicon } from './lexicon.js';
import { parseLexiconFile } from './lexicon-file.js';

const FILE = [
  '\ufeff# 示例词库 (UTF-8, tab-separated)',
  '',
  'term\t赌博\t赌博类\t4\tallow=禁止赌博|赌博危害;pinyin;id=gamble-001',
  'term\t六合彩\t赌博类\t4',
  'regex\t1[3-9]\\d{9}\t诈骗类\t3\tid=phone',
  'regex\t\\d{16,19}\t诈骗类\t3\tcheck=luhn',
  'regex\t(?:vx|qq)[:：]?\\w{5,20}\t诈骗类\t2\tflags=i',
  'domain\tbad-casino.example\t赌博类\t5',
  '   # indented comment',
].join('\r\n');

function parseError(text: string): TextscanError {
  try {
    parseLexiconFile(text);
  } catch (err) {
    if (err instanceof TextscanError) return err;
    throw err;
  }
  throw new Error('expected a parse error');
}

describe('parseLexiconFile', () => {
  it('parses every kind and option, keeping source line numbers', () => {
    const rules = parseLexiconFile(FILE);
    expect(rules).toEqual([
      { kind: 'term', term: '赌博', category: '赌博类', severity: 4, line: 3, id: 'gamble-001', allow: ['禁止赌博', '赌博危害'], pinyin: true },
      { kind: 'term', term: '六合彩', category: '赌博类', severity: 4, line: 4 },
      { kind: 'regex', pattern: '1[3-9]\\d{9}', category: '诈骗类', severity: 3, line: 5, id: 'phone' },
      { kind: 'regex', pattern: '\\d{16,19}', category: '诈骗类', severity: 3, line: 6, check: 'luhn' },
      { kind: 'regex', pattern: '(?:vx|qq)[:：]?\\w{5,20}', category: '诈骗类', severity: 2, line: 7, flags: 'i' },
      { kind: 'domain', domain: 'bad-casino.example', category: '赌博类', severity: 5, line: 8 },
    ]);
    const lex = compileLexicon(rules);
    expect(lex.scan('来dubo，禁止赌博，VX:abc123，上www.bad-casino.example').map((m) => m.rule)).toEqual([
      'gamble-001', 'regex:(?:vx|qq)[:：]?\\w{5,20}', 'domain:bad-casino.example',
    ]);
  });

  it('reports every bad line with its number and reason', () => {
    const e = parseError(
      [
        'term\t赌博\t赌博类\t4',
        'term\t赌博\t赌博类', // 2: too few fields
        'word\t赌博\t赌博类\t4', // 3: unknown kind
        'term\t赌博\t赌博类\thigh', // 4: severity
        'term\t赌博\t赌博类\t4\tcolor=red', // 5: unknown option
        'regex\ta+\tx\t3\tpinyin', // 6: option not for regex
        'term\t\t赌博类\t4', // 7: empty pattern
        'term\t赌博\t \t4', // 8: empty category
        'regex\tab\tx\t3\tcheck=crc', // 9: unknown check
        'term\t赌博\t赌博类\t4\tid=', // 10: option without value
      ].join('\n'),
    );
    expect(e.code).toBe('lexicon.parse_error');
    expect(e.details.map((d) => [d.line, d.reason])).toEqual([
      [2, 'expected 4 or 5 tab-separated fields (kind, pattern, category, severity[, options]), got 3'],
      [3, 'unknown kind "word" (term, regex or domain)'],
      [4, 'severity must be an integer 1–5, got "high"'],
      [5, 'option "color" is not allowed for term rules (allowed: id, allow, pinyin)'],
      [6, 'option "pinyin" is not allowed for regex rules (allowed: id, flags, check)'],
      [7, 'empty pattern'],
      [8, 'empty category'],
      [9, 'unknown check "crc" (luhn)'],
      [10, 'option "id" needs a value (id=…)'],
    ]);
    expect(e.message).toMatch(/^lexicon\.parse_error: line 2: expected 4 or 5/);
  });

  it('compile problems of parsed rules carry the file line (unsafe regex, duplicate id)', () => {
    const rules = parseLexiconFile(['# x', 'regex\t(a+)+$\tx\t3', 'term\t赌博\tx\t3', 'term\t赌博\ty\t3'].join('\n'));
    try {
      compileLexicon(rules);
      throw new Error('expected compile to fail');
    } catch (err) {
      expect((err as TextscanError).details.map((d) => [d.line, d.problem])).toEqual([
        [2, 'unsafe_regex'],
        [4, 'duplicate_id'],
      ]);
    }
  });

  it('an empty or comment-only file is an empty lexicon', () => {
    expect(parseLexiconFile('')).toEqual([]);
    expect(parseLexiconFile('# nothing\n\n')).toEqual([]);
  });
});
