import { TextscanError } from './errors.js';
import { Normalizer, resolveNormalize } from './normalize.js';

export interface NearDupOptions {
  /** Characters per shingle; default 3. */
  shingle?: number;
  /** MinHash functions; default 128. Must be a multiple of `bands`. */
  hashes?: number;
  /** LSH bands; default 32 (4 rows each: pairs above ~0.45 similarity are found reliably). */
  bands?: number;
  seed?: number;
}

export interface NearDupHit {
  id: string;
  /** Estimated Jaccard similarity of the character shingles, 0–1. */
  similarity: number;
}

export interface NearDupIndex {
  readonly size: number;
  /** Add or replace the item `id`. Throws near_dup.invalid_input when the text has no letters or digits. */
  add(id: string, text: string): void;
  remove(id: string): boolean;
  has(id: string): boolean;
  /** Known items at least `threshold` similar (default 0.5), most similar first. */
  query(text: string, opts?: { threshold?: number; limit?: number }): NearDupHit[];
  /** Estimated similarity of two texts, without the index. */
  similarity(a: string, b: string): number;
}

let contentTable: Uint8Array | undefined;
/** Letters and digits (what a shingle is made of); punctuation and symbols are dropped. */
function isContent(): Uint8Array {
  if (contentTable) return contentTable;
  const t = new Uint8Array(0x10000);
  const re = /[\p{L}\p{N}]/u;
  for (let c = 0; c < 0x10000; c++) if (c < 0xd800 || c >= 0xe000 ? re.test(String.fromCharCode(c)) : true) t[c] = 1;
  contentTable = t;
  return t;
}

function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

export interface MinHasher {
  readonly hashes: number;
  readonly bands: number;
  /** undefined when the text has no letters or digits */
  signature(text: string): Uint32Array | undefined;
  /** One key per LSH band, as signed 32-bit integers (a database int[]); band b's keys never equal band c's. */
  bandKeys(sig: Uint32Array): number[];
  /** Estimated Jaccard similarity of two signatures. */
  estimate(a: Uint32Array, b: Uint32Array): number;
}

/**
 * MinHash over character shingles of normalized text (width, case, traditional → simplified,
 * numbers, look-alikes; separators and punctuation removed), with LSH banding to find candidates.
 * Exposed on its own so a database can hold the band keys (the reports module's clustering).
 */
export function createMinHasher(options: NearDupOptions = {}): MinHasher {
  const k = options.shingle ?? 3;
  const hashes = options.hashes ?? 128;
  const bands = options.bands ?? 32;
  if (!(k >= 1 && hashes >= 1 && bands >= 1 && hashes % bands === 0)) {
    throw new TextscanError('near_dup.invalid_input', [{ problem: 'invalid_field', reason: 'hashes must be a positive multiple of bands, shingle ≥ 1' }]);
  }
  const rows = hashes / bands;
  const seeds = new Uint32Array(hashes);
  for (let i = 0; i < hashes; i++) seeds[i] = fmix((options.seed ?? 0x9e3779b9) + Math.imul(i + 1, 0x632be5ab));
  const normalizer = new Normalizer({ ...resolveNormalize(true)!, repeats: false, splitForms: false, pinyin: false, maxGap: Number.MAX_SAFE_INTEGER, bridgePunctuation: true });

  const signature = (text: string): Uint32Array | undefined => {
    const nt = normalizer.normalize(text);
    const content = isContent();
    const units: number[] = [];
    for (let i = 0; i < nt.length; i++) if (content[nt.units[i]!]) units.push(nt.units[i]!);
    if (units.length === 0) return undefined;
    const sig = new Uint32Array(hashes).fill(0xffffffff);
    const count = Math.max(1, units.length - k + 1);
    for (let s = 0; s < count; s++) {
      let h = 0x811c9dc5;
      for (let j = s; j < Math.min(s + k, units.length); j++) h = Math.imul(h ^ units[j]!, 0x01000193);
      for (let i = 0; i < hashes; i++) {
        const v = fmix(h ^ seeds[i]!);
        if (v < sig[i]!) sig[i] = v;
      }
    }
    return sig;
  };
  const bandKey = (sig: Uint32Array, b: number): number => {
    let h = 0x811c9dc5;
    for (let r = b * rows; r < (b + 1) * rows; r++) h = Math.imul(h ^ sig[r]!, 0x01000193);
    return h >>> 0;
  };
  const estimate = (a: Uint32Array, b: Uint32Array): number => {
    let same = 0;
    for (let i = 0; i < hashes; i++) if (a[i] === b[i]) same++;
    return same / hashes;
  };
  return {
    hashes, bands, signature, estimate,
    bandKeys: (sig) => Array.from({ length: bands }, (_, b) => fmix(bandKey(sig, b) ^ Math.imul(b + 1, 0x27d4eb2d)) | 0),
  };
}

export function createNearDupIndex(options: NearDupOptions = {}): NearDupIndex {
  const hasher = createMinHasher(options);
  const { signature, estimate } = hasher;
  const bands = hasher.bands;
  const rows = hasher.hashes / bands;
  const signatures = new Map<string, Uint32Array>();
  const buckets: Map<number, string[]>[] = Array.from({ length: bands }, () => new Map());
  const bandKey = (sig: Uint32Array, b: number): number => {
    let h = 0x811c9dc5;
    for (let r = b * rows; r < (b + 1) * rows; r++) h = Math.imul(h ^ sig[r]!, 0x01000193);
    return h >>> 0;
  };
  const remove = (id: string): boolean => {
    const sig = signatures.get(id);
    if (!sig) return false;
    for (let b = 0; b < bands; b++) {
      const key = bandKey(sig, b);
      const list = buckets[b]!.get(key)!.filter((x) => x !== id);
      if (list.length > 0) buckets[b]!.set(key, list);
      else buckets[b]!.delete(key);
    }
    signatures.delete(id);
    return true;
  };

  return {
    get size() {
      return signatures.size;
    },
    add(id, text) {
      const sig = signature(text);
      if (!sig) throw new TextscanError('near_dup.invalid_input', [{ problem: 'invalid_field', rule: id, reason: 'text has no letters or digits' }]);
      remove(id);
      signatures.set(id, sig);
      for (let b = 0; b < bands; b++) {
        const key = bandKey(sig, b);
        const list = buckets[b]!.get(key);
        if (list) list.push(id);
        else buckets[b]!.set(key, [id]);
      }
    },
    remove,
    has: (id) => signatures.has(id),
    query(text, opts = {}) {
      const threshold = opts.threshold ?? 0.5;
      const sig = signature(text);
      if (!sig) return [];
      const candidates = new Set<string>();
      for (let b = 0; b < bands; b++) for (const id of buckets[b]!.get(bandKey(sig, b)) ?? []) candidates.add(id);
      const hits: NearDupHit[] = [];
      for (const id of candidates) {
        const similarity = estimate(sig, signatures.get(id)!);
        if (similarity >= threshold) hits.push({ id, similarity });
      }
      hits.sort((a, b) => b.similarity - a.similarity || (a.id < b.id ? -1 : 1));
      return opts.limit === undefined ? hits : hits.slice(0, opts.limit);
    },
    similarity(a, b) {
      const sa = signature(a);
      const sb = signature(b);
      return sa && sb ? estimate(sa, sb) : 0;
    },
  };
}
