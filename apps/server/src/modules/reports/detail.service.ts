import { and, asc, desc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { OrderView, Permission, ReportDetail, TransferView } from '@tianlang/contracts';
import { actionsFrom, UPHELD_KINDS } from '@tianlang/core';
import type { Db } from '../../db/client';
import { jurisdictions, reportDisposals, reports, users, type FileUploadRow, type ReportRow } from '../../db/schema';
import { AppError } from '../../lib/errors';
import type { AuthUser } from '../auth/auth.types';
import { ACTION_PERMISSION, reportsPolicy } from './reports.policy';
import { reportDetailView } from './reports.views';
import { entityRefOf, entityRefViews } from '../registry';
import type { TaxonomyCache } from './taxonomy';
import { scopeFilter } from '../auth/scope';
import { eventsOf } from '../audit/history.service';
import { clocksOf } from '../deadlines/deadlines.service';

export interface Subcases {
  transfersOf(reportId: string): Promise<TransferView[]>;
  ordersOf(reportId: string): Promise<OrderView[]>;
  /** ids of the transfers and orders of a report, whose events join its timeline */
  subjectIdsOf(reportId: string): Promise<{ type: string; id: string }[]>;
}

const EXTRA_ACTIONS: { action: string; permission: Permission; when: (r: ReportRow, u: AuthUser) => boolean }[] = [
  { action: 'claim', permission: reportsPolicy.claim, when: (r, u) => r.assigneeId !== u.id && !['closed', 'merged', 'rejected'].includes(r.state) },
  { action: 'release', permission: reportsPolicy.claim, when: (r, u) => r.assigneeId === u.id },
  { action: 'assign', permission: reportsPolicy.assign, when: (r) => !['closed', 'merged', 'rejected'].includes(r.state) },
  { action: 'reveal', permission: reportsPolicy.revealContact, when: (r) => !!r.contactEnc },
];

/** How far back a reporter's record reaches, and how many unfounded reports flag them. */
export const REPORTER_RECORD_DAYS = 180;
export const UNFOUNDED_FLAG_COUNT = 3;
const UNFOUNDED = sql`(${reports.outcome} = 'no_violation' or (${reports.state} = 'rejected' and ${reports.rejectReason} in ('not_harmful_info', 'malicious')))`;
type ReporterRecord = NonNullable<ReportDetail['reporterRecord']>;

/** Everything the item page shows, assembled for one user (actions they may take now). */
export function createDetailService({ db, taxonomy, evidenceOf, subcases }: {
  db: Db; taxonomy: TaxonomyCache; subcases: Subcases;
  /** a report's evidence, from the files module, in upload order */
  evidenceOf: (reportId: string) => Promise<FileUploadRow[]>;
}) {
  async function reporterAccuracy(userId: string) {
    const [row] = await db.select({
      decided: sql<number>`count(distinct ${reports.id}) filter (where ${reports.outcome} is not null)::int`,
      upheld: sql<number>`count(distinct ${reports.id}) filter (where ${reportDisposals.kind} in (${sql.join(UPHELD_KINDS.map((k) => sql`${k}`), sql`, `)}))::int`,
    }).from(reports).leftJoin(reportDisposals, eq(reportDisposals.reportId, sql`coalesce(${reports.mergedIntoId}, ${reports.id})`))
      .where(eq(reports.reporterUserId, userId));
    return { decided: Number(row?.decided ?? 0), upheld: Number(row?.upheld ?? 0) };
  }

  /**
   * The reporter's record over the last REPORTER_RECORD_DAYS: by their account, else their contact,
   * else their network address (which several people may share). Unfounded: found to contain no
   * violation, or refused as not harmful or malicious. Repeatedly unfounded reporters are flagged
   * to staff (never refused: each report is still handled on its merits).
   */
  async function reporterRecord(r: ReportRow): Promise<ReporterRecord | null> {
    const basis = r.reporterUserId ? 'account' : r.contactKey ? 'contact' : r.sourceHash ? 'address' : null;
    if (!basis) return null;
    const same = basis === 'account' ? eq(reports.reporterUserId, r.reporterUserId!) : basis === 'contact' ? eq(reports.contactKey, r.contactKey!) : eq(reports.sourceHash, r.sourceHash!);
    const since = new Date(r.submittedAt.getTime() - REPORTER_RECORD_DAYS * 86_400_000);
    const [row] = await db.select({
      total: sql<number>`count(*)::int`,
      decided: sql<number>`count(*) filter (where ${reports.outcome} is not null or ${reports.state} = 'rejected')::int`,
      unfounded: sql<number>`count(*) filter (where ${UNFOUNDED})::int`,
    }).from(reports).where(and(same, sql`${reports.submittedAt} >= ${since}`));
    const total = Number(row?.total ?? 0);
    const decided = Number(row?.decided ?? 0);
    const unfounded = Number(row?.unfounded ?? 0);
    return { basis, days: REPORTER_RECORD_DAYS, total, decided, unfounded, flagged: unfounded >= UNFOUNDED_FLAG_COUNT && unfounded * 2 >= decided };
  }

  async function get(user: AuthUser, id: string): Promise<ReportDetail> {
    const [hit] = await db.select({ r: reports, jurisdictionName: jurisdictions.name }).from(reports)
      .innerJoin(jurisdictions, eq(jurisdictions.id, reports.jurisdictionId))
      .where(and(eq(reports.id, id), scopeFilter(user, reports.jurisdictionPath)));
    if (!hit) throw new AppError('resource.not_found', 'report not found');
    const r = hit.r;
    const names = async (ids: (string | null)[]) => {
      const list = ids.filter((x): x is string => !!x);
      if (list.length === 0) return new Map<string, string>();
      const rows = await db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, list));
      return new Map(rows.map((x) => [x.id, x.name]));
    };
    const subjects = [{ type: 'report', id: r.id }, ...(await subcases.subjectIdsOf(r.id))];
    const [evidence, disposals, clocks, members, timelineRows, transfers, orders, primary] = await Promise.all([
      evidenceOf(r.id),
      db.select().from(reportDisposals).where(eq(reportDisposals.reportId, r.id)).orderBy(asc(reportDisposals.createdAt)),
      clocksOf(db, 'report', [r.id]),
      db.select({ id: reports.id, trackingNo: reports.trackingNo, submittedAt: reports.submittedAt, channel: reports.channel }).from(reports)
        .where(eq(reports.mergedIntoId, r.id)).orderBy(asc(reports.submittedAt)).limit(200),
      // a sub-case's own steps are mirrored on the report; only its clock events are not
      eventsOf(db, subjects.map((s) => ({ type: s.type, ids: [s.id], actionPrefix: s.type === 'report' ? undefined : 'deadline.' })), { limit: 500 }),
      subcases.transfersOf(r.id),
      subcases.ordersOf(r.id),
      r.mergedIntoId ? db.select({ trackingNo: reports.trackingNo }).from(reports).where(eq(reports.id, r.mergedIntoId)) : Promise.resolve([]),
    ]);
    const [people, entities] = await Promise.all([
      names([r.assigneeId, r.reporterUserId, ...disposals.map((d) => d.createdBy), ...timelineRows.map((e) => e.actorId)]),
      // only entities inside the reader's own scope: another jurisdiction's entity stays unnamed
      entityRefViews(db, user.scopePath, [r.entityRef, ...disposals.map((d) => d.entityRef)]),
    ]);
    const related = await relatedOf(r, user);
    const allowed = [
      ...actionsFrom(r.state).filter((a) => { const p = ACTION_PERMISSION[a]; return p && user.permissions.has(p); }),
      ...EXTRA_ACTIONS.filter((x) => user.permissions.has(x.permission) && x.when(r, user)).map((x) => x.action),
    ];
    const category = (await taxonomy.byCode()).get(r.categoryCode);
    return reportDetailView(r, { categoryName: category?.name ?? r.categoryCode, jurisdictionName: hit.jurisdictionName, assigneeName: r.assigneeId ? people.get(r.assigneeId) ?? null : null }, {
      entity: entityRefOf(entities, r.entityRef),
      reporterName: r.reporterUserId ? people.get(r.reporterUserId) ?? null : null,
      reporterAccuracy: r.reporterUserId ? await reporterAccuracy(r.reporterUserId) : null,
      reporterRecord: await reporterRecord(r),
      mergedIntoTrackingNo: primary[0]?.trackingNo ?? null,
      evidence: evidence.map((e) => ({ id: e.id, mime: e.mime, kind: e.kind, size: e.size, sha256: e.sha256, originalSha256: e.originalSha256, filename: e.filename, createdAt: e.createdAt.toISOString() })),
      disposals: disposals.map((d) => ({ id: d.id, kind: d.kind, measure: d.measure, legalBasis: d.legalBasis, reasons: d.reasons, entityRef: d.entityRef, entity: entityRefOf(entities, d.entityRef), targetName: d.targetName, createdByName: people.get(d.createdBy) ?? null, createdAt: d.createdAt.toISOString() })),
      transfers, orders,
      deadlines: clocks.map((d) => ({ kind: d.kind, dueAt: d.dueAt.toISOString(), state: d.state, status: d.status })),
      members: members.map((m) => ({ ...m, submittedAt: m.submittedAt.toISOString() })),
      related,
      timeline: timelineRows.map((e) => ({
        seq: e.seq, action: e.subjectType === 'report' ? e.action : `${e.subjectType}:${e.action}`, actorName: e.actorId ? people.get(e.actorId) ?? null : null,
        actorRole: e.actorRole, fromState: e.fromState, toState: e.toState, reason: e.reason, payload: e.payload, at: e.createdAt.toISOString(), batchId: e.batchId, hash: e.hash,
      })),
      allowedActions: [...new Set(allowed)].filter((a) => !['transfer', 'transfer_settled', 'review'].includes(a)),
    });
  }

  async function relatedOf(r: ReportRow, user: AuthUser) {
    const pick = { id: reports.id, trackingNo: reports.trackingNo, state: reports.state, description: reports.description };
    const notSelf = and(ne(reports.id, r.id), scopeFilter(user, reports.jurisdictionPath));
    const [byUrl, byAccount, byReporter] = await Promise.all([
      r.canonicalUrl ? db.select(pick).from(reports).where(and(eq(reports.canonicalUrl, r.canonicalUrl), notSelf)).orderBy(desc(reports.submittedAt)).limit(5) : [],
      r.platformName && r.accountName ? db.select(pick).from(reports).where(and(eq(reports.platformName, r.platformName), eq(reports.accountName, r.accountName), notSelf)).orderBy(desc(reports.submittedAt)).limit(5) : [],
      r.reporterUserId || r.contactKey
        ? db.select(pick).from(reports).where(and(r.reporterUserId ? eq(reports.reporterUserId, r.reporterUserId) : eq(reports.contactKey, r.contactKey!), notSelf)).orderBy(desc(reports.submittedAt)).limit(5)
        : [],
    ]);
    const tag = (rows: typeof byUrl, relation: 'same_url' | 'same_platform_account' | 'same_reporter') =>
      rows.map((x) => ({ id: x.id, trackingNo: x.trackingNo, state: x.state, summary: x.description.slice(0, 60), relation }));
    return [...tag(byUrl, 'same_url'), ...tag(byAccount, 'same_platform_account'), ...tag(byReporter, 'same_reporter')];
  }

  return { get, reporterAccuracy };
}
export type DetailService = ReturnType<typeof createDetailService>;
