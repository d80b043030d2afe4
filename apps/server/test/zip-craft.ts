import { constants, crc32, deflateRawSync } from 'node:zlib';

/**
 * Writes zip files byte by byte, for tests that need what no zip library writes: entries whose
 * declared size lies, and deflate bombs. Only the fields yauzl and Excel read are filled in.
 */
export interface CraftedEntry {
  name: string;
  /** stored or deflated data as it goes in the file */
  data: Buffer;
  method: 0 | 8;
  /** uncompressed size written in the headers (the truth, or a lie) */
  size: number;
  crc: number;
}

export const stored = (name: string, text: string | Buffer): CraftedEntry => {
  const data = Buffer.from(text);
  return { name, data, method: 0, size: data.length, crc: crc32(data) };
};
export const deflated = (name: string, text: string | Buffer): CraftedEntry => {
  const raw = Buffer.from(text);
  return { name, data: deflateRawSync(raw), method: 8, size: raw.length, crc: crc32(raw) };
};

/**
 * A deflate stream of `prefix` then `mib` MiB of spaces, in about 1 KB per MiB: one fully flushed
 * MiB of spaces repeated (a full flush resets the window, so segments stand alone), then a final
 * empty block. Declares its true size; pass `size` to lie.
 */
export function spacesBomb(name: string, prefix: string, mib: number): CraftedEntry {
  const head = deflateRawSync(Buffer.from(prefix), { finishFlush: constants.Z_FULL_FLUSH });
  const seg = deflateRawSync(Buffer.alloc(1 << 20, 0x20), { level: 9, finishFlush: constants.Z_FULL_FLUSH });
  const data = Buffer.concat([head, ...Array<Buffer>(mib).fill(seg), Buffer.from([0x03, 0x00])]);
  return { name, data, method: 8, size: Buffer.byteLength(prefix) + mib * (1 << 20), crc: 0 };
}

export function craftZip(entries: CraftedEntry[]): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(20, 4); local.writeUInt16LE(0x0800, 6); local.writeUInt16LE(e.method, 8);
    local.writeUInt16LE(0, 10); local.writeUInt16LE(0x21, 12); local.writeUInt32LE(e.crc >>> 0, 14);
    local.writeUInt32LE(e.data.length, 18); local.writeUInt32LE(e.size, 22); local.writeUInt16LE(name.length, 26); local.writeUInt16LE(0, 28);
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0); cd.writeUInt16LE(20, 4); cd.writeUInt16LE(20, 6); cd.writeUInt16LE(0x0800, 8); cd.writeUInt16LE(e.method, 10);
    cd.writeUInt16LE(0, 12); cd.writeUInt16LE(0x21, 14); cd.writeUInt32LE(e.crc >>> 0, 16); cd.writeUInt32LE(e.data.length, 20); cd.writeUInt32LE(e.size, 24);
    cd.writeUInt16LE(name.length, 28); cd.writeUInt32LE(offset, 42);
    central.push(cd, name);
    parts.push(local, name, e.data);
    offset += 30 + name.length + e.data.length;
  }
  const cdBuf = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(entries.length, 8); end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cdBuf.length, 12); end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, cdBuf, end]);
}

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
export const SHEET_HEAD = `<?xml version="1.0" encoding="UTF-8"?><worksheet ${NS}><sheetData>`;

/** A one-sheet workbook around the given sheet entry (named xl/worksheets/sheet1.xml). */
export const craftWorkbook = (sheet: CraftedEntry): Buffer => craftZip(craftWorkbookEntries(sheet));

/** The entries of a one-sheet workbook: content types, workbook, relationships, and the sheet (empty unless given). */
export function craftWorkbookEntries(sheet = stored('xl/worksheets/sheet1.xml', `${SHEET_HEAD}</sheetData></worksheet>`)): CraftedEntry[] {
  return [
    deflated('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>'),
    deflated('xl/workbook.xml', `<?xml version="1.0" encoding="UTF-8"?><workbook ${NS}><sheets><sheet name="台账" sheetId="1" r:id="rId1"/></sheets></workbook>`),
    deflated('xl/_rels/workbook.xml.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'),
    sheet,
  ];
}
