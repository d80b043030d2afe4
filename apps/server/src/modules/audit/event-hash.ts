import type { EventRow } from '../../db/schema';
import { canonicalJson, sha256Hex } from '../../lib/crypto';
import type { Secrets } from '../../lib/secrets';

export type HashedFields = Pick<EventRow,
  'subjectType' | 'subjectId' | 'seq' | 'action' | 'actorId' | 'actorRole' | 'unitId' | 'fromState' |
  'toState' | 'reason' | 'payload' | 'batchId' | 'createdAt' | 'prevHash'>;

/** The version every new row is hashed with: an HMAC, so nobody without the key can re-hash an edited row. */
export const CURRENT_HASH_VERSION = 2;

/**
 * The audit log's keys, derived from SECRET_KEY by HKDF under labels of their own (never the raw
 * key): one for row hashes, one for checkpoint signatures and chain-head digests.
 */
export interface AuditKeys {
  row(data: string): string;
  checkpoint(data: string): string;
}

export const auditKeysOf = (secrets: Secrets): AuditKeys => ({
  row: (data) => secrets.mac('audit-chain', data),
  checkpoint: (data) => secrets.mac('audit-checkpoint', data),
});

let installed: AuditKeys | undefined;

/**
 * Sets the keys new events are hashed with, once per process, by whatever wires the app
 * (createServices, the seeding CLIs). The event log is written from every module, and one
 * deployment has one SECRET_KEY, so the keys are not threaded through each call.
 */
export function useAuditKeys(keys: AuditKeys): void {
  installed = keys;
}

/** The installed keys; writing an event without them is refused rather than left unkeyed. */
export function auditKeys(): AuditKeys {
  if (!installed) throw new Error('audit keys not set: useAuditKeys(auditKeysOf(secrets)) at start-up');
  return installed;
}

/** Every recorded field and the previous hash, so editing any of them breaks the chain. */
function hashInput(e: HashedFields): string {
  const content = {
    subjectType: e.subjectType, subjectId: e.subjectId, seq: e.seq, action: e.action,
    actorId: e.actorId, actorRole: e.actorRole, unitId: e.unitId, fromState: e.fromState,
    toState: e.toState, reason: e.reason, payload: e.payload, batchId: e.batchId,
    createdAt: e.createdAt.toISOString(),
  };
  return `${e.prevHash ?? ''}\n${canonicalJson(content)}`;
}

/** Version 1, plain SHA-256: what rows written before keyed hashes carry (anyone can recompute it). */
export const eventHashV1 = (e: HashedFields): string => sha256Hex(hashInput(e));

/** Version 2, HMAC-SHA-256 under the row key. */
export const eventHashV2 = (e: HashedFields, keys: AuditKeys): string => keys.row(hashInput(e));

/** The hash a row of the given version should carry; null for a version this code does not know. */
export function eventHash(e: HashedFields & { hashVersion: number }, keys: AuditKeys): string | null {
  if (e.hashVersion === 1) return eventHashV1(e);
  if (e.hashVersion === 2) return eventHashV2(e, keys);
  return null;
}
