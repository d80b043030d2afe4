import { and, desc, eq, sql } from 'drizzle-orm';
import { events, type EventRow } from '../../db/schema';
import type { Queryable } from '../../db/client';
import { insertSql } from '../../db/insert-sql';
import { lockInTx, lockKeys } from '../../db/locks';
import { auditKeys, CURRENT_HASH_VERSION, eventHashV2, type AuditKeys, type HashedFields } from './event-hash';

export interface EventInput {
  subjectType: string;
  subjectId: string;
  action: string;
  actorId?: string | null;
  actorRole?: string | null;
  unitId?: string | null;
  fromState?: string | null;
  toState?: string | null;
  reason?: string | null;
  payload?: Record<string, unknown>;
  batchId?: string | null;
  at: Date;
}

/**
 * One flat INSERT of event rows already chained and hashed (`firstEventRows`, `chainRows`), for a
 * statement that writes them together with the subject's own rows (the intake's one-statement path).
 */
export const insertEventsSql = (rows: Record<string, unknown>[]) => insertSql(events, rows);

/** The recorded fields of an event at a place in its chain. */
const hashedFields = (input: EventInput, seq: number, prevHash: string | null): HashedFields => ({
  subjectType: input.subjectType, subjectId: input.subjectId, seq, action: input.action,
  actorId: input.actorId ?? null, actorRole: input.actorRole ?? null, unitId: input.unitId ?? null,
  fromState: input.fromState ?? null, toState: input.toState ?? null, reason: input.reason ?? null,
  payload: input.payload ?? {}, batchId: input.batchId ?? null, createdAt: input.at, prevHash,
});

/** A row ready to insert: its fields, hashed with the current (keyed) version. */
export type HashedRow = HashedFields & { hash: string; hashVersion: number };
const hashed = (row: HashedFields, keys: AuditKeys): HashedRow => ({ ...row, hash: eventHashV2(row, keys), hashVersion: CURRENT_HASH_VERSION });

/**
 * Appends one event to its subject's chain. Call inside the transaction that makes the change.
 * A transaction-scoped advisory lock per subject keeps concurrent writers from forking the chain.
 */
export async function appendEvent(tx: Queryable, input: EventInput): Promise<EventRow> {
  await lockInTx(tx, lockKeys.chain(input.subjectType, input.subjectId));
  return appendEventLocked(tx, input);
}

/** appendEvent for a transaction that already holds the subject's chain lock (a later statement than the one that took it). */
export async function appendEventLocked(tx: Queryable, input: EventInput): Promise<EventRow> {
  const [last] = await tx
    .select({ seq: events.seq, hash: events.hash })
    .from(events)
    .where(and(eq(events.subjectType, input.subjectType), eq(events.subjectId, input.subjectId)))
    .orderBy(desc(events.seq))
    .limit(1);
  const row = hashed(hashedFields(input, (last?.seq ?? 0) + 1, last?.hash ?? null), auditKeys());
  const [inserted] = await tx.insert(events).values(row).returning();
  return inserted!;
}

/**
 * Bulk form of appendEvent for subjects created in the same transaction: each event is the first
 * of its chain (seq 1, no previous hash), so no lock or lookup is needed. The unique index on
 * (subject, seq) still refuses a subject that already had a chain.
 */
export async function appendFirstEvents(tx: Queryable, inputs: EventInput[]): Promise<void> {
  if (inputs.length === 0) return;
  await tx.insert(events).values(firstEventRows(inputs));
}

/**
 * appendFirstEvents for thousands of subjects at once (a registry import): one statement with the rows
 * as a single JSON parameter (jsonb_to_recordset), which costs less to encode than a bound parameter per value.
 */
export async function appendFirstEventsAsJson(tx: Queryable, inputs: EventInput[]) {
  const rows = firstEventRows(inputs).map((row) => ({ ...row, createdAt: row.createdAt.toISOString() }));
  await tx.execute(sql`insert into events (subject_type, subject_id, seq, action, actor_id, actor_role, unit_id, from_state, to_state, reason, payload, batch_id, created_at, prev_hash, hash, hash_version)
    select x."subjectType", x."subjectId", x."seq", x."action", x."actorId", x."actorRole", x."unitId", x."fromState", x."toState", x."reason", x."payload", x."batchId",
      x."createdAt", x."prevHash", x."hash", x."hashVersion"
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x("subjectType" text, "subjectId" text, "seq" int, "action" text, "actorId" uuid, "actorRole" text,
      "unitId" uuid, "fromState" text, "toState" text, "reason" text, "payload" jsonb, "batchId" uuid, "createdAt" timestamptz, "prevHash" text, "hash" text, "hashVersion" smallint)`);
}

/** Each input as the first event of its own subject's chain (seq 1, no previous hash), hashed. */
export function firstEventRows(inputs: EventInput[]): HashedRow[] {
  const keys = auditKeys();
  return inputs.map((input) => hashed(hashedFields(input, 1, null), keys));
}

/** Where a subject's chain ends: its last seq and hash. */
export interface ChainHead { seq: number; hash: string }
const headKey = (subjectType: string, subjectId: string) => `${subjectType}:${subjectId}`;

/**
 * The rows appending `inputs`, in order, to their subjects' chains, each continuing from the head
 * given for its subject (none: a new chain from seq 1). The caller holds the subjects' chain locks
 * and read the heads after taking them (`chainHeads`).
 */
export function chainRows(inputs: EventInput[], heads: Map<string, ChainHead> = new Map()): HashedRow[] {
  const keys = auditKeys();
  const tips = new Map(heads);
  return inputs.map((input) => {
    const key = headKey(input.subjectType, input.subjectId);
    const tip = tips.get(key);
    const row = hashed(hashedFields(input, (tip?.seq ?? 0) + 1, tip?.hash ?? null), keys);
    tips.set(key, { seq: row.seq, hash: row.hash });
    return row;
  });
}

/** The current heads of several subjects' chains (read after taking their chain locks), keyed for `chainRows`. */
export async function chainHeads(tx: Queryable, subjectType: string, subjectIds: string[]): Promise<Map<string, ChainHead>> {
  if (subjectIds.length === 0) return new Map();
  const rows = await tx.selectDistinctOn([events.subjectId], { subjectId: events.subjectId, seq: events.seq, hash: events.hash })
    .from(events).where(and(eq(events.subjectType, subjectType), sql`${events.subjectId} = any(${`{${subjectIds.join(',')}}`}::text[])`))
    .orderBy(events.subjectId, desc(events.seq));
  return new Map(rows.map((r) => [headKey(subjectType, r.subjectId), { seq: r.seq, hash: r.hash }]));
}
