/** Rectification items 整改事项: shared by registry inspections and interviews and the modules to come. */
import { sql } from 'drizzle-orm';
import { pgTable, pgEnum, uuid, text, smallint, index, uniqueIndex, check } from 'drizzle-orm/pg-core';
import { RECTIFICATION_FOLLOW_UP_KINDS, RECTIFICATION_STATES } from '@tianlang/contracts';
import { ts, createdAt } from './columns';
import { deadlineStatus, jurisdictions, users } from './base';
import { registryEntities } from './registry';

export const rectificationState = pgEnum('rectification_state', RECTIFICATION_STATES);
export const rectificationFollowUpKind = pgEnum('rectification_follow_up_kind', RECTIFICATION_FOLLOW_UP_KINDS);

/**
 * A requirement with its clock on the deadline engine, raised by a source subject (`source_type` is
 * a kind registered with the rectifications service, e.g. registry_inspection). `entity_id` names the
 * supervised entity it concerns, when there is one; the jurisdiction scopes it (the entity's, for the
 * registry). `due_at` and `deadline_status` copy the clock for lists; the sweep keeps them current.
 */
export const rectifications = pgTable('rectifications', {
  id: uuid('id').primaryKey().defaultRandom(),
  sourceType: text('source_type').notNull(),
  sourceId: uuid('source_id').notNull(),
  entityId: uuid('entity_id').references(() => registryEntities.id),
  jurisdictionId: uuid('jurisdiction_id').notNull().references(() => jurisdictions.id),
  jurisdictionPath: text('jurisdiction_path').notNull(),
  requirement: text('requirement').notNull(),
  /** its place in the list its source raised (item 1, 2, …) */
  ordinal: smallint('ordinal').notNull().default(0),
  state: rectificationState('state').notNull().default('open'),
  dueAt: ts('due_at'),
  deadlineStatus: deadlineStatus('deadline_status'),
  closedAt: ts('closed_at'),
  closedBy: uuid('closed_by').references(() => users.id),
  createdBy: uuid('created_by').references(() => users.id),
  createdAt: createdAt(),
}, (t) => [
  index('rectifications_source_idx').on(t.sourceType, t.sourceId),
  index('rectifications_entity_idx').on(t.entityId, t.state),
  index('rectifications_path_idx').on(t.jurisdictionPath.op('text_pattern_ops'), t.state),
  check('rectifications_source_type_ck', sql`${t.sourceType} ~ '^[a-z][a-z_]*$'`),
  check('rectifications_closed_ck', sql`(${t.state} = 'open') = (${t.closedAt} is null)`),
]);

/** A follow-up of an item: a progress note (the item stays open), or the closing one with its result (at most one). */
export const rectificationFollowUps = pgTable('rectification_follow_ups', {
  id: uuid('id').primaryKey().defaultRandom(),
  rectificationId: uuid('rectification_id').notNull().references(() => rectifications.id),
  kind: rectificationFollowUpKind('kind').notNull(),
  note: text('note').notNull(),
  actorId: uuid('actor_id').references(() => users.id),
  createdAt: createdAt(),
}, (t) => [
  index('rectification_follow_ups_item_idx').on(t.rectificationId, t.createdAt),
  uniqueIndex('rectification_follow_ups_closing_uq').on(t.rectificationId).where(sql`${t.kind} <> 'progress'`),
]);

export type RectificationRow = typeof rectifications.$inferSelect;
export type RectificationFollowUpRow = typeof rectificationFollowUps.$inferSelect;
