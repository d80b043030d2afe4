import { sql, type SQL } from 'drizzle-orm';
import type { Queryable } from './client';

/**
 * Every advisory lock the server takes, each key named once. A key is text that PostgreSQL hashes
 * (`hashtextextended(key, 0)`) into the 64-bit lock space; every lock is transaction-scoped, so it is
 * released at commit or rollback and held across processes sharing the database.
 */
export const lockKeys = {
  /** one writer of an event chain: `<subjectType>:` followed by the subject's id */
  chainPrefix: (subjectType: string) => `${subjectType}:`,
  chain: (subjectType: string, subjectId: string) => `${lockKeys.chainPrefix(subjectType)}${subjectId}`,
  /** one writer of the signed audit checkpoints */
  auditCheckpoint: 'audit:checkpoint',
  /** lexicon versions are numbered one at a time */
  lexiconVersions: 'lexicon_versions',
  /** the unclaimed public evidence quota is checked and filled by one upload at a time */
  unclaimedPublicEvidence: 'evidence:unclaimed-public',
  /** one writer of the statistics rollup */
  statsRollup: 'stats.rollup',
  /** one publication of a jurisdiction's transparency month at a time */
  statsTransparency: (jurisdictionId: string, month: string) => `stats.transparency:${jurisdictionId}:${month}`,
} as const;

/** The lock on `key` (a key from lockKeys, or an SQL expression building one) as an expression, for a statement that takes it among other work. */
export const advisoryLock = (key: string | SQL): SQL => sql`pg_advisory_xact_lock(hashtextextended(${key}, 0))`;

/** Takes the lock on `key` for the rest of the transaction `tx`. */
export async function lockInTx(tx: Queryable, key: string): Promise<void> {
  await tx.execute(sql`select ${advisoryLock(key)}`);
}
