import type { RuleProblem } from './errors.js';
import { F_SPLIT_FORMS } from './flags.js';
import type { Normalizer } from './normalize.js';
import { canonicalDomain, compileRegex, unsafeRegexReason } from './regex-rules.js';
import { splitFormOf } from './split-forms.js';
import type { RuleInput, RuleKind } from './types.js';

export const KIND_NAMES: readonly RuleKind[] = ['term', 'regex', 'domain'];
const KIND_CODE: Record<RuleKind, number> = { term: 0, regex: 1, domain: 2 };
const MAX_TERM_LENGTH = 200;
const MAX_SPLIT_POSITIONS = 3;

/** Rule metadata as flat arrays (what a hit needs), without the caller's input objects. */
export interface RuleTable {
  count: number;
  kind: Uint8Array;
  pattern: string[];
  /** Explicit ids; a default id (kind:pattern) is filled in when the rule first hits. */
  id: (string | undefined)[];
  category: Uint16Array;
  categories: string[];
  severity: Uint8Array;
}

/** Literal entries of the automaton: a rule's term and its split-form variants. */
export interface TermEntries {
  patterns: string[];
  rule: number[];
  flags: number[];
  /** Required repeat count per unit, only for entries with a doubled character. */
  runs: Map<number, Uint16Array>;
  /** The term's original text behind each unit and what mapped it, only for entries normalization changed. */
  sources: Map<number, TermSources>;
}

export interface TermSources {
  text: string[];
  flags: number[];
}

export interface AllowContext {
  units: string;
  /** Where the term's units start inside the context (every occurrence). */
  offsets: number[];
}

export interface PreparedRules {
  table: RuleTable;
  entries: TermEntries;
  allow: Map<number, AllowContext[]>;
  regexes: { rule: number; re: RegExp; luhn: boolean }[];
  domains: Map<string, number[]>;
  /** Term rules that opted in to pinyin, with their terms. */
  pinyinRules: { rule: number; term: string }[];
  problems: RuleProblem[];
}

export function ruleId(table: RuleTable, r: number): string {
  return (table.id[r] ??= `${KIND_NAMES[table.kind[r]!]}:${table.pattern[r]}`);
}

/** Validate every rule (all problems at once) and lay them out for compiling. */
export function prepareRules(rules: readonly RuleInput[], normalizer: Normalizer | null): PreparedRules {
  const n = rules.length;
  const table: RuleTable = {
    count: n,
    kind: new Uint8Array(n),
    pattern: new Array<string>(n),
    id: new Array<string | undefined>(n),
    category: new Uint16Array(n),
    categories: [],
    severity: new Uint8Array(n),
  };
  const prepared: PreparedRules = {
    table,
    entries: { patterns: [], rule: [], flags: [], runs: new Map(), sources: new Map() },
    allow: new Map(),
    regexes: [],
    domains: new Map(),
    pinyinRules: [],
    problems: [],
  };
  const categoryIndex = new Map<string, number>();
  // Default ids (kind:pattern) are tracked per kind without building the id string.
  const defaults = [new Map<string, number>(), new Map<string, number>(), new Map<string, number>()];
  const explicit = new Map<string, number>();
  const report = (r: number, kind: RuleProblem['problem'], reason: string) => {
    const rule = rules[r];
    prepared.problems.push({ problem: kind, reason, index: r, ...(rule?.line !== undefined ? { line: rule.line } : {}), ...(rule?.id ? { rule: rule.id } : {}) });
  };
  for (let r = 0; r < n; r++) {
    const rule = rules[r]!;
    const problem = (kind: RuleProblem['problem'], reason: string) => report(r, kind, reason);
    if (!rule || !(rule.kind in KIND_CODE)) {
      problem('invalid_field', `unknown rule kind "${String(rule?.kind)}" (term, regex or domain)`);
      continue;
    }
    const pattern = rule.kind === 'term' ? rule.term : rule.kind === 'regex' ? rule.pattern : rule.domain;
    if (typeof pattern !== 'string' || pattern.length === 0) {
      problem('invalid_field', `missing ${rule.kind === 'term' ? 'term' : rule.kind === 'regex' ? 'pattern' : 'domain'}`);
      continue;
    }
    if (typeof rule.category !== 'string' || rule.category.trim() === '') problem('invalid_field', 'missing category');
    const severity = rule.severity ?? 3;
    if (!Number.isInteger(severity) || severity < 1 || severity > 5) problem('invalid_field', `severity must be an integer 1–5 (got ${String(rule.severity)})`);
    if (rule.id !== undefined && (typeof rule.id !== 'string' || rule.id.trim() === '')) problem('invalid_field', 'id must be a non-empty string');
    const seen = rule.id !== undefined ? explicit : defaults[KIND_CODE[rule.kind]]!;
    const key = rule.id ?? pattern;
    let dup = seen.get(key);
    if (dup === undefined && rule.id === undefined && explicit.size > 0) dup = explicit.get(`${rule.kind}:${pattern}`);
    if (dup === undefined && rule.id !== undefined) {
      const m = /^(term|regex|domain):/.exec(rule.id);
      if (m) dup = defaults[KIND_CODE[m[1] as RuleKind]]!.get(rule.id.slice(m[0].length));
    }
    if (dup !== undefined) problem('duplicate_id', `duplicate rule id "${rule.id ?? `${rule.kind}:${pattern}`}" (first at rule #${dup}); give one of them an id`);
    else seen.set(key, r);

    table.kind[r] = KIND_CODE[rule.kind];
    table.pattern[r] = pattern;
    table.id[r] = rule.id;
    table.severity[r] = severity;
    let cat = categoryIndex.get(rule.category);
    if (cat === undefined) {
      cat = table.categories.length;
      categoryIndex.set(rule.category, cat);
      table.categories.push(rule.category);
    }
    table.category[r] = cat;

    if (rule.kind === 'term') {
      if (pattern.length > MAX_TERM_LENGTH) {
        problem('invalid_field', `term longer than ${MAX_TERM_LENGTH} characters`);
        continue;
      }
      const main: TermForm = normalizer ? normalizer.normalizeTerm(pattern) : { units: pattern, runs: [] };
      if (main.units.length === 0) {
        problem('empty_term', 'term is empty after normalization (only separators or symbols)');
        continue;
      }
      addEntry(prepared.entries, r, main, 0);
      if (normalizer?.options.splitForms) addSplitVariants(prepared.entries, r, pattern, normalizer);
      for (const ctx of rule.allow ?? []) {
        const c = normalizer ? normalizer.normalizeTerm(ctx).units : ctx;
        const offsets: number[] = [];
        for (let k = c.indexOf(main.units); k >= 0; k = c.indexOf(main.units, k + 1)) offsets.push(k);
        if (offsets.length === 0) problem('bad_context', `allow context "${ctx}" does not contain the term "${pattern}"`);
        else prepared.allow.set(r, [...(prepared.allow.get(r) ?? []), { units: c, offsets }]);
      }
      if (rule.pinyin) prepared.pinyinRules.push({ rule: r, term: pattern });
    } else if (rule.kind === 'regex') {
      const unsafe = unsafeRegexReason(pattern);
      if (unsafe) {
        problem('unsafe_regex', unsafe);
        continue;
      }
      const re = compileRegex(pattern, rule.flags ?? '');
      if (typeof re === 'string') problem('invalid_regex', re);
      else prepared.regexes.push({ rule: r, re, luhn: rule.check === 'luhn' });
      if (rule.check !== undefined && rule.check !== 'luhn') problem('invalid_field', `unknown check "${String(rule.check)}" (luhn)`);
    } else {
      const d = canonicalDomain(pattern);
      if (!d) problem('invalid_domain', `"${pattern}" is not a host name`);
      else prepared.domains.set(d, [...(prepared.domains.get(d) ?? []), r]);
    }
  }
  return prepared;
}

interface TermForm {
  units: string;
  runs: readonly number[];
  sources?: TermSources;
}

function addEntry(entries: TermEntries, rule: number, { units, runs, sources }: TermForm, flags: number): void {
  const id = entries.patterns.length;
  if (sources) entries.sources.set(id, sources);
  entries.patterns.push(units);
  entries.rule.push(rule);
  entries.flags.push(flags);
  if (runs.some((x) => x > 1)) entries.runs.set(id, Uint16Array.from(runs));
}

/** Variants of a term with up to three of its characters written as split forms (张 → 弓长). */
function addSplitVariants(entries: TermEntries, rule: number, term: string, normalizer: Normalizer): void {
  const chars = [...term];
  const splittable: number[] = [];
  const parts: string[] = [];
  chars.forEach((ch, i) => {
    const unit = normalizer.normalizeTerm(ch).units;
    const split = unit.length === 1 ? splitFormOf(unit.charCodeAt(0)) : undefined;
    if (split && splittable.length < MAX_SPLIT_POSITIONS) {
      splittable.push(i);
      parts.push(split);
    }
  });
  for (let mask = 1; mask < 1 << splittable.length; mask++) {
    const variant = chars.slice();
    splittable.forEach((pos, b) => {
      if (mask & (1 << b)) variant[pos] = parts[b]!;
    });
    addEntry(entries, rule, normalizer.normalizeTerm(variant.join('')), F_SPLIT_FORMS);
  }
}
