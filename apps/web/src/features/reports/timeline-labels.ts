import { isMessageKey, type TFunction } from '../../i18n';

const lookup = (t: TFunction, key: string): string | null => (isMessageKey(key) ? t(key) : null);

/**
 * A state name from the event log, read with the dictionary of the record the event belongs to
 * (report, transfer or order). Deadline clocks have states of their own that the timeline leaves out.
 */
export function stateLabel(t: TFunction, state: string | null, action = 'report.'): string | null {
  if (!state) return null;
  if (action.startsWith('deadline.')) return null;
  const dict = action.startsWith('transfer.') ? 'rptTransferState' : action.startsWith('order.') ? 'rptOrderState' : 'rptState';
  return lookup(t, `${dict}.${state}`) ?? state;
}

/**
 * The event's action in words. Deadline events name their clock (受理时限 · 开始计时); other actions
 * are looked up by their full name, then among the audit log's labels, and shown as recorded otherwise.
 */
export function actionLabel(t: TFunction, action: string, payload: Record<string, unknown> = {}): string {
  if (action.startsWith('deadline.')) {
    const step = lookup(t, `rptEvent.${action}`) ?? action;
    const clock = typeof payload.kind === 'string' ? lookup(t, `rptClock.${payload.kind}`) : null;
    return clock ? t('rptTimeline.clockStep', { clock, step }) : step;
  }
  return lookup(t, `rptEvent.${action}`) ?? lookup(t, `action.${action}`) ?? action;
}

/** A role code from the log (intake, analyst …) by its built-in name. */
export function roleLabel(t: TFunction, role: string | null): string | null {
  return role ? (lookup(t, `roleName.${role}`) ?? role) : null;
}

