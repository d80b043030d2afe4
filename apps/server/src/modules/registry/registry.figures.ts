import { OFFICE_TIME_ZONE } from '@tianlang/contracts';
import { periodRange } from '@tianlang/core';
import { sql, type SQL } from 'drizzle-orm';
import type { FigureCatalogue, FigureContext } from '../stats/stats.module';
import { subtreeOf } from '../auth/scope';

/** What the registry contributes to the statistics, per scope and period; codes as the dashboard and work report name them. */
export const REGISTRY_FIGURE_CODES = [
  'platforms_checked', 'interviews', 'registry_entities', 'registry_key_entities', 'registry_inspections', 'registry_pledges',
] as const;
type Code = (typeof REGISTRY_FIGURE_CODES)[number];

export const REGISTRY_FIGURE_LABEL_ZH: Record<Code, string> = {
  platforms_checked: '网络平台排查数', interviews: '约谈数', registry_entities: '台账对象数', registry_key_entities: '重点对象数',
  registry_inspections: '实地检查数', registry_pledges: '签订承诺书数',
};

/**
 * How each figure is counted (the dashboard's tooltip, the work report's 口径). Entities count in their
 * current jurisdiction; records by the date they carry (inspection, interview, signing), office-local.
 */
export const REGISTRY_FIGURE_DEFINITION_ZH: Record<Code, string> = {
  platforms_checked: '期间内新登记入台账或经实地检查的网络平台、账号数，同一对象只计一次',
  interviews: '期间内约谈次数（按约谈日期）',
  registry_entities: '期末前已登记、当前状态正常的台账对象数',
  registry_key_entities: '期末前已登记、当前状态正常且分级为重点的对象数',
  registry_inspections: '期间内实地检查次数（按检查日期）',
  registry_pledges: '期间内签订自律承诺书份数（按签订日期）',
};

const GRADE_ZH = sql`case e.grade when 'key' then '重点' when 'general' then '一般' else '观察' end`;
const link = sql`'/console/registry/' || e.id::text`;

/** The rows behind each figure: entities, or their records, in the scope's subtree (columns id, title, subtitle, at, link). */
function rowsOf(code: Code, ctx: FigureContext): SQL {
  const { from, to } = ctx.period;
  const { start, end } = periodRange(ctx.period);
  const inScope = subtreeOf(sql`e.jurisdiction_path`, ctx.scope.path);
  const entities = (extra: SQL) => sql`select e.id, e.name as title, ${GRADE_ZH} || '对象' as subtitle, e.created_at as at, ${link} as link
    from registry_entities e where ${inScope} and e.status = 'active' and e.created_at < ${end} ${extra}`;
  const records = (table: string, column: string, what: string) => sql`select x.id, e.name as title, ${what} as subtitle, x.${sql.raw(column)}::text as at, ${link} as link
    from ${sql.raw(table)} x join registry_entities e on e.id = x.entity_id where ${inScope} and x.${sql.raw(column)} between ${from} and ${to}`;
  switch (code) {
    case 'registry_entities': return entities(sql``);
    case 'registry_key_entities': return entities(sql`and e.grade = 'key'`);
    case 'registry_inspections': return records('registry_inspections', 'inspected_on', '实地检查');
    case 'registry_pledges': return records('registry_pledges', 'signed_on', '签订自律承诺书');
    case 'interviews': return records('registry_interviews', 'held_on', '约谈');
    case 'platforms_checked': return sql`select e.id, e.name as title, case when c.inspected_on is null then '新登记' else '实地检查' end as subtitle,
        coalesce(c.inspected_on, (e.created_at at time zone ${OFFICE_TIME_ZONE})::date)::text as at, ${link} as link
      from registry_entities e left join lateral (select max(i.inspected_on) as inspected_on from registry_inspections i
        where i.entity_id = e.id and i.inspected_on between ${from} and ${to}) c on true
      where ${inScope} and ((e.created_at >= ${start} and e.created_at < ${end}) or c.inspected_on is not null)`;
  }
}

/** Registers the registry's figures in the statistics catalogue: each one query over the rows behind it. */
export function registerRegistryFigures(catalogue: FigureCatalogue) {
  for (const code of REGISTRY_FIGURE_CODES) {
    catalogue.registerRows({
      code, module: 'registry', labelZh: REGISTRY_FIGURE_LABEL_ZH[code], definitionZh: REGISTRY_FIGURE_DEFINITION_ZH[code], rows: (ctx) => rowsOf(code, ctx),
    });
  }
}
