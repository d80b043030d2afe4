import { randomBytes, randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { ContactSchema, ReportChannel, ReportState } from '@tianlang/contracts';
import { canonicalUrl, maskContact, officeDate, queryCode, reportPriority, trackingNumber } from '@tianlang/core';
import type { z } from 'zod';
import type { Db, Queryable } from '../../db/client';
import { advisoryLock, lockKeys } from '../../db/locks';
import { insertSql } from '../../db/insert-sql';
import { reports } from '../../db/schema';
import type { Clock } from '../../lib/clock';
import { AppError } from '../../lib/errors';
import { createBatcher } from '../../lib/batcher';
import type { Secrets } from '../../lib/secrets';
import { chainHeads, chainRows, insertEventsSql, type EventInput } from '../audit/events.service';
import { insertDeadlinesSql } from '../deadlines/deadlines.service';
import type { ClusterMatch, Clustering, LookupInput } from './clustering';
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

/**
 * A keyed hash of the reporter's phone (digits, without +86), else their email (lower case): the same
 * person's reports can be found again without decrypting any contact.
 */
export function contactKey(secrets: Secrets, contact: { phone?: string | null; email?: string | null }): string | null {
  const phone = contact.phone?.replace(/\D/g, '').replace(/^86(?=1\d{10}$)/, '');
  const email = contact.email?.trim().toLowerCase();
  if (phone) return secrets.mac('contact', `phone:${phone}`);
  return email ? secrets.mac('contact', `email:${email}`) : null;
}

type NewReport = Omit<typeof reports.$inferInsert, 'trackingNo' | 'queryCodeHash'> & { id: string; categoryCode: string; submittedAt: Date };

/** Rows of a raw statement, from node-postgres ({ rows }) or PGlite ({ rows }) alike. */
const rowsOf = <T>(res: unknown): T[] => (res as { rows: T[] }).rows;

/** A new random tracking number for the office day of `at` (unique by chance; a collision is retried). */
const freshTrackingNo = (at: Date) => trackingNumber(officeDate(at), randomBytes(8));

/** A unique violation on the tracking number (drizzle wraps the driver's error in `cause`). */
function isTrackingCollision(err: unknown): boolean {
  const e = err as { code?: string; constraint?: string; cause?: { code?: string; constraint?: string } } | null;
  const pgErr = e?.code === '23505' ? e : e?.cause?.code === '23505' ? e.cause : undefined;
  return pgErr?.constraint === 'reports_tracking_uq';
}

/** Validation, clustering lookup, then the row, its event chain and its accept clock written atomically. */
export function createIntakeService(deps: { db: Db; clock: Clock; secrets: Secrets; taxonomy: TaxonomyCache; clustering: Clustering; clocks: ReportClocks }) {
  const { db, clock, secrets, taxonomy, clustering, clocks } = deps;

  /** Concurrent submissions look for their cluster in one statement. */
  const lookups = createBatcher<LookupInput, ClusterMatch | null>({
    maxBatch: 64,
    maxInFlight: 2,
    runOne: (input) => clustering.lookup(db, input),
    runMany: (inputs) => clustering.lookupMany(db, inputs),
  });

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
    const match = await lookups.run({ canonicalUrls, sig: fp?.sig ?? null, lsh: fp?.lsh ?? null });
    const contact = input.contact && (input.contact.phone || input.contact.email) ? input.contact : undefined;
    const code = queryCode(randomBytes(8));
    // The id is chosen here so the row, its clock and its events can be written in one statement.
    const id = randomUUID();
    const base: NewReport = {
      id, channel: ctx.channel, categoryCode: input.categoryCode, zoneCode: input.zoneCode ?? null,
      urls: input.urls, canonicalUrl: canonicalUrls[0] ?? null, canonicalUrls, platformName: input.platformName ?? null,
      platformUnitId: input.platformUnitId ?? null, accountName: input.accountName ?? null, description: input.description,
      jurisdictionId: ctx.jurisdiction.id, jurisdictionPath: ctx.jurisdiction.path,
      priority: reportPriority({ channel: ctx.channel, zoneCode: input.zoneCode }),
      reporterUserId: ctx.reporterUserId ?? null,
      contactEnc: contact ? secrets.seal(JSON.stringify(contact)) : null,
      contactMasked: contact ? [contact.phone, contact.email].filter(Boolean).map((v) => maskContact(v!)).join(' / ') : null,
      contactShareable: contact?.shareWithPartners ?? false,
      contactKey: contact ? contactKey(secrets, contact) : null,
      sourceHash: ctx.sourceHash ?? null, apiKeyId: ctx.apiKeyId ?? null, externalId: ctx.externalId ?? null,
      lsh: fp?.lsh ?? null, submittedAt: at, updatedAt: at,
    };
    const submitted: EventInput = {
      subjectType: SUBJECT, subjectId: id, action: 'report.submitted', actorId: ctx.actor.id, actorRole: ctx.actor.role,
      unitId: ctx.actor.unitId, toState: 'submitted', at,
      payload: { channel: ctx.channel, categoryCode: input.categoryCode, zoneCode: input.zoneCode ?? null, urls: input.urls,
        jurisdictionId: ctx.jurisdiction.id, hasContact: !!contact, ...(ctx.externalId ? { externalId: ctx.externalId } : {}) },
    };
    const trackingNo = match ? await joinCluster(base, submitted, match, code, ctx) : await startNew(base, submitted, code, ctx);
    return { id, trackingNo, queryCode: code, submittedAt: at, clusteredInto: match?.primaryId ?? null };
  }

  /** A new handling item's rows: the report (with its accept clock's due time), the clock, and its first two events. */
  interface NewItem { at: Date; rows: (trackingNo: string) => { report: Record<string, unknown>; deadline: Record<string, unknown>; events: Record<string, unknown>[] } }
  const newItemsSql = (items: ReturnType<NewItem['rows']>[]) => sql`with r as (${insertSql(reports, items.map((i) => i.report))}),
    d as (${insertDeadlinesSql(items.map((i) => i.deadline))}) ${insertEventsSql(items.flatMap((i) => i.events))}`;

  /**
   * New items without evidence are written in batches: concurrent submissions share one statement
   * (one round trip and commit), each in one piece; a failed batch is retried item by item.
   */
  const newItems = createBatcher<NewItem, string>({
    maxBatch: 64,
    maxInFlight: 2,
    runOne: (item) => withTrackingNo(item.at, (trackingNo) => db.execute(newItemsSql([item.rows(trackingNo)]))),
    runMany: async (items) => {
      const numbers = items.map((item) => freshTrackingNo(item.at));
      await db.execute(newItemsSql(items.map((item, i) => item.rows(numbers[i]!))));
      return numbers;
    },
  });

  /**
   * A new handling item: the row, the clock and the first two events in one statement, so the
   * common case needs no transaction and shares its round trip with concurrent submissions. With
   * evidence to attach, the statement and the claim share a transaction.
   */
  async function startNew(base: NewReport, submitted: EventInput, code: string, ctx: SubmissionContext): Promise<string> {
    const at = base.submittedAt;
    const plan = await clocks.planAccept(db, base, ctx.officeUnitId, at);
    const chain = chainRows([submitted, plan.event]);
    const rows = (trackingNo: string) => ({
      report: { ...base, trackingNo, queryCodeHash: hashQueryCode(trackingNo, code), dueAt: plan.values.dueAt, deadlineStatus: plan.values.status },
      deadline: plan.values,
      events: chain,
    });
    if (!ctx.attach) return newItems.run({ at, rows });
    return withTrackingNo(at, (trackingNo) => db.transaction(async (tx) => {
      await tx.execute(newItemsSql([rows(trackingNo)]));
      await ctx.attach!(tx, base.id);
    }));
  }

  /** A member of an open item: its row and first events; `at` and `match` say when and where it joins. */
  interface JoinItem { at: Date; memberId: string; match: ClusterMatch; rows: (trackingNo: string) => { report: Record<string, unknown>; events: Record<string, unknown>[] } }

  /**
   * Members joining open items, in one transaction: their rows and chains; the primaries' counts
   * (rows locked by the update) and their chain locks, taken in id order in the same statement, so
   * the next statement reads the chains' heads after the locks; then each primary's "member joined"
   * events, chained in arrival order.
   */
  async function writeJoins(tx: Queryable, items: JoinItem[], numbers: string[]): Promise<void> {
    const built = items.map((item, i) => item.rows(numbers[i]!));
    const primaries = [...new Set(items.map((i) => i.match.primaryId))].sort();
    const bumps = primaries.map((id) => {
      const mine = items.filter((i) => i.match.primaryId === id);
      return { id, n: mine.length, at: new Date(Math.max(...mine.map((i) => i.at.getTime()))).toISOString() };
    });
    const res = await tx.execute(sql`with m as (${insertSql(reports, built.map((b) => b.report))}),
      e as (${insertEventsSql(built.flatMap((b) => b.events))}),
      p as (update ${reports} set cluster_size = ${reports.clusterSize} + v.n, updated_at = v.at
        from jsonb_to_recordset(${JSON.stringify(bumps)}::jsonb) as v(id uuid, n int, at timestamptz)
        where ${reports.id} = v.id returning ${reports.id} as id, ${reports.state} as state),
      l as (select ${advisoryLock(sql`${lockKeys.chainPrefix(SUBJECT)} || id`)} from (select unnest(${`{${primaries.join(',')}}`}::text[]) as id order by 1) ids)
      select p.id, p.state, (select count(*) from l) as locks from p`);
    const states = new Map(rowsOf<{ id: string; state: ReportState }>(res).map((r) => [r.id, r.state]));
    const heads = await chainHeads(tx, SUBJECT, primaries);
    const joined = chainRows(items.map((item, i) => {
      const state = states.get(item.match.primaryId) ?? null;
      return {
        subjectType: SUBJECT, subjectId: item.match.primaryId, action: 'report.member_joined', fromState: state, toState: state, at: item.at,
        payload: { member: item.memberId, trackingNo: numbers[i], reason: item.match.reason, similarity: item.match.similarity },
      };
    }), heads);
    await tx.execute(insertEventsSql(joined));
  }

  /** Concurrent members are written together (one transaction); a failed batch is retried member by member. */
  const joins = createBatcher<JoinItem, string>({
    maxBatch: 64,
    // one batch at a time: two would lock overlapping primaries
    maxInFlight: 1,
    runOne: (item) => withTrackingNo(item.at, (trackingNo) => db.transaction((tx) => writeJoins(tx, [item], [trackingNo]))),
    runMany: async (items) => {
      const numbers = items.map((item) => freshTrackingNo(item.at));
      await db.transaction((tx) => writeJoins(tx, items, numbers));
      return numbers;
    },
  });

  async function joinCluster(base: NewReport, submitted: EventInput, match: ClusterMatch, code: string, ctx: SubmissionContext): Promise<string> {
    const at = base.submittedAt;
    const clustered: EventInput = {
      subjectType: SUBJECT, subjectId: base.id, action: 'report.clustered', fromState: 'submitted', toState: 'merged', at,
      payload: { into: match.primaryId, reason: match.reason, similarity: match.similarity },
    };
    const chain = chainRows([submitted, clustered]);
    const item: JoinItem = {
      at, memberId: base.id, match,
      rows: (trackingNo) => ({
        report: {
          ...base, trackingNo, queryCodeHash: hashQueryCode(trackingNo, code), state: 'merged', mergedIntoId: match.primaryId,
          clusterReason: match.reason === 'url' ? 'same_url' : `similar_text:${match.similarity.toFixed(2)}`,
        },
        events: chain,
      }),
    };
    if (!ctx.attach) return joins.run(item);
    return withTrackingNo(at, (trackingNo) => db.transaction(async (tx) => {
      await writeJoins(tx, [item], [trackingNo]);
      await ctx.attach!(tx, base.id);
    }));
  }

  /** Runs `write` with a fresh tracking number, again with another on the (rare) collision; each attempt is atomic. */
  async function withTrackingNo(at: Date, write: (trackingNo: string) => Promise<unknown>): Promise<string> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const trackingNo = freshTrackingNo(at);
      try {
        await write(trackingNo);
        return trackingNo;
      } catch (err) {
        if (!isTrackingCollision(err)) throw err;
      }
    }
    throw new AppError('server.unavailable', 'could not allocate a tracking number');
  }

  return { submit, validate, hashQueryCode, batchStats: () => ({ lookups: lookups.stats(), writes: newItems.stats(), joins: joins.stats() }) };
}
export type IntakeService = ReturnType<typeof createIntakeService>;
