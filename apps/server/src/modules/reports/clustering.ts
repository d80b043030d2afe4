import { desc, sql } from 'drizzle-orm';
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

/** Open states as literals (not parameters), so the partial indexes apply to the prepared statement's generic plan too. */
const OPEN = sql`${reports.state} in ${sql.raw(`(${OPEN_STATES.map((st) => `'${st}'`).join(', ')})`)} and ${reports.mergedIntoId} is null`;

/** Candidates by URL (empty array: none) and by shared LSH band key (empty array: none). */
const lookupStatement = (q: Queryable) => q
  .select({ id: reports.id, description: sql<string | null>`null::text`.as('description'), reason: sql<'url' | 'text'>`'url'`.as('reason') })
  .from(reports).where(sql`${reports.canonicalUrl} = any(${sql.placeholder('urls')}::text[]) and ${OPEN}`)
  .orderBy(desc(reports.submittedAt)).limit(1)
  .unionAll(q.select({ id: reports.id, description: reports.description, reason: sql<'url' | 'text'>`'text'`.as('reason') })
    .from(reports).where(sql`${reports.lsh} && ${sql.placeholder('lsh')}::int[] and ${OPEN}`)
    .orderBy(desc(reports.submittedAt)).limit(CANDIDATES));

export function createClustering() {
  const hasher = createMinHasher({ shingle: 3, hashes: 64, bands: 16 });

  /** Band keys to store on the row, or null when the text has no letters or digits. */
  const fingerprint = (description: string) => {
    const sig = hasher.signature(description);
    return sig ? { sig, lsh: hasher.bandKeys(sig) } : null;
  };

  /**
   * The open item with the same canonical URL (the newest), else the most similar recent text. Both
   * candidate lists come back in one round trip (the URL hit wins whenever there is one), from a
   * statement built and prepared once per database: the intake runs it for every report.
   */
  async function lookup(q: Queryable, input: { canonicalUrls: string[]; sig: Uint32Array | null; lsh: number[] | null }): Promise<ClusterMatch | null> {
    if (input.canonicalUrls.length === 0 && !input.lsh) return null;
    let statement = prepared.get(q);
    if (!statement) prepared.set(q, statement = lookupStatement(q).prepare('cluster_lookup'));
    const rows = await statement.execute({ urls: input.canonicalUrls, lsh: input.sig && input.lsh ? input.lsh : [] });
    const hit = rows.find((r) => r.reason === 'url');
    if (hit) return { primaryId: hit.id, reason: 'url', similarity: 1 };
    if (!input.sig) return null;
    let best: ClusterMatch | null = null;
    for (const r of rows) {
      const other = r.description === null ? undefined : hasher.signature(r.description);
      const similarity = other ? hasher.estimate(input.sig, other) : 0;
      if (similarity >= TEXT_THRESHOLD && (!best || similarity > best.similarity)) best = { primaryId: r.id, reason: 'text', similarity };
    }
    return best;
  }
  const prepared = new WeakMap<Queryable, ReturnType<ReturnType<typeof lookupStatement>['prepare']>>();

  return { fingerprint, lookup, similarity: (a: string, b: string) => {
    const sa = hasher.signature(a);
    const sb = hasher.signature(b);
    return sa && sb ? hasher.estimate(sa, sb) : 0;
  } };
}
export type Clustering = ReturnType<typeof createClustering>;
