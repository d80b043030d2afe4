import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { reports } from '../../db/schema';
import { AppError } from '../../lib/errors';
import type { AuthUser } from '../auth/auth.types';
import type { createReviewService } from '../patrol/review.service';
import type { HandlingService } from './handling.service';
import type { IntakeService } from './intake.service';
import { actorOf } from './report-store';
import type { TaxonomyCache } from './taxonomy';

type PatrolReview = ReturnType<typeof createReviewService>;

/**
 * A confirmed patrol finding becomes a report in the same handling loop (巡查发现 → 处置), accepted
 * at once since a reviewer has already confirmed it. Idempotent: the item's report is found by its
 * external id, so a second call returns the first report.
 */
export function createFromPatrol(deps: { db: Db; review: PatrolReview; intake: IntakeService; handling: HandlingService; taxonomy: TaxonomyCache }) {
  const { db, review, intake, handling, taxonomy } = deps;
  const externalId = (itemId: string) => `patrol:${itemId}`;

  return async function fromPatrol(user: AuthUser, itemId: string) {
    const item = await review.get(user, itemId);
    if (item.item.status !== 'confirmed') throw new AppError('report.invalid_transition', 'only a confirmed patrol item can be handled as a report', { details: { state: item.item.status } });
    const [existing] = await db.select({ id: reports.id, trackingNo: reports.trackingNo }).from(reports)
      .where(and(isNull(reports.apiKeyId), eq(reports.externalId, externalId(itemId))));
    if (existing) return { reportId: existing.id, trackingNo: existing.trackingNo, created: false };
    const confirmed = item.hits.find((h) => h.hit.status === 'confirmed') ?? item.hits[0];
    const categoryCode = confirmed && (await taxonomy.category(confirmed.hit.category)) ? confirmed.hit.category : 'other';
    const text = [item.item.title, item.item.text].filter(Boolean).join('\n').slice(0, 5000);
    const receipt = await intake.submit({
      categoryCode, urls: item.item.url ? [item.item.url] : [], platformName: item.sourceName.slice(0, 100),
      accountName: item.item.author?.slice(0, 200) ?? undefined, description: text.length >= 10 ? text : `${text}（巡查发现）`,
    }, {
      channel: 'patrol', actor: actorOf(user), jurisdiction: { id: user.jurisdictionId, path: user.scopePath },
      officeUnitId: user.unitId, externalId: externalId(itemId),
    });
    // Clustered into an open report: that one carries the handling; otherwise accept on the reviewer's confirmation.
    if (!receipt.clusteredInto) await handling.accept(user, receipt.id, `巡查确认：${confirmed?.pattern ?? ''}`.trim());
    return { reportId: receipt.clusteredInto ?? receipt.id, trackingNo: receipt.trackingNo, created: true };
  };
}
