import { isMessageKey, type TFunction } from '../../i18n';

const lookup = (t: TFunction, key: string): string | null => (isMessageKey(key) ? t(key) : null);

/** The detail's timeline names events of a transfer or order as `transfer:transfer.signed`. */
export function splitAction(raw: string): { subject: string; action: string } {
  const i = raw.indexOf(':');
  return i > 0 ? { subject: raw.slice(0, i), action: raw.slice(i + 1) } : { subject: 'report', action: raw };
}

/**
 * A state name from the event log, read with the dictionary of the record the event belongs to
 * (report, transfer or order). Deadline clocks have states of their own that the timeline leaves out.
 */
export function stateLabel(t: TFunction, state: string | null, subject = 'report', action = ''): string | null {
  if (!state || action.startsWith('deadline.')) return null;
  const dict = subject === 'transfer' ? 'rptTransferState' : subject === 'order' ? 'rptOrderState' : 'rptState';
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


/** 移交件 / 处置通知 for events of a sub-case. */
export function subjectLabel(t: TFunction, subject: string): string {
  return lookup(t, `rptSubject.${subject}`) ?? subject;
}
