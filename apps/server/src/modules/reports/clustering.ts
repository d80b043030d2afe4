import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { createMinHasher } from '@tianlang/textscan';
import { OPEN_STATES } from '@tianlang/core';
import type { Queryable } from '../../db/client';
import { reports } from '../../db/schema';

/**
 * Finds the open handling item a new report belongs to: the same canonical URL, or a near-identical
 * description (MinHash over character 3-grams, 64 hashes in 16 LSH bands; the band keys live in an
 * indexed int[] column so every server process sees the same clusters).
 */
export const TEXT_THRESHOLD = 0.8;
const CANDIDATES = 20;

export interface ClusterMatch {
  primaryId: string;
  reason: 'url' | 'text';
  similarity: number;
}

export function createClustering() {
  const hasher = createMinHasher({ shingle: 3, hashes: 64, bands: 16 });

  /** Band keys to store on the row, or null when the text has no letters or digits. */
  const fingerprint = (description: string) => {
    const sig = hasher.signature(description);
    return sig ? { sig, lsh: hasher.bandKeys(sig) } : null;
  };

  async function lookup(q: Queryable, input: { canonicalUrls: string[]; sig: Uint32Array | null; lsh: number[] | null }): Promise<ClusterMatch | null> {
    const open = and(inArray(reports.state, [...OPEN_STATES]), isNull(reports.mergedIntoId));
    if (input.canonicalUrls.length > 0) {
      const [hit] = await q.select({ id: reports.id }).from(reports)
        .where(and(inArray(reports.canonicalUrl, input.canonicalUrls), open)).orderBy(desc(reports.submittedAt)).limit(1);
      if (hit) return { primaryId: hit.id, reason: 'url', similarity: 1 };
    }
    if (!input.sig || !input.lsh) return null;
    const rows = await q.select({ id: reports.id, description: reports.description }).from(reports)
      .where(and(sql`${reports.lsh} && ${sql.raw(`'{${input.lsh.join(',')}}'::int[]`)}`, open))
      .orderBy(desc(reports.submittedAt)).limit(CANDIDATES);
    let best: ClusterMatch | null = null;
    for (const r of rows) {
      const other = hasher.signature(r.description);
      const similarity = other ? hasher.estimate(input.sig, other) : 0;
      if (similarity >= TEXT_THRESHOLD && (!best || similarity > best.similarity)) best = { primaryId: r.id, reason: 'text', similarity };
    }
    return best;
  }

  return { fingerprint, lookup, similarity: (a: string, b: string) => {
    const sa = hasher.signature(a);
    const sb = hasher.signature(b);
    return sa && sb ? hasher.estimate(sa, sb) : 0;
  } };
}
export type Clustering = ReturnType<typeof createClustering>;
