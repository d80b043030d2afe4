import { createReadStream, type ReadStream } from 'node:fs';
import { mkdir, readFile, rename, stat, unlink, utimes, writeFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { Clock } from '../../lib/clock';
import { sha256Hex } from '../../lib/crypto';
import type { FileStore } from './files.types';

/** The file store on local disk: `dir/ab/abcdef…`, mode 0600. */
export function createLocalDiskStore({ dir, clock }: { dir: string; clock: Clock }): FileStore & { fileOf(sha256: string): string } {
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
  async function put(sha256: string, bytes: Buffer) {
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

  async function read(sha256: string): Promise<Buffer> {
    const bytes = await readFile(fileOf(sha256));
    if (sha256Hex(bytes) !== sha256) throw new Error(`evidence file ${sha256} does not match its hash`);
    return bytes;
  }

  const stream = (sha256: string): ReadStream => createReadStream(fileOf(sha256));

  async function removeIfOlder(sha256: string, cutoff: Date): Promise<boolean> {
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

  return { put, read, stream, removeIfOlder, fileOf };
}
