import { and, asc, desc, eq, gt, or, sql } from 'drizzle-orm';
import { events, type EventRow } from '../../db/schema';
import type { Queryable } from '../../db/client';
import { canonicalJson, sha256Hex } from '../../lib/crypto';

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

type HashedFields = Pick<EventRow,
  'subjectType' | 'subjectId' | 'seq' | 'action' | 'actorId' | 'actorRole' | 'unitId' | 'fromState' |
  'toState' | 'reason' | 'payload' | 'batchId' | 'createdAt' | 'prevHash'>;

/** The recorded fields of an event at a place in its chain. */
const hashedFields = (input: EventInput, seq: number, prevHash: string | null): HashedFields => ({
  subjectType: input.subjectType, subjectId: input.subjectId, seq, action: input.action,
  actorId: input.actorId ?? null, actorRole: input.actorRole ?? null, unitId: input.unitId ?? null,
  fromState: input.fromState ?? null, toState: input.toState ?? null, reason: input.reason ?? null,
  payload: input.payload ?? {}, batchId: input.batchId ?? null, createdAt: input.at, prevHash,
});

/** The hash covers every recorded field and the previous hash, so editing any of them breaks the chain. */
export function eventHash(e: HashedFields): string {
  const content = {
    subjectType: e.subjectType, subjectId: e.subjectId, seq: e.seq, action: e.action,
    actorId: e.actorId, actorRole: e.actorRole, unitId: e.unitId, fromState: e.fromState,
    toState: e.toState, reason: e.reason, payload: e.payload, batchId: e.batchId,
    createdAt: e.createdAt.toISOString(),
  };
  return sha256Hex(`${e.prevHash ?? ''}\n${canonicalJson(content)}`);
}

/**
 * The subject's chain lock (transaction-scoped advisory lock) as an expression, for a caller that
 * takes it inside a statement of its own and then appends with appendEventLocked.
 */
export const chainLock = (subjectType: string, subjectId: string) => sql`pg_advisory_xact_lock(hashtextextended(${`${subjectType}:${subjectId}`}, 0))`;

/**
 * Appends one event to its subject's chain. Call inside the transaction that makes the change.
 * A transaction-scoped advisory lock per subject keeps concurrent writers from forking the chain.
 */
export async function appendEvent(tx: Queryable, input: EventInput): Promise<EventRow> {
  await tx.execute(sql`select ${chainLock(input.subjectType, input.subjectId)}`);
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
  const row = hashedFields(input, (last?.seq ?? 0) + 1, last?.hash ?? null);
  const [inserted] = await tx.insert(events).values({ ...row, hash: eventHash(row) }).returning();
  return inserted!;
}

export interface ChainProblem {
  eventId: string;
  subjectType: string;
  subjectId: string;
  seq: number;
  problem: 'hash_mismatch' | 'prev_hash_mismatch' | 'seq_gap';
}

/** Walks every chain in (subject, seq) order in pages, so it runs in constant memory. */
export async function verifyChains(
  db: Queryable,
  opts: { pageSize?: number; onProgress?: (checked: number) => void } = {},
): Promise<{ checked: number; problems: ChainProblem[] }> {
  const pageSize = opts.pageSize ?? 5000;
  const problems: ChainProblem[] = [];
  let checked = 0;
  let cursor: { t: string; s: string; q: number } | null = null;
  let prev: EventRow | null = null;
  for (;;) {
    const c: { t: string; s: string; q: number } | null = cursor;
    const page: EventRow[] = await db.select().from(events)
      .where(c ? or(gt(events.subjectType, c.t),
        and(eq(events.subjectType, c.t), gt(events.subjectId, c.s)),
        and(eq(events.subjectType, c.t), eq(events.subjectId, c.s), gt(events.seq, c.q))) : undefined)
      .orderBy(asc(events.subjectType), asc(events.subjectId), asc(events.seq))
      .limit(pageSize);
    for (const row of page) {
      const sameChain = prev && prev.subjectType === row.subjectType && prev.subjectId === row.subjectId;
      const expectedSeq = sameChain ? prev!.seq + 1 : 1;
      const expectedPrev = sameChain ? prev!.hash : null;
      const report = (problem: ChainProblem['problem']) => problems.push({
        eventId: String(row.id), subjectType: row.subjectType, subjectId: row.subjectId, seq: row.seq, problem,
      });
      if (row.seq !== expectedSeq) report('seq_gap');
      else if (row.prevHash !== expectedPrev) report('prev_hash_mismatch');
      if (eventHash(row) !== row.hash) report('hash_mismatch');
      prev = row;
    }
    checked += page.length;
    opts.onProgress?.(checked);
    if (page.length < pageSize) break;
    const lastRow: EventRow = page[page.length - 1]!;
    cursor = { t: lastRow.subjectType, s: lastRow.subjectId, q: lastRow.seq };
  }
  return { checked, problems };
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

/** Each input as the first event of its own subject's chain (seq 1, no previous hash), hashed. */
export function firstEventRows(inputs: EventInput[]): (HashedFields & { hash: string })[] {
  return inputs.map((input) => {
    const row = hashedFields(input, 1, null);
    return { ...row, hash: eventHash(row) };
  });
}

/** Where a subject's chain ends: its last seq and hash. */
export interface ChainHead { seq: number; hash: string }
const headKey = (subjectType: string, subjectId: string) => `${subjectType}:${subjectId}`;

/**
 * The rows appending `inputs`, in order, to their subjects' chains, each continuing from the head
 * given for its subject (none: a new chain from seq 1). The caller holds the subjects' chain locks
 * and read the heads after taking them (`chainHeads`).
 */
export function chainRows(inputs: EventInput[], heads: Map<string, ChainHead> = new Map()): (HashedFields & { hash: string })[] {
  const tips = new Map(heads);
  return inputs.map((input) => {
    const key = headKey(input.subjectType, input.subjectId);
    const tip = tips.get(key);
    const row = hashedFields(input, (tip?.seq ?? 0) + 1, tip?.hash ?? null);
    const hash = eventHash(row);
    tips.set(key, { seq: row.seq, hash });
    return { ...row, hash };
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
