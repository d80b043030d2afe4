import { F_CASE, F_HOMOGLYPHS, F_NUMBERS, F_TRADITIONAL, F_WIDTH } from './flags.js';
import { t2sTable } from './t2s.js';
import type { ResolvedNormalizeOptions } from './types.js';

/** How the normalizer treats a character once mapped. */
export const CLS_KEEP = 0;
/** Skipped between two kept characters (spaces, symbols, zero-width characters). */
export const CLS_NOISE = 1;
/** A combining mark or variation selector: belongs to the character before it. */
export const CLS_ATTACH = 2;

/** map[c] === EXPAND means c maps to more than one unit, found in `expand` (e.g. ⑩ → "10"). */
export const EXPAND = 0xffff;

export interface CharTables {
  /** The mapped code unit of each BMP code unit. */
  map: Uint16Array;
  /** Which normalizations the mapping used. */
  flags: Uint16Array;
  cls: Uint8Array;
  expand: Map<number, { units: string; flags: number }>;
}

const LINE_BREAKS = '\n\r\v\f\u0085\u2028\u2029';
const SENTENCE_PUNCT =
  ',;!?\u3001\u3002\uff0c\uff01\uff1f\uff1b\uff1a\uff61\uff64\u2026\u2025\u203c\u2047\u2048\u2049' +
  '\ufe50\ufe51\ufe52\ufe54\ufe55\ufe56\ufe57\ufe10\ufe11\ufe12\ufe13\ufe14\ufe15\ufe16\ufe19';
const NOISE_ASCII = ' \t"#$%&\'()*+-./:<=>@[\\]^_`{|}~';
const NOISE_OTHER =
  '\u00a0\u00ad\u00a6\u00a7\u00a8\u00af\u00b0\u00b4\u00b7\u00d7\u180e\u115f\u1160\u3164\uffa0\ufeff' +
  '\u3000\u3003\u3012\u3013\u301c\u301d\u301e\u301f\u3030\u303d\u30fb\uff5e\uffe3';
/** [from, to] inclusive ranges of noise. Dingbat numbers 2776–2793 are carved out below. */
const NOISE_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x2000, 0x2024], [0x2027, 0x2027], [0x202a, 0x203b], [0x203d, 0x2046], [0x204a, 0x206f],
  [0x2190, 0x23ff], [0x2500, 0x27bf], [0x2e00, 0x2e7f], [0x3008, 0x3011], [0x3014, 0x301b],
  [0xfe30, 0xfe4f], [0xfe58, 0xfe6b],
];
const ATTACH_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x0300, 0x036f], [0x0483, 0x0489], [0x1ab0, 0x1aff], [0x1dc0, 0x1dff], [0x20d0, 0x20ff],
  [0x3099, 0x309a], [0xfe00, 0xfe0f], [0xfe20, 0xfe2f],
];

/** Look-alikes to the Latin letter they imitate (same case; case folding comes after). */
const HOMOGLYPHS =
  'АAВBЕEКKМMНHОOРPСCТTХXУYЅSІIЈJаaеeоoрpсcуyхxѕsіiјjԁdɡgһh' +
  'ΑAΒBΕEΖZΗHΙIΚKΜMΝNΟOΡPΤTΥYΧXοoνvιiαaκk';

function numberTable(): Map<number, string> {
  const t = new Map<number, string>();
  const digits = (chars: string, from = 0) => [...chars].forEach((ch, i) => t.set(ch.charCodeAt(0), String(from + i)));
  digits('〇一二三四五六七八九');
  digits('零壹贰叁肆伍陆柒捌玖');
  t.set(0x8cb3, '2').set(0x53c3, '3').set(0x9678, '6');
  const run = (from: number, count: number, first: number) => {
    for (let i = 0; i < count; i++) t.set(from + i, String(first + i));
  };
  run(0x2460, 20, 1); // ① … ⑳
  run(0x2474, 20, 1); // ⑴ … ⒇
  run(0x2488, 20, 1); // ⒈ … ⒛
  run(0x24eb, 10, 11); // ⓫ … ⓴
  run(0x24f5, 10, 1); // ⓵ … ⓾
  run(0x2776, 10, 1); // ❶ … ❿
  run(0x2780, 10, 1); // ➀ … ➉
  run(0x278a, 10, 1); // ➊ … ➓
  run(0x3220, 10, 1); // ㈠ … ㈩
  run(0x3280, 10, 1); // ㊀ … ㊉
  run(0x3251, 15, 21); // ㉑ … ㉟
  run(0x32b1, 15, 36); // ㊱ … ㊿
  run(0x2080, 10, 0); // subscripts
  run(0x2074, 6, 4); // superscripts 4–9
  run(0xff10, 10, 0); // full-width digits, for when width folding is off
  t.set(0x24ea, '0').set(0x24ff, '0').set(0x2070, '0').set(0x00b9, '1').set(0x00b2, '2').set(0x00b3, '3');
  return t;
}

function homoglyphTable(): Map<number, number> {
  const t = new Map<number, number>();
  for (let i = 0; i < HOMOGLYPHS.length; i += 2) t.set(HOMOGLYPHS.charCodeAt(i), HOMOGLYPHS.charCodeAt(i + 1));
  const viaNfkc = (from: number, to: number) => {
    for (let c = from; c <= to; c++) {
      const n = String.fromCharCode(c).normalize('NFKC');
      if (n.length === 1 && n.charCodeAt(0) !== c) t.set(c, n.charCodeAt(0));
    }
  };
  viaNfkc(0x2e80, 0x2fdf); // CJK radicals supplement and Kangxi radicals → unified ideographs
  viaNfkc(0xf900, 0xfaff); // CJK compatibility ideographs
  viaNfkc(0x24b6, 0x24e9); // Ⓐ … ⓩ
  viaNfkc(0x2100, 0x214f); // letterlike symbols (ℂ, ℍ, ℯ …)
  return t;
}

let lowerTable: Uint16Array | undefined;
function lower(): Uint16Array {
  if (lowerTable) return lowerTable;
  const t = new Uint16Array(0x10000);
  for (let c = 0; c < 0x10000; c++) {
    if (c >= 0xd800 && c < 0xe000) continue;
    const s = String.fromCharCode(c);
    const l = s.toLowerCase();
    if (l.length === 1 && l !== s) t[c] = l.charCodeAt(0);
  }
  lowerTable = t;
  return t;
}

function classTable(opts: ResolvedNormalizeOptions): Uint8Array {
  const cls = new Uint8Array(0x10000);
  if (!opts.separators) return cls;
  const mark = (chars: string, v: number) => {
    for (let i = 0; i < chars.length; i++) cls[chars.charCodeAt(i)] = v;
  };
  for (const [a, b] of NOISE_RANGES) cls.fill(CLS_NOISE, a, b + 1);
  cls.fill(CLS_KEEP, 0x2776, 0x2794);
  mark(NOISE_ASCII + NOISE_OTHER, CLS_NOISE);
  // Full-width forms of ASCII noise are noise whether or not width folding is on.
  for (let c = 0xff01; c <= 0xff5e; c++) if (cls[c - 0xfee0] === CLS_NOISE) cls[c] = CLS_NOISE;
  mark('\u200b\u200c\u200d\u200e\u200f\u2060\u2061\u2062\u2063\u2064', CLS_NOISE);
  mark(SENTENCE_PUNCT, opts.bridgePunctuation ? CLS_NOISE : CLS_KEEP);
  mark(LINE_BREAKS, CLS_KEEP);
  for (const [a, b] of ATTACH_RANGES) cls.fill(CLS_ATTACH, a, b + 1);
  cls[0x034f] = CLS_ATTACH;
  return cls;
}

const cache = new Map<string, CharTables>();

/** Tables for one combination of options, built once per combination and shared. */
export function charTables(opts: ResolvedNormalizeOptions): CharTables {
  const key = JSON.stringify(opts);
  const hit = cache.get(key);
  if (hit) return hit;
  const map = new Uint16Array(0x10000);
  const flags = new Uint16Array(0x10000);
  const expand = new Map<number, { units: string; flags: number }>();
  const numbers = opts.numbers ? numberTable() : undefined;
  const glyphs = opts.homoglyphs ? homoglyphTable() : undefined;
  const low = opts.case ? lower() : undefined;
  const t2s = opts.traditional ? t2sTable() : undefined;
  for (let c = 0; c < 0x10000; c++) {
    let u = c;
    let f = 0;
    if (opts.width && ((u >= 0xff01 && u <= 0xff5e) || u === 0x3000)) {
      u = u === 0x3000 ? 0x20 : u - 0xfee0;
      f |= F_WIDTH;
    }
    const g = glyphs?.get(u);
    if (g !== undefined) (u = g), (f |= F_HOMOGLYPHS);
    if (low && low[u]) (u = low[u]!), (f |= F_CASE);
    const n = numbers?.get(u);
    if (n !== undefined) {
      f |= F_NUMBERS;
      if (n.length > 1) {
        expand.set(c, { units: n, flags: f });
        map[c] = EXPAND;
        flags[c] = f;
        continue;
      }
      u = n.charCodeAt(0);
    }
    if (t2s && t2s[u]) (u = t2s[u]!), (f |= F_TRADITIONAL);
    map[c] = u;
    flags[c] = f;
  }
  const tables = { map, flags, cls: classTable(opts), expand };
  cache.set(key, tables);
  return tables;
}

/** Astral code points: math alphanumerics fold to ASCII; emoji and tags are noise; the rest kept. */
export function astralClass(cp: number): number {
  if ((cp >= 0x1f000 && cp <= 0x1faff) || (cp >= 0xe0000 && cp <= 0xe007f)) return CLS_NOISE;
  if (cp >= 0xe0100 && cp <= 0xe01ef) return CLS_ATTACH;
  return CLS_KEEP;
}

/** The BMP unit an astral code point folds to under homoglyphs (𝐚 → a, 𝟙 → 1), or -1. */
export function astralFold(cp: number): number {
  if (cp < 0x1d400 || cp > 0x1d7ff) return -1;
  const n = String.fromCodePoint(cp).normalize('NFKC');
  return n.length === 1 ? n.charCodeAt(0) : -1;
}
