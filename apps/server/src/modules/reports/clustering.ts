import { desc, sql } from 'drizzle-orm';
import { createMinHasher } from '@tianlang/textscan';
import type { Queryable } from '../../db/client';
import { OPEN_STATE_SQL, reports } from '../../db/schema';

/**
 * Finds the open handling item a new report belongs to: the same canonical URL, or a near-identical
 * description (MinHash over character 3-grams, 64 hashes in 16 LSH bands; the band keys live in an
 * indexed int[] column so every server process sees the same clusters).
 */
export const TEXT_THRESHOLD = 0.8;
const CANDIDATES = 20;

export interface LookupInput {
  canonicalUrls: string[];
  sig: Uint32Array | null;
  lsh: number[] | null;
}
interface Candidate {
  id: string;
  description: string | null;
  reason: 'url' | 'text';
}

export interface ClusterMatch {
  primaryId: string;
  reason: 'url' | 'text';
  similarity: number;
}

/** Open states as literals (not parameters), so the partial indexes apply to the prepared statement's generic plan too. */
const OPEN = sql`${reports.state} in ${OPEN_STATE_SQL} and ${reports.mergedIntoId} is null`;

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

  /** The URL hit if any (the newest open item with the same URL), else the most similar text above the threshold. */
  function choose(input: LookupInput, rows: Candidate[]): ClusterMatch | null {
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
  const searchable = (input: LookupInput) => input.canonicalUrls.length > 0 || !!(input.sig && input.lsh);
  const bandKeys = (input: LookupInput) => (input.sig && input.lsh ? input.lsh : []);

  /**
   * One input: both candidate lists come back in one round trip, from a statement built and
   * prepared once per database.
   */
  async function lookup(q: Queryable, input: LookupInput): Promise<ClusterMatch | null> {
    if (!searchable(input)) return null;
    let statement = prepared.get(q);
    if (!statement) prepared.set(q, statement = lookupStatement(q).prepare('cluster_lookup'));
    return choose(input, await statement.execute({ urls: input.canonicalUrls, lsh: bandKeys(input) }));
  }
  const prepared = new WeakMap<Queryable, ReturnType<ReturnType<typeof lookupStatement>['prepare']>>();

  /**
   * Many inputs in one statement (the intake batches concurrent submissions): per input, the same
   * two candidate lists as `lookup`, through the same partial indexes, in a lateral join.
   */
  async function lookupMany(q: Queryable, inputs: LookupInput[]): Promise<(ClusterMatch | null)[]> {
    const asked = inputs.map((input, n) => ({ n, u: input.canonicalUrls, l: bandKeys(input) })).filter((a, n) => searchable(inputs[n]!));
    const byInput: Candidate[][] = inputs.map(() => []);
    if (asked.length > 0) {
      const res = await q.execute(sql`select q.v->>'n' as n, c.id, c.description, c.reason
        from jsonb_array_elements(${JSON.stringify(asked)}::jsonb) as q(v)
        cross join lateral (
          (select ${reports.id} as id, null::text as description, 'url' as reason from ${reports}
            where ${reports.canonicalUrl} = any(array(select jsonb_array_elements_text(q.v->'u'))) and ${OPEN}
            order by ${reports.submittedAt} desc limit 1)
          union all
          (select ${reports.id}, ${reports.description}, 'text' from ${reports}
            where ${reports.lsh} && array(select (jsonb_array_elements_text(q.v->'l'))::int) and ${OPEN}
            order by ${reports.submittedAt} desc limit ${CANDIDATES})
        ) c`);
      for (const row of (res as unknown as { rows: (Candidate & { n: string })[] }).rows) byInput[Number(row.n)]!.push(row);
    }
    return inputs.map((input, n) => (searchable(input) ? choose(input, byInput[n]!) : null));
  }

  return { fingerprint, lookup, lookupMany, similarity: (a: string, b: string) => {
    const sa = hasher.signature(a);
    const sb = hasher.signature(b);
    return sa && sb ? hasher.estimate(sa, sb) : 0;
  } };
}
export type Clustering = ReturnType<typeof createClustering>;
