import type { Readable } from 'node:stream';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { XlsxError, type XlsxLimits } from './limits';

export interface ZipArchive {
  has(name: string): boolean;
  /** The entry's inflated bytes as a stream of chunks, stopped at the limits (never inflated whole). */
  read(name: string): AsyncGenerator<Buffer>;
  close(): void;
}

const tooLarge = (what: string) => new XlsxError('too_large', what);

/**
 * Opens a zip held in memory with yauzl and checks its central directory before anything is
 * inflated: entry count, each entry's declared size, their total, and the compression ratio.
 * Reading then counts the bytes actually inflated, so an entry that lies about its size is
 * stopped as soon as it passes what it declared.
 */
export async function openZip(buf: Buffer, limits: XlsxLimits): Promise<ZipArchive> {
  const zip = await new Promise<ZipFile>((resolve, reject) => {
    // validateEntrySizes is off because the reader below makes the same check and names it a bomb
    yauzl.fromBuffer(buf, { lazyEntries: true, validateEntrySizes: false, decodeStrings: true, strictFileNames: false }, (err, z) =>
      (err || !z ? reject(new XlsxError('not_xlsx', err?.message ?? 'not a zip')) : resolve(z)));
  });
  if (zip.entryCount > limits.maxEntries) { zip.close(); throw tooLarge(`${zip.entryCount} zip entries`); }
  const entries = new Map<string, Entry>();
  let declared = 0;
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (e: Entry) => {
      declared += e.uncompressedSize;
      const bad = e.uncompressedSize > limits.maxEntryBytes ? `${e.fileName} declares ${e.uncompressedSize} bytes`
        : declared > limits.maxTotalBytes ? `entries declare ${declared} bytes in all`
          : e.uncompressedSize > limits.ratioGraceBytes && e.uncompressedSize > e.compressedSize * limits.maxRatio ? `${e.fileName} declares a compression ratio over ${limits.maxRatio}`
            : null;
      if (bad) { zip.close(); reject(tooLarge(bad)); return; }
      entries.set(e.fileName, e);
      zip.readEntry();
    });
    zip.once('end', () => resolve());
    zip.once('error', (err: Error) => reject(new XlsxError('not_xlsx', err.message)));
    zip.readEntry();
  });

  let inflated = 0;
  async function* read(name: string): AsyncGenerator<Buffer> {
    const e = entries.get(name);
    if (!e) throw new XlsxError('not_xlsx', `no ${name}`);
    const stream = await new Promise<Readable>((resolve, reject) => {
      zip.openReadStream(e, (err, s) => (err || !s ? reject(new XlsxError('malformed', err?.message ?? 'unreadable entry')) : resolve(s)));
    });
    let n = 0;
    try {
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        n += chunk.length;
        inflated += chunk.length;
        if (n > e.uncompressedSize) throw tooLarge(`${name} inflates past its declared ${e.uncompressedSize} bytes`);
        if (inflated > limits.maxTotalBytes) throw tooLarge(`more than ${limits.maxTotalBytes} bytes inflated`);
        if (n > limits.ratioGraceBytes && n > e.compressedSize * limits.maxRatio) throw tooLarge(`${name} inflates past a ratio of ${limits.maxRatio}`);
        yield chunk;
      }
    } catch (err) {
      throw err instanceof XlsxError ? err : new XlsxError('malformed', (err as Error).message);
    } finally {
      stream.destroy();
    }
    if (n !== e.uncompressedSize) throw new XlsxError('malformed', `${name} holds ${n} bytes, declares ${e.uncompressedSize}`);
  }

  return { has: (name) => entries.has(name), read, close: () => zip.close() };
}
