import { desc, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { lockInTx, lockKeys } from '../../db/locks';
import { auditCheckpoints, type AuditCheckpointRow } from '../../db/schema';
import { canonicalJson } from '../../lib/crypto';
import type { AuditKeys } from './event-hash';

const rowsOf = <T>(res: unknown): T[] => (Array.isArray(res) ? res : (res as { rows: T[] }).rows) as T[];

/**
 * The heads digest is a sum modulo 2^256 of one keyed term per chain (its subject, event count and
 * last hash), so a checkpoint adds the change of the chains written since the previous one instead
 * of re-reading every chain, and the verifier checks every checkpoint in one walk of the log.
 * Without the key nobody can compute a term, so nobody can steer the sum.
 */
const MOD = 1n << 256n;
export const headTerm = (keys: AuditKeys, subjectType: string, subjectId: string, count: number, lastHash: string): bigint =>
  BigInt(`0x${keys.checkpoint(canonicalJson(['head', subjectType, subjectId, count, lastHash]))}`);
export const addMod = (a: bigint, b: bigint): bigint => (((a + b) % MOD) + MOD) % MOD;
export const digestHex = (d: bigint): string => d.toString(16).padStart(64, '0');

export type CheckpointBody = Omit<AuditCheckpointRow, 'id' | 'signature'>;

/** The signature covers every field and the previous checkpoint's signature, so checkpoints form a chain too. */
export const signCheckpoint = (keys: AuditKeys, b: CheckpointBody): string => keys.checkpoint(canonicalJson({
  kind: 'audit-checkpoint', highWater: String(b.highWater), eventCount: b.eventCount, chainCount: b.chainCount,
  headsDigest: b.headsDigest, prevSignature: b.prevSignature, createdAt: b.createdAt.toISOString(),
}));

/** Ids per window when adding up the chains written since the previous checkpoint. */
const WINDOW = 10_000n;

/**
 * The largest event id below which every insert has committed. Sequence values are drawn at insert
 * and committed in any order, so a brief SHARE lock waits out the transactions writing events (new
 * writers wait the few milliseconds it is held) before reading the maximum.
 */
async function committedHighWater(db: Db): Promise<bigint> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local lock_timeout = '10s'`);
    await tx.execute(sql`lock table events in share mode`);
    const [row] = rowsOf<{ h: string | null }>(await tx.execute(sql`select max(id)::text as h from events`));
    return BigInt(row?.h ?? 0);
  });
}

interface Delta { events: number; chains: number; digest: bigint }

/**
 * What the events with ids in (from, to] change: their count, the chains they start, and each touched
 * chain's head term before (events up to `from`) and after (up to `to`). Done in id windows; the
 * changes of consecutive windows add up to the change of the whole range.
 */
async function deltaSince(db: Db, keys: AuditKeys, from: bigint, to: bigint): Promise<Delta> {
  const d: Delta = { events: 0, chains: 0, digest: 0n };
  for (let a = from; a < to; a += WINDOW) {
    const b = a + WINDOW < to ? a + WINDOW : to;
    const heads = rowsOf<{ t: string; s: string; c0: number; h0: string | null; c1: number; h1: string; added: number }>(await db.execute(sql`
      with touched as (select subject_type, subject_id, count(*)::int as added from events
                       where id > ${a} and id <= ${b} group by 1, 2)
      select e.subject_type as t, e.subject_id as s, max(t.added) as added,
        (count(*) filter (where e.id <= ${a}))::int as c0,
        (array_agg(e.hash order by e.seq desc) filter (where e.id <= ${a}))[1] as h0,
        count(*)::int as c1, (array_agg(e.hash order by e.seq desc))[1] as h1
      from touched t join events e on e.subject_type = t.subject_type and e.subject_id = t.subject_id and e.id <= ${b}
      group by 1, 2`));
    for (const h of heads) {
      d.events += Number(h.added);
      if (h.c0 === 0) d.chains += 1;
      else d.digest = addMod(d.digest, -headTerm(keys, h.t, h.s, h.c0, h.h0!));
      d.digest = addMod(d.digest, headTerm(keys, h.t, h.s, h.c1, h.h1));
    }
  }
  return d;
}

/**
 * Writes a signed checkpoint covering every event committed so far, continuing the previous one;
 * none when no event was written since. The first checkpoint anchors the chains written before
 * keyed hashes (version 1). Safe to run from several processes: one of them writes.
 */
export async function writeCheckpoint(db: Db, keys: AuditKeys, now: Date): Promise<AuditCheckpointRow | null> {
  const highWater = await committedHighWater(db);
  const [prev] = await db.select().from(auditCheckpoints).orderBy(desc(auditCheckpoints.id)).limit(1);
  const from = prev?.highWater ?? 0n;
  if (highWater <= from) return null;
  // Events up to highWater never change, so the delta is read outside a transaction.
  const delta = await deltaSince(db, keys, from, highWater);
  return db.transaction(async (tx) => {
    await lockInTx(tx, lockKeys.auditCheckpoint);
    const [current] = await tx.select({ id: auditCheckpoints.id }).from(auditCheckpoints).orderBy(desc(auditCheckpoints.id)).limit(1);
    if (current?.id !== prev?.id) return null; // another process checkpointed meanwhile
    const body: CheckpointBody = {
      highWater,
      eventCount: (prev?.eventCount ?? 0) + delta.events,
      chainCount: (prev?.chainCount ?? 0) + delta.chains,
      headsDigest: digestHex(addMod(prev ? BigInt(`0x${prev.headsDigest}`) : 0n, delta.digest)),
      prevSignature: prev?.signature ?? null,
      createdAt: now,
    };
    const [row] = await tx.insert(auditCheckpoints).values({ ...body, signature: signCheckpoint(keys, body) }).returning();
    return row!;
  });
}
