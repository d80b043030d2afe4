import type { TFunction } from '../../i18n';

/** Minutes (the upper bound of a histogram bucket) as "≤ 45 分钟" / "≤ 4 小时" / "≤ 2 天". */
export function formatDuration(t: TFunction, min: number | null): string {
  if (min === null) return '—';
  if (min < 60) return t('st.min', { v: min });
  if (min < 1440) return t('st.hours', { v: Math.round((min / 60) * 10) / 10 });
  return t('st.days', { v: Math.round((min / 1440) * 10) / 10 });
}

export const percent = (v: number | null) => (v === null ? '—' : `${v}%`);

export function change(t: TFunction, current: number, base: number): { text: string; tone: 'up' | 'down' | 'flat' | 'none' } {
  if (base === 0) return { text: t('st.noBase'), tone: 'none' };
  const v = Math.round(((current - base) / base) * 1000) / 10;
  if (v > 0) return { text: t('st.up', { v }), tone: 'up' };
  if (v < 0) return { text: t('st.down', { v: -v }), tone: 'down' };
  return { text: t('st.flat'), tone: 'flat' };
}
