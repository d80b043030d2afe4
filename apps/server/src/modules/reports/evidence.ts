import { createReadStream, type ReadStream } from 'node:fs';
import { mkdir, readFile, rename, stat, unlink, utimes, writeFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { and, gt, inArray, isNotNull, isNull, lt, sql } from 'drizzle-orm';
import { EVIDENCE_TYPES, type EvidenceMime } from '@tianlang/contracts';
import type { Db, Queryable } from '../../db/client';
import { lockInTx, lockKeys } from '../../db/locks';
import { reportEvidence, type ReportEvidenceRow } from '../../db/schema';
import type { Clock } from '../../lib/clock';
import { randomToken, sha256Hex } from '../../lib/crypto';
import { AppError } from '../../lib/errors';
import { prepareEvidence, sniff, stripMetadata } from './evidence-format';

/** An upload is claimable by a report for this long; unclaimed uploads are removed after it. */
export const EVIDENCE_CLAIM_WINDOW_MS = 24 * 60 * 60 * 1000;
const CLEANUP_BATCH = 500;
const FILENAME_MAX = 120;

export interface EvidenceUpload { token: string; mime: EvidenceMime; size: number; sha256: string; stripped: boolean }

/**
 * Evidence files, stored content-addressed under `dir` (`ab/abcdef…`) so the same screenshot sent
 * by a thousand reporters is kept once. Rows are written at upload with no report; the report's
 * transaction claims them by the upload token, whose hash alone is stored.
 */
export function createEvidenceStore({ db, clock, dir, maxUnclaimedPublicBytes = Number.MAX_SAFE_INTEGER }: {
  db: Db; clock: Clock; dir: string;
  /** the most bytes public uploads not (yet) part of a report may hold together */
  maxUnclaimedPublicBytes?: number;
}) {
  const fileOf = (sha256: string) => {
    // the hash comes from our own rows; checked anyway, since it becomes a path
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error('evidence hash is malformed');
    return path.join(dir, sha256.slice(0, 2), sha256);
  };

  /**
   * Atomic write: a temp file renamed into place, so a crash never leaves a half file under a
   * hash. The modification time is set from the clock on every save: cleanup leaves files that
   * a fresh upload just reused.
   */
  async function writeContent(sha256: string, bytes: Buffer) {
    const file = fileOf(sha256);
    const now = clock.now();
    try {
      await utimes(file, now, now);
      return;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
    await mkdir(path.dirname(file), { recursive: true });
    const tmp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      await writeFile(tmp, bytes, { flag: 'wx', mode: 0o600 });
      await utimes(tmp, now, now);
      await rename(tmp, file);
    } catch (err) {
      await unlink(tmp).catch(() => undefined);
      throw err;
    }
  }

  /** Bytes held by public uploads no report (or other owner) has claimed yet, expired ones included until cleanup. */
  async function unclaimedPublicBytes(q: Queryable = db): Promise<number> {
    const [row] = await q.select({ n: sql<string>`coalesce(sum(${reportEvidence.size}), 0)` }).from(reportEvidence)
      .where(and(isNull(reportEvidence.reportId), isNull(reportEvidence.attachedTo), isNotNull(reportEvidence.sourceHash)));
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
      await writeContent(sha256, bytes);
      await db.insert(reportEvidence).values(row);
      return { token, mime, size: bytes.length, sha256, stripped };
    }
    const [inserted] = await db.transaction(async (tx) => {
      await lockInTx(tx, lockKeys.unclaimedPublicEvidence);
      await assertRoom(bytes.length, tx);
      return tx.insert(reportEvidence).values(row).returning({ id: reportEvidence.id });
    });
    try {
      await writeContent(sha256, bytes);
    } catch (err) {
      await db.delete(reportEvidence).where(inArray(reportEvidence.id, [inserted!.id]));
      throw err;
    }
    return { token, mime, size: bytes.length, sha256, stripped };
  }

  /**
   * Attaches uploads to a report inside the caller's transaction. Any unknown, expired or already
   * used token throws, so the caller's transaction rolls back with nothing attached. Two reports
   * racing for one token: the row lock makes the second UPDATE miss it, and that report fails.
   */
  async function claim(tx: Queryable, tokens: string[], reportId: string): Promise<ReportEvidenceRow[]> {
    const hashes = [...new Set(tokens)].map((t) => sha256Hex(t));
    if (hashes.length === 0) return [];
    const since = new Date(clock.now().getTime() - EVIDENCE_CLAIM_WINDOW_MS);
    const rows = await tx.update(reportEvidence).set({ reportId })
      .where(and(inArray(reportEvidence.uploadTokenHash, hashes), isNull(reportEvidence.reportId), gt(reportEvidence.createdAt, since)))
      .returning();
    if (rows.length !== hashes.length) {
      throw new AppError('report.evidence_unknown', 'an evidence upload is unknown, expired or already used', {
        details: { unknown: hashes.length - rows.length },
      });
    }
    return rows;
  }

  /** The stored file, checked against its recorded hash (evidence must be what was received). */
  async function read(row: Pick<ReportEvidenceRow, 'sha256'>): Promise<Buffer> {
    const bytes = await readFile(fileOf(row.sha256));
    if (sha256Hex(bytes) !== row.sha256) throw new Error(`evidence file ${row.sha256} does not match its hash`);
    return bytes;
  }

  /** For large files (video): a stream, unchecked. */
  const stream = (row: Pick<ReportEvidenceRow, 'sha256'>): ReadStream => createReadStream(fileOf(row.sha256));

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
      const batch = db.select({ id: reportEvidence.id }).from(reportEvidence)
        .where(and(isNull(reportEvidence.reportId), isNull(reportEvidence.attachedTo), lt(reportEvidence.createdAt, cutoff))).limit(CLEANUP_BATCH);
      const deleted = await db.delete(reportEvidence).where(inArray(reportEvidence.id, batch)).returning({ sha256: reportEvidence.sha256 });
      rows += deleted.length;
      const shas = [...new Set(deleted.map((r) => r.sha256))];
      if (shas.length) {
        const used = await db.selectDistinct({ sha256: reportEvidence.sha256 }).from(reportEvidence).where(inArray(reportEvidence.sha256, shas));
        const keep = new Set(used.map((r) => r.sha256));
        for (const sha of shas.filter((s) => !keep.has(s))) if (await unlinkIfOlder(sha, cutoff)) files++;
      }
      if (deleted.length < CLEANUP_BATCH) return { rows, files };
    }
  }

  async function unlinkIfOlder(sha256: string, cutoff: Date): Promise<boolean> {
    const file = fileOf(sha256);
    try {
      if ((await stat(file)).mtime >= cutoff) return false; // just reused by a new upload
      await unlink(file);
      return true;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw err;
    }
  }

  return { sniff, strip: stripMetadata, save, claim, read, stream, cleanupOrphans, fileOf, assertRoom, unclaimedPublicBytes };
}
export type EvidenceStore = ReturnType<typeof createEvidenceStore>;

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
