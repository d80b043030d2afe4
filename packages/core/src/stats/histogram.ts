/**
 * Durations (minutes) are counted in fixed buckets, so medians and 90th percentiles can be read from
 * rollups of any size. Bucket b holds durations in [EDGES[b], EDGES[b+1]); the last is open. A
 * percentile is reported as the upper edge of the bucket holding the nearest-rank element ("≤ 4 h"):
 * exact to the bucket, which is at most 50 % wide above one hour and 5 minutes wide below it.
 */
const H = 60;
const D = 24 * H;
export const DURATION_EDGES_MIN: readonly number[] = [
  0, 5, 10, 15, 20, 30, 45, 60,
  1.5 * H, 2 * H, 3 * H, 4 * H, 6 * H, 8 * H, 12 * H, 16 * H, 20 * H,
  1 * D, 1.5 * D, 2 * D, 3 * D, 4 * D, 5 * D, 6 * D, 7 * D, 10 * D, 14 * D, 21 * D, 30 * D, 45 * D, 60 * D, 90 * D, 180 * D, 365 * D,
];

/** The bucket of a duration in minutes (negative durations count as 0). */
export function durationBucket(minutes: number): number {
  const m = Math.max(0, minutes);
  let lo = 0;
  let hi = DURATION_EDGES_MIN.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (DURATION_EDGES_MIN[mid]! <= m) lo = mid; else hi = mid - 1;
  }
  return lo;
}

/** Upper edge (minutes) of a bucket; null for the open last one. */
export const bucketUpperMin = (b: number): number | null => DURATION_EDGES_MIN[b + 1] ?? null;

/**
 * The p-th percentile (0 < p ≤ 100, nearest rank) of a histogram {bucket → count}, as the upper
 * edge of its bucket in minutes; null for an empty histogram, Infinity for the open last bucket.
 */
export function histogramPercentile(hist: ReadonlyMap<number, number>, p: number): number | null {
  const total = [...hist.values()].reduce((a, b) => a + b, 0);
  if (total === 0) return null;
  const rank = Math.max(1, Math.ceil((p / 100) * total));
  let seen = 0;
  for (const b of [...hist.keys()].sort((x, y) => x - y)) {
    seen += hist.get(b)!;
    if (seen >= rank) return bucketUpperMin(b) ?? Number.POSITIVE_INFINITY;
  }
  return null;
}

/** The SQL CASE that computes durationBucket, so the database buckets exactly as this module does. */
export function durationBucketSql(minutesExpr: string): string {
  const whens = DURATION_EDGES_MIN.map((e, b) => ({ e, b })).slice(1).reverse()
    .map(({ e, b }) => `when ${minutesExpr} >= ${e} then ${b}`).join(' ');
  return `(case ${whens} else 0 end)`;
}
