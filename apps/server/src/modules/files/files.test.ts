import { existsSync, readdirSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq, inArray } from 'drizzle-orm';
import { EVIDENCE_LIMITS, type EvidenceMime } from '@tianlang/contracts';
import { buildTestApp, type TestApp } from '../../../test/harness';
import { buildJurisdiction, uniq } from '../../../test/factories';
import {
  ICC_PAYLOAD, JPEG_BASELINE, JPEG_PROGRESSIVE, PDF, SECRET_PLACE, jpegWithMetadata, mp4WithLocation, pngWithMetadata, webpWithMetadata,
} from '../../../test/evidence-fixtures';
import { fileUploads, reports } from '../../db/schema';
import { sha256Hex } from '../../lib/crypto';
import { createUploads, sanitizeFilename, type Uploads } from './uploads';
import { createLocalDiskStore } from './local-disk';
import type { FileStore } from './files.types';

let t: TestApp;
let store: Uploads;
let disk: ReturnType<typeof createLocalDiskStore>;
let dir: string;
let jurisdiction: { id: string; path: string };
const HOUR = 60 * 60 * 1000;

beforeAll(async () => {
  // Far in the past: cleanupOrphans removes every old unclaimed upload in the database, and with
  // PostgreSQL other files run at the same time; theirs are all newer than ours.
  t = await buildTestApp({}, new Date('2001-03-01T08:00:00Z'));
  dir = await mkdtemp(path.join(tmpdir(), 'tianlang-evidence-test-'));
  disk = createLocalDiskStore({ dir, clock: t.clock });
  store = createUploads({ db: t.s.db, clock: t.clock, store: disk });
  jurisdiction = await buildJurisdiction(t.s.db);
});
afterAll(async () => {
  await t.close();
  await rm(dir, { recursive: true, force: true });
});

async function newReport(): Promise<string> {
  const [row] = await t.s.db.insert(reports).values({
    trackingNo: uniq('JB'), queryCodeHash: 'x', channel: 'web', categoryCode: 'other', description: '证据测试举报内容',
    jurisdictionId: jurisdiction.id, jurisdictionPath: jurisdiction.path, submittedAt: t.clock.now(),
  }).returning({ id: reports.id });
  return row!.id;
}
/** The row of one upload (by its token: the same bytes may be uploaded by other tests sharing the database). */
const rowOf = async (upload: { token: string }) => t.s.db.select().from(fileUploads).where(eq(fileUploads.uploadTokenHash, sha256Hex(upload.token)));
const place = [Buffer.from(SECRET_PLACE), Buffer.from(SECRET_PLACE, 'latin1'), Buffer.from('39.9042'), Buffer.from('北京')];
const fileCount = () => (existsSync(dir) ? readdirSync(dir, { recursive: true }).filter((f) => String(f).length > 3).length : 0);

describe('upload', () => {
  const images: [string, EvidenceMime, () => Buffer][] = [
    ['baseline JPEG', 'image/jpeg', () => jpegWithMetadata()],
    ['progressive JPEG', 'image/jpeg', () => jpegWithMetadata(JPEG_PROGRESSIVE, 1)],
    ['PNG', 'image/png', pngWithMetadata],
    ['WebP', 'image/webp', webpWithMetadata],
    ['MP4', 'video/mp4', mp4WithLocation],
  ];
  it.each(images)('removes the location from a %s and keeps it a valid file', async (_name, mime, make) => {
    const upload = make();
    expect(place.some((p) => upload.includes(p))).toBe(true);
    const res = await store.save(upload, mime, 'IMG_0001.jpg');
    expect(res).toMatchObject({ mime, stripped: true });
    expect(res.token.length).toBeGreaterThanOrEqual(16);
    const stored = await readFile(path.join(dir, res.sha256.slice(0, 2), res.sha256));
    for (const p of place) expect(stored.includes(p)).toBe(false);
    // still the same kind of file, and walking it again finds nothing more to remove
    expect(store.sniff(stored)).toBe(mime);
    const again = store.strip(stored, mime);
    expect(again.stripped).toBe(false);
    expect(again.bytes.equals(stored)).toBe(true);
    const [row] = await rowOf(res);
    expect(row).toMatchObject({
      reportId: null, mime, size: stored.length, sha256: sha256Hex(stored), originalSha256: sha256Hex(upload),
      uploadTokenHash: sha256Hex(res.token), filename: 'IMG_0001.jpg',
    });
    expect(res.size).toBe(stored.length);
  });

  it('keeps what decides how an image looks: JPEG colour profile and orientation, PNG gamma, WebP image data', async () => {
    const jpeg = store.strip(jpegWithMetadata(JPEG_BASELINE, 6), 'image/jpeg').bytes;
    expect(jpeg.includes(ICC_PAYLOAD)).toBe(true);
    expect(jpeg.includes(Buffer.from([0x01, 0x12, 0x00, 0x03, 0, 0, 0, 1, 0, 6]))).toBe(true); // Orientation = 6
    expect(jpeg.subarray(-2).equals(Buffer.from([0xff, 0xd9]))).toBe(true); // nothing after EOI
    expect(store.strip(pngWithMetadata(), 'image/png').bytes.includes(Buffer.from('gAMA'))).toBe(true);
    const webp = store.strip(webpWithMetadata(), 'image/webp').bytes;
    expect(webp[20]! & 0x0c).toBe(0); // VP8X EXIF and XMP flags cleared
    expect(webp.readUInt32LE(4)).toBe(webp.length - 8);
    expect(webp.includes(Buffer.from('VP8L'))).toBe(true);
  });

  it('reads an MP4 whose last box runs to the end of the file', () => {
    const mp4 = Buffer.from(mp4WithLocation());
    mp4.writeUInt32BE(0, mp4.indexOf('mdat') - 4);
    const { bytes, stripped } = store.strip(mp4, 'video/mp4');
    expect(stripped).toBe(true);
    expect(bytes.length).toBe(mp4.length);
    expect(bytes.includes(Buffer.from('39.9042'))).toBe(false);
  });

  it('leaves a clean image and a PDF as uploaded', async () => {
    const jpeg = await store.save(JPEG_BASELINE, 'image/jpeg');
    expect(jpeg).toMatchObject({ stripped: false, sha256: sha256Hex(JPEG_BASELINE), size: JPEG_BASELINE.length });
    const pdf = await store.save(PDF, 'application/pdf', 'C:\\Users\\张三\\举报材料.pdf');
    expect(pdf).toMatchObject({ mime: 'application/pdf', stripped: false, sha256: sha256Hex(PDF) });
    expect((await rowOf(pdf))[0]).toMatchObject({ kind: 'pdf', filename: '举报材料.pdf', originalSha256: sha256Hex(PDF) });
    expect((await store.read({ sha256: pdf.sha256 })).equals(PDF)).toBe(true);
  });

  it('stores the same content once, with a token per upload', async () => {
    const a = await store.save(PDF, 'application/pdf');
    const b = await store.save(PDF, 'application/pdf');
    expect(a.sha256).toBe(b.sha256);
    expect(a.token).not.toBe(b.token);
    expect(readdirSync(path.join(dir, a.sha256.slice(0, 2))).filter((f) => f.startsWith(a.sha256))).toEqual([a.sha256]);
  });

  const truncatedJpeg = () => { const j = jpegWithMetadata(); return j.subarray(0, j.indexOf(Buffer.from([0xff, 0xda])) + 20); };
  const manyComments = () => {
    const empty = Buffer.alloc(4 * 50_001);
    for (let i = 0; i < empty.length; i += 4) empty.writeUInt32BE(0xfffe0002, i);
    return Buffer.concat([JPEG_BASELINE.subarray(0, 20), empty, JPEG_BASELINE.subarray(20)]);
  };
  const badCrcPng = () => { const p = Buffer.from(pngWithMetadata()); const i = p.indexOf('IDAT') + 6; p[i] = p[i]! ^ 0xff; return p; };
  const rejected: [string, Buffer, string, string, Record<string, unknown>?][] = [
    ['a text file sent as a PNG', Buffer.from('just some text, not an image at all'), 'image/png', 'report.evidence_invalid', { detected: null }],
    ['a PNG sent as a JPEG', pngWithMetadata(), 'image/jpeg', 'report.evidence_invalid', { declared: 'image/jpeg', detected: 'image/png' }],
    ['an empty file', Buffer.alloc(0), 'image/png', 'report.evidence_invalid'],
    ['an unsupported type', Buffer.from('GIF89a'), 'image/gif', 'report.evidence_invalid'],
    ['an image over the limit', Buffer.alloc(EVIDENCE_LIMITS.image + 1), 'image/png', 'report.evidence_too_large', { limit: EVIDENCE_LIMITS.image }],
    ['a truncated JPEG', truncatedJpeg(), 'image/jpeg', 'report.evidence_invalid'],
    ['a JPEG cut inside a segment', jpegWithMetadata().subarray(0, 40), 'image/jpeg', 'report.evidence_invalid'],
    ['a JPEG of fifty thousand empty comments', manyComments(), 'image/jpeg', 'report.evidence_invalid', { reason: 'too many segments' }],
    ['a PNG with a damaged chunk', badCrcPng(), 'image/png', 'report.evidence_invalid'],
    ['a truncated WebP', webpWithMetadata().subarray(0, 60), 'image/webp', 'report.evidence_invalid'],
    ['an MP4 without a movie header', mp4WithLocation().subarray(0, 32), 'video/mp4', 'report.evidence_invalid', { reason: 'mp4 has no movie header' }],
    ['a truncated MP4', mp4WithLocation().subarray(0, 100), 'video/mp4', 'report.evidence_invalid', { reason: 'mp4 truncated' }],
  ];
  it.each(rejected)('refuses %s and writes nothing', async (_name, buf, mime, code, details) => {
    const [before] = await t.s.db.select({ n: count() }).from(fileUploads);
    const files = fileCount();
    const err = await store.save(buf, mime).catch((e: unknown) => e);
    expect(err).toMatchObject({ code, ...(details ? { details: expect.objectContaining(details) } : {}) });
    expect((await t.s.db.select({ n: count() }).from(fileUploads))[0]!.n).toBe(before!.n);
    expect(fileCount()).toBe(files);
  });
});

describe('claim', () => {
  it('attaches uploads to a report once, all or none', async () => {
    const [a, b] = [await store.save(jpegWithMetadata(), 'image/jpeg'), await store.save(pngWithMetadata(), 'image/png')];
    const reportId = await newReport();
    const unknown = 'u'.repeat(32);
    const tryClaim = (tokens: string[], id = reportId) => t.s.db.transaction((tx) => store.claim(tx, tokens, id));
    await expect(tryClaim([a.token, b.token, unknown])).rejects.toMatchObject({ code: 'report.evidence_unknown' });
    const hashes = [a.token, b.token].map(sha256Hex);
    const attached = () => t.s.db.select().from(fileUploads).where(inArray(fileUploads.uploadTokenHash, hashes));
    expect((await attached()).map((r) => r.reportId)).toEqual([null, null]);

    const rows = await tryClaim([a.token, b.token, a.token]);
    expect(rows.map((r) => r.sha256).sort()).toEqual([a.sha256, b.sha256].sort());
    expect((await attached()).every((r) => r.reportId === reportId)).toBe(true);
    expect(await tryClaim([])).toEqual([]);

    // a used token cannot be claimed by another report, even together with a fresh one
    const c = await store.save(PDF, 'application/pdf');
    const other = await newReport();
    await expect(tryClaim([c.token, a.token], other)).rejects.toMatchObject({ code: 'report.evidence_unknown' });
    expect((await t.s.db.select().from(fileUploads).where(eq(fileUploads.uploadTokenHash, sha256Hex(c.token))))[0]!.reportId).toBeNull();
  });

  it('refuses an upload older than a day', async () => {
    const old = await store.save(JPEG_PROGRESSIVE, 'image/jpeg');
    const reportId = await newReport();
    t.clock.advance(25 * HOUR);
    try {
      await expect(t.s.db.transaction((tx) => store.claim(tx, [old.token], reportId))).rejects.toMatchObject({ code: 'report.evidence_unknown' });
    } finally {
      t.clock.advance(-25 * HOUR);
    }
  });
});

describe('read and cleanup', () => {
  it('refuses to hand out a file that no longer matches its hash', async () => {
    const { sha256 } = await store.save(pngWithMetadata(), 'image/png');
    expect(store.sniff(await store.read({ sha256 }))).toBe('image/png');
    await expect(store.read({ sha256: sha256Hex('other content') })).rejects.toThrow();
    expect(() => disk.fileOf('../../etc/passwd')).toThrow();
  });

  it('removes unclaimed uploads after a day, and their files unless still referenced', async () => {
    const kept = await store.save(mp4WithLocation(), 'video/mp4');
    const reportId = await newReport();
    await t.s.db.transaction((tx) => store.claim(tx, [kept.token], reportId));
    const shared = await store.save(mp4WithLocation(), 'video/mp4'); // same content as the claimed one
    const lonely = await store.save(Buffer.concat([PDF, Buffer.from(uniq())]), 'application/pdf');
    t.clock.advance(25 * HOUR);
    const fresh = await store.save(jpegWithMetadata(JPEG_PROGRESSIVE, 3), 'image/jpeg');
    const result = await store.cleanupOrphans(t.clock.now()); // clamped: never inside the claim window
    t.clock.advance(-25 * HOUR);
    expect(result.rows).toBeGreaterThanOrEqual(2);
    const left = await t.s.db.select().from(fileUploads)
      .where(inArray(fileUploads.uploadTokenHash, [kept, shared, lonely, fresh].map((u) => sha256Hex(u.token))));
    expect(left.map((r) => r.sha256).sort()).toEqual([kept.sha256, fresh.sha256].sort());
    expect(existsSync(disk.fileOf(kept.sha256))).toBe(true);
    expect(existsSync(disk.fileOf(fresh.sha256))).toBe(true);
    expect(existsSync(disk.fileOf(lonely.sha256))).toBe(false);
  });
});

describe('the file store seam', () => {
  it('runs uploads over any FileStore: bytes go only through put, read, stream and removeIfOlder', async () => {
    // what an S3-compatible store would be: a key-value store of content by hash, with the time it was last put
    const objects = new Map<string, { bytes: Buffer; at: Date }>();
    const memory: FileStore = {
      put: async (sha, bytes) => { objects.set(sha, { bytes: objects.get(sha)?.bytes ?? bytes, at: t.clock.now() }); },
      read: async (sha) => objects.get(sha)!.bytes,
      stream: (sha) => Readable.from([objects.get(sha)!.bytes]),
      removeIfOlder: async (sha, cutoff) => { const o = objects.get(sha); if (!o || o.at >= cutoff) return false; objects.delete(sha); return true; },
    };
    const uploads = createUploads({ db: t.s.db, clock: t.clock, store: memory });
    const before = fileCount();
    const lonely = await uploads.save(Buffer.concat([PDF, Buffer.from(uniq())]), 'application/pdf');
    expect(fileCount()).toBe(before); // nothing on disk
    expect(sha256Hex(await uploads.read(lonely))).toBe(lonely.sha256);
    t.clock.advance(25 * HOUR);
    await uploads.cleanupOrphans();
    t.clock.advance(-25 * HOUR);
    expect(objects.has(lonely.sha256)).toBe(false);
  });
});

describe('file names', () => {
  it.each([
    ['../../etc/passwd', 'passwd'],
    ['C:\\Users\\x\\截图 1.png', '截图 1.png'],
    ['report\u202Egnp.exe', 'reportgnp.exe'],
    ['a\u0000b\r\nc .png ', 'abc .png'],
    ['...', null],
    ['', null],
  ])('%j → %j', (input, expected) => {
    expect(sanitizeFilename(input)).toBe(expected);
  });

  it('shortens long names to 120 characters and keeps the extension', () => {
    const name = sanitizeFilename(`${'很长的文件名'.repeat(40)}.jpeg`)!;
    expect(Array.from(name)).toHaveLength(120);
    expect(name.endsWith('.jpeg')).toBe(true);
  });
});
