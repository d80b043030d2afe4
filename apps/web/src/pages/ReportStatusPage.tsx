import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useT } from '../i18n';
import type { PublicStatus } from '../features/report-public/public.api';
import { StatusQueryForm, type StatusCredentials } from '../features/report-public/StatusQueryForm';
import { StatusView } from '../features/report-public/StatusView';
import '../features/report-public/report-public.css';
import '../features/report-public/report-status.css';
import { PublicFrame } from './PublicFrame';

interface Found {
  status: PublicStatus;
  credentials: StatusCredentials;
  reviewJustRequested: boolean;
}

/** 举报查询: /report/status[?no=<trackingNo>]. The query code is never put in the address. */
export function ReportStatusPage() {
  const t = useT();
  const [params] = useSearchParams();
  const embed = params.get('embed') === '1';
  const [found, setFound] = useState<Found | null>(null);
  const back = new URLSearchParams();
  if (embed) {
    const platform = params.get('platform');
    if (platform) back.set('platform', platform);
    back.set('embed', '1');
  }

  useEffect(() => {
    document.title = `${t('pub.status.title')} · ${t('app.name')}`;
  }, [t]);

  return (
    <PublicFrame variant={embed ? 'embed' : 'full'}>
      <div className="rp-page-head">
        <h1>{t('pub.status.title')}</h1>
        <Link className="public-link rp-aside-link" to={embed ? `/report?${back.toString()}` : '/report'}>
          {t('pub.status.toReport')}
        </Link>
      </div>
      {found ? (
        <>
          <StatusView
            status={found.status}
            credentials={found.credentials}
            reviewJustRequested={found.reviewJustRequested}
            onReviewRequested={(status) => setFound({ ...found, status, reviewJustRequested: true })}
          />
          <button type="button" className="rp-link-button rp-another" onClick={() => setFound(null)} data-testid="status-another">
            {t('pub.status.another')}
          </button>
        </>
      ) : (
        <>
          <p className="rp-intro">{t('pub.status.intro')}</p>
          <StatusQueryForm
            initialTrackingNo={params.get('no') ?? ''}
            onFound={(status, credentials) => setFound({ status, credentials, reviewJustRequested: false })}
          />
        </>
      )}
    </PublicFrame>
  );
}
