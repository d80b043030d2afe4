import type { RollupRow } from './stats.repo';

/** Indexes rollup rows by dim → key → measure. */
export function index(rows: RollupRow[]) {
  const m = new Map<string, Map<string, Map<string, number>>>();
  for (const r of rows) {
    const byKey = m.get(r.dim) ?? new Map<string, Map<string, number>>();
    m.set(r.dim, byKey);
    const byMeasure = byKey.get(r.key) ?? new Map<string, number>();
    byKey.set(r.key, byMeasure);
    byMeasure.set(r.measure, (byMeasure.get(r.measure) ?? 0) + r.n);
  }
  const get = (dim: string, key: string, measure: string) => m.get(dim)?.get(key)?.get(measure) ?? 0;
  const keys = (dim: string) => [...(m.get(dim)?.keys() ?? [])];
  const total = (dim: string, measure: string) => keys(dim).reduce((s, k) => s + get(dim, k, measure), 0);
  return { get, keys, total, all: (measure: string) => get('all', '', measure) };
}
export type RollupIndex = ReturnType<typeof index>;
