import type { Period } from '@tianlang/core';

/** Chinese labels of the office documents (xlsx, docx); the console translates the same codes itself. */
export const FIGURE_ZH: Record<string, string> = {
  received: '收到举报', accepted: '受理举报', rejected: '不予受理', merged: '合并', transferred: '移交办理',
  disposed: '处置完成', answered: '回复举报人', closed: '办结',
  platforms_checked: '网络平台排查数', patrol_items: '巡查信息数', harmful_info_disposed: '处置有害信息数', accounts_disposed: '处置账号数',
  reports_accepted: '受理举报件次', leads_transferred: '移交线索数', interviews: '约谈数', debunks: '辟谣数',
  registry_entities: '台账对象数', registry_key_entities: '重点对象数', registry_inspections: '实地检查数', registry_pledges: '签订承诺书数',
};
/** How the report and patrol figures are counted; other modules' figures carry theirs in the figure catalogue. */
export const FIGURE_DEFINITION_ZH: Record<string, string> = {
  received: '期间内提交（report.submitted）的举报件次',
  accepted: '期间内首次受理（report.accept）的举报件次',
  rejected: '期间内不予受理（report.reject）的举报件次',
  merged: '期间内合并（report.merge / report.clustered）的举报件次',
  transferred: '期间内首次移交（report.transfer）的举报件次',
  disposed: '期间内处置完成（report.complete）的举报件次',
  answered: '期间内回复举报人（report.reply）的举报件次',
  closed: '期间内办结（report.close）的举报件次',
  patrol_items: '期间内采集并扫描的巡查信息条数（patrol_items.fetched_at）',
  harmful_info_disposed: '期间内通知平台删除/限制/标注的处置措施数（report_disposals.kind = order_platform）',
  accounts_disposed: '期间内对账号采取措施的处置数（report_disposals.kind = account_action）',
  reports_accepted: '期间内首次受理（report.accept）的举报件次',
  leads_transferred: '期间内移交协同部门的线索数（report_transfers.created_at）',
};
export const CHANNEL_ZH: Record<string, string> = {
  web: '网页', mobile: '移动端', embed: '平台嵌入', api: '系统对接', trusted: '核心举报员', phone: '电话', mail: '邮件', letter: '来信', visit: '来访', patrol: '巡查发现',
};
export const LEVEL_ZH: Record<string, string> = { city: '市级', district: '区县级', town: '镇街级', community: '社区/网格' };
export const STAGE_ZH: Record<string, string> = { accept: '受理', dispose: '处置', reply: '回复' };
export const DIM_ZH: Record<string, string> = { category: '举报类别', zone: '专区', channel: '举报渠道', platform: '平台', level: '属地层级', grade: '对象分级' };
/** keys of the 'grade' breakdown: the entity grades and STATS_GRADE_NONE */
export const GRADE_ZH: Record<string, string> = { key: '重点', general: '一般', watch: '观察', none: '未关联台账对象' };

const CN_QUARTER = ['一', '二', '三', '四'];
const zhDate = (d: string) => { const [y, m, day] = d.split('-').map(Number); return `${y}年${m}月${day}日`; };

/** 2026年10月 / 2026年第四季度 / 2026年下半年 / 2026年 / 2026年1月30日至2026年3月2日 */
export function periodZh(p: Period): string {
  const [y, m] = p.from.split('-').map(Number) as [number, number];
  switch (p.kind) {
    case 'month': return `${y}年${m}月`;
    case 'quarter': return `${y}年第${CN_QUARTER[Math.floor((m - 1) / 3)]}季度`;
    case 'half': return `${y}年${m <= 6 ? '上' : '下'}半年`;
    case 'year': return `${y}年`;
    default: return `${zhDate(p.from)}至${zhDate(p.to)}`;
  }
}

/** minutes → "3.5 小时" / "2 天" / "45 分钟" */
export function durationZh(min: number | null): string {
  if (min === null) return '—';
  if (min < 60) return `≤${min} 分钟`;
  if (min < 24 * 60) return `≤${Math.round((min / 60) * 10) / 10} 小时`;
  return `≤${Math.round((min / 1440) * 10) / 10} 天`;
}
export const pctZh = (v: number | null) => (v === null ? '—' : `${v}%`);
export const changeZh = (v: number | null) => (v === null ? '—' : v > 0 ? `增长${v}%` : v < 0 ? `下降${-v}%` : '持平');
