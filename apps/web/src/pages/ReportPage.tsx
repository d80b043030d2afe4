import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useT } from '../i18n';
import { errorText } from '../lib/errors';
import { Banner } from '../features/report-public/Field';
import { Receipt } from '../features/report-public/Receipt';
import { ReportForm } from '../features/report-public/ReportForm';
import type { Receipt as ReceiptData } from '../features/report-public/public.api';
import { useFormOptions } from '../features/report-public/use-form-options';
import '../features/report-public/report-public.css';
import '../features/report-public/report-form.css';
import { PublicFrame } from './PublicFrame';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** 我要举报: /report, or /report?platform=<unitId>&embed=1 inside a platform's embedded dialog. */
export function ReportPage() {
  const t = useT();
  const [params] = useSearchParams();
  const embed = params.get('embed') === '1';
  const platformParam = params.get('platform');
  const platform = platformParam && UUID.test(platformParam) ? platformParam : null;
  const { state, retry } = useFormOptions(platform);
  const [receipt, setReceipt] = useState<ReceiptData | null>(null);

  useEffect(() => {
    document.title = `${t('pub.form.title')} · ${t('app.name')}`;
  }, [t]);

  const statusLink = (trackingNo?: string) => {
    const q = new URLSearchParams();
    if (trackingNo) q.set('no', trackingNo);
    if (embed && platform) q.set('platform', platform);
    if (embed) q.set('embed', '1');
    const qs = q.toString();
    return qs ? `/report/status?${qs}` : '/report/status';
  };

  if (receipt) {
    return (
      <PublicFrame variant={embed ? 'embed' : 'full'}>
        <Receipt
          receipt={receipt}
          statusLink={statusLink(receipt.trackingNo)}
          onAgain={() => {
            setReceipt(null);
            window.scrollTo(0, 0);
          }}
        />
      </PublicFrame>
    );
  }

  return (
    <PublicFrame variant={embed ? 'embed' : 'full'}>
      <div className="rp-page-head">
        <h1>{t('pub.form.title')}</h1>
        <Link className="public-link rp-aside-link" to={statusLink()}>
          {t('pub.form.toStatus')}
        </Link>
      </div>
      <p className="rp-intro">{t('pub.form.intro')}</p>
      {state.kind === 'loading' && (
        <p className="rp-muted" role="status">
          {t('pub.form.loading')}
        </p>
      )}
      {state.kind === 'failed' && (
        <Banner kind="error" testId="report-load-error">
          {t('pub.form.loadFailed', { error: errorText(t, state.error) })}
          <button type="button" className="rp-link-button" onClick={retry}>
            {t('common.retry')}
          </button>
        </Banner>
      )}
      {state.kind === 'ready' && (
        <ReportForm
          options={state.options}
          embed={embed}
          onSubmitted={(r) => {
            setReceipt(r);
            window.scrollTo(0, 0);
          }}
        />
      )}
    </PublicFrame>
  );
}
