import type { Readable } from 'node:stream';

/**
 * The byte store behind every uploaded file (report evidence, registry attachments): content-addressed
 * by SHA-256, so the same screenshot sent by a thousand reporters is kept once. This is the seam where
 * an S3-compatible store plugs in later: implement these five calls over a bucket (key `ab/abcdef…`,
 * `touch` as a copy-in-place or a metadata update, `removeIfOlder` from the object's last-modified) and
 * pass it to `createFilesService` instead of the local disk store. Nothing else knows where bytes live.
 */
export interface FileStore {
  /** Stores `bytes` under `sha256` (the caller has hashed them), atomically; refreshes the age of content already there. */
  put(sha256: string, bytes: Buffer): Promise<void>;
  /** The stored bytes, checked against their hash (a file must be what was received). */
  read(sha256: string): Promise<Buffer>;
  /** For large files (video): a stream, unchecked. */
  stream(sha256: string): Readable;
  /** Removes the content unless it was stored or refreshed at or after `cutoff` (just reused by a new upload); whether it went. */
  removeIfOlder(sha256: string, cutoff: Date): Promise<boolean>;
}
