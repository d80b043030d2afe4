/** The fields of `next` that differ from `current`, as { field: [before, after] }, for event payloads. */
export function diff<T extends Record<string, unknown>>(current: T, next: Partial<T>): Record<string, [unknown, unknown]> {
  const out: Record<string, [unknown, unknown]> = {};
  for (const [k, v] of Object.entries(next)) {
    if (v === undefined) continue;
    const before = current[k];
    const same = Array.isArray(v) && Array.isArray(before)
      ? JSON.stringify([...v].sort()) === JSON.stringify([...before].sort())
      : before === v;
    if (!same) out[k] = [before ?? null, v];
  }
  return out;
}
