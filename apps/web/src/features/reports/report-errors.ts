import { isMessageKey, type TFunction } from '../../i18n';

/** A per-item error code from a bulk preview, in words; unknown codes show as sent. */
export function itemErrorText(t: TFunction, code: string | null): string {
  if (!code) return '';
  const key = `error.${code}`;
  return isMessageKey(key) ? t(key) : code;
}
