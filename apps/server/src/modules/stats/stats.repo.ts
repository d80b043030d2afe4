import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { jurisdictions, units, users } from '../../db/schema';
import { subtreeOf } from '../auth/scope';

export interface Slices { months: string[]; days: string[] }
export interface RollupRow { dim: string; key: string; measure: string; n: number }
/**
 * Which reports' facts a drill-down lists: by a stage column (report figures), or by the transfers,
 * orders or disposals the facts carry (`list`; a disposal's `kind`), with an optional breakdown key.
 */
export interface FactsQuery { column?: string; list?: 'transfers' | 'orders' | 'disposals'; kind?: string; dim?: string; key?: string }
/** The drill-down of a report figure: its facts as list rows (see figure-catalogue.ts FigureItemsContext). */
export type ReportFactsList = (q: FactsQuery, page: { limit: number; offset: number }) => Promise<{ items: { id: string; title: string; subtitle: string | null; at: string | null; link: string | null }[]; total: number }>;

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
  async function unitNames(ids: string[]) {
    if (ids.length === 0) return new Map<string, string>();
    return new Map((await db.select({ id: units.id, name: units.name }).from(units).where(inArray(units.id, ids))).map((r) => [r.id, r.name]));
  }
  async function userNames(ids: string[]) {
    if (ids.length === 0) return new Map<string, string>();
    return new Map((await db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, ids))).map((r) => [r.id, r.name]));
  }

  /**
   * The reports behind a number: one row per report for a report figure (its time in the figure's
   * column); one row per transfer, order or disposal for the figures counted over those (`list`: the
   * time it was sent or made, `kind` a disposal's kind), and for the transfer-unit and order-platform
   * tables, so the list has as many rows as the number clicked.
   */
  async function items(o: FactsQuery & { path: string; start: Date; end: Date; limit: number; offset: number }) {
    const list = o.list ?? (o.dim === 'transfer_unit' ? 'transfers' : o.dim === 'order_platform' ? 'orders' : undefined);
    const sub = list ? { list: `f.${list}`, key: list === 'transfers' ? 'u' : list === 'orders' ? 'p' : 'k' } : null;
    const from = sub ? sql`stats_report_facts f cross join lateral jsonb_array_elements(${sql.raw(sub.list)}) x` : sql`stats_report_facts f`;
    const at = sub ? sql`(x->>'s')::timestamptz` : sql.raw(`f.${o.column}`);
    const filters = [subtreeOf(sql`f.jurisdiction_path`, o.path), sql`${at} >= ${o.start}`, sql`${at} < ${o.end}`];
    if (sub && o.kind !== undefined) filters.push(sql`x->>'k' = ${o.kind}`);
    if (sub && o.dim && o.key !== undefined) filters.push(sql`x->>${sub.key} = ${o.key}`);
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

  return { sums, trend, byJurisdiction, jurisdiction, children, namesOf, unitNames, userNames, items };
}
export type StatsRepo = ReturnType<typeof createStatsRepo>;
