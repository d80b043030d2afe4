/** Assignments 交办: work sent to a unit (移交, 核查请求, 交办单, 任务), whatever module's subject it serves. */
import { sql } from 'drizzle-orm';
import { pgTable, pgEnum, uuid, text, integer, jsonb, index, check } from 'drizzle-orm/pg-core';
import { ASSIGNMENT_STATES, REPLY_CHANNELS } from '@tianlang/contracts';
import { ts, createdAt, updatedAt, sqlLiterals } from './columns';
import { jurisdictions, units, users } from './base';

export const assignmentState = pgEnum('assignment_state', ASSIGNMENT_STATES);

/**
 * One row per assignment. `kind` (e.g. `report.transfer`) names the module's use of it and decides its
 * event names, clock and what of the parent (`subject_type`/`subject_id`) the recipient sees.
 */
export const assignments = pgTable('assignments', {
  id: uuid('id').primaryKey().defaultRandom(),
  kind: text('kind').notNull(),
  subjectType: text('subject_type').notNull(),
  subjectId: uuid('subject_id').notNull(),
  /** the parent's record that opened it (a report's disposal), if any */
  originId: uuid('origin_id'),
  /** the kind's own classification (a transfer's 公安/市场监管/…) */
  category: text('category'),
  /** whose matter it is: the sending side's scope (outbox) and the clock's calendar */
  jurisdictionId: uuid('jurisdiction_id').notNull().references(() => jurisdictions.id),
  jurisdictionPath: text('jurisdiction_path').notNull(),
  fromUnitId: uuid('from_unit_id').notNull().references(() => units.id),
  toUnitId: uuid('to_unit_id').notNull().references(() => units.id),
  state: assignmentState('state').notNull().default('sent'),
  note: text('note').notNull(),
  /** what the kind decided at sending, e.g. a transfer's `{ includeContact }` (only with the reporter's consent) */
  detail: jsonb('detail').$type<Record<string, unknown>>().notNull().default({}),
  replyText: text('reply_text'),
  returnReason: text('return_reason'),
  urgeCount: integer('urge_count').notNull().default(0),
  /** 督办: set once, when its clock went overdue while it was open */
  escalatedAt: ts('escalated_at'),
  signedBy: uuid('signed_by').references(() => users.id),
  signedAt: ts('signed_at'),
  repliedBy: uuid('replied_by').references(() => users.id),
  repliedAt: ts('replied_at'),
  /** 代录回函: the staff member who entered the unit's answer, and how it arrived */
  replyRecordedBy: uuid('reply_recorded_by').references(() => users.id),
  replyChannel: text('reply_channel', { enum: REPLY_CHANNELS }),
  returnedBy: uuid('returned_by').references(() => users.id),
  returnedAt: ts('returned_at'),
  createdBy: uuid('created_by').notNull().references(() => users.id),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [
  index('assignments_subject_idx').on(t.subjectType, t.subjectId),
  index('assignments_to_idx').on(t.toUnitId, t.kind, t.state),
  index('assignments_jurisdiction_idx').on(t.jurisdictionPath.op('text_pattern_ops'), t.kind),
  check('assignments_reply_channel_ck', sql`${t.replyChannel} is null or ${t.replyChannel} in ${sqlLiterals(REPLY_CHANNELS)}`),
  check('assignments_recorded_ck', sql`(${t.replyRecordedBy} is null) = (${t.replyChannel} is null)`),
]);

export type AssignmentRow = typeof assignments.$inferSelect;
