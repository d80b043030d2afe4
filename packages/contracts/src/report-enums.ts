/**
 * Runtime constants of the reports module, kept free of zod so the web app can import them
 * without pulling the schema library into the public bundle.
 */

/** 已提交 → 已受理 | 不予受理 | 已合并 → 研判中 → 处置中 ⇄ 移交中 → 已处置 → 已回复 → 已办结 */
export const REPORT_STATES = [
  'submitted', 'accepted', 'rejected', 'merged', 'assessing', 'disposing', 'transferred', 'disposed', 'answered', 'closed',
] as const;
export type ReportState = (typeof REPORT_STATES)[number];

/** What the reporter sees: a staged status, never the internal state. */
export const PUBLIC_STAGES = ['submitted', 'accepted', 'handling', 'finished', 'rejected', 'reviewing'] as const;
export type PublicStage = (typeof PUBLIC_STAGES)[number];

export const REPORT_CHANNELS = ['web', 'mobile', 'embed', 'api', 'trusted', 'phone', 'mail', 'letter', 'visit', 'patrol'] as const;
export type ReportChannel = (typeof REPORT_CHANNELS)[number];
/** Channels a staff member records on a reporter's behalf (电话、来信、来访). */
export const STAFF_CHANNELS = ['phone', 'mail', 'letter', 'visit'] as const satisfies readonly ReportChannel[];

/** Reason codes for 不予受理. */
export const REJECT_REASONS = [
  'not_harmful_info', 'insufficient_info', 'duplicate', 'not_internet', 'personal_dispute', 'malicious', 'other',
] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];

export const DISPOSAL_KINDS = ['order_platform', 'account_action', 'referral', 'no_violation', 'out_of_jurisdiction'] as const;
export type DisposalKind = (typeof DISPOSAL_KINDS)[number];
export const ORDER_MEASURES = ['remove', 'restrict', 'label'] as const;
export type OrderMeasure = (typeof ORDER_MEASURES)[number];
export const ACCOUNT_MEASURES = ['warn', 'limit', 'suspend', 'close'] as const;
export type AccountMeasure = (typeof ACCOUNT_MEASURES)[number];

/** Transfer types and their default reply deadlines in working days (5–15 by type). */
export const TRANSFER_KINDS = ['police', 'market', 'culture', 'health', 'education', 'other'] as const;
export type TransferKind = (typeof TRANSFER_KINDS)[number];
export const TRANSFER_DAYS: Record<TransferKind, number> = {
  police: 15, market: 10, culture: 10, health: 10, education: 10, other: 5,
};
/** A transfer is an assignment (see ASSIGNMENT_STATES): the same four states. */
export const TRANSFER_STATES = ['sent', 'signed', 'replied', 'returned'] as const;
export type TransferState = (typeof TRANSFER_STATES)[number];

export const ORDER_STATES = ['issued', 'answered', 'rechecked', 'escalated'] as const;
export type OrderState = (typeof ORDER_STATES)[number];
export const ORDER_ANSWERS = ['done', 'partial', 'refused'] as const;
export type OrderAnswer = (typeof ORDER_ANSWERS)[number];
export const RECHECK_RESULTS = ['removed', 'still_present'] as const;
export type RecheckResult = (typeof RECHECK_RESULTS)[number];

/** The outcome category the reporter is told, derived from the disposals. */
export const REPORT_OUTCOMES = ['handled', 'referred', 'no_violation', 'out_of_jurisdiction', 'rejected'] as const;
export type ReportOutcome = (typeof REPORT_OUTCOMES)[number];

/** Staff queues. */
export const REPORT_QUEUES = ['new', 'assessing', 'disposing', 'transferred', 'reply', 'overdue', 'mine', 'all'] as const;
export type ReportQueue = (typeof REPORT_QUEUES)[number];

export const BULK_ACTIONS = ['accept', 'assign', 'merge', 'reply'] as const;
export type BulkAction = (typeof BULK_ACTIONS)[number];

export const EVIDENCE_TYPES = {
  'image/png': 'image', 'image/jpeg': 'image', 'image/webp': 'image', 'application/pdf': 'pdf', 'video/mp4': 'video',
} as const;
export type EvidenceMime = keyof typeof EVIDENCE_TYPES;
/** Per-file limits in bytes. */
export const EVIDENCE_LIMITS = { image: 10 * 1024 * 1024, pdf: 20 * 1024 * 1024, video: 50 * 1024 * 1024 } as const;
export const MAX_EVIDENCE_PER_REPORT = 9;

/** Deadlines per stage (working days unless noted); categories may override them. */
export const REPORT_SLA_DEFAULTS = { accept: 1, dispose: 5, reply: 2 } as const;
export type ReportSla = { accept: number; dispose: number; reply: number };
/** Platform orders are answered in hours. */
export const ORDER_DEFAULT_HOURS = 24;
