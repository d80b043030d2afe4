import type { PublicStage, ReportOutcome, ReportState, DisposalKind } from '@tianlang/contracts';

/** Every staff or public action that moves a report, with the states it may start from. */
export const REPORT_TRANSITIONS = {
  accept: { from: ['submitted'], to: 'accepted' },
  reject: { from: ['submitted'], to: 'rejected' },
  merge: { from: ['submitted', 'accepted', 'assessing'], to: 'merged' },
  split: { from: ['merged'], to: 'submitted' },
  forward: { from: ['submitted'], to: 'submitted' },
  assess: { from: ['accepted', 'assessing'], to: 'assessing' },
  dispose: { from: ['assessing', 'disposing'], to: 'disposing' },
  transfer: { from: ['assessing', 'disposing', 'transferred'], to: 'transferred' },
  transfer_settled: { from: ['transferred'], to: 'disposing' },
  complete: { from: ['disposing'], to: 'disposed' },
  reply: { from: ['disposed'], to: 'answered' },
  close: { from: ['answered', 'rejected'], to: 'closed' },
  review: { from: ['closed', 'answered', 'rejected'], to: 'assessing' },
} as const satisfies Record<string, { from: readonly ReportState[]; to: ReportState }>;

export type ReportAction = keyof typeof REPORT_TRANSITIONS;

export class ReportTransitionError extends Error {
  readonly code = 'report.invalid_transition' as const;
  constructor(readonly action: ReportAction, readonly from: ReportState) {
    super(`cannot ${action} a report in state ${from}`);
  }
}

export const canTransition = (action: ReportAction, from: ReportState): boolean =>
  (REPORT_TRANSITIONS[action].from as readonly ReportState[]).includes(from);

/** The state after `action`, or a ReportTransitionError naming the action and the current state. */
export function nextState(action: ReportAction, from: ReportState): ReportState {
  if (!canTransition(action, from)) throw new ReportTransitionError(action, from);
  return REPORT_TRANSITIONS[action].to;
}

/** Actions whose start state includes `from`. */
export const actionsFrom = (from: ReportState): ReportAction[] =>
  (Object.keys(REPORT_TRANSITIONS) as ReportAction[]).filter((a) => canTransition(a, from));

/**
 * States in which a report is still an open handling item (a new duplicate may join it). The
 * database's partial indexes over open reports are built from this list.
 */
export const OPEN_STATES = ['submitted', 'accepted', 'assessing', 'disposing', 'transferred', 'disposed'] as const satisfies readonly ReportState[];

/**
 * Open states into which staff may merge another report: every open state but `disposed`, whose
 * disposal is already recorded and waits only for the reply.
 */
const MERGE_TARGET_STATES = OPEN_STATES.filter((s) => s !== 'disposed');
export const canMergeInto = (s: ReportState): boolean => (MERGE_TARGET_STATES as readonly ReportState[]).includes(s);

/**
 * What the reporter sees. A merged report follows its primary; a reopened report (after 复查)
 * shows as under review until it is answered again.
 */
export function publicStage(state: ReportState, opts: { reviewOpen?: boolean } = {}): PublicStage {
  if (opts.reviewOpen && state !== 'answered' && state !== 'closed') return 'reviewing';
  switch (state) {
    case 'submitted': return 'submitted';
    case 'accepted': case 'assessing': return 'accepted';
    case 'disposing': case 'transferred': case 'disposed': return 'handling';
    case 'answered': case 'closed': return 'finished';
    case 'rejected': return 'rejected';
    case 'merged': return 'submitted';
  }
}

/**
 * The outcome told to the reporter, from the disposal kinds recorded: an action against the
 * content or account outranks a referral, which outranks "no violation".
 */
export function outcomeOf(kinds: readonly DisposalKind[]): ReportOutcome | null {
  if (kinds.includes('order_platform') || kinds.includes('account_action')) return 'handled';
  if (kinds.includes('referral')) return 'referred';
  if (kinds.includes('out_of_jurisdiction')) return 'out_of_jurisdiction';
  if (kinds.includes('no_violation')) return 'no_violation';
  return null;
}

/** Disposal kinds that count as the report being upheld (for trusted reporters' accuracy). */
export const UPHELD_KINDS: readonly DisposalKind[] = ['order_platform', 'account_action', 'referral'];
