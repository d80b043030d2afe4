import { sql, type SQL } from 'drizzle-orm';
import { STATS_GRADE_NONE as GRADE_NONE } from '@tianlang/contracts';
import { durationBucketSql } from '@tianlang/core';

/**
 * The statistics' definitions, in SQL, in one place. A report's facts are the first time of each
 * stage event on its chain; its contributions to the rollup are a pure function of those facts.
 */

/** The first time of each stage, by event action. */
export const STAGE_ACTIONS = {
  submitted_at: ['report.submitted'],
  accepted_at: ['report.accept'],
  rejected_at: ['report.reject'],
  merged_at: ['report.merge', 'report.clustered'],
  transferred_at: ['report.transfer'],
  disposed_at: ['report.complete'],
  answered_at: ['report.reply'],
  closed_at: ['report.close'],
} as const;

/** Report figure → facts column. */
export const FIGURE_COLUMN = {
  received: 'submitted_at', accepted: 'accepted_at', rejected: 'rejected_at', merged: 'merged_at',
  transferred: 'transferred_at', disposed: 'disposed_at', answered: 'answered_at', closed: 'closed_at',
} as const;

const UUID_RE = '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$';
const list = (xs: readonly string[]) => xs.map((x) => `'${x}'`).join(', ');
const firstAt = (col: keyof typeof STAGE_ACTIONS) => `min(ev.created_at) filter (where ev.action in (${list(STAGE_ACTIONS[col])})) as ${col}`;
/** status of the stage clock when it was met: from its 'deadline.met' event on the report */
const metStatus = (stage: string) =>
  `(array_agg(ev.payload->>'status' order by ev.seq) filter (where ev.action = 'deadline.met' and ev.payload->>'kind' = 'report.${stage}'))[1] as ${stage}_status`;

export const FACT_COLUMNS = `report_id, jurisdiction_id, jurisdiction_path, jurisdiction_level, category_code, zone_code, channel, platform_name,
  reporter_user_id, outcome, entity_grade, ${Object.keys(STAGE_ACTIONS).join(', ')}, accept_status, dispose_status, reply_status, transfers, orders, disposals`;

/** Inserts the facts of the reports matching `where` (a condition on `r`), read from their events and sub-cases. */
export function insertFactsSql(where: SQL): SQL {
  return sql`insert into stats_report_facts (${sql.raw(FACT_COLUMNS)})
    select r.id, r.jurisdiction_id, r.jurisdiction_path, j.level::text, r.category_code, r.zone_code, r.channel::text, r.platform_name,
      r.reporter_user_id, r.outcome::text,
      coalesce((select re.grade::text from registry_entities re where re.id = case when r.entity_ref ~* ${sql.raw(`'${UUID_RE}'`)} then r.entity_ref::uuid end), '${sql.raw(GRADE_NONE)}'),
      ${sql.raw(Object.keys(STAGE_ACTIONS).map((c) => `e.${c}`).join(', '))},
      e.accept_status, e.dispose_status, e.reply_status,
      coalesce((select jsonb_agg(jsonb_build_object('u', t.to_unit_id, 's', t.created_at, 'r', t.replied_at,
          'x', case when t.state = 'returned' then t.updated_at end,
          'late', (select (array_agg(te.payload->>'status' order by te.seq) filter (where te.action = 'deadline.met'))[1] = 'overdue'
                   from events te where te.subject_type = 'transfer' and te.subject_id = t.id::text)) order by t.created_at)
        from report_transfers t where t.report_id = r.id), '[]'::jsonb),
      coalesce((select jsonb_agg(jsonb_build_object('p', o.platform_unit_id, 's', o.created_at, 'a', o.answered_at, 'ans', o.answer, 'late', o.answered_late)
          order by o.created_at) from platform_orders o where o.report_id = r.id), '[]'::jsonb),
      coalesce((select jsonb_agg(jsonb_build_object('k', d.kind, 's', d.created_at) order by d.created_at)
        from report_disposals d where d.report_id = r.id), '[]'::jsonb)
    from reports r
    join jurisdictions j on j.id = r.jurisdiction_id
    join lateral (
      select ${sql.raw([...Object.keys(STAGE_ACTIONS).map((c) => firstAt(c as keyof typeof STAGE_ACTIONS)), metStatus('accept'), metStatus('dispose'), metStatus('reply')].join(',\n        '))}
      from events ev where ev.subject_type = 'report' and ev.subject_id = r.id::text
    ) e on e.submitted_at is not null
    where ${where}`;
}

const day = (col: string) => `(${col} at time zone 'Asia/Shanghai')::date`;
const minutes = (a: string, b: string) => `(extract(epoch from (${b} - ${a})) / 60)`;
// Lateral lists are unnest(array[…]) rather than VALUES: a VALUES list with outer references re-initializes its
// expressions on every row, which with PostgreSQL's JIT meant a compilation per report (~2 ms each).
// entity_grade is null only on facts rows computed before the column existed: they contribute no grade rows (see rollup.repo ensureBuilt).
const BREAKDOWN = `unnest(array['all', 'category', 'zone', 'channel', 'platform', 'level', 'grade'],
  array['', split_part(f.category_code, '.', 1), f.zone_code, f.channel, f.platform_name, f.jurisdiction_level, f.entity_grade]) d(dim, key)`;
const STAGES: [string, string, string][] = [['accept', 'submitted_at', 'accepted_at'], ['dispose', 'accepted_at', 'disposed_at'], ['reply', 'disposed_at', 'answered_at']];

/**
 * Contributions (day, jurisdiction path, dim, key, measure, n) of the facts rows `source` (a
 * relation aliased f). Report figures by every breakdown; on-time counts and duration histograms
 * (key = bucket) overall; trusted reporters; transfers by receiving unit; orders by platform; disposals by kind.
 */
export function contributionsSql(source: SQL): SQL {
  const figures = `array[${Object.keys(FIGURE_COLUMN).map((m) => `'${m}'`).join(', ')}], array[${Object.values(FIGURE_COLUMN).map((c) => `f.${c}`).join(', ')}]`;
  const parts = [
    `select ${day('s.at')} as day, f.jurisdiction_path as path, d.dim, d.key, s.measure, 1 as n
       from src f cross join lateral unnest(${figures}) s(measure, at) cross join lateral ${BREAKDOWN}
       where s.at is not null and d.key is not null`,
    ...STAGES.flatMap(([stage, from, to]) => [
      `select ${day(`f.${to}`)}, f.jurisdiction_path, 'all', '', '${stage}_timed', 1 from src f where f.${stage}_status is not null and f.${to} is not null`,
      `select ${day(`f.${to}`)}, f.jurisdiction_path, 'all', '', '${stage}_on_time', 1 from src f where f.${stage}_status in ('on_time', 'at_risk') and f.${to} is not null`,
      `select ${day(`f.${to}`)}, f.jurisdiction_path, 'all', ${durationBucketSql(minutes(`f.${from}`, `f.${to}`))}::text, '${stage}_h', 1
         from src f where f.${from} is not null and f.${to} is not null`,
    ]),
    `select ${day('f.submitted_at')}, f.jurisdiction_path, 'reporter', f.reporter_user_id::text, m.measure, 1
       from src f cross join lateral unnest(array['received', case when f.outcome in ('handled', 'referred') then 'founded'
         when f.outcome in ('no_violation', 'rejected') then 'unfounded' end]) m(measure)
       where f.reporter_user_id is not null and m.measure is not null`,
    `select ${day('x.at')}, f.jurisdiction_path, 'transfer_unit', t->>'u', x.measure, 1
       from src f cross join lateral jsonb_array_elements(f.transfers) t
       cross join lateral unnest(array['transfer_sent', 'transfer_replied', 'transfer_returned', 'transfer_on_time'],
         array[(t->>'s')::timestamptz, (t->>'r')::timestamptz, (t->>'x')::timestamptz, case when (t->>'late')::boolean is false then (t->>'r')::timestamptz end]) x(measure, at)
       where x.at is not null and t->>'u' is not null`,
    `select ${day('x.at')}, f.jurisdiction_path, 'order_platform', o->>'p', x.measure, 1
       from src f cross join lateral jsonb_array_elements(f.orders) o
       cross join lateral unnest(array['order_issued', 'order_answered', 'order_' || (o->>'ans'), 'order_on_time'],
         array[(o->>'s')::timestamptz, (o->>'a')::timestamptz, (o->>'a')::timestamptz, case when (o->>'late')::boolean is false then (o->>'a')::timestamptz end]) x(measure, at)
       where x.at is not null and x.measure is not null and o->>'p' is not null`,
    `select ${day("(x->>'s')::timestamptz")}, f.jurisdiction_path, 'all', '', 'disposal_' || (x->>'k'), 1
       from src f cross join lateral jsonb_array_elements(f.disposals) x`,
  ];
  return sql`with src as (${source}) ${sql.raw(parts.join('\nunion all\n'))}`;
}

/**
 * The rollup rows (jurisdiction_id, grain, period, dim, key, measure, n) of `sign` × the contributions
 * of `source`: at the report's jurisdiction and every ancestor (the ids in its path), by day and by
 * month, in key order (so concurrent upserts could not deadlock; there is one writer anyway).
 */
export function rollupRowsSql(source: SQL, sign: 1 | -1): SQL {
  return sql`select a.id::uuid, g.grain, g.period, c.dim, c.key, c.measure, sum(c.n) * ${sql.raw(String(sign))}
    from (select day, path, dim, key, measure, sum(n) as n from (${contributionsSql(source)}) raw(day, path, dim, key, measure, n)
          group by 1, 2, 3, 4, 5) c
    cross join lateral unnest(string_to_array(trim(both '/' from c.path), '/')) a(id)
    cross join lateral unnest(array['d', 'm'], array[c.day, date_trunc('month', c.day)::date]) g(grain, period)
    group by 1, 2, 3, 4, 5, 6
    order by 1, 2, 3, 4, 5, 6`;
}

/** Adds `sign` × the contributions of `source` to the rollup. */
export function applySql(source: SQL, sign: 1 | -1): SQL {
  return sql`insert into stats_rollup (jurisdiction_id, grain, period, dim, key, measure, n) ${rollupRowsSql(source, sign)}
    on conflict (jurisdiction_id, grain, period, dim, key, measure) do update set n = stats_rollup.n + excluded.n`;
}
