import { MAX_PARTS, invalid, type Stripped } from './content-images';

/**
 * MP4 metadata lives in boxes nothing needs for playback: `udta` (©xyz GPS position, device,
 * title), `meta` (Apple's location and creation keys) and XMP `uuid` boxes. Removing a box would
 * shift the sample offsets in stco/co64, so each is blanked in place instead: renamed to `free`
 * and zero-filled. Size and layout stay the same; players skip `free` boxes at every level.
 */
const BLANK: Record<string, Set<string>> = {
  file: new Set(['meta', 'uuid']),
  moov: new Set(['udta', 'meta']),
  trak: new Set(['udta', 'meta']),
};
const XMP_UUID = 'be7acfcb97a942e89c71999491e3afac';

export function stripMp4(buf: Buffer): Stripped {
  let out = buf;
  let movie = false;
  let boxes = 0;

  function walk(start: number, end: number, parent: string) {
    for (let pos = start; pos < end;) {
      if (pos + 8 > end) throw invalid('mp4 truncated');
      if (++boxes > MAX_PARTS) throw invalid('too many segments');
      const type = buf.toString('latin1', pos + 4, pos + 8);
      let size = buf.readUInt32BE(pos);
      let header = 8;
      if (size === 1) {
        if (pos + 16 > end) throw invalid('mp4 truncated');
        const large = buf.readBigUInt64BE(pos + 8);
        if (large > BigInt(end - pos)) throw invalid('mp4 truncated');
        size = Number(large);
        header = 16;
      } else if (size === 0 && parent === 'file') {
        size = end - pos; // the last box may run to the end of the file
      }
      if (size < header || pos + size > end) throw invalid('mp4 truncated');
      if (parent === 'file' && type === 'moov') movie = true;
      const isXmp = type === 'uuid' && buf.toString('hex', pos + header, pos + header + 16) === XMP_UUID;
      if (BLANK[parent]?.has(type) && (type !== 'uuid' || isXmp)) {
        if (out === buf) out = Buffer.from(buf);
        out.write('free', pos + 4, 'latin1');
        out.fill(0, pos + header, pos + size);
      } else if ((parent === 'file' && type === 'moov') || (parent === 'moov' && type === 'trak')) {
        walk(pos + header, pos + size, type);
      }
      pos += size;
    }
  }

  if (buf.toString('latin1', 4, 8) !== 'ftyp') throw invalid('mp4 must start with ftyp');
  walk(0, buf.length, 'file');
  if (!movie) throw invalid('mp4 has no movie header');
  return { bytes: out, stripped: out !== buf };
}
