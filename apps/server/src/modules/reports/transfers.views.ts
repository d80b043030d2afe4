import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { TransferView } from '@tianlang/contracts';
import type { Queryable } from '../../db/client';
import { deadlines, reports, reportTransfers, units } from '../../db/schema';
import type { Secrets } from '../../lib/secrets';
import { TRANSFER_CLOCK, TRANSFER_SUBJECT } from './subcases';

const toUnit = alias(units, 'to_unit');
const fromUnit = alias(units, 'from_unit');

/** A transfer with what its views need: the report's content, unit names and the reply clock. */
export function selectTransfers(q: Queryable, where: SQL | undefined, page?: { limit: number; offset: number }) {
  const query = q.select({
    t: reportTransfers,
    trackingNo: reports.trackingNo, description: reports.description, urls: reports.urls,
    contactEnc: reports.contactEnc, contactMasked: reports.contactMasked,
    toUnitName: toUnit.name, fromUnitName: fromUnit.name, dueAt: deadlines.dueAt, deadlineStatus: deadlines.status,
  }).from(reportTransfers)
    .innerJoin(reports, eq(reports.id, reportTransfers.reportId))
    .innerJoin(toUnit, eq(toUnit.id, reportTransfers.toUnitId))
    .innerJoin(fromUnit, eq(fromUnit.id, reportTransfers.fromUnitId))
    .leftJoin(deadlines, and(eq(deadlines.subjectType, TRANSFER_SUBJECT), eq(deadlines.subjectId, sql`${reportTransfers.id}::text`), eq(deadlines.kind, TRANSFER_CLOCK)))
    .where(where).orderBy(desc(reportTransfers.createdAt), desc(reportTransfers.id));
  return page ? query.limit(page.limit).offset(page.offset) : query;
}

export async function countTransfers(q: Queryable, where: SQL | undefined): Promise<number> {
  const [row] = await q.select({ n: sql<number>`count(*)::int` }).from(reportTransfers).innerJoin(reports, eq(reports.id, reportTransfers.reportId)).where(where);
  return Number(row?.n ?? 0);
}

export type TransferJoinRow = Awaited<ReturnType<typeof selectTransfers>>[number];

/**
 * `full`: the receiving department sees the reporter's contact when the reporter consented (that is
 * what the consent is for); `masked`: office staff see the masked form, revealing stays an audited call.
 */
export type ContactMode = 'full' | 'masked';

function contactOf(row: TransferJoinRow, mode: ContactMode, secrets: Secrets): string | null {
  if (!row.t.includeContact || !row.contactEnc) return null;
  if (mode === 'masked') return row.contactMasked;
  try {
    const c = JSON.parse(secrets.open(row.contactEnc)) as { phone?: string; email?: string };
    return [c.phone, c.email].filter(Boolean).join(' / ') || null;
  } catch {
    return null;
  }
}

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

export function transferView(row: TransferJoinRow, mode: ContactMode, secrets: Secrets): TransferView {
  const t = row.t;
  return {
    id: t.id, reportId: t.reportId, trackingNo: row.trackingNo, kind: t.kind, toUnitId: t.toUnitId, toUnitName: row.toUnitName,
    fromUnitName: row.fromUnitName, state: t.state, note: t.note, reporterContact: contactOf(row, mode, secrets),
    summary: row.description, urls: row.urls, replyText: t.replyText, returnReason: t.returnReason, urgeCount: t.urgeCount,
    dueAt: iso(row.dueAt), deadlineStatus: row.deadlineStatus ?? null, createdAt: t.createdAt.toISOString(), signedAt: iso(t.signedAt), repliedAt: iso(t.repliedAt),
  };
}
