import { Automaton } from './automaton.js';
import { TextscanError } from './errors.js';
import { F_GAP_BEFORE, F_HOMOGLYPHS, F_PINYIN, F_REPEATS, F_SEPARATORS, flagNames } from './flags.js';
import { mask as maskSpans } from './mask.js';
import { Normalizer, resolveNormalize, type NormalizedText } from './normalize.js';
import { PinyinIndex } from './pinyin.js';
import { HOST_PATTERN, deniedDomain, luhnValid } from './regex-rules.js';
import { SEGMENT, hardBreaks, sortMatches, versionOf } from './lexicon-support.js';
import { KIND_NAMES, prepareRules, ruleId, type AllowContext, type RuleTable, type TermSources } from './rules.js';
import type { CompileOptions, Match, MaskOptions, ResolvedNormalizeOptions, RuleInput, ScanOptions } from './types.js';

/** Receives each hit that passed its rule's checks; returns true to stop the scan. */
type Accept = (rule: number, start: number, end: number, flags: number) => boolean;

/** A compiled, immutable rule set. Compile a new one to change rules; see createScanner. */
export class Lexicon {
  readonly version: string;
  /** Resolved normalization options, or null for verbatim matching. */
  readonly normalization: ResolvedNormalizeOptions | null;
  private readonly normalizer: Normalizer | null;
  private readonly rules: RuleTable;
  private readonly automaton: Automaton;
  private readonly entryRule: Int32Array;
  private readonly entryLength: Int32Array;
  private readonly entryFlags: Uint16Array;
  private readonly entryRuns: Map<number, Uint16Array>;
  private readonly entrySources: Map<number, TermSources>;
  private readonly allow: Map<number, AllowContext[]>;
  /** 1 for rules with allow contexts, so a hit of any other rule skips the map lookup. */
  private readonly hasAllow: Uint8Array;
  private readonly regexes: { rule: number; re: RegExp; luhn: boolean }[];
  private readonly domains: ReadonlySet<string>;
  private readonly domainRules: Map<string, number[]>;
  private readonly pinyin: PinyinIndex | null;
  /** Characters after which a scan may restart from the root state (see segments). */
  private readonly breaks: Uint8Array | null;

  /** Use compileLexicon. */
  constructor(rules: readonly RuleInput[], options: CompileOptions = {}) {
    const resolved = resolveNormalize(options.normalize);
    const normalizer = resolved ? new Normalizer(resolved) : null;
    const prepared = prepareRules(rules, normalizer);
    if (prepared.problems.length > 0) throw new TextscanError('lexicon.invalid_rule', prepared.problems);
    const { entries } = prepared;
    this.normalization = resolved;
    this.normalizer = normalizer;
    this.rules = prepared.table;
    this.automaton = new Automaton(entries.patterns);
    this.entryRule = Int32Array.from(entries.rule);
    this.entryLength = Int32Array.from(entries.patterns, (p) => p.length);
    this.entryFlags = Uint16Array.from(entries.flags);
    this.entryRuns = entries.runs;
    this.entrySources = entries.sources;
    this.allow = prepared.allow;
    this.hasAllow = new Uint8Array(prepared.table.count);
    for (const r of prepared.allow.keys()) this.hasAllow[r] = 1;
    this.regexes = prepared.regexes;
    this.domainRules = prepared.domains;
    this.domains = new Set(prepared.domains.keys());
    let pinyin: PinyinIndex | null = null;
    if (resolved?.pinyin && prepared.pinyinRules.length > 0) {
      pinyin = new PinyinIndex(resolved.repeats);
      for (const { rule, term } of prepared.pinyinRules) pinyin.add(rule, term);
    }
    this.pinyin = pinyin;
    this.breaks = normalizer ? hardBreaks(normalizer, entries.patterns, prepared.allow) : null;
    this.version = options.version ?? versionOf(rules, resolved);
  }

  /** Number of rules. */
  get size(): number {
    return this.rules.count;
  }

  /** Every match, ordered by start, then end. Overlapping matches are all reported. */
  scan(text: string, opts: ScanOptions = {}): Match[] {
    const out: Match[] = [];
    this.run(text, opts, (rule, start, end, flags) => {
      out.push(this.toMatch(text, rule, start, end, flags));
      return false;
    });
    return sortMatches(out);
  }

  /** The leftmost match (the longest one when several start there), or undefined. */
  first(text: string, opts: ScanOptions = {}): Match | undefined {
    let best: [number, number, number, number] | undefined;
    this.run(text, opts, (rule, start, end, flags) => {
      if (!best || start < best[1] || (start === best[1] && end > best[2])) best = [rule, start, end, flags];
      return false;
    });
    return best && this.toMatch(text, ...best);
  }

  /** Whether anything matches; stops at the first hit. */
  has(text: string, opts: ScanOptions = {}): boolean {
    let found = false;
    this.run(text, opts, () => (found = true));
    return found;
  }

  /** The text with every code point of every matched span replaced by ＊ (or opts.mask). */
  mask(text: string, opts: MaskOptions = {}): string {
    return maskSpans(text, this.scan(text, opts), opts.mask ?? '＊');
  }

  /** Bytes held by the automaton's typed arrays (rule metadata not included). */
  get automatonBytes(): number {
    return this.automaton.byteLength;
  }

  private toMatch(text: string, r: number, start: number, end: number, flags: number): Match {
    const t = this.rules;
    return {
      start,
      end,
      text: text.slice(start, end),
      term: t.pattern[r]!,
      rule: ruleId(t, r),
      kind: KIND_NAMES[t.kind[r]!]!,
      category: t.categories[t.category[r]!]!,
      severity: t.severity[r]!,
      normalizations: flagNames(flags),
    };
  }

  private run(text: string, opts: ScanOptions, accept: Accept): void {
    const enabled = this.filter(opts);
    const gated: Accept = enabled ? (rule, s, e, f) => enabled[rule] === 1 && accept(rule, s, e, f) : accept;
    if (this.normalizer) {
      // Segment by segment, so the normalized buffers stay small and in cache.
      for (let from = 0; from < text.length; ) {
        const to = this.segmentEnd(text, from);
        const nt = this.normalizer.normalize(text, from, to);
        if (this.termsNormalized(text, nt, gated)) return;
        if (this.pinyin && this.pinyinHits(nt, gated)) return;
        from = to;
      }
    } else if (this.termsVerbatim(text, gated)) return;
    if (this.regexes.length > 0 || this.domains.size > 0) this.patternHits(text, gated);
  }

  /**
   * Where the segment starting at `from` ends: just after a hard break (a line break or sentence
   * end that no term or context contains, so no match crosses it and the automaton is back at
   * its root) at least SEGMENT units on, or at the end of the text.
   */
  private segmentEnd(text: string, from: number): number {
    const breaks = this.breaks!;
    for (let i = from + SEGMENT; i < text.length; i++) if (breaks[text.charCodeAt(i)] === 1) return i + 1;
    return text.length;
  }

  private filter(opts: ScanOptions): Uint8Array | undefined {
    if (!opts.categories && opts.minSeverity === undefined) return undefined;
    const t = this.rules;
    const cats = opts.categories ? new Set(opts.categories) : undefined;
    const enabled = new Uint8Array(t.count);
    for (let r = 0; r < t.count; r++) {
      const catOk = !cats || cats.has(t.categories[t.category[r]!]!);
      enabled[r] = catOk && t.severity[r]! >= (opts.minSeverity ?? 0) ? 1 : 0;
    }
    return enabled;
  }

  private termsVerbatim(text: string, accept: Accept): boolean {
    let stopped = false;
    const { entryRule, entryLength, hasAllow } = this;
    this.automaton.scanString(text, (end, entry) => {
      const rule = entryRule[entry]!;
      const start = end - entryLength[entry]! + 1;
      if (hasAllow[rule] === 1 && this.allow.get(rule)!.some((c) => c.offsets.some((k) => text.startsWith(c.units, start - k)))) return false;
      return (stopped = accept(rule, start, end + 1, 0));
    });
    return stopped;
  }

  /**
   * A unit's normalizations count as needed only where the text differs from the term: 六合彩
   * matches 六合彩 verbatim even though both sides were mapped (六 → 6).
   */
  private termsNormalized(text: string, nt: NormalizedText, accept: Accept): boolean {
    let stopped = false;
    const { run, flags, start } = nt;
    this.automaton.scanUnits(nt.units, nt.length, (end, entry) => {
      const rule = this.entryRule[entry]!;
      const len = this.entryLength[entry]!;
      const a = end - len + 1;
      const required = this.entryRuns.get(entry);
      const sources = this.entrySources.get(entry);
      let f = this.entryFlags[entry]!;
      for (let j = 0; j < len; j++) {
        const need = required ? required[j]! : 1;
        const got = run[a + j]!;
        if (got < need) return false;
        if (got > need) f |= F_REPEATS;
        let u = flags[a + j]!;
        if (sources) {
          // Same original character as the term: nothing needed here. Otherwise whatever mapped either side.
          if (text.startsWith(sources.text[j]!, start[a + j]!)) u &= F_GAP_BEFORE | F_SEPARATORS;
          else u |= sources.flags[j]!;
        }
        f |= j > 0 && (u & F_GAP_BEFORE) !== 0 ? (u & ~F_GAP_BEFORE) | F_SEPARATORS : u & ~F_GAP_BEFORE;
      }
      if (this.hasAllow[rule] === 1 && this.allow.get(rule)!.some((c) => c.offsets.some((k) => unitsAt(nt, a - k, c.units)))) return false;
      return (stopped = accept(rule, nt.start[a]!, nt.end[end]!, f));
    });
    return stopped;
  }

  private pinyinHits(nt: NormalizedText, accept: Accept): boolean {
    let stopped = false;
    this.pinyin!.scan(nt, (first, last, form) => {
      let f = F_PINYIN;
      for (let j = first; j <= last; j++) f |= j > first && (nt.flags[j]! & F_GAP_BEFORE) !== 0 ? (nt.flags[j]! & ~F_GAP_BEFORE) | F_SEPARATORS : nt.flags[j]! & ~F_GAP_BEFORE;
      return (stopped = accept(form.rule, nt.start[first]!, nt.end[last]!, f));
    });
    return stopped;
  }

  /** Regex and domain rules, on the 1:1-mapped view of the text (so １３８, ①③⑧ read as 138). */
  private patternHits(text: string, accept: Accept): boolean {
    const view = this.normalizer?.project(text) ?? null;
    const target = view ? view.text : text;
    const span = (index: number, length: number): [number, number, number] => {
      if (!view) return [index, index + length, 0];
      const s = view.start[index]!;
      const e = view.end[index + length - 1]!;
      let f = this.normalizer!.flagsOf(text, s, e);
      if (f === 0 && text.slice(s, e) !== target.slice(index, index + length)) f = F_HOMOGLYPHS;
      return [s, e, f];
    };
    for (const { rule, re, luhn } of this.regexes) {
      re.lastIndex = 0;
      for (let m = re.exec(target); m; m = re.exec(target)) {
        if (m[0].length === 0) {
          re.lastIndex++;
          continue;
        }
        if (luhn && !luhnValid(m[0])) continue;
        if (accept(rule, ...span(m.index, m[0].length))) return true;
      }
    }
    if (this.domains.size > 0) {
      const hosts = new RegExp(HOST_PATTERN.source, HOST_PATTERN.flags);
      for (let m = hosts.exec(target); m; m = hosts.exec(target)) {
        const denied = deniedDomain(m[0], this.domains);
        if (!denied) continue;
        for (const rule of this.domainRules.get(denied)!) if (accept(rule, ...span(m.index, m[0].length))) return true;
      }
    }
    return false;
  }
}

function unitsAt(nt: NormalizedText, at: number, units: string): boolean {
  if (at < 0 || at + units.length > nt.length) return false;
  for (let i = 0; i < units.length; i++) if (nt.units[at + i] !== units.charCodeAt(i)) return false;
  return true;
}

/** Compile rules into a Lexicon; throws TextscanError('lexicon.invalid_rule') listing every problem. */
export function compileLexicon(rules: readonly RuleInput[], options: CompileOptions = {}): Lexicon {
  return new Lexicon(rules, options);
}
