import type { EntityPage } from '@tianlang/contracts';
import type { PlatformOrderRow } from '../../db/schema';
import type { RectificationRow } from '../rectifications/rectifications.service';

type Metric = EntityPage['scorecard'][number];
const YEAR_MS = 365 * 24 * 3600 * 1000;
/** Disposals that found a violation (an order, an account action or a referral). */
const VIOLATION_KINDS = new Set(['order_platform', 'account_action', 'referral']);

/**
 * The compliance scorecard. Every number says how it was computed and from which inputs, so an
 * officer can check it against the timeline.
 */
export function computeScorecard(x: {
  orders: Pick<PlatformOrderRow, 'answeredAt' | 'answeredLate' | 'state' | 'createdAt'>[];
  disposals: { reportId: string; kind: string; createdAt: Date }[];
  rectifications: Pick<RectificationRow, 'state' | 'deadlineStatus' | 'dueAt'>[];
  now: Date;
}): Metric[] {
  const answered = x.orders.filter((o) => o.answeredAt);
  const onTime = answered.filter((o) => o.answeredLate === false).length;
  const late = answered.length - onTime;
  const unanswered = x.orders.length - answered.length;
  const rate = answered.length ? Math.round((onTime / answered.length) * 1000) / 10 : null;

  const since = x.now.getTime() - YEAR_MS;
  const violating = new Set(x.disposals.filter((d) => VIOLATION_KINDS.has(d.kind) && d.createdAt.getTime() >= since).map((d) => d.reportId));
  const repeats = Math.max(0, violating.size - 1);

  const open = x.rectifications.filter((r) => r.state === 'open');
  const overdue = open.filter((r) => r.deadlineStatus === 'overdue' || (r.dueAt && r.dueAt < x.now)).length;
  const notRectified = x.rectifications.filter((r) => r.state === 'not_rectified').length;

  return [
    {
      key: 'orders_on_time', label: '处置通知按时答复率', value: rate,
      explanation: answered.length
        ? `按时答复率 = 按时答复的处置通知 ${onTime} 件 ÷ 已答复 ${answered.length} 件 = ${rate}%；逾期答复 ${late} 件，尚未答复 ${unanswered} 件（未计入分母）。`
        : `尚无已答复的处置通知（共下发 ${x.orders.length} 件，未答复 ${unanswered} 件），不计算比率。`,
      inputs: { issued: x.orders.length, answered: answered.length, onTime, late, unanswered },
    },
    {
      key: 'repeat_violations', label: '重复违规次数（近12个月）', value: repeats,
      explanation: `近12个月内经处置认定违规（责令平台处置、账号处置或移交）的举报 ${violating.size} 件；首次之后每件计一次重复违规：max(0, ${violating.size} − 1) = ${repeats}。`,
      inputs: { violatingReports: violating.size, repeats },
    },
    {
      key: 'open_rectifications', label: '未完成整改事项', value: open.length,
      explanation: `检查和约谈提出的整改事项中尚无跟踪结果的 ${open.length} 项（另有跟踪确认未整改 ${notRectified} 项）。`,
      inputs: { open: open.length, notRectified, total: x.rectifications.length },
    },
    {
      key: 'overdue_rectifications', label: '超期未整改事项', value: overdue,
      explanation: `未完成的整改事项中已过整改期限的 ${overdue} 项（期限由时限引擎按工作日/自然日计算）。`,
      inputs: { overdue, open: open.length },
    },
  ];
}
