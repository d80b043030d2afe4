import type { ReportDetail, ReportListItem } from '@tianlang/contracts';
import type { ReportRow } from '../../db/schema';
import { isoOrNull } from '../../lib/iso';

type ListRow = Pick<ReportRow, 'id' | 'trackingNo' | 'state' | 'channel' | 'categoryCode' | 'zoneCode' | 'platformName' | 'jurisdictionId' |
  'assigneeId' | 'priority' | 'reporterUserId' | 'clusterSize' | 'severity' | 'dueAt' | 'deadlineStatus' | 'submittedAt'> & { description: string };

const summarize = (text: string) => (text.length > 60 ? `${text.slice(0, 60)}…` : text);

/** What a queue row shows: no contact, no internal notes, a 60-character summary. */
export function reportListItemView(r: ListRow, names: { categoryName: string; jurisdictionName: string; assigneeName: string | null }): ReportListItem {
  return {
    id: r.id, trackingNo: r.trackingNo, state: r.state, channel: r.channel, categoryCode: r.categoryCode, categoryName: names.categoryName,
    zoneCode: r.zoneCode, platformName: r.platformName, summary: summarize(r.description), jurisdictionId: r.jurisdictionId,
    jurisdictionName: names.jurisdictionName, assigneeId: r.assigneeId, assigneeName: names.assigneeName, priority: r.priority,
    trusted: !!r.reporterUserId, clusterSize: r.clusterSize, severity: r.severity, dueAt: isoOrNull(r.dueAt), deadlineStatus: r.deadlineStatus,
    submittedAt: r.submittedAt.toISOString(),
  };
}

export type DetailParts = Omit<ReportDetail, keyof ReportListItem | 'description' | 'urls' | 'canonicalUrls' | 'accountName' | 'entityRef' |
  'contactMasked' | 'contactShareable' | 'mergedIntoId' | 'clusterReason' | 'rejectReason' | 'outcome' | 'publicReply' | 'reviewRequestedAt' | 'reviewReason'>;

export function reportDetailView(r: ReportRow, names: { categoryName: string; jurisdictionName: string; assigneeName: string | null }, parts: DetailParts): ReportDetail {
  return {
    ...reportListItemView(r, names),
    description: r.description, urls: r.urls, canonicalUrls: r.canonicalUrls, accountName: r.accountName, entityRef: r.entityRef,
    contactMasked: r.contactMasked, contactShareable: r.contactShareable, mergedIntoId: r.mergedIntoId, clusterReason: r.clusterReason,
    rejectReason: r.rejectReason, outcome: r.outcome, publicReply: r.publicReply, reviewRequestedAt: isoOrNull(r.reviewRequestedAt),
    reviewReason: r.reviewReason, ...parts,
  };
}
