import { z } from 'zod';
import { PageQuerySchema, lineField, text, textField } from './common';
import {
  ACCOUNT_MEASURES, BULK_ACTIONS, DISPOSAL_KINDS, ORDER_ANSWERS, ORDER_MEASURES, ORDER_STATES, RECHECK_RESULTS,
  REJECT_REASONS, REPORT_CHANNELS, REPORT_OUTCOMES, REPORT_QUEUES, REPORT_STATES, TRANSFER_KINDS, TRANSFER_STATES,
} from './report-enums';

export * from './report-enums';
export * from './report-limits';
export * from './reports-submission';
import { CategoryCode, PublicStatusSchema } from './reports-submission';
import { ENTITY_GRADES, ENTITY_TYPES } from './registry-enums';
import { EXTERNAL_UNIT_KINDS, REPLY_CHANNELS } from './enums';
import { SettingLevelSchema, SettingSourceSchema } from './settings';

const reason = textField(1000).min(2);

// ── Staff views ───────────────────────────────────────────────────
export const ReportListItemSchema = z.object({
  id: z.uuid(),
  trackingNo: z.string(),
  state: z.enum(REPORT_STATES),
  channel: z.enum(REPORT_CHANNELS),
  categoryCode: z.string(),
  categoryName: z.string(),
  zoneCode: z.string().nullable(),
  platformName: z.string().nullable(),
  summary: z.string(),
  jurisdictionId: z.uuid(),
  jurisdictionName: z.string(),
  assigneeId: z.uuid().nullable(),
  assigneeName: z.string().nullable(),
  priority: z.number().int(),
  trusted: z.boolean(),
  clusterSize: z.number().int(),
  severity: z.number().int().nullable(),
  dueAt: z.string().nullable(),
  deadlineStatus: z.enum(['on_time', 'at_risk', 'overdue']).nullable(),
  submittedAt: z.string(),
});
export type ReportListItem = z.infer<typeof ReportListItemSchema>;

export const ReportQuerySchema = PageQuerySchema.extend({
  queue: z.enum(REPORT_QUEUES).default('all'),
  state: z.enum(REPORT_STATES).optional(),
  categoryCode: CategoryCode.optional(),
  zoneCode: CategoryCode.optional(),
  jurisdictionId: z.uuid().optional(),
  platform: lineField(100).optional(),
  channel: z.enum(REPORT_CHANNELS).optional(),
  trusted: z.enum(['true', 'false']).optional(),
  q: lineField(100).optional(),
  /** grade of the linked registry entity (重点/一般/观察) */
  entityGrade: z.enum(ENTITY_GRADES).optional(),
});
export type ReportQuery = z.infer<typeof ReportQuerySchema>;
/** Filter part of a query, as saved in a view and used by bulk actions. */
export const ReportFilterSchema = ReportQuerySchema.omit({ limit: true, offset: true });
export type ReportFilter = z.infer<typeof ReportFilterSchema>;

export const ReportListSchema = z.object({
  items: z.array(ReportListItemSchema),
  /** exact up to 10,000; beyond that `totalCapped` is true */
  total: z.number().int(),
  totalCapped: z.boolean(),
});

export const LegalBasisSchema = z.strictObject({
  law: text().min(1).max(100),
  versionDate: text().max(20),
  article: text().min(1).max(40),
  item: text().max(40).optional(),
});
export type LegalBasisInput = z.infer<typeof LegalBasisSchema>;

export const EvidenceViewSchema = z.object({
  id: z.uuid(), mime: z.string(), kind: z.enum(['image', 'pdf', 'video']), size: z.number().int(),
  sha256: z.string(), originalSha256: z.string(), filename: z.string().nullable(), createdAt: z.string(),
});

/** A registry entity a report or disposal names, as the report's reader may see it (null when outside their scope). */
export const EntityRefViewSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  type: z.enum(ENTITY_TYPES),
  grade: z.enum(ENTITY_GRADES),
  jurisdictionName: z.string(),
});
export type EntityRefView = z.infer<typeof EntityRefViewSchema>;

export const DisposalViewSchema = z.object({
  id: z.uuid(),
  kind: z.enum(DISPOSAL_KINDS),
  measure: z.string().nullable(),
  legalBasis: z.array(LegalBasisSchema),
  reasons: z.string(),
  entityRef: z.string().nullable(),
  entity: EntityRefViewSchema.nullable(),
  targetName: z.string().nullable(),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
});

export const TransferViewSchema = z.object({
  id: z.uuid(),
  reportId: z.uuid(),
  trackingNo: z.string(),
  kind: z.enum(TRANSFER_KINDS),
  toUnitId: z.uuid(),
  toUnitName: z.string(),
  fromUnitName: z.string(),
  state: z.enum(TRANSFER_STATES),
  note: z.string(),
  /** only present when the reporter consented to sharing */
  reporterContact: z.string().nullable(),
  summary: z.string(),
  urls: z.array(z.string()),
  replyText: z.string().nullable(),
  returnReason: z.string().nullable(),
  urgeCount: z.number().int(),
  dueAt: z.string().nullable(),
  deadlineStatus: z.enum(['on_time', 'at_risk', 'overdue']).nullable(),
  createdAt: z.string(),
  signedAt: z.string().nullable(),
  repliedAt: z.string().nullable(),
  /** set when staff entered the answer for the unit (代录回函): how it arrived */
  replyChannel: z.enum(REPLY_CHANNELS).nullable(),
  /** when the overdue transfer was escalated (督办) to the sending office's leaders */
  escalatedAt: z.string().nullable(),
});
export type TransferView = z.infer<typeof TransferViewSchema>;

export const OrderViewSchema = z.object({
  id: z.uuid(),
  reportId: z.uuid(),
  trackingNo: z.string(),
  orderNo: z.string(),
  platformUnitId: z.uuid(),
  platformName: z.string(),
  measure: z.enum(ORDER_MEASURES),
  urls: z.array(z.string()),
  requirement: z.string(),
  legalBasis: z.array(LegalBasisSchema),
  state: z.enum(ORDER_STATES),
  answer: z.enum(ORDER_ANSWERS).nullable(),
  answerNote: z.string().nullable(),
  answeredAt: z.string().nullable(),
  answeredLate: z.boolean().nullable(),
  recheck: z.enum(RECHECK_RESULTS).nullable(),
  recheckNote: z.string().nullable(),
  recheckedAt: z.string().nullable(),
  escalated: z.boolean(),
  dueAt: z.string().nullable(),
  deadlineStatus: z.enum(['on_time', 'at_risk', 'overdue']).nullable(),
  createdAt: z.string(),
});
export type OrderView = z.infer<typeof OrderViewSchema>;

export const TimelineEntrySchema = z.object({
  seq: z.number().int(), action: z.string(), actorName: z.string().nullable(), actorRole: z.string().nullable(),
  fromState: z.string().nullable(), toState: z.string().nullable(), reason: z.string().nullable(),
  payload: z.record(z.string(), z.unknown()), at: z.string(), batchId: z.string().nullable(), hash: z.string(),
});

export const ReportDetailSchema = ReportListItemSchema.extend({
  description: z.string(),
  urls: z.array(z.string()),
  canonicalUrls: z.array(z.string()),
  accountName: z.string().nullable(),
  entityRef: z.string().nullable(),
  /** the registry entity `entityRef` names; null when none is named or it lies outside the reader's jurisdiction */
  entity: EntityRefViewSchema.nullable(),
  /** masked, e.g. 138****5678 / a***@example.com; reveal is a separate audited call */
  contactMasked: z.string().nullable(),
  contactShareable: z.boolean(),
  reporterName: z.string().nullable(),
  reporterAccuracy: z.object({ decided: z.number().int(), upheld: z.number().int() }).nullable(),
  /** the reporter's recent record, by account, contact or (weakest) network address; flagged when repeatedly unfounded */
  reporterRecord: z.object({
    basis: z.enum(['account', 'contact', 'address']), days: z.number().int(),
    total: z.number().int(), decided: z.number().int(), unfounded: z.number().int(), flagged: z.boolean(),
  }).nullable(),
  mergedIntoId: z.uuid().nullable(),
  mergedIntoTrackingNo: z.string().nullable(),
  clusterReason: z.string().nullable(),
  rejectReason: z.enum(REJECT_REASONS).nullable(),
  outcome: z.enum(REPORT_OUTCOMES).nullable(),
  publicReply: z.string().nullable(),
  reviewRequestedAt: z.string().nullable(),
  reviewReason: z.string().nullable(),
  evidence: z.array(EvidenceViewSchema),
  disposals: z.array(DisposalViewSchema),
  transfers: z.array(TransferViewSchema),
  orders: z.array(OrderViewSchema),
  deadlines: z.array(z.object({ kind: z.string(), dueAt: z.string(), state: z.string(), status: z.string() })),
  members: z.array(z.object({ id: z.uuid(), trackingNo: z.string(), submittedAt: z.string(), channel: z.enum(REPORT_CHANNELS) })),
  related: z.array(z.object({
    id: z.uuid(), trackingNo: z.string(), state: z.enum(REPORT_STATES), summary: z.string(),
    relation: z.enum(['same_url', 'same_platform_account', 'same_reporter']),
  })),
  timeline: z.array(TimelineEntrySchema),
  /** actions the current user may take now (drives the buttons) */
  allowedActions: z.array(z.string()),
});
export type ReportDetail = z.infer<typeof ReportDetailSchema>;

// ── Staff actions ─────────────────────────────────────────────────
export const RejectInputSchema = z.strictObject({ reasonCode: z.enum(REJECT_REASONS), reason });
export const MergeInputSchema = z.strictObject({ intoId: z.uuid(), reason });
export const ReasonInputSchema = z.strictObject({ reason });
export const OptionalReasonInputSchema = z.strictObject({ reason: textField(1000).optional() });
export const ForwardInputSchema = z.strictObject({ jurisdictionId: z.uuid(), reason });
export const AssignInputSchema = z.strictObject({ userId: z.uuid() });
export const AssessmentInputSchema = z.strictObject({
  categoryCode: CategoryCode.optional(),
  zoneCode: CategoryCode.nullable().optional(),
  severity: z.number().int().min(1).max(5),
  entityRef: lineField(80).nullable().optional(),
  note: textField(2000).min(2),
});

const disposalCommon = {
  legalBasis: z.array(LegalBasisSchema).min(1).max(10),
  reasons: textField(3000).min(5),
  entityRef: lineField(80).optional(),
};
export const DisposalInputSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('order_platform'), ...disposalCommon,
    platformUnitId: z.uuid(), measure: z.enum(ORDER_MEASURES),
    requirement: textField(2000).min(5), dueHours: z.number().int().min(1).max(24 * 15).optional(),
  }),
  z.strictObject({
    kind: z.literal('account_action'), ...disposalCommon,
    measure: z.enum(ACCOUNT_MEASURES), accountName: lineField(200).min(1),
  }),
  z.strictObject({
    kind: z.literal('referral'), ...disposalCommon,
    toUnitId: z.uuid(), transferKind: z.enum(TRANSFER_KINDS), note: textField(2000).min(5),
    /** working days; defaults to the transfer kind's deadline */
    dueDays: z.number().int().min(1).max(30).optional(),
  }),
  z.strictObject({ kind: z.literal('no_violation'), ...disposalCommon, legalBasis: z.array(LegalBasisSchema).max(10).default([]) }),
  z.strictObject({ kind: z.literal('out_of_jurisdiction'), ...disposalCommon, legalBasis: z.array(LegalBasisSchema).max(10).default([]), targetOffice: lineField(100).min(2) }),
]);
export type DisposalInput = z.infer<typeof DisposalInputSchema>;

export const ReplyInputSchema = z.strictObject({
  templateId: z.uuid(),
  /** values for the template's placeholders that the server does not fill itself */
  values: z.record(text().regex(/^[a-zA-Z][a-zA-Z0-9_]{0,39}$/), textField(500)).default({}),
});
export const ReplyPreviewSchema = z.object({ text: z.string(), missing: z.array(z.string()), recipients: z.number().int() });

// ── Transfers and orders ──────────────────────────────────────────
export const TransferQuerySchema = PageQuerySchema.extend({ state: z.enum(TRANSFER_STATES).optional(), box: z.enum(['inbox', 'outbox']).default('inbox') });
/** A route grants one permission: the department's inbox and the office's outbox are separate paths, so the box is not a query field. */
export const TransferBoxQuerySchema = TransferQuerySchema.omit({ box: true });
export const TransferReplyInputSchema = z.strictObject({ text: textField(5000).min(5) });
/** 代录回函: staff enter an answer that arrived outside the system, naming how it came (required). */
export const TransferRecordReplyInputSchema = TransferReplyInputSchema.extend({ channel: z.enum(REPLY_CHANNELS) });
export const OrderQuerySchema = PageQuerySchema.extend({ state: z.enum(ORDER_STATES).optional() });
export const OrderAnswerInputSchema = z.strictObject({ answer: z.enum(ORDER_ANSWERS), note: textField(2000).min(2) });
export const OrderRecheckInputSchema = z.strictObject({ result: z.enum(RECHECK_RESULTS), note: textField(2000).min(2) });

// ── Templates, views, bulk ────────────────────────────────────────
export const ReplyTemplateViewSchema = z.object({
  id: z.uuid(), outcome: z.enum(REPORT_OUTCOMES), name: z.string(), body: z.string(),
  placeholders: z.array(z.string()), active: z.boolean(), updatedAt: z.string(),
  /** the level that set it; a template of the same name set lower down replaces it there */
  source: SettingSourceSchema,
  /** set at the viewer's own level in place of a template of the same name from above */
  replacesInherited: z.boolean(),
});
/** The templates set at the viewer's level and inherited from above, and that level. */
export const ReplyTemplateListSchema = z.object({ items: z.array(ReplyTemplateViewSchema), level: SettingLevelSchema });
export const ReplyTemplateInputSchema = z.strictObject({
  outcome: z.enum(REPORT_OUTCOMES), name: lineField(60).min(1), body: textField(3000).min(10), active: z.boolean().default(true),
});
export const ReplyTemplateUpdateSchema = ReplyTemplateInputSchema.partial().strict();

export const SavedViewSchema = z.object({ id: z.uuid(), name: z.string(), filter: ReportFilterSchema, createdAt: z.string() });
export const SavedViewInputSchema = z.strictObject({ name: lineField(40).min(1), filter: ReportFilterSchema });
export const SavedViewListSchema = z.object({ items: z.array(SavedViewSchema) });

export const BulkInputSchema = z.strictObject({
  action: z.enum(BULK_ACTIONS),
  /** explicit selection, or the filter of the current list (capped at 500 items) */
  ids: z.array(z.uuid()).min(1).max(500).optional(),
  filter: ReportFilterSchema.optional(),
  params: z.strictObject({
    userId: z.uuid().optional(),
    intoId: z.uuid().optional(),
    templateId: z.uuid().optional(),
    values: z.record(text().regex(/^[a-zA-Z][a-zA-Z0-9_]{0,39}$/), textField(500)).optional(),
    reason: textField(1000).optional(),
  }).default({}),
});
export type BulkInput = z.infer<typeof BulkInputSchema>;
export const BulkPreviewSchema = z.object({
  action: z.enum(BULK_ACTIONS),
  items: z.array(z.object({
    id: z.uuid(), trackingNo: z.string(), from: z.enum(REPORT_STATES), to: z.enum(REPORT_STATES).nullable(),
    change: z.string(), ok: z.boolean(), error: z.string().nullable(),
  })),
  applicable: z.number().int(),
  skipped: z.number().int(),
});
export const BulkResultSchema = z.object({ batchId: z.uuid(), applied: z.number().int(), skipped: z.number().int() });
export const BatchViewSchema = z.object({
  id: z.uuid(), action: z.enum(BULK_ACTIONS), actorName: z.string(), createdAt: z.string(),
  applied: z.number().int(), skipped: z.number().int(), params: z.record(z.string(), z.unknown()),
  items: z.array(z.object({ reportId: z.uuid(), trackingNo: z.string(), fromState: z.string().nullable(), toState: z.string().nullable(), action: z.string() })),
});

/** What the console's forms offer: taxonomy with legal basis, partner and platform units, staff, templates. */
export const ReportOptionsSchema = z.object({
  categories: z.array(z.object({
    code: z.string(), name: z.string(), kind: z.enum(['category', 'zone']), parentCode: z.string().nullable(),
    legalBasis: z.array(LegalBasisSchema),
  })),
  /** units a transfer may go to: partner departments and the office above */
  departments: z.array(z.object({ id: z.uuid(), name: z.string(), kind: z.enum(EXTERNAL_UNIT_KINDS) })),
  platforms: z.array(z.object({ id: z.uuid(), name: z.string() })),
  jurisdictions: z.array(z.object({ id: z.uuid(), name: z.string(), level: z.string() })),
  assignees: z.array(z.object({ id: z.uuid(), name: z.string() })),
  templates: z.array(ReplyTemplateViewSchema),
});
export type ReportOptions = z.infer<typeof ReportOptionsSchema>;

export const ContactRevealSchema = z.object({ phone: z.string().nullable(), email: z.string().nullable(), shareWithPartners: z.boolean() });
export const TrustedReportQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).default(0),
});
export const TrustedReportListSchema = z.object({ items: z.array(PublicStatusSchema.extend({ id: z.uuid() })), total: z.number().int() });

/**
 * Per-category deadlines in working days in force at the viewer's level (a category without a row
 * uses the defaults): each row is the root's or overridden by a jurisdiction on the way down.
 */
export const ReportSlaViewSchema = z.object({
  defaults: z.object({ accept: z.number().int(), dispose: z.number().int(), reply: z.number().int() }),
  level: SettingLevelSchema,
  /** every active report category, with its name and parent, so the page can list all of them (admins may not read reports) */
  taxonomy: z.array(z.object({ code: z.string(), name: z.string(), parentCode: z.string().nullable() })),
  categories: z.array(z.object({
    categoryCode: z.string(), accept: z.number().int(), dispose: z.number().int(), reply: z.number().int(), updatedAt: z.string(),
    source: SettingSourceSchema,
  })),
});
export const ReportSlaInputSchema = z.strictObject({
  accept: z.number().int().min(1).max(30),
  dispose: z.number().int().min(1).max(60),
  reply: z.number().int().min(1).max(30),
  reason: textField(500).min(2),
});
export const ReportSlaCodeParamsSchema = z.strictObject({ code: lineField(60).min(1) });
/** Restoring the inherited deadlines of a category may say why. */
export const ReportSlaRemoveQuerySchema = z.strictObject({ reason: textField(500).min(2).optional() });

/** One evidence file of one report. */
export const EvidenceParamsSchema = z.strictObject({ id: z.uuid(), evidenceId: z.uuid() });
/** 巡查发现 → 处置: the report a confirmed patrol item became (`created` false when it already had one). */
export const PatrolItemReportSchema = z.object({ reportId: z.uuid(), trackingNo: z.string(), created: z.boolean() });
