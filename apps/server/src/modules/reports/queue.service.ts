import { and, desc, eq, inArray, isNotNull, like, notInArray, sql, type SQL } from 'drizzle-orm';
import type { ReportFilter, ReportQuery } from '@tianlang/contracts';
import { alias } from 'drizzle-orm/pg-core';
import type { Db, Queryable } from '../../db/client';
import { jurisdictions, reports, users } from '../../db/schema';
import { AppError } from '../../lib/errors';
import type { AuthUser } from '../auth/auth.types';

const COUNT_CAP = 10_000;
const assignee = alias(users, 'assignee');

/** The WHERE clause of a queue and its filters, always inside the user's jurisdiction subtree. */
export async function reportFilterWhere(q: Queryable, user: AuthUser, f: ReportFilter): Promise<SQL> {
  const conds: (SQL | undefined)[] = [like(reports.jurisdictionPath, `${user.scopePath}%`)];
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
  if (f.categoryCode) conds.push(f.categoryCode.includes('.') ? eq(reports.categoryCode, f.categoryCode)
    : sql`(${reports.categoryCode} = ${f.categoryCode} or ${reports.categoryCode} like ${`${f.categoryCode}.%`})`);
  if (f.zoneCode) conds.push(eq(reports.zoneCode, f.zoneCode));
  if (f.channel) conds.push(eq(reports.channel, f.channel));
  if (f.trusted === 'true') conds.push(isNotNull(reports.reporterUserId));
  if (f.trusted === 'false') conds.push(sql`${reports.reporterUserId} is null`);
  if (f.platform) conds.push(eq(reports.platformName, f.platform));
  if (f.q) {
    const term = f.q.trim();
    conds.push(/^JB\d/i.test(term) ? eq(reports.trackingNo, term.toUpperCase()) : sql`(${reports.accountName} = ${term} or ${reports.platformName} = ${term})`);
  }
  if (f.jurisdictionId) {
    const [j] = await q.select({ path: jurisdictions.path }).from(jurisdictions).where(eq(jurisdictions.id, f.jurisdictionId));
    if (!j || !j.path.startsWith(user.scopePath)) throw new AppError('jurisdiction.out_of_scope', 'jurisdiction outside your scope');
    conds.push(like(reports.jurisdictionPath, `${j.path}%`));
  }
  return and(...conds)!;
}

export function createQueueService({ db }: { db: Db }) {
  async function list(user: AuthUser, query: ReportQuery) {
    const where = await reportFilterWhere(db, user, query);
    const rows = await db.select({
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
    const [c] = await db.select({ n: sql<number>`count(*)::int` }).from(capped);
    const n = Number(c?.n ?? 0);
    return { rows, total: Math.min(n, COUNT_CAP), totalCapped: n > COUNT_CAP };
  }
  return { list };
}
export type QueueService = ReturnType<typeof createQueueService>;
