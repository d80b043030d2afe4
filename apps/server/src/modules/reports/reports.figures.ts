import { REPORT_FIGURES, type ReportFigure } from '@tianlang/contracts';
import type { FigureCatalogue, FigureDef } from '../stats/stats.module';

/**
 * The report figures. Their values are sums of the statistics rollup (a report counts on the day of its
 * first event of the kind, under its current jurisdiction), their lists the reports — or the transfers
 * and disposals — the rollup counted; stats keeps both (see modules/stats/README.md).
 */
const STAGE: Record<ReportFigure, { column: string; labelZh: string; definitionZh: string }> = {
  received: { column: 'submitted_at', labelZh: '收到举报', definitionZh: '期间内收到（网民提交或工作人员登记）的举报件次' },
  accepted: { column: 'accepted_at', labelZh: '受理举报', definitionZh: '期间内首次受理的举报件次' },
  rejected: { column: 'rejected_at', labelZh: '不予受理', definitionZh: '期间内决定不予受理的举报件次' },
  merged: { column: 'merged_at', labelZh: '合并', definitionZh: '期间内因重复并入其他举报的件次' },
  transferred: { column: 'transferred_at', labelZh: '移交办理', definitionZh: '期间内首次移交相关部门办理的举报件次' },
  disposed: { column: 'disposed_at', labelZh: '处置完成', definitionZh: '期间内处置完成的举报件次' },
  answered: { column: 'answered_at', labelZh: '回复举报人', definitionZh: '期间内回复举报人的举报件次' },
  closed: { column: 'closed_at', labelZh: '办结', definitionZh: '期间内办结的举报件次' },
};

/** Registers the reports' figures in the statistics catalogue: the eight stage figures and the work-report figures. */
export function registerReportFigures(catalogue: FigureCatalogue) {
  const reg = (def: Omit<FigureDef, 'module'>) => catalogue.register({ module: 'reports', ...def });
  for (const f of REPORT_FIGURES) {
    const { column, ...text } = STAGE[f];
    reg({ code: f, ...text, compute: ({ rollup }) => rollup.all(f), items: (ctx, page) => ctx.reportFacts({ column }, page) });
  }
  reg({
    code: 'reports_accepted', labelZh: '受理举报件次', definitionZh: STAGE.accepted.definitionZh,
    compute: ({ rollup }) => rollup.all('accepted'), items: (ctx, page) => ctx.reportFacts({ column: STAGE.accepted.column }, page),
  });
  reg({
    code: 'harmful_info_disposed', labelZh: '处置有害信息数', definitionZh: '期间内通知平台删除、限制或标注有害信息的处置措施数',
    compute: ({ rollup }) => rollup.all('disposal_order_platform'), items: (ctx, page) => ctx.reportFacts({ list: 'disposals', kind: 'order_platform' }, page),
  });
  reg({
    code: 'accounts_disposed', labelZh: '处置账号数', definitionZh: '期间内对违法违规账号采取措施的处置数',
    compute: ({ rollup }) => rollup.all('disposal_account_action'), items: (ctx, page) => ctx.reportFacts({ list: 'disposals', kind: 'account_action' }, page),
  });
  reg({
    code: 'leads_transferred', labelZh: '移交线索数', definitionZh: '期间内移交公安等协同部门的线索数（一次移交计一条）',
    compute: ({ rollup }) => rollup.total('transfer_unit', 'transfer_sent'), items: (ctx, page) => ctx.reportFacts({ list: 'transfers' }, page),
  });
}
