import { describe, expect, it } from 'vitest';
import { TextscanError } from './errors.js';
import { compileLexicon } from './lexicon.js';
import { luhnValid, unsafeRegexReason } from './regex-rules.js';
import type { RuleInput } from './types.js';

const regex = (pattern: string, extra: Partial<Extract<RuleInput, { kind: 'regex' }>> = {}): RuleInput => ({
  kind: 'regex', pattern, category: '诈骗类', ...extra,
});

function problemOf(rules: RuleInput[]) {
  try {
    compileLexicon(rules);
  } catch (err) {
    expect(err).toBeInstanceOf(TextscanError);
    return (err as TextscanError).details[0];
  }
  throw new Error('expected compile to fail');
}

describe('regex rule safety', () => {
  it.each(['(a+)+$', '(a*)*b', '(\\d+)*x', '(?:a|b+){2,}', '((ab)+c)+', '(x+x+)+y', '([a-z]+)*$', '(a{1,}){3,9}'])(
    'rejects nested quantifier %s at compile',
    (pattern) => {
      expect(unsafeRegexReason(pattern)).toMatch(/nested quantifier/);
      expect(problemOf([regex(pattern)])).toMatchObject({ problem: 'unsafe_regex', index: 0 });
    },
  );

  it('rejects backreferences and over-long patterns', () => {
    expect(unsafeRegexReason('(a)\\1')).toMatch(/backreference/);
    expect(unsafeRegexReason('(?<x>a)\\k<x>')).toMatch(/backreference/);
    expect(unsafeRegexReason('a'.repeat(501))).toMatch(/longer than/);
  });

  it.each([
    '1[3-9]\\d{9}',
    '(?:qq|QQ)[:：]?\\d{5,11}',
    '(?:\\d{4}[ -]?){3}\\d{4}',
    '(ab)+c',
    '[+*(]+',
    '\\(a+\\)+',
    'https?://[^\\s]+',
  ])('accepts %s', (pattern) => {
    expect(unsafeRegexReason(pattern)).toBeUndefined();
    expect(() => compileLexicon([regex(pattern)])).not.toThrow();
  });

  it('rejects syntax errors, empty matches and unknown flags with a reason', () => {
    expect(problemOf([regex('(abc')])).toMatchObject({ problem: 'unsafe_regex', reason: expect.stringMatching(/unbalanced/) });
    expect(problemOf([regex('[z-a]')])).toMatchObject({ problem: 'invalid_regex', reason: expect.stringMatching(/invalid regular expression/) });
    expect(problemOf([regex('a*')])).toMatchObject({ problem: 'invalid_regex', reason: 'pattern matches the empty string' });
    expect(problemOf([regex('a', { flags: 'gy' })])).toMatchObject({ problem: 'invalid_regex' });
  });
});

describe('regex and domain rules at scan time', () => {
  const lex = compileLexicon([
    regex('1[3-9]\\d{9}', { id: 'phone' }),
    regex('\\d{16,19}', { id: 'card', check: 'luhn' }),
    regex('(?:qq|vx|微信)[:：]?[a-z0-9_-]{5,20}', { id: 'contact', flags: 'i' }),
    { kind: 'domain', domain: 'bad-casino.example', category: '赌博类', severity: 5 },
  ]);

  it('finds phone numbers written with full-width or circled digits, with original offsets', () => {
    const text = '电话１３８００１３８０００';
    expect(lex.scan(text).map((m) => [m.rule, m.start, m.end, m.normalizations])).toEqual([['phone', 2, 13, ['width']]]);
    expect(lex.scan('打①③⑧⓪⓪①③⑧⓪⓪⓪').map((m) => [m.rule, m.start, m.end])).toEqual([['phone', 1, 12]]);
  });

  it('reports a card number only when its Luhn checksum holds', () => {
    expect(luhnValid('4111111111111111')).toBe(true);
    expect(lex.scan('卡号4111111111111111').map((m) => m.rule)).toEqual(['card']);
    expect(lex.scan('单号4111111111111112')).toEqual([]);
  });

  it('matches deny-listed domains and their sub-domains, not look-alike suffixes', () => {
    expect(lex.scan('上 www.Bad-Casino.example/x 玩').map((m) => [m.term, m.text])).toEqual([['bad-casino.example', 'www.Bad-Casino.example']]);
    expect(lex.scan('notbad-casino.example')).toEqual([]);
    expect(lex.scan('bad-casino.example.org')).toEqual([]);
  });

  it('rejects a domain rule that is no host name', () => {
    expect(problemOf([{ kind: 'domain', domain: 'not a domain', category: 'x' }])).toMatchObject({ problem: 'invalid_domain' });
  });

  it('is case-insensitive with the i flag', () => {
    expect(lex.scan('加VX:abc_123').map((m) => m.rule)).toEqual(['contact']);
  });
});
