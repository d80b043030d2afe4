import { eq } from 'drizzle-orm';
import type { PublicStage, PublicStatus } from '@tianlang/contracts';
import { publicStage } from '@tianlang/core';
import type { Db } from '../../db/client';
import { reports, type ReportRow } from '../../db/schema';
import { AppError } from '../../lib/errors';
import { safeEqual } from '../../lib/crypto';
import type { TaxonomyCache } from './taxonomy';
import { eventsOf } from '../audit/history.service';

const STEP_OF: Record<string, PublicStage> = {
  'report.accept': 'accepted',
  'report.dispose': 'handling',
  'report.transfer': 'handling',
  'report.reply': 'finished',
  'report.reject': 'rejected',
  'report.review_requested': 'reviewing',
};

/**
 * The reporter's view: found only with the tracking number AND the query code (any mismatch is the
 * same 404, so the endpoint is no oracle for tracking numbers). A merged report shows its primary's
 * progress. Never internal notes, names of officers, or other reporters' data.
 */
export function createStatusService({ db, taxonomy, hashQueryCode }: { db: Db; taxonomy: TaxonomyCache; hashQueryCode: (t: string, c: string) => string }) {
  async function find(trackingNo: string, code: string): Promise<ReportRow> {
    const [row] = await db.select().from(reports).where(eq(reports.trackingNo, trackingNo.toUpperCase()));
    const expected = hashQueryCode(trackingNo.toUpperCase(), code);
    if (!row || !safeEqual(row.queryCodeHash, expected)) throw new AppError('report.not_found', 'tracking number or query code is incorrect');
    return row;
  }

  async function view(row: ReportRow): Promise<PublicStatus> {
    const [primary] = row.mergedIntoId ? await db.select().from(reports).where(eq(reports.id, row.mergedIntoId)) : [row];
    const effective = primary ?? row;
    const rows = (await eventsOf(db, [{ type: 'report', ids: [effective.id], actions: Object.keys(STEP_OF) }]))
      .map((e) => ({ action: e.action, at: e.createdAt }));
    const steps: PublicStatus['steps'] = [{ stage: 'submitted', at: row.submittedAt.toISOString() }];
    for (const e of rows) {
      const stage = STEP_OF[e.action]!;
      if (e.at < row.submittedAt && stage !== 'rejected') continue;
      // one line per stage, except that a review re-opens the sequence
      if (stage === 'reviewing' || !steps.some((s) => s.stage === stage) || steps[steps.length - 1]!.stage === 'reviewing') {
        steps.push({ stage, at: e.at.toISOString() });
      }
    }
    const category = (await taxonomy.byCode()).get(row.categoryCode);
    const finished = ['answered', 'closed', 'rejected'].includes(effective.state);
    return {
      trackingNo: row.trackingNo,
      stage: publicStage(effective.state, { reviewOpen: effective.reviewOpen }),
      categoryName: category?.name ?? row.categoryCode,
      submittedAt: row.submittedAt.toISOString(),
      steps,
      // After a review request the earlier reply stays visible (under 复查中) until a new one replaces it.
      outcome: finished || effective.reviewOpen ? (row.outcome ?? effective.outcome) : null,
      reply: finished || effective.reviewOpen ? (row.publicReply ?? effective.publicReply) : null,
      repliedAt: finished || effective.reviewOpen ? (row.answeredAt ?? effective.answeredAt)?.toISOString() ?? null : null,
      canRequestReview: finished && !row.reviewRequestedAt,
      reviewRequestedAt: row.reviewRequestedAt?.toISOString() ?? null,
    };
  }

  return { find, view, status: async (t: string, c: string) => view(await find(t, c)) };
}
export type StatusService = ReturnType<typeof createStatusService>;
