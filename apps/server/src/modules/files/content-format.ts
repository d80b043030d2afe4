import { EVIDENCE_LIMITS, EVIDENCE_TYPES, type EvidenceMime } from '@tianlang/contracts';
import { AppError } from '../../lib/errors';
import { PNG_SIGNATURE, invalid, stripJpeg, stripPng, stripWebp, type Stripped } from './content-images';
import { stripMp4 } from './content-mp4';

/**
 * Recognizes evidence files by their bytes and removes what could identify the reporter from
 * them. Every structure is walked and checked on the way, so a truncated or garbled file is
 * refused at upload, not found broken by a case handler months later. Images are rewritten
 * without their metadata (content-images.ts); MP4 keeps its bytes and offsets, only its metadata
 * boxes are blanked in place (content-mp4.ts). PDFs are stored as uploaded: their Info dictionary
 * and XMP may name an author, but rewriting a PDF safely needs a full parser; staff download them
 * as attachments under a sandboxing CSP.
 */
export type { Stripped };

const ascii = (b: Buffer, from: number, to: number) => b.toString('latin1', from, to);
/** ISO base media brands that mean "an MP4 video"; QuickTime ('qt  ') and HEIF images are not. */
const MP4_BRANDS = new Set(['isom', 'iso2', 'iso3', 'iso4', 'iso5', 'iso6', 'mp41', 'mp42', 'avc1', 'dash', 'M4V ', 'M4VH', 'M4VP', 'MSNV', 'mmp4']);

export function sniff(buf: Buffer): EvidenceMime | null {
  if (buf.length >= 8 && buf.subarray(0, 8).equals(PNG_SIGNATURE)) return 'image/png';
  if (buf.length >= 3 && buf[0] === 0xff && buf[1] === 0xd8 && buf[2] === 0xff) return 'image/jpeg';
  if (buf.length >= 12 && ascii(buf, 0, 4) === 'RIFF' && ascii(buf, 8, 12) === 'WEBP') return 'image/webp';
  if (ascii(buf, 0, 5) === '%PDF-') return 'application/pdf';
  if (buf.length >= 16 && ascii(buf, 4, 8) === 'ftyp') {
    const size = Math.min(buf.readUInt32BE(0), buf.length);
    for (let o = 8; o + 4 <= size; o += o === 8 ? 8 : 4) if (MP4_BRANDS.has(ascii(buf, o, o + 4))) return 'video/mp4';
  }
  return null;
}

export const isEvidenceMime = (m: string): m is EvidenceMime => Object.hasOwn(EVIDENCE_TYPES, m);

/** Checks type and size, then strips. The declared type must be what the bytes are. */
export function prepareEvidence(buf: Buffer, declared: string): Stripped & { mime: EvidenceMime } {
  const mime = declared.split(';')[0]!.trim().toLowerCase();
  if (!isEvidenceMime(mime)) throw invalid(`unsupported type ${mime.slice(0, 60)}`);
  if (buf.length === 0) throw invalid('empty file');
  const limit = EVIDENCE_LIMITS[EVIDENCE_TYPES[mime]];
  if (buf.length > limit) throw new AppError('report.evidence_too_large', `evidence file exceeds ${limit} bytes`, { details: { limit, size: buf.length } });
  const detected = sniff(buf);
  if (detected !== mime) {
    throw new AppError('report.evidence_invalid', `file content is ${detected ?? 'unknown'}, not ${mime}`, { details: { reason: 'type_mismatch', declared: mime, detected } });
  }
  return { mime, ...stripMetadata(buf, mime) };
}

/** Removes metadata from a file already known to be `mime` (checked again: the walkers rely on it). */
export function stripMetadata(buf: Buffer, mime: EvidenceMime): Stripped {
  if (sniff(buf) !== mime) throw invalid(`not a ${mime} file`);
  switch (mime) {
    case 'image/jpeg': return stripJpeg(buf);
    case 'image/png': return stripPng(buf);
    case 'image/webp': return stripWebp(buf);
    case 'video/mp4': return stripMp4(buf);
    case 'application/pdf': return { bytes: buf, stripped: false };
  }
}
