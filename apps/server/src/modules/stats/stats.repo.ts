import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { jurisdictions, lexiconRules, reportCategories, units, users } from '../../db/schema';
import { subtreeOf } from '../auth/scope';

export interface Slices { months: string[]; days: string[] }
export interface RollupRow { dim: string; key: string; measure: string; n: number }

const rowsOf = <T>(res: unknown): T[] => (Array.isArray(res) ? res : (res as { rows: T[] }).rows) as T[];
const arr = (xs: string[], type: 'date' | 'uuid' | 'text') => sql`${`{${xs.join(',')}}`}::${sql.raw(type)}[]`;
const inSlices = (s: Slices) => sql`((grain = 'm' and period = any(${arr(s.months, 'date')})) or (grain = 'd' and period = any(${arr(s.days, 'date')})))`;

/** Reads of the rollup (a few thousand rows at most per call) and the labels the dashboard shows. */
export function createStatsRepo({ db }: { db: Db }) {
  /** Sums per (dim, key, measure) over a period, for one jurisdiction (its subtree is already folded in). */
  async function sums(jurisdictionId: string, s: Slices, dims?: string[]): Promise<RollupRow[]> {
    const res = await db.execute(sql`select dim, key, measure, sum(n)::bigint as n from stats_rollup
      where jurisdiction_id = ${jurisdictionId} and ${inSlices(s)} ${dims ? sql`and dim = any(${arr(dims, 'text')})` : sql``}
      group by dim, key, measure`);
    return rowsOf<RollupRow>(res).map((r) => ({ ...r, n: Number(r.n) }));
  }

  /** Overall figures per period key (day or month) for the trend. */
  async function trend(jurisdictionId: string, grain: 'd' | 'm', from: string, to: string, measures: readonly string[]) {
    const res = await db.execute(sql`select period::text as period, measure, n from stats_rollup
      where jurisdiction_id = ${jurisdictionId} and grain = ${grain} and period between ${from} and ${to} and dim = 'all' and key = ''
        and measure = any(${arr([...measures], 'text')})`);
    return rowsOf<{ period: string; measure: string; n: string }>(res).map((r) => ({ ...r, n: Number(r.n) }));
  }

  /** Overall figures of several jurisdictions (the children, for the drill-down). */
  async function byJurisdiction(ids: string[], s: Slices, measures: readonly string[]) {
    if (ids.length === 0) return [];
    const res = await db.execute(sql`select jurisdiction_id::text as id, measure, sum(n)::bigint as n from stats_rollup
      where jurisdiction_id = any(${arr(ids, 'uuid')}) and ${inSlices(s)} and dim = 'all' and key = '' and measure = any(${arr([...measures], 'text')})
      group by 1, 2`);
    return rowsOf<{ id: string; measure: string; n: string }>(res).map((r) => ({ ...r, n: Number(r.n) }));
  }

  async function jurisdiction(id: string) {
    const [j] = await db.select({ id: jurisdictions.id, name: jurisdictions.name, level: jurisdictions.level, path: jurisdictions.path })
      .from(jurisdictions).where(eq(jurisdictions.id, id));
    return j ?? null;
  }
  async function children(id: string) {
    const res = await db.execute(sql`select c.id::text, c.name, exists (select 1 from jurisdictions g where g.parent_id = c.id and g.active) as "hasChildren"
      from jurisdictions c where c.parent_id = ${id} and c.active order by c.sort, c.name`);
    return rowsOf<{ id: string; name: string; hasChildren: boolean }>(res);
  }
  async function namesOf(ids: string[]) {
    if (ids.length === 0) return new Map<string, string>();
    return new Map((await db.select({ id: jurisdictions.id, name: jurisdictions.name }).from(jurisdictions).where(inArray(jurisdictions.id, ids))).map((r) => [r.id, r.name]));
  }
  async function categoryNames() {
    return new Map((await db.select({ code: reportCategories.code, name: reportCategories.name }).from(reportCategories).orderBy(asc(reportCategories.sort))).map((r) => [r.code, r.name]));
  }
  async function unitNames(ids: string[]) {
    if (ids.length === 0) return new Map<string, string>();
    return new Map((await db.select({ id: units.id, name: units.name }).from(units).where(inArray(units.id, ids))).map((r) => [r.id, r.name]));
  }
  async function userNames(ids: string[]) {
    if (ids.length === 0) return new Map<string, string>();
    return new Map((await db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, ids))).map((r) => [r.id, r.name]));
  }

  /** Patrol figures are read directly: a district has hundreds of thousands of items a year, not millions. */
  async function patrol(path: string, start: Date, end: Date) {
    const scope = sql`i.unit_id in (select u.id from units u join jurisdictions j on j.id = u.jurisdiction_id where ${subtreeOf(sql`j.path`, path)})`;
    const [totals] = rowsOf<{ scanned: string; hit_items: string; confirmed: string; dismissed: string }>(await db.execute(sql`
      select count(*) as scanned, count(*) filter (where i.hit_count > 0) as hit_items,
        count(*) filter (where i.status = 'confirmed') as confirmed, count(*) filter (where i.status = 'dismissed') as dismissed
      from patrol_items i where ${scope} and i.fetched_at >= ${start} and i.fetched_at < ${end}`));
    const rules = rowsOf<{ rule_id: string; pattern: string; category: string; hits: string; confirmed: string; dismissed: string }>(await db.execute(sql`
      select h.rule_id::text, r.pattern, r.category, count(*) as hits, count(*) filter (where h.status = 'confirmed') as confirmed,
        count(*) filter (where h.status = 'dismissed') as dismissed
      from patrol_hits h join patrol_items i on i.id = h.item_id join ${lexiconRules} r on r.id = h.rule_id
      where ${scope} and i.fetched_at >= ${start} and i.fetched_at < ${end}
      group by 1, 2, 3 order by count(*) desc limit 20`));
    return { totals: totals!, rules };
  }

  /** The reports behind a figure: facts whose stage time is in [start, end), in the subtree, with an optional breakdown key. */
  /**
   * The reports behind a number: one row per report for a report figure (its time in the figure's
   * column); one row per transfer or order for the transfer-unit and order-platform tables (the time
   * it was sent), so the list has as many rows as the number clicked.
   */
  async function items(o: { column: string; path: string; start: Date; end: Date; dim?: string; key?: string; limit: number; offset: number }) {
    const sub = o.dim === 'transfer_unit' ? { list: 'f.transfers', key: 'u' } : o.dim === 'order_platform' ? { list: 'f.orders', key: 'p' } : null;
    const from = sub ? sql`stats_report_facts f cross join lateral jsonb_array_elements(${sql.raw(sub.list)}) x` : sql`stats_report_facts f`;
    const at = sub ? sql`(x->>'s')::timestamptz` : sql.raw(`f.${o.column}`);
    const filters = [subtreeOf(sql`f.jurisdiction_path`, o.path), sql`${at} >= ${o.start}`, sql`${at} < ${o.end}`];
    if (sub && o.key !== undefined) filters.push(sql`x->>${sub.key} = ${o.key}`);
    else if (o.dim && o.key !== undefined) {
      const column = { category: sql`split_part(f.category_code, '.', 1)`, zone: sql`f.zone_code`, channel: sql`f.channel`, platform: sql`f.platform_name`,
        level: sql`f.jurisdiction_level`, grade: sql`f.entity_grade`, reporter: sql`f.reporter_user_id::text` }[o.dim];
      if (column) filters.push(sql`${column} = ${o.key}`);
    }
    const where = and(...filters)!;
    const [page, total] = await Promise.all([
      db.execute(sql`select r.id, r.tracking_no as "trackingNo", r.state, r.channel, r.category_code as "categoryCode",
          coalesce(c.name, r.category_code) as "categoryName", j.name as "jurisdictionName",
          ${at} as at, r.submitted_at as "submittedAt"
        from ${from} join reports r on r.id = f.report_id join jurisdictions j on j.id = r.jurisdiction_id
          left join report_categories c on c.code = r.category_code
        where ${where} order by ${at} desc, r.id limit ${o.limit} offset ${o.offset}`),
      db.execute(sql`select count(*)::int as n from ${from} where ${where}`),
    ]);
    return { rows: rowsOf<Record<string, unknown>>(page), total: Number(rowsOf<{ n: number }>(total)[0]?.n ?? 0) };
  }

  return { sums, trend, byJurisdiction, jurisdiction, children, namesOf, categoryNames, unitNames, userNames, patrol, items };
}
export type StatsRepo = ReturnType<typeof createStatsRepo>;
