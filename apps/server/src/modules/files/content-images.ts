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

/**
 * Real files have at most a few thousand segments or chunks (JPEG scans, PNG IDAT, WebP frames);
 * a file made of a million empty ones only wants to keep a CPU busy.
 */
export const MAX_PARTS = 50_000;

/**
 * Builds the output from runs of the input: only removed or replaced parts break a run, so a file
 * of many small kept segments costs one copy, not one per segment.
 */
function splicer(buf: Buffer) {
  const out: Buffer[] = [];
  let from = 0;
  let changed = false;
  let parts = 0;
  return {
    /** counts one segment or chunk walked */
    step() {
      if (++parts > MAX_PARTS) throw invalid('too many segments');
    },
    replace(start: number, end: number, replacement?: Buffer) {
      if (start > from) out.push(buf.subarray(from, start));
      if (replacement) out.push(replacement);
      from = end;
      changed = true;
    },
    /** everything from `end` on (trailers after the image) is dropped */
    finish(end: number): Stripped {
      if (end > from) out.push(buf.subarray(from, end));
      return { bytes: Buffer.concat(out), stripped: changed || end < buf.length };
    },
  };
}

// ── JPEG ─────────────────────────────────────────────────────────
const isFrame = (m: number) => m >= 0xc0 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc;
const segment = (marker: number, payload: Buffer) => {
  const head = Buffer.from([0xff, marker, 0, 0]);
  head.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([head, payload]);
};

export function stripJpeg(buf: Buffer): Stripped {
  const out = splicer(buf);
  let pos = 2;
  let frame = false;
  let scan = false;
  for (;;) {
    if (buf[pos] !== 0xff) throw invalid(pos >= buf.length ? 'jpeg truncated' : 'jpeg marker expected');
    out.step();
    const start = pos;
    while (buf[pos] === 0xff) pos++;
    if (pos >= buf.length) throw invalid('jpeg truncated');
    const marker = buf[pos++]!;
    if (marker === 0xd9) {
      if (!scan) throw invalid('jpeg has no image data');
      // bytes after EOI (appended "motion photo" videos, vendor trailers) are not part of the image
      return out.finish(pos);
    }
    if (marker === 0x00 || marker === 0xd8) throw invalid('jpeg marker out of place');
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) continue;
    if (pos + 2 > buf.length) throw invalid('jpeg truncated');
    const end = pos + buf.readUInt16BE(pos);
    if (end < pos + 2 || end > buf.length) throw invalid('jpeg truncated');
    const payload = buf.subarray(pos + 2, end);
    pos = end;
    if ((marker >= 0xe0 && marker <= 0xef) || marker === 0xfe) {
      const kept = keptAppPayload(marker, payload);
      if (kept !== payload) out.replace(start, end, kept ? segment(marker, kept) : undefined);
      continue;
    }
    if (isFrame(marker)) frame = true;
    if (marker === 0xda) {
      if (!frame) throw invalid('jpeg scan before frame header');
      scan = true;
      pos = entropyEnd(buf, pos);
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
 * Returns `p` itself when the payload is kept unchanged.
 */
function keptAppPayload(marker: number, p: Buffer): Buffer | null {
  if (marker === 0xe0 && p.length >= 14 && ascii(p, 0, 5) === 'JFIF\0') {
    if (p.length === 14 && p[12] === 0 && p[13] === 0) return p;
    const jfif = Buffer.from(p.subarray(0, 14));
    jfif[12] = 0; jfif[13] = 0;
    return jfif;
  }
  if (marker === 0xe2 && ascii(p, 0, 12) === 'ICC_PROFILE\0') return p;
  if (marker === 0xee && ascii(p, 0, 5) === 'Adobe') return p;
  if (marker === 0xe1) {
    const o = exifOrientation(p);
    if (!o || o === 1) return null;
    const minimal = Buffer.from([...Buffer.from('Exif\0\0MM\0\x2a\0\0\0\x08\0\x01\x01\x12\0\x03\0\0\0\x01\0', 'latin1'), o, 0, 0, 0, 0, 0, 0]);
    return minimal.equals(p) ? p : minimal;
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
  const out = splicer(buf);
  let pos = 8;
  let data = false;
  for (;;) {
    if (pos + 12 > buf.length) throw invalid('png truncated');
    out.step();
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
    if (!critical && !PNG_KEEP.has(type)) out.replace(pos, end);
    pos = end;
    if (type === 'IEND') {
      if (!data) throw invalid('png has no image data');
      return out.finish(pos);
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
  const out = splicer(buf);
  let image = false;
  for (let pos = 12; pos < riffEnd;) {
    if (pos + 8 > riffEnd) throw invalid('webp truncated');
    out.step();
    const fourcc = ascii(buf, pos, pos + 4);
    const size = buf.readUInt32LE(pos + 4);
    const end = pos + 8 + size + (size & 1);
    if (end > riffEnd) throw invalid('webp truncated');
    if (pos === 12 && !['VP8 ', 'VP8L', 'VP8X'].includes(fourcc)) throw invalid('webp has no image header');
    if (fourcc === 'VP8X' && (pos !== 12 || size !== 10)) throw invalid('webp extended header misplaced');
    if (['VP8 ', 'VP8L', 'ANIM'].includes(fourcc)) image = true;
    if (!WEBP_KEEP.has(fourcc)) {
      out.replace(pos, end);
    } else if (fourcc === 'VP8X' && buf[pos + 8]! & WEBP_META_FLAGS) {
      const chunk = Buffer.from(buf.subarray(pos, end));
      chunk[8] = chunk[8]! & ~WEBP_META_FLAGS;
      out.replace(pos, end, chunk);
    }
    pos = end;
  }
  if (!image) throw invalid('webp has no image data');
  const result = out.finish(riffEnd);
  result.bytes.writeUInt32LE(result.bytes.length - 8, 4); // Buffer.concat made a fresh buffer
  return result;
}
