import { crc32, deflateSync } from 'node:zlib';

/**
 * Small real evidence files. The JPEGs and the WebP image data were made by libjpeg-turbo's cjpeg
 * and libwebp's cwebp (8×8 and 1×1 pixels); metadata of the kind phones write is added around them
 * here, with a location text that must not survive upload.
 */
export const SECRET_PLACE = '+39.9042+116.4074 北京市朝阳区某小区';
const place = Buffer.from(SECRET_PLACE, 'utf8');

/** cjpeg -grayscale -optimize: SOI, APP0 JFIF, DQT, SOF0, DHT, SOS, data, EOI */
export const JPEG_BASELINE = Buffer.from(
  '/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDABALDA4MChAODQ4SERATGCgaGBYWGDEjJR0oOjM9PDkzODdASFxOQERXRTc4UG1RV19iZ2hnPk1xeXBkeFxlZ2P/wAALCAAIAAgBAREA/8QAFAABAAAAAAAAAAAAAAAAAAAAAf/EAB0QAAICAQUAAAAAAAAAAAAAAAECAxExEiEiQVH/2gAIAQEAAD8AJFVESFFjUmtVsKOBnFb15RHR5//Z',
  'base64');
/** cjpeg -progressive -optimize, colour with 2×2 subsampling: ten scans with tables between them */
export const JPEG_PROGRESSIVE = Buffer.from(
  '/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDABsSFBcUERsXFhceHBsgKEIrKCUlKFE6PTBCYFVlZF9VXVtqeJmBanGQc1tdhbWGkJ6jq62rZ4C8ybqmx5moq6T/2wBDARweHigjKE4rK06kbl1upKSkpKSkpKSkpKSkpKSkpKSkpKSkpKSkpKSkpKSkpKSkpKSkpKSkpKSkpKSkpKSkpKT/wgARCAAIAAgDASIAAhEBAxEB/8QAFQABAQAAAAAAAAAAAAAAAAAAAAH/xAAVAQEBAAAAAAAAAAAAAAAAAAAAAv/aAAwDAQACEAMQAAABgl//xAAUEAEAAAAAAAAAAAAAAAAAAAAA/9oACAEBAAEFAn//xAAVEQEBAAAAAAAAAAAAAAAAAAAAEf/aAAgBAwEBPwGv/8QAFhEBAQEAAAAAAAAAAAAAAAAAAQAR/9oACAECAQE/AVy//8QAFRABAQAAAAAAAAAAAAAAAAAAABH/2gAIAQEABj8Cj//EABgQAQEAAwAAAAAAAAAAAAAAAAHwESFB/9oACAEBAAE/IXQDFXf/2gAMAwEAAgADAAAAEPv/xAAWEQEBAQAAAAAAAAAAAAAAAAARAQD/2gAIAQMBAT8Qgib/xAAWEQEBAQAAAAAAAAAAAAAAAAABABH/2gAIAQIBAT8QUGX/xAAbEAACAQUAAAAAAAAAAAAAAAABESEAMWGR8P/aAAgBAQABPxAAAA7yF06xT//Z',
  'base64');
/** the VP8L chunk of cwebp -lossless of a 1×1 image */
const VP8L_CHUNK = Buffer.from('UklGRh4AAABXRUJQVlA4TBEAAAAvAAAAAAdQjyLXo/+BiOh/AAA=', 'base64').subarray(12);

const u16be = (n: number) => Buffer.from([n >> 8, n & 0xff]);
const u32be = (n: number) => { const b = Buffer.alloc(4); b.writeUInt32BE(n); return b; };
const u32le = (n: number) => { const b = Buffer.alloc(4); b.writeUInt32LE(n); return b; };

const jpegSegment = (marker: number, payload: Buffer) => Buffer.concat([Buffer.from([0xff, marker]), u16be(payload.length + 2), payload]);

/** EXIF (big-endian TIFF) with Orientation and a Make/GPS-like ASCII tag pointing at the place text. */
export function exifPayload(orientation = 6): Buffer {
  const text = Buffer.concat([place, Buffer.from([0])]);
  const entries = 2;
  const dataAt = 8 + 2 + entries * 12 + 4;
  return Buffer.concat([
    Buffer.from('Exif\0\0MM\0\x2a', 'latin1'), u32be(8), u16be(entries),
    u16be(0x010f), u16be(2), u32be(text.length), u32be(dataAt), // Make (ASCII), stored after the IFD
    u16be(0x0112), u16be(3), u32be(1), u16be(orientation), u16be(0),
    u32be(0), text,
  ]);
}

/** an APP2 ICC profile segment's payload (a stand-in profile): kept, it decides how colours look */
export const ICC_PAYLOAD = Buffer.concat([Buffer.from('ICC_PROFILE\0\x01\x01', 'latin1'), Buffer.alloc(32, 7)]);

/** A phone-like JPEG: EXIF, XMP, ICC profile, Photoshop IRB, comment, and a trailer after EOI. */
export function jpegWithMetadata(base = JPEG_BASELINE, orientation = 6): Buffer {
  const app0End = 4 + base.readUInt16BE(4);
  return Buffer.concat([
    base.subarray(0, app0End),
    jpegSegment(0xe1, exifPayload(orientation)),
    jpegSegment(0xe1, Buffer.concat([Buffer.from('http://ns.adobe.com/xap/1.0/\0'), Buffer.from(`<x:xmpmeta>${SECRET_PLACE}</x:xmpmeta>`)])),
    jpegSegment(0xe2, ICC_PAYLOAD),
    jpegSegment(0xed, Buffer.concat([Buffer.from('Photoshop 3.0\0'), place])),
    jpegSegment(0xfe, place),
    base.subarray(app0End),
    Buffer.from('MotionPhoto_Data'), place,
  ]);
}

function pngChunk(type: string, data: Buffer): Buffer {
  const td = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  return Buffer.concat([u32be(data.length), td, u32be(crc32(td))]);
}

/** 1×1 RGB PNG with gAMA (kept) and tEXt, iTXt, zTXt, eXIf, tIME and a private chunk (all removed). */
export function pngWithMetadata(): Buffer {
  const ihdr = Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('gAMA', u32be(45455)),
    pngChunk('tEXt', Buffer.concat([Buffer.from('Comment\0'), Buffer.from(SECRET_PLACE, 'latin1')])),
    pngChunk('iTXt', Buffer.concat([Buffer.from('Location\0\0\0\0\0'), place])),
    pngChunk('zTXt', Buffer.concat([Buffer.from('Author\0\0'), deflateSync(place)])),
    pngChunk('eXIf', exifPayload().subarray(6)),
    pngChunk('tIME', Buffer.from([0x07, 0xe8, 1, 2, 3, 4, 5])),
    pngChunk('prVt', place),
    pngChunk('IDAT', deflateSync(Buffer.from([0, 200, 30, 30]))),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

function riffChunk(fourcc: string, data: Buffer): Buffer {
  return Buffer.concat([Buffer.from(fourcc, 'latin1'), u32le(data.length), data, data.length & 1 ? Buffer.alloc(1) : Buffer.alloc(0)]);
}

/** Extended WebP (VP8X with the EXIF and XMP flags) around real VP8L image data. */
export function webpWithMetadata(): Buffer {
  const vp8x = Buffer.alloc(10);
  vp8x[0] = 0x08 | 0x04; // EXIF | XMP; canvas 1×1 is stored as 0, 0
  const body = Buffer.concat([
    Buffer.from('WEBP'), riffChunk('VP8X', vp8x), VP8L_CHUNK,
    riffChunk('EXIF', exifPayload().subarray(6)), riffChunk('XMP ', Buffer.concat([Buffer.from('<x:xmpmeta>'), place])),
  ]);
  return Buffer.concat([Buffer.from('RIFF'), u32le(body.length), body]);
}

export const PDF = Buffer.from('%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n');

const box = (type: string, ...content: Buffer[]) => {
  const body = Buffer.concat(content);
  return Buffer.concat([u32be(body.length + 8), Buffer.from(type, 'latin1'), body]);
};

/** MP4 box structure as phones write it: ftyp, moov (mvhd, udta ©xyz, trak with udta), mdat. */
export function mp4WithLocation(): Buffer {
  return Buffer.concat([
    box('ftyp', Buffer.from('isom'), u32be(0x200), Buffer.from('isomiso2avc1mp41')),
    box('moov',
      box('mvhd', Buffer.alloc(100)),
      box('trak', box('tkhd', Buffer.alloc(84)), box('udta', box('name', place))),
      box('udta', box('\xa9xyz', u16be(place.length), u16be(0), place)),
      box('meta', Buffer.alloc(4), box('keys', place))),
    box('mdat', Buffer.from('frame-data-frame-data')),
  ]);
}
