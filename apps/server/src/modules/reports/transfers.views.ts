import { inArray } from 'drizzle-orm';
import type { TransferKind, TransferView } from '@tianlang/contracts';
import type { Queryable } from '../../db/client';
import { reports } from '../../db/schema';
import type { Secrets } from '../../lib/secrets';
import type { AssignmentListRow } from '../assignments/assignments.service';
import { isoOrNull } from '../../lib/iso';

/** What of its report a transfer shows: the report's content and the reporter's contact (see ContactMode). */
export async function reportsOfTransfers(q: Queryable, rows: AssignmentListRow[]) {
  const ids = [...new Set(rows.map((r) => r.a.subjectId))];
  const found = ids.length === 0 ? [] : await q.select({
    id: reports.id, trackingNo: reports.trackingNo, description: reports.description, urls: reports.urls,
    contactEnc: reports.contactEnc, contactMasked: reports.contactMasked,
  }).from(reports).where(inArray(reports.id, ids));
  return new Map(found.map((r) => [r.id, r]));
}
type TransferReport = Awaited<ReturnType<typeof reportsOfTransfers>> extends Map<string, infer R> ? R : never;

/**
 * `full`: the receiving department sees the reporter's contact when the reporter consented (that is
 * what the consent is for); `masked`: office staff see the masked form, revealing stays an audited call.
 */
export type ContactMode = 'full' | 'masked';

function contactOf(row: AssignmentListRow, report: TransferReport, mode: ContactMode, secrets: Secrets): string | null {
  if (row.a.detail.includeContact !== true || !report.contactEnc) return null;
  if (mode === 'masked') return report.contactMasked;
  try {
    const c = JSON.parse(secrets.open(report.contactEnc)) as { phone?: string; email?: string };
    return [c.phone, c.email].filter(Boolean).join(' / ') || null;
  } catch {
    return null;
  }
}


export function transferView(row: AssignmentListRow, report: TransferReport, mode: ContactMode, secrets: Secrets): TransferView {
  const t = row.a;
  return {
    id: t.id, reportId: t.subjectId, trackingNo: report.trackingNo, kind: t.category as TransferKind, toUnitId: t.toUnitId, toUnitName: row.toUnitName,
    fromUnitName: row.fromUnitName, state: t.state, note: t.note, reporterContact: contactOf(row, report, mode, secrets),
    summary: report.description, urls: report.urls, replyText: t.replyText, returnReason: t.returnReason, urgeCount: t.urgeCount,
    dueAt: isoOrNull(row.dueAt), deadlineStatus: row.deadlineStatus, createdAt: t.createdAt.toISOString(), signedAt: isoOrNull(t.signedAt), repliedAt: isoOrNull(t.repliedAt),
    replyChannel: t.replyChannel, escalatedAt: isoOrNull(t.escalatedAt),
  };
}
