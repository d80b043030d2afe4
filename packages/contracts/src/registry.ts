import { z } from 'zod';
import { DateOnlySchema, PageQuerySchema, lineField, text, textField } from './common';
import {
  DRAW_MAX_ENTITIES, DRAW_MAX_OFFICERS, ENTITY_GRADES, ENTITY_STATUSES, ENTITY_TYPES, FILING_KINDS, IMPORT_STATES,
  RECTIFICATION_SOURCES, REGISTRY_COLUMNS, TASK_STATES, type RegistryColumn,
} from './registry-enums';
import { RECTIFICATION_STATES, RectificationFollowUpViewSchema } from './rectifications';

export * from './registry-enums';

const reason = textField(1000).min(2);
/** checked as a URL by the server, which names the field when it is not one */
const entityUrl = lineField(2000);
const tag = lineField(30).min(1);
const DeadlineSpec = {
  /** length of the rectification / task period */
  days: z.number().int().min(1).max(365),
  unit: z.enum(['calendar_days', 'working_days']).default('working_days'),
};

// ── Entity ────────────────────────────────────────────────────────
export const OperatorContactSchema = z.strictObject({
  person: lineField(50).optional(),
  phone: text().trim().regex(/^\+?[0-9][0-9 -]{5,19}$/, 'invalid phone number').optional(),
  email: z.email().max(200).optional(),
});
export type OperatorContact = z.infer<typeof OperatorContactSchema>;

export const FilingSchema = z.strictObject({
  kind: z.enum(FILING_KINDS),
  number: lineField(60).min(1),
  filedOn: DateOnlySchema.optional(),
  note: textField(200).optional(),
});
export type Filing = z.infer<typeof FilingSchema>;

/**
 * Identifiers are checked by the server (ICP format, URL, account id) with a `registry.invalid_identifier`
 * error naming the field; at least one of url / icpNo / appId / accountId is required except for LED screens
 * and `other`.
 */
const EntityFields = {
  name: lineField(200).min(1),
  type: z.enum(ENTITY_TYPES),
  url: entityUrl.optional(),
  icpNo: lineField(60).optional(),
  /** app package name / bundle id / mini program AppID */
  appId: lineField(200).optional(),
  /** the platform's account id (UID, 微信号, 抖音号 …) */
  accountId: lineField(200).optional(),
  /** the platform an account, live room or group lives on, when not implied by the type */
  platformName: lineField(100).optional(),
  /** 运营主体: the legal person (company, organisation or individual operator) */
  operatorName: lineField(200).optional(),
  /** encrypted at rest; masked in views; reading it is a separate, audited call */
  operatorContact: OperatorContactSchema.optional(),
  tags: z.array(tag).max(20).default([]),
  officerId: z.uuid().nullable().optional(),
  filings: z.array(FilingSchema).max(20).default([]),
  /** street address of an outdoor screen, or other location note */
  location: textField(300).optional(),
  note: textField(2000).optional(),
};

export const EntityInputSchema = z.strictObject({
  ...EntityFields,
  /** defaults to the user's own jurisdiction */
  jurisdictionId: z.uuid().optional(),
  grade: z.enum(ENTITY_GRADES).default('general'),
  gradeReason: textField(500).optional(),
  /** set to create even though possible duplicates were shown */
  confirmDuplicates: z.boolean().default(false),
});
export type EntityInput = z.infer<typeof EntityInputSchema>;

/** Edits of the descriptive fields; grade, jurisdiction and status have their own audited actions. */
export const EntityUpdateSchema = z.strictObject({
  name: EntityFields.name.optional(),
  url: entityUrl.nullable().optional(),
  icpNo: lineField(60).nullable().optional(),
  appId: lineField(200).nullable().optional(),
  accountId: lineField(200).nullable().optional(),
  platformName: lineField(100).nullable().optional(),
  operatorName: lineField(200).nullable().optional(),
  operatorContact: OperatorContactSchema.nullable().optional(),
  tags: z.array(tag).max(20).optional(),
  officerId: z.uuid().nullable().optional(),
  filings: z.array(FilingSchema).max(20).optional(),
  location: textField(300).nullable().optional(),
  note: textField(2000).nullable().optional(),
  reason: textField(500).optional(),
});
export type EntityUpdate = z.infer<typeof EntityUpdateSchema>;

export const GradeInputSchema = z.strictObject({ grade: z.enum(ENTITY_GRADES), reason });
export const MoveInputSchema = z.strictObject({ jurisdictionId: z.uuid(), reason });
export const StatusInputSchema = z.strictObject({ status: z.enum(ENTITY_STATUSES), reason });

export const GradeHistoryEntrySchema = z.object({
  grade: z.enum(ENTITY_GRADES), from: z.enum(ENTITY_GRADES).nullable(), reason: z.string().nullable(),
  actorName: z.string().nullable(), at: z.string(),
});

export const EntityListItemSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  type: z.enum(ENTITY_TYPES),
  url: z.string().nullable(),
  icpNo: z.string().nullable(),
  appId: z.string().nullable(),
  accountId: z.string().nullable(),
  platformName: z.string().nullable(),
  operatorName: z.string().nullable(),
  jurisdictionId: z.uuid(),
  jurisdictionName: z.string(),
  grade: z.enum(ENTITY_GRADES),
  status: z.enum(ENTITY_STATUSES),
  tags: z.array(z.string()),
  officerId: z.uuid().nullable(),
  officerName: z.string().nullable(),
  updatedAt: z.string(),
});
export type EntityListItem = z.infer<typeof EntityListItemSchema>;

export const EntityViewSchema = EntityListItemSchema.extend({
  canonicalUrl: z.string().nullable(),
  gradeReason: z.string().nullable(),
  gradeHistory: z.array(GradeHistoryEntrySchema),
  /** e.g. 张* 138****5678; null when no contact is recorded */
  contactMasked: z.string().nullable(),
  filings: z.array(FilingSchema),
  location: z.string().nullable(),
  note: z.string().nullable(),
  createdAt: z.string(),
  /** what the current user may do (drives the buttons) */
  allowedActions: z.array(z.enum(['edit', 'grade', 'move', 'close', 'reopen', 'reveal_contact', 'record'])),
});
export type EntityView = z.infer<typeof EntityViewSchema>;

export const ContactRevealViewSchema = z.object({ person: z.string().nullable(), phone: z.string().nullable(), email: z.string().nullable() });

export const EntityQuerySchema = PageQuerySchema.extend({
  /** name, URL, ICP number, app id, account id or operator; partial, traditional or simplified */
  q: lineField(200).optional(),
  type: z.enum(ENTITY_TYPES).optional(),
  grade: z.enum(ENTITY_GRADES).optional(),
  status: z.enum(ENTITY_STATUSES).optional(),
  jurisdictionId: z.uuid().optional(),
  tag: lineField(30).optional(),
  officerId: z.uuid().optional(),
  sort: z.enum(['name', 'updated']).default('updated'),
});
export type EntityQuery = z.infer<typeof EntityQuerySchema>;
/** The filter part of a list query (draws and exports use it). */
export const EntityFilterSchema = EntityQuerySchema.omit({ limit: true, offset: true, sort: true });
export type EntityFilter = z.infer<typeof EntityFilterSchema>;

export const EntityListSchema = z.object({ items: z.array(EntityListItemSchema), total: z.number().int() });

/** Possible duplicates shown before creating. */
export const DuplicateCheckInputSchema = z.strictObject({
  name: lineField(200).optional(),
  type: z.enum(ENTITY_TYPES).optional(),
  url: lineField(2000).optional(),
  icpNo: lineField(60).optional(),
  accountId: lineField(200).optional(),
  /** leave out this entity (when editing) */
  excludeId: z.uuid().optional(),
});
export const DuplicateCandidateSchema = z.object({
  /** null when the duplicate is outside the user's jurisdiction (it exists, but is not shown) */
  entity: EntityListItemSchema.nullable(),
  reasons: z.array(z.enum(['same_icp', 'same_url', 'same_account', 'similar_name'])),
  /** name similarity 0..1 (pg_trgm) */
  similarity: z.number(),
});
export const DuplicateListSchema = z.object({ items: z.array(DuplicateCandidateSchema) });

/** Pickers of the registry forms: certified officers (inspections, interviews, draws), who may be named
 * responsible officer, and the tags in use in the user's jurisdiction, most used first. */
export const RegistryOptionsSchema = z.object({
  officers: z.array(z.object({ id: z.uuid(), name: z.string() })),
  staff: z.array(z.object({ id: z.uuid(), name: z.string() })),
  tags: z.array(z.string()),
});
export type RegistryOptions = z.infer<typeof RegistryOptionsSchema>;

// ── Records: pledges, inspections, interviews ─────────────────────
export const FileRefSchema = z.object({
  id: z.uuid(), mime: z.string(), size: z.number().int(), sha256: z.string(), filename: z.string().nullable(),
});
/** Upload result of POST /api/registry/files (same store and checks as report evidence). */
export const RegistryFileUploadSchema = z.object({ token: z.string(), mime: z.string(), size: z.number().int(), sha256: z.string() });
/** GET /api/registry/entities/:id/files/:fileId: a file of one of the entity's records. */
export const EntityFileParamsSchema = z.strictObject({ id: z.uuid(), fileId: z.uuid() });

const fileToken = text().min(16).max(100);

export const PledgeInputSchema = z.strictObject({
  signedOn: DateOnlySchema,
  /** who signed for the operator */
  signer: lineField(100).optional(),
  note: textField(1000).optional(),
  /** upload token of the scanned pledge (PDF or image) */
  fileToken: fileToken.optional(),
});
export const PledgeViewSchema = z.object({
  id: z.uuid(), entityId: z.uuid(), signedOn: z.string(), signer: z.string().nullable(), note: z.string().nullable(),
  file: FileRefSchema.nullable(), createdByName: z.string().nullable(), createdAt: z.string(),
});

export const RectificationInputSchema = z.strictObject({ description: textField(1000).min(2), ...DeadlineSpec });
export const RectificationViewSchema = z.object({
  id: z.uuid(), entityId: z.uuid(), source: z.enum(RECTIFICATION_SOURCES), sourceId: z.uuid(),
  description: z.string(), state: z.enum(RECTIFICATION_STATES), dueAt: z.string().nullable(),
  deadlineStatus: z.enum(['on_time', 'at_risk', 'overdue']).nullable(),
  /** the closing follow-up's note and time */
  followUp: z.string().nullable(), followedUpAt: z.string().nullable(), createdAt: z.string(),
  /** every follow-up, oldest first: progress notes, then the closing one */
  followUps: z.array(RectificationFollowUpViewSchema),
});
export const FollowUpInputSchema = z.strictObject({ result: z.enum(['rectified', 'not_rectified']), note: textField(2000).min(2) });

export const InspectionInputSchema = z.strictObject({
  inspectedOn: DateOnlySchema,
  /** at least two officers (实地检查双人), certified (holding enforcement.handle) */
  officerIds: z.array(z.uuid()).min(2).max(10),
  findings: textField(5000).min(2),
  rectifications: z.array(RectificationInputSchema).max(30).default([]),
  /** the draw task this inspection fulfils, if any */
  taskId: z.uuid().optional(),
  fileToken: fileToken.optional(),
});
export const OfficerRefSchema = z.object({ id: z.uuid(), name: z.string() });
export const InspectionViewSchema = z.object({
  id: z.uuid(), entityId: z.uuid(), inspectedOn: z.string(), officers: z.array(OfficerRefSchema), findings: z.string(),
  taskId: z.uuid().nullable(), file: FileRefSchema.nullable(), rectifications: z.array(RectificationViewSchema),
  createdByName: z.string().nullable(), createdAt: z.string(),
});

export const InterviewInputSchema = z.strictObject({
  heldOn: DateOnlySchema,
  grounds: textField(3000).min(2),
  /** people of the operator who attended (name and position) */
  persons: z.array(z.strictObject({ name: lineField(50).min(1), position: lineField(100).optional() })).min(1).max(20),
  officerIds: z.array(z.uuid()).min(2).max(10),
  /** upload token of the interview record (约谈笔录) */
  recordFileToken: fileToken.optional(),
  rectifications: z.array(RectificationInputSchema).max(30).default([]),
});
export const InterviewViewSchema = z.object({
  id: z.uuid(), entityId: z.uuid(), heldOn: z.string(), grounds: z.string(),
  persons: z.array(z.object({ name: z.string(), position: z.string().optional() })), officers: z.array(OfficerRefSchema),
  recordFile: FileRefSchema.nullable(), rectifications: z.array(RectificationViewSchema),
  createdByName: z.string().nullable(), createdAt: z.string(),
});

/** An inspection task (from a draw): an entity, its officers and a deadline. */
export const DrawTaskViewSchema = z.object({
  id: z.uuid(), drawId: z.uuid().nullable(), entityId: z.uuid(), entityName: z.string(), officers: z.array(OfficerRefSchema),
  state: z.enum(TASK_STATES), dueAt: z.string().nullable(), deadlineStatus: z.enum(['on_time', 'at_risk', 'overdue']).nullable(),
  inspectionId: z.uuid().nullable(),
});

// ── Entity page: timeline, counts, scorecard ──────────────────────
export const EntityTimelineEntrySchema = z.object({
  at: z.string(),
  /** the source of the entry: the entity itself, a linked report, an order to the platform */
  source: z.enum(['entity', 'report', 'order', 'rectification', 'task']),
  subjectId: z.string(),
  action: z.string(),
  actorName: z.string().nullable(),
  reason: z.string().nullable(),
  payload: z.record(z.string(), z.unknown()),
  /** a link target such as the report's tracking number */
  ref: z.string().nullable(),
});
export const ScorecardMetricSchema = z.object({
  key: z.enum(['orders_on_time', 'repeat_violations', 'open_rectifications', 'overdue_rectifications']),
  label: z.string(),
  value: z.number().nullable(),
  /** how the number was computed, in Chinese, with the inputs */
  explanation: z.string(),
  inputs: z.record(z.string(), z.number()),
});
export const EntityPageSchema = z.object({
  entity: EntityViewSchema,
  counts: z.object({
    reports: z.number().int(), disposals: z.number().int(), orders: z.number().int(), pledges: z.number().int(),
    inspections: z.number().int(), interviews: z.number().int(), openRectifications: z.number().int(), openTasks: z.number().int(),
  }),
  scorecard: z.array(ScorecardMetricSchema),
  pledges: z.array(PledgeViewSchema),
  inspections: z.array(InspectionViewSchema),
  interviews: z.array(InterviewViewSchema),
  tasks: z.array(DrawTaskViewSchema),
  reports: z.array(z.object({ id: z.uuid(), trackingNo: z.string(), state: z.string(), categoryCode: z.string(), submittedAt: z.string() })),
  timeline: z.array(EntityTimelineEntrySchema),
});
export type EntityPage = z.infer<typeof EntityPageSchema>;

// ── Random inspection draw 双随机 ─────────────────────────────────
export const DrawInputSchema = z.strictObject({
  name: lineField(100).min(2),
  filter: EntityFilterSchema.default({ status: 'active' }),
  entityCount: z.number().int().min(1).max(DRAW_MAX_ENTITIES),
  officerCount: z.number().int().min(2).max(DRAW_MAX_OFFICERS),
  /** officers per inspection task (at least two) */
  officersPerTask: z.number().int().min(2).max(10).default(2),
  /** any text; the server generates one when absent. Recorded, so anyone can rerun the draw. */
  seed: lineField(200).min(1).optional(),
  ...DeadlineSpec,
});
export const DrawViewSchema = z.object({
  id: z.uuid(), name: z.string(), seed: z.string(),
  /** e.g. "sha256-fisher-yates-v1"; see @tianlang/core registry/draw.ts */
  algorithm: z.string(),
  filter: z.record(z.string(), z.unknown()),
  /** candidate ids in the order the algorithm consumed them (sorted), and their SHA-256 */
  entityPool: z.number().int(), officerPool: z.number().int(), poolDigest: z.string(),
  entityIds: z.array(z.uuid()), officerIds: z.array(z.uuid()),
  tasks: z.array(DrawTaskViewSchema),
  createdByName: z.string().nullable(), createdAt: z.string(),
});
export const DrawListSchema = z.object({ items: z.array(DrawViewSchema.omit({ tasks: true, entityIds: true, officerIds: true })), total: z.number().int() });
export const DrawVerifySchema = z.object({ reproduced: z.boolean(), entityIds: z.array(z.uuid()), officerIds: z.array(z.uuid()), poolDigest: z.string() });

// ── Import / export xlsx ──────────────────────────────────────────
export const ImportProblemSchema = z.object({
  /** spreadsheet row number (1 is the header); 0 for the whole file */
  row: z.number().int(),
  column: z.string().nullable(),
  code: z.string(),
  message: z.string(),
});
export type ImportProblem = z.infer<typeof ImportProblemSchema>;
export const ImportViewSchema = z.object({
  id: z.uuid(),
  state: z.enum(IMPORT_STATES),
  filename: z.string().nullable(),
  sha256: z.string(),
  progress: z.object({ phase: z.enum(['reading', 'checking', 'writing', 'done']), done: z.number().int(), total: z.number().int().nullable() }),
  totals: z.object({
    rows: z.number().int(), valid: z.number().int(), invalid: z.number().int(),
    create: z.number().int(), update: z.number().int(), unchanged: z.number().int(),
  }),
  /** file-level problems (not xlsx, merged cells, headers, too many rows): nothing can be imported */
  fileProblems: z.array(ImportProblemSchema),
  /** per-row problems, at most the first 1,000 */
  rowProblems: z.array(ImportProblemSchema),
  /** a sample of what will change: the first rows to create or update */
  sample: z.array(z.object({ row: z.number().int(), action: z.enum(['create', 'update', 'unchanged']), name: z.string(), entityId: z.uuid().nullable() })),
  createdAt: z.string(),
  committedAt: z.string().nullable(),
  result: z.object({ created: z.number().int(), updated: z.number().int(), unchanged: z.number().int() }).nullable(),
});
export type ImportView = z.infer<typeof ImportViewSchema>;
/** `wait=true` answers once the import's background step is done (tests, scripts); the console polls instead. */
export const ImportWaitQuerySchema = z.strictObject({ wait: z.enum(['true', 'false']).optional() });
export const ImportCommitInputSchema = z.strictObject({
  /** with invalid rows present, the valid ones are imported only when this is true */
  skipInvalid: z.boolean().default(false),
});

const columnKeys = Object.keys(REGISTRY_COLUMNS) as [RegistryColumn, ...RegistryColumn[]];
export const ExportQuerySchema = EntityFilterSchema.extend({
  /** comma-separated column keys (see REGISTRY_COLUMNS); default all */
  columns: lineField(500).optional()
    .refine((v) => !v || v.split(',').every((c) => (columnKeys as string[]).includes(c.trim())), { message: 'unknown column' }),
});
export const REGISTRY_COLUMN_KEYS = columnKeys;
