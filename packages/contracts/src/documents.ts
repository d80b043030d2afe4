import { z } from 'zod';
import { DateOnlySchema, lineField, nameField, text, textField } from './common';
import { PHONE_PATTERN } from './report-limits';

/** A template's code: lower snake case (`work_report`, `interview_notice`). */
export const DocumentTemplateCodeSchema = text().regex(/^[a-z][a-z0-9_]{1,47}$/, { message: 'a template code' });

/** The templates a user may render by hand (their data typed in, not computed by a module). */
export const DocumentTemplateSchema = z.object({
  code: z.string(), version: z.number().int(), title: z.string(),
  /** whether POST /api/documents renders it from data sent by the client */
  direct: z.boolean(),
});
export const DocumentTemplateListSchema = z.object({ items: z.array(DocumentTemplateSchema) });

/** Renders a template that takes its data from the client; the data is checked by that template's own schema. */
export const DocumentRenderInputSchema = z.strictObject({
  template: DocumentTemplateCodeSchema,
  /** an older version of the template; the newest when absent */
  version: z.number().int().positive().optional(),
  /** the jurisdiction the document is filed under; the user's own when absent */
  jurisdictionId: z.uuid().optional(),
  data: z.record(text().max(60), z.unknown()),
});
export type DocumentRenderInput = z.infer<typeof DocumentRenderInputSchema>;

export const DocumentListQuerySchema = z.strictObject({
  subjectType: text().regex(/^[a-z][a-z_]{1,39}$/, { message: 'a subject type' }),
  subjectId: text().min(1).max(80),
});

export const DocumentSchema = z.object({
  id: z.uuid(),
  template: z.string(),
  version: z.number().int(),
  /** the template's Chinese title (约谈通知书) */
  title: z.string(),
  filename: z.string(),
  subjectType: z.string(),
  subjectId: z.string(),
  jurisdictionId: z.uuid(),
  /** SHA-256 of the file, as recorded on its document.rendered event */
  sha256: z.string(),
  size: z.number().int(),
  createdBy: z.uuid(),
  createdAt: z.string(),
});
export type DocumentView = z.infer<typeof DocumentSchema>;
export const DocumentListSchema = z.object({ items: z.array(DocumentSchema) });

// ── Template data ─────────────────────────────────────────────────
/** 约谈通知书: the data staff type in. */
export const InterviewNoticeDataSchema = z.strictObject({
  /** 发文机关 (示范市委网信办) */
  office: nameField(60),
  /** 发文字号 (示网信约〔2026〕3号) */
  docNo: lineField(40).optional(),
  /** 被约谈单位 */
  addressee: nameField(100),
  /** 约谈事由: what was found, as one clause (…存在…问题) */
  reason: textField(500).min(4),
  /** 依据 (《互联网新闻信息服务单位约谈工作规定》) */
  basis: lineField(200).min(2),
  /** 约谈时间, office time */
  at: z.iso.datetime({ local: true }).refine((v) => v >= '2000' && v < '3000', { message: 'a date from 2000 to 2999' }),
  place: nameField(100),
  /** 参加人员 (主要负责人及分管负责人) */
  attendees: nameField(100),
  /** 需携带的材料 */
  materials: z.array(nameField(200)).max(10).default([]),
  contactName: nameField(40),
  contactPhone: lineField(20).regex(PHONE_PATTERN, { message: 'a phone number' }),
  /** 成文日期 */
  date: DateOnlySchema,
});
export type InterviewNoticeData = z.infer<typeof InterviewNoticeDataSchema>;
