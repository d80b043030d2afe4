import { CLS_ATTACH, CLS_KEEP, CLS_NOISE, EXPAND, astralClass, astralFold, charTables, type CharTables } from './char-tables.js';
import { F_GAP_BEFORE, F_HOMOGLYPHS, F_SEPARATORS } from './flags.js';
import type { NormalizeOptions, ResolvedNormalizeOptions } from './types.js';

/**
 * A normalized UTF-16 stream with, for every unit, the span of the original text it came from.
 * Unit i came from original [start[i], end[i]); `run[i]` counts the repeats folded into it and
 * `flags[i]` the normalizations used (plus F_GAP_BEFORE when separators were skipped before it).
 */
export interface NormalizedText {
  length: number;
  units: Uint16Array;
  start: Int32Array;
  end: Int32Array;
  flags: Uint16Array;
  run: Uint16Array;
}

/** The regex view: 1:1 character mappings only (nothing skipped or folded together). */
export interface ProjectedText {
  text: string;
  start: Int32Array;
  end: Int32Array;
}

const ALL_ON: ResolvedNormalizeOptions = {
  width: true, case: true, traditional: true, separators: true, repeats: true, numbers: true,
  homoglyphs: true, splitForms: true, pinyin: true, maxGap: 3, bridgePunctuation: false,
};

/** null means verbatim matching. */
export function resolveNormalize(opt: boolean | NormalizeOptions | undefined): ResolvedNormalizeOptions | null {
  if (opt === false) return null;
  if (opt === undefined || opt === true) return { ...ALL_ON };
  const resolved = { ...ALL_ON };
  for (const key of Object.keys(ALL_ON) as (keyof ResolvedNormalizeOptions)[]) {
    const v = opt[key];
    if (v !== undefined) (resolved as Record<string, unknown>)[key] = v;
  }
  resolved.maxGap = Math.max(0, Math.floor(resolved.maxGap));
  return resolved;
}

const SCRATCH_LIMIT = 1 << 17;
const MAX_RUN = 0xffff;

export class Normalizer {
  readonly options: ResolvedNormalizeOptions;
  private readonly tables: CharTables;
  private scratch: NormalizedText | undefined;

  constructor(options: ResolvedNormalizeOptions) {
    this.options = options;
    this.tables = charTables(options);
  }

  /** Buffers for `size` units; small ones are reused, so a result is valid until the next call. */
  private buffers(size: number): NormalizedText {
    if (size <= SCRATCH_LIMIT) {
      if (!this.scratch || this.scratch.units.length < size) this.scratch = allocate(Math.max(size, 1024));
      return this.scratch;
    }
    return allocate(size);
  }

  /** Normalize text[from, to); offsets in the result are offsets in the whole text. */
  normalize(text: string, from = 0, to = text.length): NormalizedText {
    // One unit per input unit at most, except expansions (⑩ → 10), which grow the buffers.
    let out = this.buffers(to - from + 1);
    let { units, start, end, flags, run } = out;
    const { map, flags: mflags, cls, expand } = this.tables;
    const separators = this.options.separators;
    const repeats = this.options.repeats;
    const homoglyphs = this.options.homoglyphs;
    const maxGap = this.options.maxGap;
    // Imported bindings are live and checked on every read; hot loops use local copies.
    const KEEP = CLS_KEEP;
    const NOISE = CLS_NOISE;
    const ATTACH = CLS_ATTACH;
    const EXPANDS = EXPAND;
    const GAP = F_GAP_BEFORE;
    const SEP = F_SEPARATORS;
    const HOMO = F_HOMOGLYPHS;
    let n = 0;
    let gap = 0;
    let last = -1;
    let i = from;
    while (i < to) {
      const c = text.charCodeAt(i);
      let w = 1;
      let u: number;
      let f: number;
      let k: number;
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < to && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
        const cp = ((c - 0xd800) << 10) + (text.charCodeAt(i + 1) - 0xdc00) + 0x10000;
        w = 2;
        k = separators ? astralClass(cp) : KEEP;
        const folded = k === KEEP && homoglyphs ? astralFold(cp) : -1;
        if (k === KEEP && folded < 0) {
          const gf = gap > 0 && n > 0 ? GAP : 0;
          units[n] = c; start[n] = i; end[n] = i + 2; flags[n] = gf; run[n] = 1; n++;
          units[n] = text.charCodeAt(i + 1); start[n] = i; end[n] = i + 2; flags[n] = 0; run[n] = 1; n++;
          last = -1; gap = 0; i += 2;
          continue;
        }
        u = folded < 0 ? 0 : map[folded]!;
        f = folded < 0 ? 0 : mflags[folded]! | HOMO;
      } else {
        k = cls[c]!;
        u = map[c]!;
        f = mflags[c]!;
      }
      if (k === NOISE) {
        i += w;
        if (n === 0) continue;
        gap++;
        // A run of separators longer than maxGap breaks a match: a space is never in a normalized term.
        if (gap === maxGap + 1) {
          units[n] = 0x20; start[n] = i - w; end[n] = i; flags[n] = 0; run[n] = 1; n++;
          last = -1;
        }
        continue;
      }
      if (k === ATTACH) {
        if (n > 0 && gap === 0) {
          end[n - 1] = i + w;
          flags[n - 1] = flags[n - 1]! | SEP;
        } else if (n > 0) gap++;
        i += w;
        continue;
      }
      if (u === EXPANDS && c !== EXPANDS) {
        const e = expand.get(c)!;
        if (n + e.units.length + (to - i - w) >= units.length) {
          out = grow(out, n, 2 * units.length + e.units.length);
          if (to - from + 1 <= SCRATCH_LIMIT) this.scratch = out;
          ({ units, start, end, flags, run } = out);
        }
        for (let j = 0; j < e.units.length; j++) {
          units[n] = e.units.charCodeAt(j); start[n] = i; end[n] = i + w; run[n] = 1;
          flags[n] = e.flags | (j === 0 && gap > 0 && n > 0 ? GAP : 0);
          n++;
        }
        last = -1; gap = 0; i += w;
        continue;
      }
      if (repeats && u === last) {
        end[n - 1] = i + w;
        if (run[n - 1]! < MAX_RUN) run[n - 1] = run[n - 1]! + 1;
        flags[n - 1] = flags[n - 1]! | f | (gap > 0 ? SEP : 0);
        gap = 0; i += w;
        continue;
      }
      units[n] = u; start[n] = i; end[n] = i + w; run[n] = 1;
      flags[n] = gap > 0 && n > 0 ? f | GAP : f;
      n++;
      last = u; gap = 0; i += w;
    }
    out.length = n;
    return out;
  }

  /**
   * The normalized form of a short string (a term or context): its units, the repeat count of each
   * unit, and, when any mapping changed it, the original text behind each unit.
   */
  normalizeTerm(text: string): { units: string; runs: number[]; sources?: { text: string[]; flags: number[] } } {
    const nt = this.normalize(text);
    let units = '';
    const runs: number[] = [];
    let mapped = false;
    for (let i = 0; i < nt.length; i++) {
      units += String.fromCharCode(nt.units[i]!);
      runs.push(nt.run[i]!);
      if ((nt.flags[i]! & ~(F_GAP_BEFORE | F_SEPARATORS)) !== 0) mapped = true;
    }
    if (!mapped) return { units, runs };
    const sources = { text: [] as string[], flags: [] as number[] };
    for (let i = 0; i < nt.length; i++) {
      sources.text.push(text.slice(nt.start[i]!, nt.end[i]!));
      sources.flags.push(nt.flags[i]! & ~(F_GAP_BEFORE | F_SEPARATORS));
    }
    return { units, runs, sources };
  }

  /**
   * The unit a BMP character becomes when it is kept as one unit (not skipped, not expanded),
   * else -1. The lexicon uses it to find characters that no match can cross.
   */
  keptUnit(c: number): number {
    const { map, cls } = this.tables;
    return cls[c] === CLS_KEEP && map[c] !== EXPAND ? map[c]! : -1;
  }

  /** The normalizations that the 1:1 mappings use on original [from, to). */
  flagsOf(text: string, from: number, to: number): number {
    let f = 0;
    for (let i = from; i < to; i++) f |= this.tables.flags[text.charCodeAt(i)]!;
    return f;
  }

  /** 1:1 mappings only, for regex rules; null when nothing in the text changes. */
  project(text: string): ProjectedText | null {
    const len = text.length;
    const { map, expand } = this.tables;
    const codes = new Uint16Array(2 * len);
    const start = new Int32Array(2 * len + 1);
    const end = new Int32Array(2 * len + 1);
    let n = 0;
    let changed = false;
    for (let i = 0; i < len; i++) {
      const c = text.charCodeAt(i);
      let u = map[c]!;
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < len && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
        const folded = this.options.homoglyphs ? astralFold(((c - 0xd800) << 10) + (text.charCodeAt(i + 1) - 0xdc00) + 0x10000) : -1;
        if (folded >= 0) {
          codes[n] = map[folded]!; start[n] = i; end[n] = i + 2; n++;
          changed = true; i++;
          continue;
        }
        u = c;
      }
      if (u === EXPAND && c !== EXPAND) {
        const e = expand.get(c)!.units;
        for (let j = 0; j < e.length; j++) (codes[n] = e.charCodeAt(j)), (start[n] = i), (end[n] = i + 1), n++;
        changed = true;
        continue;
      }
      if (u !== c) changed = true;
      codes[n] = u; start[n] = i; end[n] = i + 1; n++;
    }
    if (!changed) return null;
    let out = '';
    for (let p = 0; p < n; p += 8192) out += String.fromCharCode.apply(null, codes.subarray(p, Math.min(n, p + 8192)) as unknown as number[]);
    return { text: out, start, end };
  }
}

function grow(from: NormalizedText, used: number, size: number): NormalizedText {
  const to = allocate(size);
  to.units.set(from.units.subarray(0, used));
  to.start.set(from.start.subarray(0, used));
  to.end.set(from.end.subarray(0, used));
  to.flags.set(from.flags.subarray(0, used));
  to.run.set(from.run.subarray(0, used));
  return to;
}

function allocate(size: number): NormalizedText {
  return {
    length: 0,
    units: new Uint16Array(size),
    start: new Int32Array(size),
    end: new Int32Array(size),
    flags: new Uint16Array(size),
    run: new Uint16Array(size),
  };
}
