import type { Period } from '@tianlang/core';

/** Chinese labels of the office documents (xlsx, docx); the console translates the same codes itself. Figures carry their own (figure catalogue). */
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
