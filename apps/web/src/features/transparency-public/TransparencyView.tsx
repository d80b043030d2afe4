import type { TransparencyData } from '@tianlang/contracts';
import { useT, isMessageKey } from '../../i18n';
import './transparency.css';

const monthLabel = (locale: string, month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return locale === 'en' ? new Date(Date.UTC(y, m - 1, 1)).toLocaleDateString('en', { year: 'numeric', month: 'long', timeZone: 'UTC' }) : `${y}年${m}月`;
};

/** One month in the layout of the national reporting centre's monthly release: summary, by level, by category. Plain markup. */
export function TransparencyView({ data, locale }: { data: TransparencyData; locale: string }) {
  const t = useT();
  const pct = (v: number | null) => (v === null ? t('pubT.na') : v > 0 ? t('pubT.up', { v }) : v < 0 ? t('pubT.down', { v: -v }) : t('pubT.flat'));
  const level = (k: string) => (isMessageKey(`level.${k}`) ? t(`level.${k}` as 'level.city') : k);
  const month = monthLabel(locale, data.month);
  const max = Math.max(1, ...data.byCategory.map((c) => c.count));
  return (
    <section className="tp-month" data-testid="transparency-month">
      <h2>{t('pubT.heading', { month })}</h2>
      <p className="tp-summary">{t('pubT.summary', { month, office: data.office, total: data.total.toLocaleString(), mom: pct(data.monthOnMonth), yoy: pct(data.yearOnYear) })}</p>
      <div className="tp-grid">
        <div>
          <h3>{t('pubT.byLevel')}</h3>
          <table className="tp-table">
            <thead><tr><th />{[t('pubT.count'), t('pubT.share')].map((h) => <th key={h}>{h}</th>)}</tr></thead>
            <tbody>{data.byLevel.map((l) => <tr key={l.key}><td>{level(l.key)}</td><td className="num">{l.count.toLocaleString()}</td><td className="num">{l.share}%</td></tr>)}</tbody>
          </table>
        </div>
        <div>
          <h3>{t('pubT.byCategory')}</h3>
          <table className="tp-table">
            <thead><tr><th />{[t('pubT.count'), t('pubT.share'), t('pubT.mom')].map((h) => <th key={h}>{h}</th>)}</tr></thead>
            <tbody>{data.byCategory.map((c) => (
              <tr key={c.key}>
                <td>{c.label}<span className="tp-bar" style={{ width: `${(c.count / max) * 100}%` }} /></td>
                <td className="num">{c.count.toLocaleString()}</td><td className="num">{c.share}%</td><td className="num">{pct(c.monthOnMonth)}</td>
              </tr>
            ))}</tbody>
          </table>
        </div>
      </div>
    </section>
  );
}
export { monthLabel };
