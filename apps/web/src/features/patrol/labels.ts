import { isMessageKey, type TFunction } from '../../i18n';

/** A category code from the lexicon (gambling, fraud…) by its taxonomy name; unknown codes show as written. */
export function categoryLabel(t: TFunction, code: string): string {
  const key = `category.${code}`;
  return isMessageKey(key) ? t(key) : code;
}

/** The text engine's normalization names (width, pinyin…) in words a reviewer knows. */
export function normalizationLabel(t: TFunction, name: string): string {
  const key = `norm.${name}`;
  return isMessageKey(key) ? t(key) : name;
}

/** Categories offered when writing a rule; any other code may still be typed. */
export const KNOWN_CATEGORIES = ['gambling', 'fraud', 'porn', 'vulgar', 'terror', 'rumor', 'infringement', 'cyberviolence', 'other'] as const;

export const percent = (value: number | null) => (value === null ? null : `${Math.round(value * 1000) / 10}%`);
