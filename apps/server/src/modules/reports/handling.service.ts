import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { AssessmentInputSchema, RejectReason } from '@tianlang/contracts';
import { canMergeInto } from '@tianlang/core';
import type { Db, Queryable } from '../../db/client';
import { jurisdictions, reports, type ReportRow } from '../../db/schema';
import type { Clock } from '../../lib/clock';
import { AppError, assertThat } from '../../lib/errors';
import type { Secrets } from '../../lib/secrets';
import type { AuthUser } from '../auth/auth.types';
import type { ReportClocks } from './report-clocks';
import { actorOf, lockReport, moveReport, noteReport, type Actor } from './report-store';
import { assertEntityRef } from '../registry';
import type { TaxonomyCache } from './taxonomy';
import { assertJurisdictionInScope } from '../auth/scope';
import { holdersOf } from '../users/users.service';

export interface StepOptions { at?: Date; batchId?: string | null }

/** Intake and assessment decisions on one report; each is one transaction with its event. */
export function createHandlingService(deps: { db: Db; clock: Clock; secrets: Secrets; clocks: ReportClocks; taxonomy: TaxonomyCache }) {
  const { db, clock, secrets, clocks, taxonomy } = deps;
  const inTx = <T>(fn: (tx: Queryable) => Promise<T>) => db.transaction(fn);

  async function acceptInTx(tx: Queryable, user: AuthUser, row: ReportRow, reason: string | undefined, o: StepOptions = {}) {
    const at = o.at ?? clock.now();
    const moved = await moveReport(tx, row, 'accept', actorOf(user), { at, reason, batchId: o.batchId, set: { acceptedAt: at } });
    await clocks.stop(tx, moved, 'accept', at, 'met', user.id);
    await clocks.start(tx, moved, 'dispose', user.unitId, at);
    return moved;
  }

  async function rejectInTx(tx: Queryable, user: AuthUser, row: ReportRow, code: RejectReason, reason: string) {
    const at = clock.now();
    const moved = await moveReport(tx, row, 'reject', actorOf(user), { at, reason, payload: { reasonCode: code }, set: { rejectReason: code, outcome: 'rejected' } });
    await clocks.stopAll(tx, moved, at, user.id);
    return moved;
  }

  /** Merges `row` into `intoId` (which must be an open primary, not itself or one of its own members). */
  async function mergeInTx(tx: Queryable, user: AuthUser, row: ReportRow, intoId: string, reason: string, o: StepOptions = {}) {
    const at = o.at ?? clock.now();
    assertThat(intoId !== row.id, 'report.merge_invalid', 'a report cannot be merged into itself');
    const target = await lockReport(tx, intoId, user).catch(() => { throw new AppError('report.merge_invalid', 'target report not found'); });
    assertThat(!target.mergedIntoId && canMergeInto(target.state),
      'report.merge_invalid', 'the target must be an open report that is not itself merged');
    assertThat(row.clusterSize === 1, 'report.merge_invalid', 'split the members of this report first');
    const moved = await moveReport(tx, row, 'merge', actorOf(user), {
      at, reason, batchId: o.batchId, payload: { into: intoId, intoTrackingNo: target.trackingNo },
      set: { mergedIntoId: intoId, clusterReason: 'staff' },
    });
    await clocks.stopAll(tx, moved, at, user.id);
    await noteReport(tx, target, 'report.member_joined', actorOf(user), {
      at, reason, batchId: o.batchId, payload: { member: row.id, trackingNo: row.trackingNo, reason: 'staff' },
      set: { clusterSize: target.clusterSize + 1 },
    });
    return moved;
  }

  async function split(user: AuthUser, id: string, reason: string) {
    return inTx(async (tx) => {
      const at = clock.now();
      const row = await lockReport(tx, id, user);
      const primaryId = row.mergedIntoId;
      const moved = await moveReport(tx, row, 'split', actorOf(user), { at, reason, payload: { from: primaryId }, set: { mergedIntoId: null, clusterReason: null } });
      if (primaryId) {
        const primary = await lockReport(tx, primaryId);
        await noteReport(tx, primary, 'report.member_split', actorOf(user), { at, reason, payload: { member: row.id, trackingNo: row.trackingNo }, set: { clusterSize: Math.max(1, primary.clusterSize - 1) } });
      }
      await clocks.start(tx, moved, 'accept', user.unitId, at);
      return moved;
    });
  }

  async function forward(user: AuthUser, id: string, jurisdictionId: string, reason: string) {
    return inTx(async (tx) => {
      const at = clock.now();
      const row = await lockReport(tx, id, user);
      const [target] = await tx.select().from(jurisdictions).where(and(eq(jurisdictions.id, jurisdictionId), eq(jurisdictions.active, true)));
      // A user forwards within their own subtree (downwards to a district or town office).
      assertJurisdictionInScope(user, target, 'target jurisdiction is outside your scope');
      assertThat(target.id !== row.jurisdictionId, 'request.invalid', 'the report is already there');
      const moved = await moveReport(tx, row, 'forward', actorOf(user), {
        at, reason, eventAction: 'report.forwarded', payload: { from: row.jurisdictionId, to: target.id, toName: target.name },
        set: { jurisdictionId: target.id, jurisdictionPath: target.path, assigneeId: null },
      });
      await clocks.stopAll(tx, moved, at, user.id);
      await clocks.start(tx, moved, 'accept', await taxonomy.officeOf(target.id, tx), at);
      return moved;
    });
  }

  async function assess(user: AuthUser, id: string, input: z.infer<typeof AssessmentInputSchema>) {
    return inTx(async (tx) => {
      const at = clock.now();
      const row = await lockReport(tx, id, user);
      if (input.categoryCode && !(await taxonomy.category(input.categoryCode, tx))) throw new AppError('report.unknown_category', 'unknown category');
      if (input.zoneCode && !(await taxonomy.zone(input.zoneCode, tx))) throw new AppError('report.unknown_category', 'unknown zone');
      await assertEntityRef(tx, user.scopePath, input.entityRef);
      const set: Partial<ReportRow> = { severity: input.severity };
      if (input.categoryCode) set.categoryCode = input.categoryCode;
      if (input.zoneCode !== undefined) set.zoneCode = input.zoneCode;
      if (input.entityRef !== undefined) set.entityRef = input.entityRef;
      const payload = { severity: input.severity, categoryFrom: row.categoryCode, categoryTo: set.categoryCode ?? row.categoryCode,
        zoneCode: set.zoneCode ?? row.zoneCode, entityRef: set.entityRef ?? row.entityRef };
      if (row.state === 'accepted') return moveReport(tx, row, 'assess', actorOf(user), { at, reason: input.note, payload, set, eventAction: 'report.assessed' });
      assertThat(['assessing', 'disposing', 'transferred'].includes(row.state), 'report.invalid_transition', `cannot assess a report in state ${row.state}`, { action: 'assess', state: row.state });
      return noteReport(tx, row, 'report.assessed', actorOf(user), { at, reason: input.note, payload, set });
    });
  }

  async function assignInTx(tx: Queryable, user: AuthUser, row: ReportRow, assigneeId: string | null, o: StepOptions & { action?: string } = {}) {
    const at = o.at ?? clock.now();
    if (assigneeId && assigneeId !== user.id) {
      // The assignee must be an active user of the same jurisdiction subtree who can read reports.
      const [ok] = await holdersOf(tx, { permission: 'reports.read', user, ids: [assigneeId] });
      if (!ok) throw new AppError('request.invalid', 'the assignee must be an active officer in your jurisdiction', { details: { field: 'userId' } });
    }
    assertThat(!['closed', 'merged', 'rejected'].includes(row.state), 'report.invalid_transition', `cannot assign a ${row.state} report`, { action: 'assign', state: row.state });
    return noteReport(tx, row, o.action ?? 'report.assigned', actorOf(user), { at, batchId: o.batchId, payload: { from: row.assigneeId, to: assigneeId }, set: { assigneeId } });
  }

  async function close(user: AuthUser, id: string, reason?: string) {
    return inTx(async (tx) => {
      const at = clock.now();
      const row = await lockReport(tx, id, user);
      // Members of the cluster keep state "merged"; their public status follows this primary.
      return moveReport(tx, row, 'close', actorOf(user), { at, reason, set: { closedAt: at, reviewOpen: false } });
    });
  }

  /** 复查: the reporter asks once, with reasons, for a closed (or answered / rejected) report to be looked at again. */
  async function requestReview(id: string, reason: string, actor: Actor) {
    return inTx(async (tx) => {
      const at = clock.now();
      const row = await lockReport(tx, id);
      if (row.reviewRequestedAt) throw new AppError('report.review_used', 'a review was already requested');
      const target = row.mergedIntoId ? await lockReport(tx, row.mergedIntoId) : row;
      if (!['closed', 'answered', 'rejected'].includes(target.state)) throw new AppError('report.review_used', 'the report is not finished yet');
      await tx.update(reports).set({ reviewRequestedAt: at, reviewReason: reason, updatedAt: at }).where(eq(reports.id, row.id));
      const moved = await moveReport(tx, target, 'review', actor, {
        at, reason, eventAction: 'report.review_requested', payload: { requestedBy: row.trackingNo },
        set: { reviewOpen: true, closedAt: null, ...(target.id === row.id ? { reviewRequestedAt: at, reviewReason: reason } : {}) },
      });
      await clocks.start(tx, moved, 'dispose', await taxonomy.officeOf(moved.jurisdictionId, tx), at);
      return moved;
    });
  }

  async function revealContact(user: AuthUser, id: string) {
    return inTx(async (tx) => {
      const row = await lockReport(tx, id, user);
      if (!row.contactEnc) return { phone: null, email: null, shareWithPartners: false };
      const c = JSON.parse(secrets.open(row.contactEnc)) as { phone?: string; email?: string; shareWithPartners?: boolean };
      await noteReport(tx, row, 'report.contact_revealed', actorOf(user), { at: clock.now(), payload: { fields: Object.keys(c).filter((k) => k !== 'shareWithPartners') } });
      return { phone: c.phone ?? null, email: c.email ?? null, shareWithPartners: !!c.shareWithPartners };
    });
  }

  const one = <A extends unknown[]>(fn: (tx: Queryable, user: AuthUser, row: ReportRow, ...a: A) => Promise<ReportRow>) =>
    (user: AuthUser, id: string, ...a: A) => inTx(async (tx) => fn(tx, user, await lockReport(tx, id, user), ...a));

  return {
    acceptInTx, mergeInTx, assignInTx,
    accept: one((tx, u, r, reason: string | undefined) => acceptInTx(tx, u, r, reason)),
    reject: one(rejectInTx),
    merge: one((tx, u, r, intoId: string, reason: string) => mergeInTx(tx, u, r, intoId, reason)),
    split, forward, assess, close, requestReview, revealContact,
    claim: one((tx, u, r) => assignInTx(tx, u, r, u.id, { action: 'report.claimed' })),
    release: one((tx, u, r) => {
      assertThat(r.assigneeId === u.id, 'request.invalid', 'you can only release a report you hold');
      return assignInTx(tx, u, r, null, { action: 'report.released' });
    }),
    assign: one((tx, u, r, userId: string) => assignInTx(tx, u, r, userId)),
  };
}
export type HandlingService = ReturnType<typeof createHandlingService>;
