import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { PartnerReportInputSchema, PartnerReportResultSchema, PublicReportInputSchema } from '@tianlang/contracts';
import type { Db } from '../../db/client';
import { reports } from '../../db/schema';
import { AppError } from '../../lib/errors';
import { addressKey, type Secrets } from '../../lib/secrets';
import type { UnitsService } from '../units/units.service';
import { reserveOrProve, type Allowance } from './allowance';
import type { FilesService } from '../files/files.service';
import type { HandlingService } from './handling.service';
import type { IntakeService } from './intake.service';
import type { Pow } from './pow';
import { PUBLIC_ACTOR } from './report-store';
import type { StatusService } from './status.service';
import type { TaxonomyCache } from './taxonomy';

type PublicReportInput = z.infer<typeof PublicReportInputSchema>;
type PartnerReportItem = z.infer<typeof PartnerReportInputSchema>['reports'][number];
type PartnerResults = z.infer<typeof PartnerReportResultSchema>['results'];

/**
 * The citizen's and the partner platform's way in: a keyed hash of the address stands for the sender,
 * the hour's free allowance then a proof of work slow a flood down, and the report lands in the
 * platform's jurisdiction (or the public root) with its office.
 */
export function createPublicIntakeService(deps: {
  db: Db; secrets: Secrets; intake: IntakeService; status: StatusService; handling: HandlingService; taxonomy: TaxonomyCache; evidence: FilesService; pow: Pow; allowance: Allowance;
  units: Pick<UnitsService, 'platformUnit' | 'jurisdictionOfUnit'>;
}) {
  const { db, intake, taxonomy, evidence, pow, allowance, units } = deps;
  /** The sender as the platform knows it: a keyed hash of the address, never the address. */
  const sourceOf = (ip: string) => addressKey(deps.secrets, ip);

  async function formOptions(ip: string, platformId: string | undefined) {
    const cats = [...(await taxonomy.byCode()).values()].filter((c) => c.active);
    return {
      categories: cats.filter((c) => c.kind === 'category').map((c) => ({ code: c.code, name: c.name, parentCode: c.parentCode })),
      zones: cats.filter((c) => c.kind === 'zone').map((c) => ({ code: c.code, name: c.name })),
      platform: platformId ? await units.platformUnit(platformId) : null,
      powRequired: await allowance.exhausted(sourceOf(ip), 'submissions'),
    };
  }

  async function submitPublic(ip: string, body: PublicReportInput) {
    const source = sourceOf(ip);
    const { evidence: tokens, goodFaith: _g, pow: solved, channel, ...input } = body;
    // reserved before anything else is awaited: concurrent submissions each get their own count
    await reserveOrProve({ allowance, pow }, source, 'submissions', 1, solved, 'complete the proof of work');
    const platform = input.platformUnitId ? await units.platformUnit(input.platformUnitId) : null;
    if (input.platformUnitId && !platform) throw new AppError('request.invalid', 'unknown platform', { details: { field: 'platformUnitId' } });
    const where = platform ? await units.jurisdictionOfUnit(platform.id) : await taxonomy.rootJurisdiction();
    return intake.submit({ ...input, platformName: input.platformName ?? platform?.name }, {
      channel, actor: PUBLIC_ACTOR, jurisdiction: where, officeUnitId: await taxonomy.officeOf(where.id), sourceHash: source,
      attach: tokens.length ? (tx, id) => evidence.claim(tx, tokens, id) : undefined,
    });
  }

  async function partnerDuplicate(apiKeyId: string, externalId: string) {
    const [hit] = await db.select({ id: reports.id }).from(reports).where(and(eq(reports.apiKeyId, apiKeyId), eq(reports.externalId, externalId)));
    return !!hit;
  }

  /** A partner's batch, in order: each item accepted, a duplicate of an earlier externalId, or refused on its own. */
  async function submitPartner(client: { keyId: string; unitId: string }, items: PartnerReportItem[]) {
    const where = await units.jurisdictionOfUnit(client.unitId);
    const platform = await units.platformUnit(client.unitId);
    const results: PartnerResults = [];
    for (const item of items) {
      const { externalId, ...input } = item;
      if (await partnerDuplicate(client.keyId, externalId)) { results.push({ externalId, duplicate: true }); continue; }
      try {
        const receipt = await intake.submit({ ...input, platformUnitId: input.platformUnitId ?? platform?.id, platformName: input.platformName ?? platform?.name }, {
          channel: 'api', actor: { id: null, role: 'api', unitId: client.unitId }, jurisdiction: where,
          officeUnitId: await taxonomy.officeOf(where.id), apiKeyId: client.keyId, externalId,
        });
        results.push({ externalId, trackingNo: receipt.trackingNo });
      } catch (err) {
        if (!(err instanceof AppError) || err.status >= 500) throw err;
        results.push({ externalId, error: { code: err.code, message: err.message } });
      }
    }
    return { results };
  }

  /** The reporter's one request for review, proved by tracking number and query code; answers the new status. */
  async function requestReview(trackingNo: string, queryCode: string, reason: string) {
    const row = await deps.status.find(trackingNo, queryCode);
    await deps.handling.requestReview(row.id, reason, PUBLIC_ACTOR);
    return deps.status.status(trackingNo, queryCode);
  }

  return { sourceOf, formOptions, submitPublic, submitPartner, requestReview };
}
export type PublicIntakeService = ReturnType<typeof createPublicIntakeService>;
