import { periodRange } from '@tianlang/core';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { FigureCatalogue, FigureContext } from '../stats/stats.module';
import { subtreeOf } from '../auth/scope';

/** What the registry contributes to the statistics, per scope and period; codes as the dashboard and work report name them. */
export const REGISTRY_FIGURE_CODES = [
  'platforms_checked', 'interviews', 'registry_entities', 'registry_key_entities', 'registry_inspections', 'registry_pledges',
] as const;
type Code = (typeof REGISTRY_FIGURE_CODES)[number];

/**
 * How each figure is counted (quoted next to the figure in exports). Entities count in their current
 * jurisdiction; records by the date they carry (inspection, interview, signing), office-local.
 */
export const REGISTRY_FIGURE_DEFINITION_ZH: Record<Code, string> = {
  platforms_checked: '期间内登记入台账或经实地检查的网络平台/账号数（registry_entities.created_at ∪ registry_inspections.inspected_on，按对象去重）',
  interviews: '期间内约谈次数（registry_interviews.held_on）',
  registry_entities: '期末前已登记、当前状态正常的台账对象数',
  registry_key_entities: '期末前已登记、当前状态正常且分级为重点的对象数',
  registry_inspections: '期间内实地检查次数（registry_inspections.inspected_on）',
  registry_pledges: '期间内签订自律承诺书份数（registry_pledges.signed_on）',
};

type Counts = Record<Code, number>;

async function load(db: Db, ctx: FigureContext): Promise<Counts> {
  const { from, to } = ctx.period;
  const { start, end } = periodRange(ctx.period);
  const inScope = subtreeOf(sql`e.jurisdiction_path`, ctx.scope.path);
  const res = await db.execute(sql`select
    (select count(*) from registry_entities e where ${inScope} and e.status = 'active' and e.created_at < ${end})::int as registry_entities,
    (select count(*) from registry_entities e where ${inScope} and e.status = 'active' and e.grade = 'key' and e.created_at < ${end})::int as registry_key_entities,
    (select count(*) from registry_inspections i join registry_entities e on e.id = i.entity_id
      where ${inScope} and i.inspected_on between ${from} and ${to})::int as registry_inspections,
    (select count(*) from registry_pledges p join registry_entities e on e.id = p.entity_id
      where ${inScope} and p.signed_on between ${from} and ${to})::int as registry_pledges,
    (select count(*) from registry_interviews v join registry_entities e on e.id = v.entity_id
      where ${inScope} and v.held_on between ${from} and ${to})::int as interviews,
    (select count(*) from (
      select e.id from registry_entities e where ${inScope} and e.created_at >= ${start} and e.created_at < ${end}
      union
      select i.entity_id from registry_inspections i join registry_entities e on e.id = i.entity_id
        where ${inScope} and i.inspected_on between ${from} and ${to}) x)::int as platforms_checked`);
  return (res as unknown as { rows: Counts[] }).rows[0]!;
}

/** Registers the registry's figures in the statistics catalogue: one query per scope and period, shared by its figures. */
export function registerRegistryFigures(catalogue: FigureCatalogue, db: Db) {
  const cache = new WeakMap<FigureContext, Promise<Counts>>();
  const counts = (ctx: FigureContext) => {
    let p = cache.get(ctx);
    if (!p) { p = load(db, ctx); cache.set(ctx, p); }
    return p;
  };
  for (const code of REGISTRY_FIGURE_CODES) {
    catalogue.register({ code, module: 'registry', definitionZh: REGISTRY_FIGURE_DEFINITION_ZH[code], compute: async (ctx) => (await counts(ctx))[code] });
  }
}
