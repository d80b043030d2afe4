import { AlignmentType } from 'docx';
import { z } from 'zod';
import { DashboardSchema } from '@tianlang/contracts';
import { changePercent } from '@tianlang/core';
import { caption as captionOf, heading as headingOf, officialDocument, para as paraOf, signature, table as tableOf, title, type DocumentTemplate } from '../documents';
import { dashboardTables } from './dashboard.xlsx';
import { STAGE_ZH, changeZh, durationZh, pctZh, periodZh } from './labels';

const WorkReportFigureSchema = z.object({
  code: z.string(), label: z.string(), value: z.number(), previous: z.number(), lastYear: z.number(), queryId: z.string(), definition: z.string(),
});
export type WorkReportFigure = z.infer<typeof WorkReportFigureSchema>;
/** What the work report is filled from: the dashboard of the scope and period, and the quoted figures with their saved queries. */
const WorkReportDataSchema = z.object({
  title: z.string().min(1), office: z.string().min(1), d: DashboardSchema, figures: z.array(WorkReportFigureSchema),
  /** the day it was generated, YYYY-MM-DD (office time) */
  generatedOn: z.iso.date(),
});
type WorkReportData = z.infer<typeof WorkReportDataSchema>;

const BODY = 30; // half-points: 15 pt, close to 三号 while keeping tables on the page
const TABLE = 21; // 10.5 pt, 五号
const para = (text: string, o: { indent?: boolean; align?: (typeof AlignmentType)[keyof typeof AlignmentType] } = {}) => paraOf(text, { ...o, size: BODY });
const heading = (text: string) => headingOf(text, { size: BODY });
const caption = (text: string) => captionOf(text, { size: TABLE + 2 });
const table = (header: string[], rows: (string | number | null)[][], weights?: number[]) => tableOf(header, rows, { weights, size: TABLE });
/** A section of dashboard tables: its heading, then each table under its caption. */
const tableSection = (title: string, ...tables: [string, { header: string[]; rows: (string | number | null)[][] }][]) =>
  [heading(title), ...tables.flatMap(([text, x]) => [caption(text), table(x.header, x.rows)])];
/** How a figure reads in the summary sentence, and its unit. */
const SENTENCE: Record<string, [string, string]> = {
  reports_accepted: ['受理网民举报', '件次'], patrol_items: ['巡查网络信息', '条'], harmful_info_disposed: ['处置有害信息', '条'],
  accounts_disposed: ['处置违法违规账号', '个'], leads_transferred: ['向协同部门移交线索', '条'], platforms_checked: ['排查网络平台', '个'],
  interviews: ['约谈', '次'], debunks: ['发布辟谣', '篇'],
};

/**
 * 工作情况汇报: standard headings, the figures offices quote with 环比/同比, tables, and an annex
 * naming the saved query behind every figure (GET /api/stats/queries/:id re-runs it).
 */
function workReportDocx(o: WorkReportData): Promise<Buffer> {
  const { d, figures } = o;
  const period = periodZh(d.period);
  const t = dashboardTables(d);
  const fig = (code: string) => figures.find((f) => f.code === code);
  const sentence = (code: string) => {
    const f = fig(code);
    if (!f) return null;
    const [what, unit] = SENTENCE[code]!;
    const mom = changePercent(f.value, f.previous);
    const yoy = changePercent(f.value, f.lastYear);
    const cmp = [mom === null ? null : `环比${changeZh(mom)}`, yoy === null ? null : `同比${changeZh(yoy)}`].filter(Boolean).join('，');
    return `${what}${f.value}${unit}${cmp ? `（${cmp}）` : ''}`;
  };
  const summary = ['reports_accepted', 'patrol_items', 'harmful_info_disposed', 'accounts_disposed', 'leads_transferred', 'platforms_checked', 'interviews', 'debunks']
    .map(sentence).filter(Boolean).join('；');
  const onTime = d.onTime.map((x) => `${STAGE_ZH[x.stage]}按时率${pctZh(x.rate)}`).join('，');
  const durations = d.durations.map((x) => `${STAGE_ZH[x.stage]}用时中位数${durationZh(x.median)}、第90百分位${durationZh(x.p90)}`).join('；');
  const topCats = d.breakdowns.category.slice(0, 3).map((c) => `${c.label}${c.received}件`).join('、');

  return officialDocument({
    title: o.title, bodySize: BODY,
    children: [
      title(o.title, { size: 40 }),
      para(`（${d.period.from} 至 ${d.period.to}）`, { align: AlignmentType.CENTER, indent: false }),
      heading('一、总体情况'),
      para(`${period}，${o.office}${summary ? `${summary}。` : '本期无相关数据。'}`),
      para(`本期共收到网民举报${d.figures.received.value}件次，办结${d.figures.closed.value}件次；${onTime}。${durations}。${topCats ? `举报数量居前的类别为${topCats}。` : ''}`),
      heading('二、主要数据'),
      caption('表1  主要数据及同比、环比'),
      table(['指标', '本期', '上期', '环比', '去年同期', '同比'], [
        ...figures.map((f) => [f.label, f.value, f.previous, changeZh(changePercent(f.value, f.previous)), f.lastYear, changeZh(changePercent(f.value, f.lastYear))]),
      ], [2.6, 1, 1, 1.7, 1.1, 1.7]),
      ...tableSection('三、举报类别与属地分布', ['表2  举报类别情况', t.category!], ['表3  属地分布情况', t.jurisdictions!]),
      heading('四、办理时效'),
      caption('表4  各环节办理时效'),
      table(['环节', '计时件数', '按时件数', '按时率', '用时中位数', '用时第90百分位'], d.onTime.map((x, i) => [
        STAGE_ZH[x.stage]!, x.timed, x.onTime, pctZh(x.rate), durationZh(d.durations[i]!.median), durationZh(d.durations[i]!.p90)]), [1, 1, 1, 1, 1.3, 1.5]),
      ...tableSection('五、移交协同与平台处置', ['表5  向协同部门移交及回函情况', t.transfers!], ['表6  通知平台处置及落实情况', t.orders!]),
      heading('六、数据来源说明'),
      para('本报告所有数字均由系统按事件记录自动统计，每个数字对应一条已保存的查询，可凭表7所列查询编号在系统中重新运行、复核。', {}),
      caption('表7  数据口径及查询编号'),
      table(['指标', '口径', '查询编号'], figures.map((f) => [f.label, f.definition, f.queryId]), [2, 4, 3]),
      ...signature(o.office, o.generatedOn, { size: BODY }),
    ],
  });
}

/**
 * 工作情况汇报 v1, rendered through the documents module (stored, hashed, traceable to this version).
 * A changed layout or data shape is a v2 registered beside it.
 */
export const workReportV1: DocumentTemplate<WorkReportData> = {
  code: 'work_report', version: 1, title: '工作情况汇报', schema: WorkReportDataSchema, permission: 'stats.read', direct: false,
  filename: (d) => `${d.title}.docx`,
  render: workReportDocx,
};
