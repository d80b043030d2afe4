import { isMessageKey, type TFunction } from '../../i18n';

/** The translation for `prefix.code` when there is one, the raw code otherwise, so nothing is hidden. */
function labelOr(t: TFunction, prefix: string, code: string): string {
  const key = `${prefix}.${code}`;
  return isMessageKey(key) ? t(key) : code;
}

export const subjectTypeLabel = (t: TFunction, type: string) => labelOr(t, 'subjectType', type);
export const actionLabel = (t: TFunction, action: string) => labelOr(t, 'action', action);
export const stateLabel = (t: TFunction, state: string) => labelOr(t, 'state', state);
export const roleLabel = (t: TFunction, code: string | null) => (code ? labelOr(t, 'roleName', code) : null);

export const KNOWN_SUBJECT_TYPES = ['jurisdiction', 'unit', 'user', 'role', 'calendar_day', 'lexicon', 'patrol_source', 'patrol_item', 'term_correction', 'api_key'];
