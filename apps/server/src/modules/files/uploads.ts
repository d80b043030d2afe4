import type { Readable } from 'node:stream';
import { and, asc, eq, gt, inArray, isNotNull, isNull, lt, sql } from 'drizzle-orm';
import { EVIDENCE_TYPES, type EvidenceMime } from '@tianlang/contracts';
import type { Db, Queryable } from '../../db/client';
import { lockInTx, lockKeys } from '../../db/locks';
import { fileUploads, type FileUploadRow } from '../../db/schema';
import type { Clock } from '../../lib/clock';
import { randomToken, sha256Hex } from '../../lib/crypto';
import { AppError } from '../../lib/errors';
import { prepareEvidence, sniff, stripMetadata } from './content-format';
import type { FileStore } from './files.types';

/** An upload is claimable by a report for this long; unclaimed uploads are removed after it. */
export const EVIDENCE_CLAIM_WINDOW_MS = 24 * 60 * 60 * 1000;
const CLEANUP_BATCH = 500;
const FILENAME_MAX = 120;

export interface EvidenceUpload { token: string; mime: EvidenceMime; size: number; sha256: string; stripped: boolean }

/**
 * Uploaded files (report evidence, registry attachments): their bytes in the file store, their rows in
 * `file_uploads` (the upload ledger). Rows are written at upload with
 * no owner; a report's transaction claims them by the upload token (whose hash alone is stored), a
 * registry record claims one for itself (`attached_to`).
 */
export function createUploads({ db, clock, store, maxUnclaimedPublicBytes = Number.MAX_SAFE_INTEGER }: {
  db: Db; clock: Clock; store: FileStore;
  /** the most bytes public uploads not (yet) part of a report may hold together */
  maxUnclaimedPublicBytes?: number;
}) {
  /** Bytes held by public uploads no report (or other owner) has claimed yet, expired ones included until cleanup. */
  async function unclaimedPublicBytes(q: Queryable = db): Promise<number> {
    const [row] = await q.select({ n: sql<string>`coalesce(sum(${fileUploads.size}), 0)` }).from(fileUploads)
      .where(and(isNull(fileUploads.reportId), isNull(fileUploads.attachedTo), isNotNull(fileUploads.sourceHash)));
    return Number(row!.n);
  }

  /** Refuses with report.evidence_storage_full when `size` more bytes would not fit. */
  async function assertRoom(size: number, q: Queryable = db) {
    const held = await unclaimedPublicBytes(q);
    if (held + size > maxUnclaimedPublicBytes) {
      throw new AppError('report.evidence_storage_full', 'unclaimed uploads have filled their space; try again later', { details: { limit: maxUnclaimedPublicBytes } });
    }
  }

  /**
   * Stores an upload. A public one (`sourceHash` given) counts against the space of unclaimed public
   * uploads: its row is written under a lock that serializes those checks, before its file, so
   * concurrent uploads cannot overshoot the limit together, and a refused upload leaves no file.
   */
  async function save(buf: Buffer, declaredMime: string, filename?: string | null, opts: { sourceHash?: string } = {}): Promise<EvidenceUpload> {
    const { mime, bytes, stripped } = prepareEvidence(buf, declaredMime);
    const sha256 = sha256Hex(bytes);
    const token = randomToken(24);
    const row = {
      reportId: null, uploadTokenHash: sha256Hex(token), mime, kind: EVIDENCE_TYPES[mime], size: bytes.length,
      sha256, originalSha256: sha256Hex(buf), filename: sanitizeFilename(filename), sourceHash: opts.sourceHash ?? null, createdAt: clock.now(),
    };
    if (!opts.sourceHash) {
      await store.put(sha256, bytes);
      await db.insert(fileUploads).values(row);
      return { token, mime, size: bytes.length, sha256, stripped };
    }
    const [inserted] = await db.transaction(async (tx) => {
      await lockInTx(tx, lockKeys.unclaimedPublicEvidence);
      await assertRoom(bytes.length, tx);
      return tx.insert(fileUploads).values(row).returning({ id: fileUploads.id });
    });
    try {
      await store.put(sha256, bytes);
    } catch (err) {
      await db.delete(fileUploads).where(inArray(fileUploads.id, [inserted!.id]));
      throw err;
    }
    return { token, mime, size: bytes.length, sha256, stripped };
  }

  /**
   * Attaches uploads to a report inside the caller's transaction. Any unknown, expired or already
   * used token throws, so the caller's transaction rolls back with nothing attached. Two reports
   * racing for one token: the row lock makes the second UPDATE miss it, and that report fails.
   */
  async function claim(tx: Queryable, tokens: string[], reportId: string): Promise<FileUploadRow[]> {
    const hashes = [...new Set(tokens)].map((t) => sha256Hex(t));
    if (hashes.length === 0) return [];
    const since = new Date(clock.now().getTime() - EVIDENCE_CLAIM_WINDOW_MS);
    const rows = await tx.update(fileUploads).set({ reportId })
      .where(and(inArray(fileUploads.uploadTokenHash, hashes), isNull(fileUploads.reportId), gt(fileUploads.createdAt, since)))
      .returning();
    if (rows.length !== hashes.length) {
      throw new AppError('report.evidence_unknown', 'an evidence upload is unknown, expired or already used', {
        details: { unknown: hashes.length - rows.length },
      });
    }
    return rows;
  }

  /**
   * Claims one upload for a record other than a report (a registry pledge, inspection, interview), in
   * the caller's transaction: null when the token is unknown, expired or already used.
   */
  async function claimFor(tx: Queryable, token: string, owner: string): Promise<FileUploadRow | null> {
    const since = new Date(clock.now().getTime() - EVIDENCE_CLAIM_WINDOW_MS);
    const [row] = await tx.update(fileUploads).set({ attachedTo: owner })
      .where(and(eq(fileUploads.uploadTokenHash, sha256Hex(token)), isNull(fileUploads.reportId), isNull(fileUploads.attachedTo), gt(fileUploads.createdAt, since)))
      .returning();
    return row ?? null;
  }

  /** The stored file, checked against its recorded hash (evidence must be what was received). */
  const read = (row: Pick<FileUploadRow, 'sha256'>): Promise<Buffer> => store.read(row.sha256);

  /** For large files (video): a stream, unchecked. */
  const stream = (row: Pick<FileUploadRow, 'sha256'>): Readable => store.stream(row.sha256);

  /** Upload rows: one by id (optionally only a given report's), several by id, a report's in upload order. */
  const rows = {
    async byId(id: string, reportId?: string) {
      const [row] = await db.select().from(fileUploads).where(and(eq(fileUploads.id, id), reportId ? eq(fileUploads.reportId, reportId) : undefined));
      return row ?? null;
    },
    byIds: (ids: string[]) => (ids.length ? db.select().from(fileUploads).where(inArray(fileUploads.id, ids)) : Promise.resolve([])),
    ofReport: (reportId: string) => db.select().from(fileUploads).where(eq(fileUploads.reportId, reportId)).orderBy(asc(fileUploads.createdAt)),
  };

  /**
   * Deletes unclaimed uploads created before `olderThan` (never inside the claim window), and
   * their files when no other row still references the same content.
   */
  async function cleanupOrphans(olderThan?: Date): Promise<{ rows: number; files: number }> {
    const windowStart = new Date(clock.now().getTime() - EVIDENCE_CLAIM_WINDOW_MS);
    const cutoff = olderThan && olderThan < windowStart ? olderThan : windowStart;
    let rows = 0;
    let files = 0;
    for (;;) {
      const batch = db.select({ id: fileUploads.id }).from(fileUploads)
        .where(and(isNull(fileUploads.reportId), isNull(fileUploads.attachedTo), lt(fileUploads.createdAt, cutoff))).limit(CLEANUP_BATCH);
      const deleted = await db.delete(fileUploads).where(inArray(fileUploads.id, batch)).returning({ sha256: fileUploads.sha256 });
      rows += deleted.length;
      const shas = [...new Set(deleted.map((r) => r.sha256))];
      if (shas.length) {
        const used = await db.selectDistinct({ sha256: fileUploads.sha256 }).from(fileUploads).where(inArray(fileUploads.sha256, shas));
        const keep = new Set(used.map((r) => r.sha256));
        for (const sha of shas.filter((s) => !keep.has(s))) if (await store.removeIfOlder(sha, cutoff)) files++;
      }
      if (deleted.length < CLEANUP_BATCH) return { rows, files };
    }
  }

  return { sniff, strip: stripMetadata, save, claim, claimFor, read, stream, rows, cleanupOrphans, assertRoom, unclaimedPublicBytes };
}
export type Uploads = ReturnType<typeof createUploads>;

/**
 * The name as shown to staff: no folders, control or bidi-override characters (which can disguise
 * an extension), no leading dots, at most 120 characters with the extension kept.
 */
export function sanitizeFilename(name?: string | null): string | null {
  if (!name) return null;
  const base = name.normalize('NFC').split(/[\\/]/).pop() ?? '';
  const clean = base.replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, '').replace(/\s+/gu, ' ').trim().replace(/^\.+/, '').trim();
  const chars = Array.from(clean);
  if (chars.length <= FILENAME_MAX) return clean || null;
  const dot = clean.lastIndexOf('.');
  const ext = dot > 0 && clean.length - dot <= 10 ? Array.from(clean.slice(dot)) : [];
  return chars.slice(0, FILENAME_MAX - ext.length).join('').trimEnd() + ext.join('');
}
