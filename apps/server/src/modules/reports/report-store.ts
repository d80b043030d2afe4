import { and, eq } from 'drizzle-orm';
import type { ReportState } from '@tianlang/contracts';
import { nextState, ReportTransitionError, type ReportAction } from '@tianlang/core';
import type { Queryable } from '../../db/client';
import { reports, type ReportRow } from '../../db/schema';
import { AppError } from '../../lib/errors';
import { appendEvent } from '../audit/events.service';
import { primaryRole, type AuthUser } from '../auth/auth.types';
import { scopeFilter } from '../auth/scope';

export const SUBJECT = 'report';

/** Who did it, as recorded on events; null actor for the public and for API keys. */
export interface Actor {
  id: string | null;
  role: string | null;
  unitId: string | null;
}
export const actorOf = (user: AuthUser): Actor => ({ id: user.id, role: primaryRole(user), unitId: user.unitId });
export const PUBLIC_ACTOR: Actor = { id: null, role: 'public', unitId: null };

/**
 * Locks a report for a change. Reports outside the user's jurisdiction subtree do not exist for
 * them (404, not 403: ids of other offices' reports reveal nothing).
 */
export async function lockReport(tx: Queryable, id: string, user?: Pick<AuthUser, 'scopePath'>): Promise<ReportRow> {
  const [row] = await tx.select().from(reports)
    .where(and(eq(reports.id, id), user ? scopeFilter(user, reports.jurisdictionPath) : undefined)).for('update');
  if (!row) throw new AppError('resource.not_found', 'report not found');
  return row;
}

/** The sweep's way in: the report locked, or null when a user's transaction holds it (retry later). */
export async function lockReportIfFree(tx: Queryable, id: string): Promise<ReportRow | null> {
  const [row] = await tx.select().from(reports).where(eq(reports.id, id)).for('update', { skipLocked: true });
  return row ?? null;
}

export interface MoveOptions {
  at: Date;
  reason?: string | null;
  payload?: Record<string, unknown>;
  /** other columns to change with the state */
  set?: Partial<ReportRow>;
  batchId?: string | null;
  /** the event's action name when it differs from `report.<action>` */
  eventAction?: string;
}

/** Applies a state-machine action: validates it, updates the row, appends the event. */
export async function moveReport(tx: Queryable, row: ReportRow, action: ReportAction, actor: Actor, opts: MoveOptions): Promise<ReportRow> {
  let to: ReportState;
  try {
    to = nextState(action, row.state);
  } catch (err) {
    if (err instanceof ReportTransitionError) {
      throw new AppError('report.invalid_transition', err.message, { details: { action, state: row.state } });
    }
    throw err;
  }
  const [updated] = await tx.update(reports).set({ ...opts.set, state: to, updatedAt: opts.at }).where(eq(reports.id, row.id)).returning();
  await appendEvent(tx, {
    subjectType: SUBJECT, subjectId: row.id, action: opts.eventAction ?? `report.${action}`, actorId: actor.id, actorRole: actor.role,
    unitId: actor.unitId, fromState: row.state, toState: to, reason: opts.reason ?? null, payload: opts.payload ?? {},
    batchId: opts.batchId ?? null, at: opts.at,
  });
  return updated!;
}

/** Records an event on a report that does not change its state (assessment, assignment, reveal…). */
export async function noteReport(tx: Queryable, row: ReportRow, action: string, actor: Actor, opts: Omit<MoveOptions, 'eventAction'>): Promise<ReportRow> {
  const [updated] = opts.set
    ? await tx.update(reports).set({ ...opts.set, updatedAt: opts.at }).where(eq(reports.id, row.id)).returning()
    : [row];
  await appendEvent(tx, {
    subjectType: SUBJECT, subjectId: row.id, action, actorId: actor.id, actorRole: actor.role, unitId: actor.unitId,
    fromState: row.state, toState: row.state, reason: opts.reason ?? null, payload: opts.payload ?? {}, batchId: opts.batchId ?? null, at: opts.at,
  });
  return updated!;
}
