import { sql, type SQL } from 'drizzle-orm';
import { periodRange } from '@tianlang/core';
import type { Db } from '../../db/client';
import type { FigureCatalogue, FigureContext } from '../stats/stats.module';
import { subtreeOf } from '../auth/scope';

const rowsOf = <T>(res: unknown): T[] => (Array.isArray(res) ? res : (res as { rows: T[] }).rows) as T[];
/** Items belong to the unit that owns their source; a jurisdiction's items are those of its units and below. */
const unitsUnder = (path: string): SQL => sql`i.unit_id in (select u.id from units u join jurisdictions j on j.id = u.jurisdiction_id where ${subtreeOf(sql`j.path`, path)})`;

/** The items fetched in the period, the rows behind 巡查信息数. */
const itemRows = (ctx: FigureContext): SQL => {
  const { start, end } = periodRange(ctx.period);
  return sql`select i.id, coalesce(nullif(i.title, ''), left(i.text, 40)) as title, s.name as subtitle, i.fetched_at as at,
      '/console/patrol/items' as link
    from patrol_items i join patrol_sources s on s.id = i.source_id
    where ${unitsUnder(ctx.scope.path)} and i.fetched_at >= ${start} and i.fetched_at < ${end}`;
};

/** Registers patrol's figures in the statistics catalogue. */
export function registerPatrolFigures(catalogue: FigureCatalogue) {
  catalogue.registerRows({
    code: 'patrol_items', module: 'patrol', labelZh: '巡查信息数',
    definitionZh: '期间内采集并扫描的巡查信息条数（按采集时间），含本级及下级单位的巡查来源',
    rows: itemRows,
  });
}

/**
 * The patrol section of the dashboard (volumes, hits, review outcome, the busiest rules), read
 * directly: a district has hundreds of thousands of items a year, not millions.
 */
export function createPatrolFigures(db: Db) {
  return async function patrolSection(path: string, start: Date, end: Date) {
    const scope = unitsUnder(path);
    const [totals] = rowsOf<{ scanned: string; hit_items: string; confirmed: string; dismissed: string }>(await db.execute(sql`
      select count(*) as scanned, count(*) filter (where i.hit_count > 0) as hit_items,
        count(*) filter (where i.status = 'confirmed') as confirmed, count(*) filter (where i.status = 'dismissed') as dismissed
      from patrol_items i where ${scope} and i.fetched_at >= ${start} and i.fetched_at < ${end}`));
    const rules = rowsOf<{ rule_id: string; pattern: string; category: string; hits: string; confirmed: string; dismissed: string }>(await db.execute(sql`
      select h.rule_id::text, r.pattern, r.category, count(*) as hits, count(*) filter (where h.status = 'confirmed') as confirmed,
        count(*) filter (where h.status = 'dismissed') as dismissed
      from patrol_hits h join patrol_items i on i.id = h.item_id join lexicon_rules r on r.id = h.rule_id
      where ${scope} and i.fetched_at >= ${start} and i.fetched_at < ${end}
      group by 1, 2, 3 order by count(*) desc limit 20`));
    return { totals: totals!, rules };
  };
}
export type PatrolSection = ReturnType<typeof createPatrolFigures>;
