/**
 * A year of reports for the statistics benchmark, generated in SQL (INSERT … SELECT generate_series)
 * in chunks with a fixed seed: the `reports` rows (with their stage timestamps) and the facts the
 * refresh job derives from events, written directly from the same rows (generating 5–8 events per
 * report for 10 million reports would dwarf the benchmark; the test suite proves facts = event log).
 *
 *   submitted   uniform over the year, 21 jurisdictions (city 20 %, districts 40 %, towns 40 %)
 *   category    9 codes, skewed; zone 10 %; channel 8 values, skewed; platform 15 names (90 %)
 *   stages      accepted 90 % after 0–3 days; disposed 80 % of those after 0–10 days; answered and
 *               closed 70 % after 0–3 days; rejected 5 %, merged 5 %; 8 % transferred, 25 % ordered
 *   on time     the accept/dispose/reply clocks met on time 85–92 %
 */
import pg from 'pg';
import type { BenchEnv } from '../reports/env';

const CATEGORIES: [string, number][] = [['fraud', 24], ['gambling', 14], ['other', 13], ['rumor', 10], ['porn', 9], ['vulgar', 8],
  ['infringement.privacy', 7], ['cyberviolence', 6], ['terror', 1]];
const CHANNELS: [string, number][] = [['web', 55], ['mobile', 25], ['embed', 5], ['api', 5], ['phone', 4], ['mail', 2], ['letter', 2], ['trusted', 2]];
const PLATFORMS = ['微博', '抖音', '微信', '快手', '小红书', '哔哩哔哩', '今日头条', '知乎', '百度贴吧', 'QQ', '淘宝', '拼多多', '虎牙', '斗鱼', '西瓜视频'];

function pickSql(r: string, items: [string, number][]): string {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let acc = 0;
  return `(case ${items.map(([v, w]) => { acc += w; return `when ${r} < ${acc / total} then '${v}'`; }).join(' ')} end)`;
}
const nodeWeights = (): [string, number][] => {
  const d = [30, 25, 20, 15, 10];
  return [['0', 20], ...d.map((w, i): [string, number] => [String(i + 1), 40 * w / 100]),
    ...d.flatMap((w, i) => [0, 1, 2].map((t): [string, number] => [String(6 + i * 3 + t), 40 * w / 100 / 3]))];
};

/** Drops the queue indexes of `reports` (the statistics never read them; 10 M rows load several times faster). */
export async function dropQueueIndexes(client: pg.Client) {
  const { rows } = await client.query<{ indexname: string }>(`select indexname from pg_indexes where tablename = 'reports' and indexname <> 'reports_pkey'`);
  for (const r of rows) await client.query(`drop index if exists "${r.indexname}"`);
}

export async function generate(env: BenchEnv, total: number, year: number, platformUnits: string[], policeUnit: string, chunk = 250_000) {
  const client = new pg.Client({ connectionString: env.url });
  await client.connect();
  try {
    await dropQueueIndexes(client);
    await client.query(`alter table stats_report_facts drop constraint if exists stats_report_facts_report_id_reports_id_fk`);
    await client.query('select setseed(0.61)');
    const nodes = env.tree.nodes;
    const start = `${year}-01-01 00:00:00+08`;
    for (let from = 1; from <= total; from += chunk) {
      const to = Math.min(total, from + chunk - 1);
      await client.query(`
        with g as (
          select gen_random_uuid() as id, i,
            timestamptz '${start}' + (i::float8 / ${total}) * interval '365 days' + random() * interval '1 hour' as sub,
            ${pickSql('random()', CATEGORIES)} as cat, ${pickSql('random()', CHANNELS)} as ch,
            ${pickSql('random()', nodeWeights())}::int as node,
            random() as r_zone, random() as r_pf, random() as r_st, random() as r_acc, random() as r_dis, random() as r_ans,
            random() as r_ot1, random() as r_ot2, random() as r_ot3, random() as r_sub
          from generate_series(${from}, ${to}) i
        ), t as (
          select g.*, case when r_zone < 0.1 then 'zone.minors' end as zone,
            case when r_pf < 0.9 then ($3::text[])[1 + floor(power(r_pf / 0.9, 2) * 15)::int] end as platform,
            case when r_st >= 0.1 and r_acc < 0.9 then sub + r_acc * interval '3 days' end as acc,
            r_st < 0.05 as rejected, r_st >= 0.05 and r_st < 0.1 as merged
          from g
        ), u as (
          select t.*, case when acc is not null and r_dis < 0.8 then acc + r_dis * interval '10 days' end as dis from t
        ), v as (
          select u.*, case when dis is not null and r_ans < 0.7 then dis + r_ans * interval '3 days' end as ans from u
        ), ins as (
          insert into reports (id, tracking_no, query_code_hash, channel, state, category_code, zone_code, platform_name, description,
            jurisdiction_id, jurisdiction_path, submitted_at, accepted_at, disposed_at, answered_at, closed_at, updated_at)
          select id, 'JB' || lpad(i::text, 12, '0'), md5(i::text), ch::report_channel,
            (case when rejected then 'rejected' when merged then 'merged' when ans is not null then 'closed' when dis is not null then 'disposed'
              when acc is not null then 'assessing' else 'submitted' end)::report_state,
            cat, zone, platform, '生成的举报', ($1::uuid[])[node + 1], ($2::text[])[node + 1], sub, acc, dis, ans, ans + interval '10 minutes', sub
          from v
          returning id
        )
        insert into stats_report_facts (report_id, jurisdiction_id, jurisdiction_path, jurisdiction_level, category_code, zone_code, channel,
          platform_name, reporter_user_id, outcome, submitted_at, accepted_at, rejected_at, merged_at, transferred_at, disposed_at, answered_at, closed_at,
          accept_status, dispose_status, reply_status, transfers, orders, disposals)
        select id, ($1::uuid[])[node + 1], ($2::text[])[node + 1], ($4::text[])[node + 1], cat, zone, ch, platform, null,
          case when dis is not null then 'handled' when rejected then 'rejected' end,
          sub, acc, case when rejected then sub + interval '5 hours' end, case when merged then sub end,
          case when dis is not null and r_sub < 0.08 then acc + interval '1 day' end, dis, ans, ans + interval '10 minutes',
          case when acc is not null then (case when r_ot1 < 0.9 then 'on_time' else 'overdue' end) end,
          case when dis is not null then (case when r_ot2 < 0.85 then 'on_time' else 'overdue' end) end,
          case when ans is not null then (case when r_ot3 < 0.92 then 'on_time' else 'overdue' end) end,
          case when dis is not null and r_sub < 0.08 then jsonb_build_array(jsonb_build_object('u', $5::text, 's', acc + interval '1 day',
            'r', case when r_ans < 0.9 then acc + interval '6 days' end, 'x', null, 'late', r_ans > 0.8)) else '[]'::jsonb end,
          case when dis is not null and r_sub >= 0.08 and r_sub < 0.33 then jsonb_build_array(jsonb_build_object('p', ($6::text[])[1 + floor(r_sub * 1000)::int % 3],
            's', acc + interval '2 hours', 'a', acc + interval '20 hours', 'ans', case when r_ot2 < 0.8 then 'done' when r_ot2 < 0.9 then 'partial' else 'refused' end,
            'late', r_ot3 > 0.85)) else '[]'::jsonb end,
          case when dis is not null then jsonb_build_array(jsonb_build_object('k', case when r_sub < 0.08 then 'referral' when r_sub < 0.33 then 'order_platform'
            when r_sub < 0.5 then 'account_action' else 'no_violation' end, 's', dis - interval '1 hour')) else '[]'::jsonb end
        from v`, [nodes.map((n) => n.id), nodes.map((n) => n.path), PLATFORMS, nodes.map((n) => n.level), policeUnit, platformUnits]);
      process.stdout.write(`\r  generated ${to.toLocaleString('en')} / ${total.toLocaleString('en')}`);
    }
    process.stdout.write('\n');
    await client.query('vacuum analyze reports');
    await client.query('vacuum analyze stats_report_facts');
  } finally {
    await client.end();
  }
}
