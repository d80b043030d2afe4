import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { RouteResult, publicStatsApi } from '@tianlang/contracts';
import { PUBLIC_ROUTES } from '@tianlang/contracts/public';
import { useI18n } from '../i18n';
import { callPublic } from '../lib/api';
import { monthLabel, TransparencyView } from '../features/transparency-public/TransparencyView';
import '../features/report-public/report-public.css';
import { PublicFrame } from './PublicFrame';

type FeedRoute = typeof publicStatsApi.transparencyFeed;
type Feed = RouteResult<FeedRoute>;

/** 举报受理情况公开: the months a leader approved, frozen at approval. Plain markup, no antd. */
export function TransparencyPage() {
  const { t, locale } = useI18n();
  const [params] = useSearchParams();
  const [feed, setFeed] = useState<Feed | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    document.title = `${t('pubT.title')} · ${t('app.name')}`;
  }, [t]);
  useEffect(() => {
    callPublic<FeedRoute>(PUBLIC_ROUTES.transparencyFeed, {}).then(setFeed, () => setFailed(true));
  }, []);
  const wanted = params.get('month');
  const current = feed?.months.find((m) => m.month === wanted) ?? feed?.months[0];
  return (
    <PublicFrame>
      <div className="rp-page-head"><h1>{t('pubT.title')}</h1></div>
      <p className="rp-intro">{t('pubT.intro')}</p>
      {failed && <p>{t('error.network.failed')}</p>}
      {feed && feed.months.length === 0 && <p>{t('pubT.none')}</p>}
      {feed && feed.months.length > 0 && (
        <>
          <h3>{t('pubT.months')}</h3>
          <ul className="tp-months">
            {feed.months.map((m) => (
              <li key={m.month}><Link className={m.month === current?.month ? 'active' : ''} to={`/transparency?month=${m.month}`}>{monthLabel(locale, m.month)}</Link></li>
            ))}
          </ul>
          {current && (
            <>
              {current.correction && <p className="tp-correction">{t('pubT.correction', { v: current.version, text: current.correction })}</p>}
              <TransparencyView data={current.data} locale={locale} />
              <p className="tp-note">
                {t('pubT.approvedAt', { at: new Date(current.approvedAt).toLocaleString(locale === 'en' ? 'en-GB' : 'zh-CN', { timeZone: 'Asia/Shanghai' }) })} · <a className="public-link" href={PUBLIC_ROUTES.transparencyFeed.path}>{t('pubT.feed')}</a>
              </p>
            </>
          )}
        </>
      )}
    </PublicFrame>
  );
}
