import { isMessageKey, type TFunction } from '../../i18n';

/** A state name from the event log; states of transfers and orders show as recorded. */
export function stateLabel(t: TFunction, state: string | null): string {
  if (!state) return '—';
  const key = `rptState.${state}`;
  return isMessageKey(key) ? t(key) : state;
}

/**
 * The event's action in words. The log names actions like `report.accepted`; the module prefix
 * is dropped so one dictionary entry serves each, and an unknown action shows as recorded.
 */
export function actionLabel(t: TFunction, action: string): string {
  const short = action.replace(/^(report|reports|transfer|order)\./, '');
  for (const key of [`rptEvent.${action}`, `rptEvent.${short}`, `action.${action}`]) {
    if (isMessageKey(key)) return t(key);
  }
  return action;
}

/** A role code from the log (intake, analyst …) by its built-in name. */
export function roleLabel(t: TFunction, role: string | null): string | null {
  if (!role) return null;
  const key = `roleName.${role}`;
  return isMessageKey(key) ? t(key) : role;
}
