import { TextscanError, type RuleProblem } from './errors.js';
import type { RuleInput } from './types.js';

/**
 * The lexicon file format (UTF-8, one rule per line, tab-separated fields):
 *
 *   kind <TAB> pattern <TAB> category <TAB> severity [<TAB> options]
 *
 * kind is term, regex or domain; severity an integer 1–5; options are `;`-separated:
 * `id=…`, `allow=ctx1|ctx2` and `pinyin` (term), `flags=i` and `check=luhn` (regex).
 * Blank lines and lines starting with # are skipped. Fields cannot contain tabs; nothing is
 * escaped, so a regex is written as it is (\d stays \d). See README.md.
 */
export function parseLexiconFile(text: string): RuleInput[] {
  const rules: RuleInput[] = [];
  const problems: RuleProblem[] = [];
  const lines = text.replace(/^\ufeff/, '').split(/\r?\n/);
  lines.forEach((raw, i) => {
    const line = i + 1;
    if (raw.trim() === '' || raw.trimStart().startsWith('#')) return;
    const fail = (reason: string) => problems.push({ problem: 'syntax', line, reason });
    const fields = raw.split('\t');
    if (fields.length < 4 || fields.length > 5) {
      fail(`expected 4 or 5 tab-separated fields (kind, pattern, category, severity[, options]), got ${fields.length}`);
      return;
    }
    const [kind, pattern, category, severityText, optionText = ''] = fields as [string, string, string, string, string?];
    const k = kind.trim();
    if (k !== 'term' && k !== 'regex' && k !== 'domain') {
      fail(`unknown kind "${k}" (term, regex or domain)`);
      return;
    }
    if (pattern === '') return void fail('empty pattern');
    if (category.trim() === '') return void fail('empty category');
    if (!/^[1-5]$/.test(severityText.trim())) return void fail(`severity must be an integer 1–5, got "${severityText.trim()}"`);
    const options = parseOptions(optionText, k, fail);
    if (!options) return;
    const base = { category: category.trim(), severity: Number(severityText.trim()), line, ...(options.id ? { id: options.id } : {}) };
    if (k === 'term') {
      rules.push({ kind: 'term', term: pattern, ...base, ...(options.allow ? { allow: options.allow } : {}), ...(options.pinyin ? { pinyin: true } : {}) });
    } else if (k === 'regex') {
      rules.push({ kind: 'regex', pattern, ...base, ...(options.flags ? { flags: options.flags } : {}), ...(options.check ? { check: options.check } : {}) });
    } else {
      rules.push({ kind: 'domain', domain: pattern.trim(), ...base });
    }
  });
  if (problems.length > 0) throw new TextscanError('lexicon.parse_error', problems);
  return rules;
}

interface Options {
  id?: string;
  allow?: string[];
  pinyin?: boolean;
  flags?: string;
  check?: 'luhn';
}

const ALLOWED: Record<string, readonly string[]> = {
  term: ['id', 'allow', 'pinyin'],
  regex: ['id', 'flags', 'check'],
  domain: ['id'],
};

function parseOptions(text: string, kind: string, fail: (reason: string) => void): Options | undefined {
  const out: Options = {};
  for (const part of text.split(';')) {
    const item = part.trim();
    if (item === '') continue;
    const eq = item.indexOf('=');
    const key = (eq < 0 ? item : item.slice(0, eq)).trim();
    const value = eq < 0 ? undefined : item.slice(eq + 1).trim();
    if (!ALLOWED[kind]!.includes(key)) {
      fail(`option "${key}" is not allowed for ${kind} rules (allowed: ${ALLOWED[kind]!.join(', ')})`);
      return undefined;
    }
    if (key === 'pinyin') {
      if (value !== undefined) return void fail('option "pinyin" takes no value');
      out.pinyin = true;
      continue;
    }
    if (!value) return void fail(`option "${key}" needs a value (${key}=…)`);
    if (key === 'id') out.id = value;
    else if (key === 'allow') out.allow = value.split('|').filter((v) => v !== '');
    else if (key === 'flags') out.flags = value;
    else if (key === 'check') {
      if (value !== 'luhn') return void fail(`unknown check "${value}" (luhn)`);
      out.check = value;
    }
  }
  return out;
}
