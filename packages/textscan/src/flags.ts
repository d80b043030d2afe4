import { NORMALIZATIONS, type Normalization } from './types.js';

/** One bit per normalization, bit i = NORMALIZATIONS[i]. */
export const F_WIDTH = 1 << 0;
export const F_CASE = 1 << 1;
export const F_TRADITIONAL = 1 << 2;
export const F_SEPARATORS = 1 << 3;
export const F_REPEATS = 1 << 4;
export const F_NUMBERS = 1 << 5;
export const F_HOMOGLYPHS = 1 << 6;
export const F_SPLIT_FORMS = 1 << 7;
export const F_PINYIN = 1 << 8;
/** Internal: separators were skipped right before this unit (a gap inside a match, not before it). */
export const F_GAP_BEFORE = 1 << 15;

const NAMES_BY_MASK = new Map<number, readonly Normalization[]>();
const NONE: readonly Normalization[] = Object.freeze([]);

/** The normalization names of a bit mask: one frozen array per mask, shared by all matches. */
export function flagNames(mask: number): readonly Normalization[] {
  const clean = mask & ~F_GAP_BEFORE;
  if (clean === 0) return NONE;
  let names = NAMES_BY_MASK.get(clean);
  if (!names) {
    names = Object.freeze(NORMALIZATIONS.filter((_, i) => (clean & (1 << i)) !== 0));
    NAMES_BY_MASK.set(clean, names);
  }
  return names;
}
