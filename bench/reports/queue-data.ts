/**
 * A year of reports generated in SQL (INSERT … SELECT generate_series), in chunks, with a fixed
 * seed. Distributions (shares of all rows):
 *   submitted time  uniform over the last 365 days, rows inserted oldest first (as a live table grows)
 *   state           by age: < 2 days mostly submitted/accepted/assessing; 2–30 days in handling;
 *                   older mostly closed, with stragglers still open; 12 % merged, 5 % rejected
 *   deadlines       open reports have a due time 1–10 days after submission; past due → overdue
 *   jurisdiction    city 20 %, districts 40 % (30/25/20/15/10 of that), towns 40 % (by district, then evenly)
 *   channel         web 55, mobile 25, embed 5, api 5, phone 4, mail 2, letter 1, visit 1; trusted 2 %
 *   category        fraud 24, gambling 14, other 13, rumor 10, porn 9, vulgar 8, infringement.* 15, cyberviolence 6, terror 1
 *   zone 10 %, platform name 90 % (15 platforms, skewed), account 30 %, URL 80 %, contact 30 %
 *   assignee        85 % of reports past 'submitted', over 40 staff (the two benchmark users among them)
 */
import pg from 'pg';
import { generateCorpus } from '../textscan/corpus';
import type { BenchEnv } from './env';

const PLATFORMS = ['微博', '抖音', '微信', '快手', '小红书', '哔哩哔哩', '今日头条', '知乎', '百度贴吧', 'QQ', '淘宝', '拼多多', '虎牙', '斗鱼', '西瓜视频'];
const CATEGORIES: [string, number][] = [['fraud', 24], ['gambling', 14], ['other', 13], ['rumor', 10], ['porn', 9], ['vulgar', 8], ['infringement', 3],
  ['infringement.privacy', 4], ['infringement.insult', 3], ['infringement.defamation', 3], ['infringement.enterprise', 2], ['cyberviolence', 6], ['terror', 1]];
const CHANNELS: [string, number][] = [['web', 55], ['mobile', 25], ['embed', 5], ['api', 5], ['phone', 4], ['mail', 2], ['letter', 1], ['visit', 1]];
const ZONES = ['zone.minors', 'zone.elderly_fraud', 'zone.enterprise', 'zone.cyberviolence', 'zone.algorithm', 'zone.practitioners'];

/** `(case when r < c1 then v1 when r < c2 then v2 … end)` over cumulative weights of a [value, weight] list. */
function pickSql(r: string, items: [string, number][]): string {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let acc = 0;
  const whens = items.map(([v, w]) => { acc += w; return `when ${r} < ${acc / total} then '${v}'`; });
  return `(case ${whens.join(' ')} end)`;
}

/** Node weights: city, 5 districts, 15 towns (three per district, in order). */
function nodeWeights(): [string, number][] {
  const d = [30, 25, 20, 15, 10];
  return [['0', 20], ...d.map((w, i): [string, number] => [String(i + 1), 40 * w / 100]),
    ...d.flatMap((w, i) => [0, 1, 2].map((t): [string, number] => [String(6 + i * 3 + t), 40 * w / 100 / 3]))];
}

export async function generateReports(env: BenchEnv, total: number, chunk = 100_000) {
  const { tree } = env;
  const client = new pg.Client({ connectionString: env.url });
  await client.connect();
  try {
    await client.query('select setseed(0.20261123)');
    const corpus = generateCorpus(60_000, 7).replace(/\n/g, '');
    const nodeIds = tree.nodes.map((n) => n.id);
    const nodePaths = tree.nodes.map((n) => n.path);
    const staff = tree.staff.map((u) => u.id);
    const trusted = tree.trusted.map((u) => u.id);
    for (let from = 1; from <= total; from += chunk) {
      const to = Math.min(total, from + chunk - 1);
      await client.query(`
        insert into reports (tracking_no, query_code_hash, channel, state, category_code, zone_code, urls, canonical_url, canonical_urls,
          platform_name, account_name, description, jurisdiction_id, jurisdiction_path, assignee_id, priority, reporter_user_id,
          contact_masked, lsh, due_at, deadline_status, submitted_at, updated_at, cluster_reason)
        select 'JB' || to_char(sub at time zone 'Asia/Shanghai', 'YYYYMMDD') || lpad(upper(to_hex(i)), 8, 'X'), md5(i::text),
          (case when trusted then 'trusted' else ${pickSql('r_ch', CHANNELS)} end)::report_channel, st::report_state,
          ${pickSql('r_cat', CATEGORIES)}, zone, url_json, url, case when url is null then '[]' else '[' || to_json(url)::text || ']' end::jsonb,
          case when r_pf < 0.9 then ($5::text[])[1 + floor(power(r_pf / 0.9, 2) * 15)::int] end,
          case when r_acc < 0.3 then '账号' || floor(r_acc * 333333)::int end,
          substr($1, 1 + floor(r_txt * ${corpus.length - 320})::int, 50 + floor(r_len * 250)::int),
          ($2::uuid[])[node + 1], ($3::text[])[node + 1],
          case when st <> 'submitted' and r_asg < 0.85 then ($4::uuid[])[1 + floor(r_asg / 0.85 * 40)::int] end,
          (case when trusted then 10 else 0 end) + (case when zone in ('zone.minors', 'zone.elderly_fraud') then 5 else 0 end),
          case when trusted then ($6::uuid[])[1 + floor(r_asg * 20)::int] end,
          case when r_ct < 0.3 then '138****' || lpad(floor(r_ct * 33333)::int::text, 4, '0') end,
          array(select (floor(random() * 4294967296) - 2147483648)::int from generate_series(1, 16) where i > 0),
          case when open then due end,
          (case when not open then null when due < now() then 'overdue' when due < now() + interval '1 day' then 'at_risk' else 'on_time' end)::deadline_status,
          sub, sub, case when st = 'merged' then 'same_url' end
        from (
          select *, st in ('submitted', 'accepted', 'assessing', 'disposing', 'transferred', 'disposed') as open,
            sub + (1 + floor(r_due * 10)::int) * interval '1 day' as due,
            case when r_url < 0.8 then 'https://weibo.com/' || (1000000 + i) || '/post' end as url
          from (
            select *, case when r_zone < 0.1 then ($7::text[])[1 + floor(r_zone * 60)::int] end as zone,
              case when r_st < 0.12 then 'merged' when r_st < 0.17 then 'rejected'
                when age < 2 then (case when r_st2 < 0.6 then 'submitted' when r_st2 < 0.8 then 'accepted' else 'assessing' end)
                when age < 30 then ${pickSql('r_st2', [['assessing', 25], ['disposing', 25], ['transferred', 10], ['disposed', 15], ['answered', 10], ['closed', 15]])}
                else ${pickSql('r_st2', [['closed', 88], ['answered', 8], ['disposing', 1], ['transferred', 1], ['assessing', 1], ['disposed', 1]])} end as st,
              ${pickSql('r_node', nodeWeights())}::int as node,
              case when r_url < 0.8 then '["https://m.weibo.com/' || (1000000 + i) || '/post?from=timeline"]' else '[]' end::jsonb as url_json,
              now() - age * interval '1 day' as sub
            from (
              select i, (1 - i::float8 / ${total}) * 365 + random() * 0.001 as age, random() < 0.02 as trusted, random() as r_ch, random() as r_cat, random() as r_zone, random() as r_pf,
                random() as r_acc, random() as r_txt, random() as r_len, random() as r_node, random() as r_asg, random() as r_ct, random() as r_due,
                random() as r_url, random() as r_st, random() as r_st2
              from generate_series(${from}, ${to}) i
            ) a
          ) b
        ) c`, [corpus, nodeIds, nodePaths, staff, PLATFORMS, trusted, ZONES]);
      process.stdout.write(`\r  generated ${to.toLocaleString('en')} / ${total.toLocaleString('en')}`);
    }
    process.stdout.write('\n');
    await client.query('vacuum analyze reports');
  } finally {
    await client.end();
  }
}
