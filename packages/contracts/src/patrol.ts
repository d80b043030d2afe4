import { z } from 'zod';
import { PageQuerySchema, httpUrl, lineField, multilineText, nameField, text, textField } from './common';

export const RULE_KINDS = ['term', 'regex', 'domain'] as const;
export const PATROL_SOURCE_KINDS = ['api', 'feed', 'import', 'manual'] as const;
export const PATROL_ITEM_STATUSES = ['clean', 'pending', 'confirmed', 'dismissed'] as const;
export const FETCH_STATUSES = ['never', 'ok', 'not_modified', 'error'] as const;

// ── Lexicon 词库 ───────────────────────────────────────────────────
export const LexiconRuleViewSchema = z.object({
  id: z.uuid(),
  kind: z.enum(RULE_KINDS),
  pattern: z.string(),
  category: z.string(),
  severity: z.number().int(),
  allowContexts: z.array(z.string()),
  pinyin: z.boolean(),
  active: z.boolean(),
  note: z.string().nullable(),
  hits: z.number().int(),
  confirmed: z.number().int(),
  dismissed: z.number().int(),
  /** confirmed / (confirmed + dismissed); null before any review */
  precision: z.number().nullable(),
  updatedAt: z.string(),
});
export type LexiconRuleView = z.infer<typeof LexiconRuleViewSchema>;

export const LexiconRuleInputSchema = z.strictObject({
  kind: z.enum(RULE_KINDS),
  pattern: lineField(200).min(1),
  category: lineField(60).min(1),
  severity: z.number().int().min(1).max(5).default(3),
  allowContexts: z.array(lineField(60).min(1)).max(20).default([]),
  pinyin: z.boolean().default(false),
  note: textField(200).optional(),
});
export const LexiconRuleUpdateSchema = z.strictObject({
  category: lineField(60).min(1).optional(),
  severity: z.number().int().min(1).max(5).optional(),
  allowContexts: z.array(lineField(60).min(1)).max(20).optional(),
  pinyin: z.boolean().optional(),
  active: z.boolean().optional(),
  note: textField(200).nullable().optional(),
  reason: textField(500).optional(),
});
export const LexiconRuleListQuerySchema = PageQuerySchema.extend({
  q: lineField(60).optional(),
  category: text().max(60).optional(),
  active: z.enum(['true', 'false']).optional(),
  sort: z.enum(['pattern', 'hits', 'precision']).default('pattern'),
});
/** What a lexicon import changed; each version keeps the summary of the import that made it. */
export const LexiconImportSummarySchema = z.object({ added: z.number(), changed: z.number(), deactivated: z.number(), note: z.string().optional() });
export const LexiconVersionViewSchema = z.object({
  version: z.number().int(),
  actorName: z.string().nullable(),
  summary: LexiconImportSummarySchema,
  ruleCount: z.number().int(),
  createdAt: z.string(),
});
export const LexiconVersionListSchema = z.object({ items: z.array(LexiconVersionViewSchema) });
/** Upload of a lexicon file (documented format of packages/textscan) as text. */
export const LexiconImportInputSchema = z.strictObject({
  content: multilineText().min(1).max(5_000_000),
  note: textField(200).optional(),
});

// ── Sources and items ──────────────────────────────────────────────
export const PatrolSourceViewSchema = z.object({
  id: z.uuid(),
  kind: z.enum(PATROL_SOURCE_KINDS),
  name: z.string(),
  unitId: z.uuid(),
  unitName: z.string(),
  url: z.string().nullable(),
  intervalMinutes: z.number().int(),
  active: z.boolean(),
  lastFetchAt: z.string().nullable(),
  lastStatus: z.enum(FETCH_STATUSES),
  lastError: z.string().nullable(),
  lastItemCount: z.number().int(),
  failures: z.number().int(),
  nextFetchAt: z.string().nullable(),
});
export type PatrolSourceView = z.infer<typeof PatrolSourceViewSchema>;

export const PatrolSourceListSchema = z.object({ items: z.array(PatrolSourceViewSchema) });

export const PatrolSourceInputSchema = z.strictObject({
  kind: z.enum(PATROL_SOURCE_KINDS),
  name: nameField(100),
  unitId: z.uuid(),
  url: httpUrl().optional(),
  intervalMinutes: z.number().int().min(5).max(7 * 24 * 60).default(60),
  entityRef: text().max(80).optional(),
});
export const PatrolSourceUpdateSchema = z.strictObject({
  name: nameField(100).optional(),
  url: httpUrl().optional(),
  intervalMinutes: z.number().int().min(5).max(7 * 24 * 60).optional(),
  active: z.boolean().optional(),
});

export const PatrolItemInputSchema = z.strictObject({
  externalId: lineField(200).min(1),
  url: httpUrl().optional(),
  author: lineField(200).optional(),
  publishedAt: z.iso.datetime({ offset: true }).optional(),
  title: lineField(500).optional(),
  text: multilineText().min(1).max(100_000),
});
export type PatrolItemInput = z.infer<typeof PatrolItemInputSchema>;

/** A batch is up to 1,000 items; the app-wide JSON limit is for forms, not for content pushes. */
export const PATROL_PUSH_MAX_BYTES = 16 * 1024 * 1024;
/** Files imported into an import source, by media type: the format each is read as. */
export const PATROL_IMPORT_TYPES = {
  'text/csv': 'csv',
  'application/x-ndjson': 'jsonl',
  'application/jsonl': 'jsonl',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
} as const;
export const PATROL_IMPORT_MAX_BYTES = 20 * 1024 * 1024;

export const PatrolPushInputSchema = z.strictObject({
  sourceId: z.uuid(),
  items: z.array(PatrolItemInputSchema).min(1).max(1000),
});
export const PatrolPushResultSchema = z.object({
  received: z.number().int(),
  created: z.number().int(),
  duplicates: z.number().int(),
  withHits: z.number().int(),
});

export const PatrolHitViewSchema = z.object({
  id: z.uuid(),
  ruleId: z.uuid(),
  pattern: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  matched: z.string(),
  category: z.string(),
  normalizations: z.array(z.string()),
  status: z.enum(['pending', 'confirmed', 'dismissed']),
});
export const PatrolItemViewSchema = z.object({
  id: z.uuid(),
  sourceId: z.uuid(),
  sourceName: z.string(),
  externalId: z.string(),
  url: z.string().nullable(),
  author: z.string().nullable(),
  title: z.string().nullable(),
  text: z.string(),
  sha256: z.string(),
  publishedAt: z.string().nullable(),
  fetchedAt: z.string(),
  status: z.enum(PATROL_ITEM_STATUSES),
  lexiconVersion: z.number().int(),
  hits: z.array(PatrolHitViewSchema),
  reviewedAt: z.string().nullable(),
});
export type PatrolItemView = z.infer<typeof PatrolItemViewSchema>;

export const PatrolItemListQuerySchema = PageQuerySchema.extend({
  status: z.enum(PATROL_ITEM_STATUSES).optional(),
  ruleId: z.uuid().optional(),
  sourceId: z.uuid().optional(),
});
export const PatrolQueueGroupSchema = z.object({
  key: z.string(),
  label: z.string(),
  pending: z.number().int(),
});
export const PatrolQueueQuerySchema = z.strictObject({ groupBy: z.enum(['rule', 'source']).default('rule') });
export const PatrolQueueSchema = z.object({ groups: z.array(PatrolQueueGroupSchema) });

export const PatrolReviewInputSchema = z.strictObject({
  decision: z.enum(['confirm', 'dismiss']),
  reason: textField(500).min(1),
  /** hits to decide; all pending hits of the item when omitted */
  hitIds: z.array(z.uuid()).max(500).optional(),
});

// ── 不规范表述 ───────────────────────────────────────────────────────
export const TermCorrectionViewSchema = z.object({
  id: z.uuid(), wrong: z.string(), right: z.string(), note: z.string().nullable(), active: z.boolean(),
});
export const TermCorrectionInputSchema = z.strictObject({
  wrong: lineField(60).min(1), right: lineField(60).min(1), note: textField(200).optional(),
});
export const TermCorrectionListSchema = z.object({ items: z.array(TermCorrectionViewSchema) });
export const TermActiveInputSchema = z.strictObject({ active: z.boolean() });
export const TermCheckInputSchema = z.strictObject({ text: multilineText().min(1).max(100_000) });
export const TermCheckViewSchema = z.object({
  suggestions: z.array(z.object({ start: z.number().int(), end: z.number().int(), wrong: z.string(), right: z.string(), note: z.string().nullable() })),
});

// ── API keys ───────────────────────────────────────────────────────
export const API_KEY_SCOPES = ['patrol.push', 'reports.submit'] as const;
export const ApiKeyViewSchema = z.object({
  id: z.uuid(), unitId: z.uuid(), unitName: z.string(), name: z.string(), prefix: z.string(),
  scopes: z.array(z.enum(API_KEY_SCOPES)), createdAt: z.string(), lastUsedAt: z.string().nullable(), revokedAt: z.string().nullable(),
});
export const ApiKeyCreateInputSchema = z.strictObject({
  unitId: z.uuid(), name: nameField(60), scopes: z.array(z.enum(API_KEY_SCOPES)).min(1),
});
export const ApiKeyCreatedViewSchema = ApiKeyViewSchema.extend({
  /** shown once; only its hash is stored */
  secret: z.string(),
});
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];
