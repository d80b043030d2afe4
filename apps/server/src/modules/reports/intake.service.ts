import { randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { ContactSchema, ReportChannel } from '@tianlang/contracts';
import { canonicalUrl, maskContact, officeDate, queryCode, trackingNumber } from '@tianlang/core';
import type { z } from 'zod';
import type { Db, Queryable } from '../../db/client';
import { deadlines, reports, type ReportRow } from '../../db/schema';
import type { Clock } from '../../lib/clock';
import { AppError } from '../../lib/errors';
import type { Secrets } from '../../lib/secrets';
import { appendEvent, appendNewChain, type EventInput } from '../audit/events.service';
import type { Clustering } from './clustering';
import type { ReportClocks } from './report-clocks';
import { SUBJECT, type Actor } from './report-store';
import type { TaxonomyCache } from './taxonomy';

export interface SubmissionInput {
  categoryCode: string;
  zoneCode?: string;
  urls: string[];
  platformName?: string;
  platformUnitId?: string;
  accountName?: string;
  description: string;
  contact?: z.infer<typeof ContactSchema>;
}

export interface SubmissionContext {
  channel: ReportChannel;
  actor: Actor;
  /** where the report is handled */
  jurisdiction: { id: string; path: string };
  officeUnitId: string | null;
  reporterUserId?: string | null;
  sourceHash?: string | null;
  apiKeyId?: string | null;
  externalId?: string | null;
  receivedAt?: Date;
  priority?: number;
  /** attaches uploaded evidence inside the transaction (throws to roll everything back) */
  attach?: (tx: Queryable, reportId: string) => Promise<unknown>;
}

export interface Receipt {
  id: string;
  trackingNo: string;
  queryCode: string;
  submittedAt: Date;
  clusteredInto: string | null;
}

const PRIORITY_ZONES = new Set(['zone.minors', 'zone.elderly_fraud']);

/** Validation, clustering lookup, the row, its event chain and its accept clock: one transaction. */
export function createIntakeService(deps: { db: Db; clock: Clock; secrets: Secrets; taxonomy: TaxonomyCache; clustering: Clustering; clocks: ReportClocks }) {
  const { db, clock, secrets, taxonomy, clustering, clocks } = deps;

  const hashQueryCode = (trackingNo: string, code: string) => secrets.mac('query-code', `${trackingNo}:${code.toUpperCase()}`);

  async function validate(input: SubmissionInput) {
    const category = await taxonomy.category(input.categoryCode);
    if (!category) throw new AppError('report.unknown_category', `unknown category ${input.categoryCode}`, { details: { field: 'categoryCode' } });
    if (input.zoneCode && !(await taxonomy.zone(input.zoneCode))) {
      throw new AppError('report.unknown_category', `unknown zone ${input.zoneCode}`, { details: { field: 'zoneCode' } });
    }
    if (input.urls.length === 0 && !input.platformName && !input.accountName && !input.platformUnitId) {
      throw new AppError('request.invalid', 'give the URL of the content, or the platform and account', { details: { field: 'urls' } });
    }
  }

  async function submit(input: SubmissionInput, ctx: SubmissionContext): Promise<Receipt> {
    await validate(input);
    const at = ctx.receivedAt ?? clock.now();
    const canonicalUrls = [...new Set(input.urls.map(canonicalUrl).filter((u): u is string => !!u))];
    const fp = clustering.fingerprint(input.description);
    const match = await clustering.lookup(db, { canonicalUrls, sig: fp?.sig ?? null, lsh: fp?.lsh ?? null });
    const contact = input.contact && (input.contact.phone || input.contact.email) ? input.contact : undefined;
    const code = queryCode(randomBytes(8));
    const base = {
      queryCodeHash: '', channel: ctx.channel, categoryCode: input.categoryCode, zoneCode: input.zoneCode ?? null,
      urls: input.urls, canonicalUrl: canonicalUrls[0] ?? null, canonicalUrls, platformName: input.platformName ?? null,
      platformUnitId: input.platformUnitId ?? null, accountName: input.accountName ?? null, description: input.description,
      jurisdictionId: ctx.jurisdiction.id, jurisdictionPath: ctx.jurisdiction.path,
      priority: (ctx.priority ?? 0) + (input.zoneCode && PRIORITY_ZONES.has(input.zoneCode) ? 5 : 0),
      reporterUserId: ctx.reporterUserId ?? null,
      contactEnc: contact ? secrets.seal(JSON.stringify(contact)) : null,
      contactMasked: contact ? [contact.phone, contact.email].filter(Boolean).map((v) => maskContact(v!)).join(' / ') : null,
      contactShareable: contact?.shareWithPartners ?? false,
      sourceHash: ctx.sourceHash ?? null, apiKeyId: ctx.apiKeyId ?? null, externalId: ctx.externalId ?? null,
      lsh: fp?.lsh ?? null, submittedAt: at, updatedAt: at,
    };

    return db.transaction(async (tx) => {
      const row = await insertWithTrackingNo(tx, base, at, code, match);
      await ctx.attach?.(tx, row.id);
      const submitted: EventInput = {
        subjectType: SUBJECT, subjectId: row.id, action: 'report.submitted', actorId: ctx.actor.id, actorRole: ctx.actor.role,
        unitId: ctx.actor.unitId, toState: 'submitted', at,
        payload: { channel: ctx.channel, categoryCode: input.categoryCode, zoneCode: input.zoneCode ?? null, urls: input.urls,
          jurisdictionId: ctx.jurisdiction.id, hasContact: !!contact, ...(ctx.externalId ? { externalId: ctx.externalId } : {}) },
      };
      if (match) {
        await appendNewChain(tx, [submitted, {
          subjectType: SUBJECT, subjectId: row.id, action: 'report.clustered', fromState: 'submitted', toState: 'merged', at,
          payload: { into: match.primaryId, reason: match.reason, similarity: match.similarity },
        }]);
        const [primary] = await tx.update(reports).set({ clusterSize: sql`${reports.clusterSize} + 1`, updatedAt: at })
          .where(eq(reports.id, match.primaryId)).returning({ id: reports.id, state: reports.state });
        await appendEvent(tx, {
          subjectType: SUBJECT, subjectId: match.primaryId, action: 'report.member_joined', fromState: primary!.state, toState: primary!.state,
          payload: { member: row.id, trackingNo: row.trackingNo, reason: match.reason, similarity: match.similarity }, at,
        });
      } else {
        const plan = await clocks.planAccept(tx, row, ctx.officeUnitId, at);
        await tx.insert(deadlines).values(plan.values);
        await tx.update(reports).set({ dueAt: plan.values.dueAt, deadlineStatus: plan.values.status }).where(eq(reports.id, row.id));
        await appendNewChain(tx, [submitted, plan.event]);
      }
      return { id: row.id, trackingNo: row.trackingNo, queryCode: code, submittedAt: at, clusteredInto: match?.primaryId ?? null };
    });
  }

  /** Inserts with a fresh tracking number, retrying on the (rare) collision. */
  async function insertWithTrackingNo(tx: Queryable, base: Omit<typeof reports.$inferInsert, 'trackingNo'>, at: Date, code: string,
    match: { primaryId: string; reason: string; similarity: number } | null): Promise<ReportRow> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const trackingNo = trackingNumber(officeDate(at), randomBytes(8));
      const [row] = await tx.insert(reports).values({
        ...base, trackingNo, queryCodeHash: hashQueryCode(trackingNo, code),
        ...(match ? { state: 'merged' as const, mergedIntoId: match.primaryId, clusterReason: match.reason === 'url' ? 'same_url' : `similar_text:${match.similarity.toFixed(2)}` } : {}),
      }).onConflictDoNothing({ target: reports.trackingNo }).returning();
      if (row) return row;
    }
    throw new AppError('server.unavailable', 'could not allocate a tracking number');
  }

  return { submit, validate, hashQueryCode };
}
export type IntakeService = ReturnType<typeof createIntakeService>;
