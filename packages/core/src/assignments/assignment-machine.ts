import type { AssignmentState } from '@tianlang/contracts';

/**
 * An assignment to a unit (移交, 核查请求, 交办单, 任务): the recipient signs for it (签收) and answers
 * (回函) or sends it back with a reason (退回); the sender may urge it (催办) while it is open, and an
 * overdue one is escalated (督办) once. Urge and escalate leave the state as it is.
 */
export const ASSIGNMENT_TRANSITIONS = {
  sign: { from: ['sent'], to: 'signed' },
  reply: { from: ['sent', 'signed'], to: 'replied' },
  return: { from: ['sent', 'signed'], to: 'returned' },
  urge: { from: ['sent', 'signed'], to: null },
  escalate: { from: ['sent', 'signed'], to: null },
} as const satisfies Record<string, { from: readonly AssignmentState[]; to: AssignmentState | null }>;
export type AssignmentAction = keyof typeof ASSIGNMENT_TRANSITIONS;

/** States in which an assignment still waits for its recipient. */
export const OPEN_ASSIGNMENT_STATES = ['sent', 'signed'] as const satisfies readonly AssignmentState[];
export const isOpenAssignment = (s: AssignmentState) => (OPEN_ASSIGNMENT_STATES as readonly AssignmentState[]).includes(s);

export const canActOnAssignment = (action: AssignmentAction, from: AssignmentState): boolean =>
  (ASSIGNMENT_TRANSITIONS[action].from as readonly AssignmentState[]).includes(from);

/** The state after `action` (the same state for urge and escalate), or null when it is not allowed. */
export function nextAssignmentState(action: AssignmentAction, from: AssignmentState): AssignmentState | null {
  if (!canActOnAssignment(action, from)) return null;
  return ASSIGNMENT_TRANSITIONS[action].to ?? from;
}

/** A settled assignment (answered or returned) stops its clock and may let its parent move on. */
export const settles = (to: AssignmentState) => to === 'replied' || to === 'returned';
