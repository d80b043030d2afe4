import { and, desc, eq, inArray, isNotNull, like, notInArray, sql, type SQL } from 'drizzle-orm';
import type { ReportFilter, ReportQuery } from '@tianlang/contracts';
import { alias } from 'drizzle-orm/pg-core';
import { entityRefsOfGrade } from '../registry/entity-grades.service';
import type { Db, Queryable } from '../../db/client';
import { jurisdictions, reports, users } from '../../db/schema';
import type { AuthUser } from '../auth/auth.types';
import { scopeFilter, subtreeOf, assertJurisdictionInScope } from '../auth/scope';

const COUNT_CAP = 10_000;
const assignee = alias(users, 'assignee');

/**
 * A subcategory exactly, or a top-level category with its subcategories ('x' or 'x.…'). The latter
 * as one anchored pattern when the code has no LIKE wildcard: the same rows as the OR, but one index
 * range (text_pattern_ops) with a sound row estimate, where the OR made the planner walk a whole index.
 */
function categoryCondition(code: string): SQL {
  if (code.includes('.')) return eq(reports.categoryCode, code);
  if (/[_%\\]/.test(code)) return sql`(${reports.categoryCode} = ${code} or ${reports.categoryCode} like ${`${code}.%`})`;
  return sql`${reports.categoryCode} ~ ${`^${code.replace(/[.^$*+?()[\]{}|\\]/g, '\\$&')}(\\.|$)`}`;
}

/** The WHERE clause of a queue and its filters, always inside the user's jurisdiction subtree. */
export async function reportFilterWhere(q: Queryable, user: AuthUser, f: ReportFilter): Promise<SQL> {
  const conds: (SQL | undefined)[] = [scopeFilter(user, reports.jurisdictionPath)];
  switch (f.queue) {
    case 'new': conds.push(eq(reports.state, 'submitted')); break;
    case 'assessing': conds.push(inArray(reports.state, ['accepted', 'assessing'])); break;
    case 'disposing': conds.push(eq(reports.state, 'disposing')); break;
    case 'transferred': conds.push(eq(reports.state, 'transferred')); break;
    case 'reply': conds.push(eq(reports.state, 'disposed')); break;
    case 'overdue': conds.push(eq(reports.deadlineStatus, 'overdue')); break;
    case 'mine': conds.push(eq(reports.assigneeId, user.id), notInArray(reports.state, ['closed', 'merged', 'rejected'])); break;
    default: break;
  }
  if (f.state) conds.push(eq(reports.state, f.state));
  if (f.categoryCode) conds.push(categoryCondition(f.categoryCode));
  if (f.zoneCode) conds.push(eq(reports.zoneCode, f.zoneCode));
  if (f.channel) conds.push(eq(reports.channel, f.channel));
  if (f.trusted === 'true') conds.push(isNotNull(reports.reporterUserId));
  if (f.trusted === 'false') conds.push(sql`${reports.reporterUserId} is null`);
  if (f.platform) conds.push(eq(reports.platformName, f.platform));
  if (f.entityGrade) conds.push(sql`${reports.entityRef} in ${entityRefsOfGrade(f.entityGrade)}`);
  if (f.q) {
    const term = f.q.trim();
    conds.push(/^JB\d/i.test(term) ? eq(reports.trackingNo, term.toUpperCase()) : sql`(${reports.accountName} = ${term} or ${reports.platformName} = ${term})`);
  }
  if (f.jurisdictionId) {
    const [j] = await q.select({ path: jurisdictions.path }).from(jurisdictions).where(eq(jurisdictions.id, f.jurisdictionId));
    assertJurisdictionInScope(user, j);
    conds.push(subtreeOf(reports.jurisdictionPath, j.path));
  }
  return and(...conds)!;
}

export function createQueueService({ db }: { db: Db }) {
  async function list(user: AuthUser, query: ReportQuery) {
    const where = await reportFilterWhere(db, user, query);
    const page = db.select({
      r: {
        id: reports.id, trackingNo: reports.trackingNo, state: reports.state, channel: reports.channel, categoryCode: reports.categoryCode,
        zoneCode: reports.zoneCode, platformName: reports.platformName, description: sql<string>`left(${reports.description}, 80)`,
        jurisdictionId: reports.jurisdictionId, assigneeId: reports.assigneeId, priority: reports.priority, reporterUserId: reports.reporterUserId,
        clusterSize: reports.clusterSize, severity: reports.severity, dueAt: reports.dueAt, deadlineStatus: reports.deadlineStatus, submittedAt: reports.submittedAt,
      },
      jurisdictionName: jurisdictions.name, assigneeName: assignee.displayName,
    }).from(reports)
      .innerJoin(jurisdictions, eq(jurisdictions.id, reports.jurisdictionId))
      .leftJoin(assignee, eq(assignee.id, reports.assigneeId))
      .where(where).orderBy(desc(reports.priority), desc(reports.submittedAt)).limit(query.limit).offset(query.offset);
    const capped = db.select({ one: sql`1`.as('one') }).from(reports).where(where).limit(COUNT_CAP + 1).as('t');
    // The page and the capped count are independent: on PostgreSQL they run at once on two pooled connections.
    const [rows, [c]] = await Promise.all([page, db.select({ n: sql<number>`count(*)::int` }).from(capped)]);
    const n = Number(c?.n ?? 0);
    return { rows, total: Math.min(n, COUNT_CAP), totalCapped: n > COUNT_CAP };
  }
  return { list };
}
export type QueueService = ReturnType<typeof createQueueService>;
