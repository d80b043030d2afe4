import { createHash } from 'node:crypto';

/**
 * 双随机 draw, reproducible by anyone from the recorded seed and pools. The algorithm, in full:
 *
 * 1. Pools: candidate entity ids and candidate officer ids, each sorted ascending (plain string
 *    order of the lower-case UUIDs). poolDigest = hex SHA-256 of the UTF-8 text
 *    `entities:` + ids joined by "," + `\nofficers:` + ids joined by ",".
 * 2. Random stream per label ("entities", "officers"): block k (k = 0, 1, …) is
 *    SHA-256(UTF-8 of `${seed}|${label}|${k}`); each block yields eight unsigned 32-bit big-endian
 *    integers, consumed in order.
 * 3. uniform(n): take the next integer u; if u ≥ floor(2^32 / n)·n, discard it and take another
 *    (no modulo bias); return u mod n.
 * 4. Partial Fisher–Yates: a = pool; for i = 0 … k−1: j = i + uniform(len − i); swap a[i], a[j].
 *    The first k items, in that order, are the draw.
 * 5. Task t (0-based, t-th drawn entity) gets `perTask` officers: drawn officers
 *    (t·perTask + r) mod M for r = 0 … perTask−1.
 *
 * `sha256-fisher-yates-v1` names this algorithm; a change to any step gets a new name.
 */
export const DRAW_ALGORITHM = 'sha256-fisher-yates-v1';

export function randomStream(seed: string, label: string): () => number {
  let k = 0;
  let words: number[] = [];
  return () => {
    if (words.length === 0) {
      const block = createHash('sha256').update(`${seed}|${label}|${k++}`, 'utf8').digest();
      words = [];
      for (let i = 0; i < 32; i += 4) words.push(block.readUInt32BE(i));
    }
    return words.shift()!;
  };
}

export function uniform(next: () => number, n: number): number {
  if (!Number.isInteger(n) || n < 1) throw new RangeError('n must be a positive integer');
  const limit = Math.floor(0x1_0000_0000 / n) * n;
  for (;;) {
    const u = next();
    if (u < limit) return u % n;
  }
}

/** The first k items of a seeded partial Fisher–Yates shuffle of `pool` (sorted first). */
export function drawFrom(pool: readonly string[], k: number, seed: string, label: string): string[] {
  const a = [...pool].sort();
  const next = randomStream(seed, label);
  const take = Math.min(k, a.length);
  for (let i = 0; i < take; i++) {
    const j = i + uniform(next, a.length - i);
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a.slice(0, take);
}

export const poolDigest = (entities: readonly string[], officers: readonly string[]): string =>
  createHash('sha256').update(`entities:${[...entities].sort().join(',')}\nofficers:${[...officers].sort().join(',')}`, 'utf8').digest('hex');

export interface DrawResult {
  algorithm: string;
  poolDigest: string;
  entityIds: string[];
  officerIds: string[];
  /** one task per drawn entity with its officers */
  tasks: { entityId: string; officerIds: string[] }[];
}

export function runDraw(input: { seed: string; entityPool: readonly string[]; officerPool: readonly string[]; entityCount: number; officerCount: number; perTask: number }): DrawResult {
  const entityIds = drawFrom(input.entityPool, input.entityCount, input.seed, 'entities');
  const officerIds = drawFrom(input.officerPool, input.officerCount, input.seed, 'officers');
  const per = Math.min(input.perTask, officerIds.length);
  const tasks = entityIds.map((entityId, t) => ({
    entityId, officerIds: Array.from({ length: per }, (_, r) => officerIds[(t * per + r) % officerIds.length]!),
  }));
  return { algorithm: DRAW_ALGORITHM, poolDigest: poolDigest(input.entityPool, input.officerPool), entityIds, officerIds, tasks };
}
