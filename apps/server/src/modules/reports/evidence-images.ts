import { crc32 } from 'node:zlib';
import { AppError } from '../../lib/errors';

/**
 * Metadata removal for JPEG, PNG and WebP by walking their structure: what identifies the reporter
 * (camera, GPS position, author, edit history, thumbnails of the uncropped picture) is dropped,
 * what decides how the pixels look is kept. Every length and checksum is checked on the way.
 */
export interface Stripped { bytes: Buffer; stripped: boolean }

export const invalid = (reason: string) =>
  new AppError('report.evidence_invalid', `evidence file is not valid: ${reason}`, { details: { reason } });

const ascii = (b: Buffer, from: number, to: number) => b.toString('latin1', from, to);
export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

// ── JPEG ─────────────────────────────────────────────────────────
const isFrame = (m: number) => m >= 0xc0 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc;
const segment = (marker: number, payload: Buffer) => {
  const head = Buffer.from([0xff, marker, 0, 0]);
  head.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([head, payload]);
};

export function stripJpeg(buf: Buffer): Stripped {
  const out: Buffer[] = [buf.subarray(0, 2)];
  let pos = 2;
  let stripped = false;
  let frame = false;
  let scan = false;
  for (;;) {
    if (buf[pos] !== 0xff) throw invalid(pos >= buf.length ? 'jpeg truncated' : 'jpeg marker expected');
    while (buf[pos] === 0xff) pos++;
    if (pos >= buf.length) throw invalid('jpeg truncated');
    const marker = buf[pos++]!;
    if (marker === 0xd9) {
      if (!scan) throw invalid('jpeg has no image data');
      out.push(Buffer.from([0xff, 0xd9]));
      // bytes after EOI (appended "motion photo" videos, vendor trailers) are not part of the image
      if (pos < buf.length) stripped = true;
      return { bytes: Buffer.concat(out), stripped };
    }
    if (marker === 0x00 || marker === 0xd8) throw invalid('jpeg marker out of place');
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) { out.push(Buffer.from([0xff, marker])); continue; }
    if (pos + 2 > buf.length) throw invalid('jpeg truncated');
    const end = pos + buf.readUInt16BE(pos);
    if (end < pos + 2 || end > buf.length) throw invalid('jpeg truncated');
    const payload = buf.subarray(pos + 2, end);
    pos = end;
    if ((marker >= 0xe0 && marker <= 0xef) || marker === 0xfe) {
      const kept = keptAppPayload(marker, payload);
      if (kept) out.push(segment(marker, kept));
      if (!kept || !kept.equals(payload)) stripped = true;
      continue;
    }
    if (isFrame(marker)) frame = true;
    out.push(segment(marker, payload));
    if (marker === 0xda) {
      if (!frame) throw invalid('jpeg scan before frame header');
      scan = true;
      const dataEnd = entropyEnd(buf, pos);
      out.push(buf.subarray(pos, dataEnd));
      pos = dataEnd;
    }
  }
}

/** End of entropy-coded data: the next 0xFF that starts a real marker (not stuffing or RSTn). */
function entropyEnd(buf: Buffer, from: number): number {
  for (let i = buf.indexOf(0xff, from); i !== -1 && i + 1 < buf.length; i = buf.indexOf(0xff, i + 1)) {
    const next = buf[i + 1]!;
    if (next === 0xff) continue;
    if (next === 0x00 || (next >= 0xd0 && next <= 0xd7)) { i++; continue; }
    return i;
  }
  throw invalid('jpeg truncated in image data');
}

/**
 * What survives of an APPn/COM payload: JFIF without its thumbnail, the ICC colour profile, Adobe's
 * APP14 (its colour-transform flag decides how CMYK/YCCK data decodes; it holds no personal data)
 * and, from EXIF, only the orientation, so photos still display upright. Everything else goes.
 */
function keptAppPayload(marker: number, p: Buffer): Buffer | null {
  if (marker === 0xe0 && p.length >= 14 && ascii(p, 0, 5) === 'JFIF\0') {
    const jfif = Buffer.from(p.subarray(0, 14));
    jfif[12] = 0; jfif[13] = 0;
    return jfif;
  }
  if (marker === 0xe2 && ascii(p, 0, 12) === 'ICC_PROFILE\0') return p;
  if (marker === 0xee && ascii(p, 0, 5) === 'Adobe') return p;
  if (marker === 0xe1) {
    const o = exifOrientation(p);
    if (o && o !== 1) return Buffer.from([...Buffer.from('Exif\0\0MM\0\x2a\0\0\0\x08\0\x01\x01\x12\0\x03\0\0\0\x01\0', 'latin1'), o, 0, 0, 0, 0, 0, 0]);
  }
  return null;
}

function exifOrientation(p: Buffer): number | null {
  if (p.length < 16 || ascii(p, 0, 6) !== 'Exif\0\0') return null;
  const t = p.subarray(6);
  const le = ascii(t, 0, 2) === 'II';
  if (!le && ascii(t, 0, 2) !== 'MM') return null;
  const u16 = (o: number) => (le ? t.readUInt16LE(o) : t.readUInt16BE(o));
  const ifd = le ? t.readUInt32LE(4) : t.readUInt32BE(4);
  if (ifd + 2 > t.length) return null;
  for (let i = 0, n = u16(ifd); i < n && ifd + 14 + i * 12 <= t.length; i++) {
    const e = ifd + 2 + i * 12;
    if (u16(e) === 0x0112 && u16(e + 2) === 3) return u16(e + 8) <= 8 ? u16(e + 8) : null;
  }
  return null;
}

// ── PNG ──────────────────────────────────────────────────────────
/**
 * Ancillary chunks kept: what changes how pixels look. Text, eXIf, tIME and private chunks go
 * (an allow-list, so a vendor's private metadata chunk cannot slip through).
 */
const PNG_KEEP = new Set(['tRNS', 'cHRM', 'gAMA', 'iCCP', 'sBIT', 'sRGB', 'cICP', 'mDCV', 'cLLI', 'bKGD', 'hIST', 'pHYs', 'sPLT', 'acTL', 'fcTL', 'fdAT']);
const PNG_CRITICAL = new Set(['IHDR', 'PLTE', 'IDAT', 'IEND']);

export function stripPng(buf: Buffer): Stripped {
  const out: Buffer[] = [PNG_SIGNATURE];
  let pos = 8;
  let stripped = false;
  let data = false;
  for (;;) {
    if (pos + 12 > buf.length) throw invalid('png truncated');
    const len = buf.readUInt32BE(pos);
    const type = ascii(buf, pos + 4, pos + 8);
    const end = pos + 12 + len;
    if (end > buf.length) throw invalid('png truncated');
    if (!/^[A-Za-z]{4}$/.test(type)) throw invalid('png chunk type garbled');
    if (crc32(buf.subarray(pos + 4, end - 4)) !== buf.readUInt32BE(end - 4)) throw invalid(`png ${type} checksum mismatch`);
    if ((pos === 8) !== (type === 'IHDR') || (type === 'IHDR' && len !== 13)) throw invalid('png must start with IHDR');
    const critical = type.charCodeAt(0) < 0x61;
    if (critical && !PNG_CRITICAL.has(type)) throw invalid(`png unknown critical chunk ${type}`);
    if (type === 'IDAT') data = true;
    if (critical || PNG_KEEP.has(type)) out.push(buf.subarray(pos, end));
    else stripped = true;
    pos = end;
    if (type === 'IEND') {
      if (!data) throw invalid('png has no image data');
      return { bytes: Buffer.concat(out), stripped: stripped || pos < buf.length };
    }
  }
}

// ── WebP ─────────────────────────────────────────────────────────
/** Chunks kept; EXIF, XMP and unknown chunks go, and VP8X's EXIF/XMP flags are cleared. */
const WEBP_KEEP = new Set(['VP8 ', 'VP8L', 'VP8X', 'ALPH', 'ANIM', 'ANMF', 'ICCP']);
const WEBP_META_FLAGS = 0x08 | 0x04;

export function stripWebp(buf: Buffer): Stripped {
  const riffEnd = 8 + buf.readUInt32LE(4);
  if (riffEnd > buf.length) throw invalid('webp truncated');
  const out: Buffer[] = [];
  let stripped = riffEnd < buf.length;
  let image = false;
  for (let pos = 12; pos < riffEnd;) {
    if (pos + 8 > riffEnd) throw invalid('webp truncated');
    const fourcc = ascii(buf, pos, pos + 4);
    const size = buf.readUInt32LE(pos + 4);
    const end = pos + 8 + size + (size & 1);
    if (end > riffEnd) throw invalid('webp truncated');
    if (pos === 12 && !['VP8 ', 'VP8L', 'VP8X'].includes(fourcc)) throw invalid('webp has no image header');
    if (fourcc === 'VP8X' && (pos !== 12 || size !== 10)) throw invalid('webp extended header misplaced');
    if (['VP8 ', 'VP8L', 'ANIM'].includes(fourcc)) image = true;
    if (WEBP_KEEP.has(fourcc)) {
      const chunk = Buffer.from(buf.subarray(pos, end));
      if (fourcc === 'VP8X' && chunk[8]! & WEBP_META_FLAGS) { chunk[8] = chunk[8]! & ~WEBP_META_FLAGS; stripped = true; }
      out.push(chunk);
    } else stripped = true;
    pos = end;
  }
  if (!image) throw invalid('webp has no image data');
  const head = Buffer.from('RIFF\0\0\0\0WEBP', 'latin1');
  head.writeUInt32LE(4 + out.reduce((n, c) => n + c.length, 0), 4);
  return { bytes: Buffer.concat([head, ...out]), stripped };
}
