import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { PeriodKind, StatsScope } from './stats.api';

const KINDS: PeriodKind[] = ['month', 'quarter', 'half', 'year', 'custom'];

/** The dashboard's period and jurisdiction live in the address, so a drill-down, a link and "back" all work. */
export function useStatsScope(): [StatsScope, (next: Partial<StatsScope>) => void, URLSearchParams] {
  const [params, setParams] = useSearchParams();
  const scope = useMemo<StatsScope>(() => {
    const p = params.get('period') as PeriodKind | null;
    return {
      period: p && KINDS.includes(p) ? p : 'month',
      from: params.get('from') ?? undefined,
      to: params.get('to') ?? undefined,
      jurisdictionId: params.get('jurisdictionId') ?? undefined,
    };
  }, [params]);
  const update = useCallback((next: Partial<StatsScope>) => {
    const merged = { ...scope, ...next };
    const out = new URLSearchParams();
    for (const [k, v] of Object.entries(merged)) if (v) out.set(k, v);
    setParams(out);
  }, [scope, setParams]);
  return [scope, update, params];
}

export const scopeQuery = (s: StatsScope, extra: Record<string, string | undefined> = {}) => {
  const out = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...s, ...extra })) if (v) out.set(k, v);
  return out.toString();
};
