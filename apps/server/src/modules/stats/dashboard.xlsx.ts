import ExcelJS from 'exceljs';
import type { DashboardView } from '@tianlang/contracts';
import { changePercent } from '@tianlang/core';
import { CHANNEL_ZH, DIM_ZH, GRADE_ZH, LEVEL_ZH, STAGE_ZH, durationZh, pctZh, periodZh } from './labels';

type Table = { name: string; header: string[]; rows: (string | number | null)[][] };

/** Every table of the dashboard, as the workbook writes them (also the order of the sheets). */
/** `labelOf` names a figure by its code (the figure catalogue's label). */
export function dashboardTables(d: DashboardView, labelOf: (code: string) => string = (c) => c): Record<string, Table> {
  const dimLabel = (dim: string, key: string, label: string) => (dim === 'channel' ? CHANNEL_ZH[key] ?? key : dim === 'level' ? LEVEL_ZH[key] ?? key : dim === 'grade' ? GRADE_ZH[key] ?? key : label);
  const breakdown = (dim: keyof DashboardView['breakdowns']): Table => ({
    name: DIM_ZH[dim]!, header: [DIM_ZH[dim]!, '收到', '受理', '处置完成', '办结'],
    rows: d.breakdowns[dim].map((r) => [dimLabel(dim, r.key, r.label), r.received, r.accepted, r.disposed, r.closed]),
  });
  return {
    overview: {
      name: '总览', header: ['指标', '本期', '上期', '环比', '去年同期', '同比'],
      rows: [
        ...Object.entries(d.figures).map(([f, v]) => [labelOf(f), v.value, v.previous, pctZh(changePercent(v.value, v.previous)), v.lastYear, pctZh(changePercent(v.value, v.lastYear))]),
        ...d.onTime.map((o) => [`${STAGE_ZH[o.stage]}按时率`, pctZh(o.rate), null, null, null, null]),
        ...d.durations.flatMap((x) => [[`${STAGE_ZH[x.stage]}用时中位数`, durationZh(x.median), null, null, null, null], [`${STAGE_ZH[x.stage]}用时第90百分位`, durationZh(x.p90), null, null, null, null]]),
        ...d.extra.map((x) => [labelOf(x.code), x.value, null, null, null, null]),
      ],
    },
    trend: { name: '趋势', header: [d.trend.grain === 'day' ? '日期' : '月份', '收到', '受理', '处置完成', '办结'], rows: d.trend.points.map((p) => [p.key, p.received, p.accepted, p.disposed, p.closed]) },
    jurisdictions: { name: '属地分布', header: ['属地', '收到', '受理', '处置完成', '办结'], rows: d.jurisdictions.map((r) => [r.label, r.received, r.accepted, r.disposed, r.closed]) },
    category: breakdown('category'), zone: breakdown('zone'), channel: breakdown('channel'), platform: breakdown('platform'), level: breakdown('level'), grade: breakdown('grade'),
    transfers: { name: '移交部门', header: ['接收部门', '移交', '回函', '退回', '按时回函', '回函率'], rows: d.transfers.map((t) => [t.unitName, t.sent, t.replied, t.returned, t.onTime, pctZh(t.replyRate)]) },
    orders: { name: '平台处置通知', header: ['平台', '发出', '已反馈', '已处置', '部分处置', '拒绝', '按时反馈', '落实率'],
      rows: d.orders.map((o) => [o.platformName, o.issued, o.answered, o.done, o.partial, o.refused, o.onTime, pctZh(o.complianceRate)]) },
    reporters: { name: '核心举报员', header: ['举报员', '举报数', '属实', '不实', '准确率'], rows: d.reporters.map((r) => [r.name, r.received, r.founded, r.unfounded, pctZh(r.accuracy)]) },
    patrol: { name: '巡查', header: ['规则', '类别', '命中', '确认', '排除', '准确率'],
      rows: [['合计：扫描 ' + d.patrol.scanned + ' 条，命中 ' + d.patrol.hitItems + ' 条', '', d.patrol.hitItems, d.patrol.confirmed, d.patrol.dismissed, pctZh(d.patrol.precision)],
        ...d.patrol.rules.map((r) => [r.pattern, r.category, r.hits, r.confirmed, r.dismissed, pctZh(r.precision)])] },
  };
}

/** The dashboard (or one of its tables) as an xlsx workbook. */
export async function dashboardXlsx(d: DashboardView, table?: string, labelOf?: (code: string) => string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '天朗 Tianlang';
  const tables = dashboardTables(d, labelOf);
  for (const [key, t] of Object.entries(tables)) {
    if (table && key !== table) continue;
    const ws = wb.addWorksheet(t.name);
    ws.addRow([`${d.jurisdiction.name} ${periodZh(d.period)}（${d.period.from} 至 ${d.period.to}）`]).font = { bold: true };
    const head = ws.addRow(t.header);
    head.font = { bold: true };
    for (const r of t.rows) ws.addRow(r);
    ws.columns.forEach((c, i) => { c.width = i === 0 ? 28 : 12; });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
