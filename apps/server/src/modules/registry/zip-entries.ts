import { inflateRawSync } from 'node:zlib';

/**
 * Just enough of the ZIP format to list an xlsx's entries and read one (end of central directory →
 * central directory → local header → deflate/stored data). exceljs's streaming reader, which reads
 * the rows, skips <mergeCell> elements; the import reads the sheet XML through this to find them.
 */
export function zipEntries(buf: Buffer): Map<string, { method: number; size: number; offset: number }> | null {
  const min = Math.max(0, buf.length - 65_557);
  let eocd = -1;
  for (let i = buf.length - 22; i >= min; i--) if (buf.readUInt32LE(i) === 0x06054b50) { eocd = i; break; }
  if (eocd < 0) return null;
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const out = new Map<string, { method: number; size: number; offset: number }>();
  for (let k = 0; k < count; k++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) return null;
    const method = buf.readUInt16LE(p + 10);
    const size = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const offset = buf.readUInt32LE(p + 42);
    out.set(buf.toString('utf8', p + 46, p + 46 + nameLen), { method, size, offset });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

export function readZipEntry(buf: Buffer, e: { method: number; size: number; offset: number }): Buffer {
  if (buf.readUInt32LE(e.offset) !== 0x04034b50) throw new Error('bad local header');
  const start = e.offset + 30 + buf.readUInt16LE(e.offset + 26) + buf.readUInt16LE(e.offset + 28);
  const data = buf.subarray(start, start + e.size);
  if (e.method === 0) return Buffer.from(data);
  if (e.method === 8) return inflateRawSync(data);
  throw new Error(`unsupported compression ${e.method}`);
}
