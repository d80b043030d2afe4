import type { AssignmentState, DeadlineStatus, DeadlineUnit, ErrorCode, Permission, ReplyChannel } from '@tianlang/contracts';
import type { AssignmentAction } from '@tianlang/core';
import type { Queryable } from '../../db/client';
import type { AssignmentRow } from '../../db/schema';

export type { AssignmentRow };
/** The recipient's inbox (sent to the user's unit) or the sender's outbox (sent from the user's jurisdiction). */
export type AssignmentBox = 'inbox' | 'outbox';
/** Who did it, as recorded on events (null id: the system, e.g. the deadline sweep). */
export interface Actor { id: string | null; role: string | null; unitId: string | null }

/** A step the service took, as a kind's hooks see it (inside the step's transaction). */
export interface AssignmentStep<P> {
  action: AssignmentAction | 'send' | 'record_reply';
  /** the event's verb: sent, signed, replied, reply_recorded, returned, urged, escalated */
  past: string;
  row: AssignmentRow;
  from: AssignmentState | null;
  /** the parent, as the kind's `lockParent` returned it (or the last `onStep` did) */
  parent: P;
  actor: Actor;
  at: Date;
  reason?: string;
  payload: Record<string, unknown>;
}

/**
 * What a module registers for its use of assignments (`report.transfer`, a rumor's `rumor.verify`…).
 * The service owns the row, its state machine, events, clock, notifications and escalation; the kind
 * owns its parent: locking it, noting steps on it, and what follows when its assignments settle.
 */
export interface AssignmentKind<P> {
  kind: string;
  /** the parent's subject type ('report') */
  subjectType: string;
  /**
   * Subject type of the assignment's own events, clock and notifications, and the prefix of their
   * actions: `<eventSubject>.sent`, `.signed`, `.replied`, `.reply_recorded`, `.returned`, `.urged`,
   * `.escalated`. New kinds use 'assignment'; transfers keep the 'transfer' of their existing chains.
   */
  eventSubject: string;
  /** the recipient's answer clock */
  clock: { kind: string; unit: DeadlineUnit };
  /** the code a step refused by the state machine answers (409) */
  invalidTransition: ErrorCode;
  /** what people call it, in notifications: 移交件, 核查请求, 交办单 */
  noun: string;
  /** where notifications point: the recipient's inbox, and the item as its sender opens it */
  links: { inbox: string; item: (a: AssignmentRow) => string };
  /** the permission by which the sending unit's staff hear of an answer or a return (unless `answerTo` names them) */
  senderPermission: Permission;
  /**
   * Locks the parent, before the assignment (the order every writer of the parent uses). With
   * `skipLocked` (the sweep) it answers null when the parent is busy, and the sweep retries later.
   */
  lockParent(tx: Queryable, subjectId: string, opts?: { skipLocked?: boolean }): Promise<P | null>;
  /** the parent's reference in notification titles (a report's tracking number) */
  refOf(parent: P): string;
  /** After each step, in its transaction (a note on the report); may return the parent as it now is. */
  onStep?(tx: Queryable, step: AssignmentStep<P>): Promise<P | void>;
  /** After an answer or a return, once the clock stopped (the report back to 处置中 when none is open). */
  onSettled?(tx: Queryable, step: AssignmentStep<P>): Promise<void>;
  /** who at the sending side hears of an answer or a return, when not the sending unit's `senderPermission` holders */
  answerTo?(tx: Queryable, a: AssignmentRow, parent: P): Promise<string[] | null>;
}

export interface SendInput {
  subjectId: string;
  jurisdiction: { id: string; path: string };
  fromUnitId: string;
  toUnitId: string;
  note: string;
  /** the clock's amount in the kind's clock unit */
  due: number;
  originId?: string | null;
  category?: string | null;
  detail?: Record<string, unknown>;
  /** more of the `sent` event's payload */
  payload?: Record<string, unknown>;
  actor: Actor;
  createdBy: string;
  at: Date;
}

/** An assignment with what every view needs: unit names and its clock. */
export interface AssignmentListRow {
  a: AssignmentRow;
  toUnitName: string;
  fromUnitName: string;
  dueAt: Date | null;
  deadlineStatus: DeadlineStatus | null;
}

export interface AssignmentPage { state?: AssignmentState; limit: number; offset: number }
export interface RecordedReply { text: string; channel: ReplyChannel }
