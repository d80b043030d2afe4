import { sha256Hex } from '../../lib/crypto';
import { sniff } from './content-format';
import type { FileStore } from './files.types';

export interface GeneratedFile { sha256: string; size: number }

/**
 * Files the server makes itself (rendered documents), kept in the same content-addressed store as
 * uploads. They have no upload row: their owner records the hash (the documents table) and reads
 * the bytes back by it, checked against it.
 *
 * Orphan cleanup removes the content of expired uploads that no upload row still references; it
 * cannot know a generated file with the very same bytes. So a generated file may never be of a
 * format an upload can be (image, PDF, video): storing rendered PDFs needs a ledger of kept hashes
 * here first.
 */
export function createGeneratedFiles(store: FileStore) {
  async function keep(bytes: Buffer): Promise<GeneratedFile> {
    if (sniff(bytes)) throw new Error('a generated file must not be of an upload format: orphan cleanup could remove it');
    const sha256 = sha256Hex(bytes);
    await store.put(sha256, bytes);
    return { sha256, size: bytes.length };
  }
  /** The kept bytes, checked against their hash. */
  const readKept = (sha256: string): Promise<Buffer> => store.read(sha256);
  return { keep, readKept };
}
