/** What the public portal, staff entry, trusted reporters and partner systems send, and what they get back. */
import { z } from 'zod';
import { httpUrl, lineField, text, textField, TimestampSchema } from './common';
import { PHONE_PATTERN, REPORT_LIMITS as L } from './report-limits';
import { EVIDENCE_TYPES, MAX_EVIDENCE_PER_REPORT, PUBLIC_STAGES, REPORT_CHANNELS, REPORT_OUTCOMES, STAFF_CHANNELS } from './report-enums';

export const CategoryCode = lineField(60).min(1);

// ── Public submission ─────────────────────────────────────────────
export const ContactSchema = z.strictObject({
  phone: text().trim().regex(PHONE_PATTERN, 'invalid phone number').optional(),
  email: z.email().max(L.email).optional(),
  /** may the office share the contact with a partner department the report is transferred to */
  shareWithPartners: z.boolean().default(false),
});

const ReportBodyFields = {
  categoryCode: CategoryCode,
  zoneCode: CategoryCode.optional(),
  urls: z.array(httpUrl(L.url)).max(L.urls).default([]),
  platformName: lineField(L.platformName).optional(),
  /** a platform unit, when the entry was opened from a platform's embedded form */
  platformUnitId: z.uuid().optional(),
  accountName: lineField(L.accountName).optional(),
  description: textField(L.descriptionMax).min(L.descriptionMin),
};

export const PublicReportInputSchema = z.strictObject({
  ...ReportBodyFields,
  /** tokens returned by the evidence upload endpoint */
  evidence: z.array(text().min(16).max(100)).max(MAX_EVIDENCE_PER_REPORT).default([]),
  contact: ContactSchema.optional(),
  goodFaith: z.literal(true, { message: 'the good-faith statement must be accepted' }),
  channel: z.enum(['web', 'mobile', 'embed']).default('web'),
  /** proof of work, required once an address has submitted more than the free threshold */
  pow: z.strictObject({ challenge: text().max(500), nonce: text().max(40) }).optional(),
});
export type PublicReportInput = z.infer<typeof PublicReportInputSchema>;

/** Staff record a phone call, letter or visit; trusted reporters submit from their account. */
export const StaffReportInputSchema = z.strictObject({
  ...ReportBodyFields,
  contact: ContactSchema.optional(),
  channel: z.enum(STAFF_CHANNELS),
  receivedAt: TimestampSchema.optional(),
});
export const TrustedReportInputSchema = z.strictObject({
  ...ReportBodyFields,
  evidence: z.array(text().min(16).max(100)).max(MAX_EVIDENCE_PER_REPORT).default([]),
});

/** Partner systems and platforms submit in bulk with an API key (scope reports.submit). */
export const PartnerReportInputSchema = z.strictObject({
  reports: z.array(z.strictObject({ externalId: lineField(100).min(1), ...ReportBodyFields })).min(1).max(500),
});
export const PartnerReportResultSchema = z.object({
  results: z.array(z.object({
    externalId: z.string(),
    trackingNo: z.string().optional(),
    duplicate: z.boolean().optional(),
    error: z.object({ code: z.string(), message: z.string() }).optional(),
  })),
});

export const ReportReceiptSchema = z.object({
  trackingNo: z.string(),
  /** shown once; only its hash is stored */
  queryCode: z.string(),
  submittedAt: z.string(),
});

export const EvidenceUploadResultSchema = z.object({
  token: z.string(),
  mime: z.enum(Object.keys(EVIDENCE_TYPES) as [keyof typeof EVIDENCE_TYPES]),
  size: z.number().int(),
  sha256: z.string(),
  /** true when metadata (EXIF, XMP, text chunks) was removed from an image */
  stripped: z.boolean(),
});

/**
 * A public upload may carry a solved proof of work in headers (the body is the file). Other
 * headers pass: browsers and proxies add their own.
 */
export const EvidenceUploadHeadersSchema = z.looseObject({
  'x-pow-challenge': z.string().max(200).optional(),
  'x-pow-nonce': z.string().max(40).optional(),
});

export const PowChallengeSchema = z.object({ challenge: z.string(), difficulty: z.number().int(), expiresAt: z.string() });

/** An entry embedded by a platform names the platform unit to prefill. */
export const PublicFormQuerySchema = z.strictObject({ platform: z.uuid().optional() });
export const PublicFormOptionsSchema = z.object({
  categories: z.array(z.object({ code: z.string(), name: z.string(), parentCode: z.string().nullable() })),
  zones: z.array(z.object({ code: z.string(), name: z.string() })),
  /** prefilled platform for an embedded entry */
  platform: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  powRequired: z.boolean(),
});

export const StatusQueryInputSchema = z.strictObject({
  trackingNo: text().trim().regex(/^JB\d{8}[0-9A-Z]{8}$/, 'invalid tracking number'),
  queryCode: lineField(20).min(6),
});
export const PublicStatusSchema = z.object({
  trackingNo: z.string(),
  stage: z.enum(PUBLIC_STAGES),
  categoryName: z.string(),
  submittedAt: z.string(),
  /** one line per stage reached, with its time */
  steps: z.array(z.object({ stage: z.enum(PUBLIC_STAGES), at: z.string() })),
  outcome: z.enum(REPORT_OUTCOMES).nullable(),
  reply: z.string().nullable(),
  repliedAt: z.string().nullable(),
  canRequestReview: z.boolean(),
  reviewRequestedAt: z.string().nullable(),
});
export type PublicStatus = z.infer<typeof PublicStatusSchema>;
export const ReviewRequestInputSchema = StatusQueryInputSchema.extend({ reason: textField(L.reviewMax).min(L.reviewMin) });
