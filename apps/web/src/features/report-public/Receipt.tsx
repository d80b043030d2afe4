import { useState } from 'react';
import { Link } from 'react-router';
import { useT } from '../../i18n';
import { Banner } from './Field';
import { formatTime } from './format';
import type { Receipt as ReceiptData } from './public.api';

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // no clipboard API (plain http, older browsers, iframes without permission): select-and-copy
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.append(area);
    area.select();
    const ok = document.execCommand('copy');
    area.remove();
    return ok;
  }
}

interface Props {
  receipt: ReceiptData;
  statusLink: string;
  onAgain: () => void;
}

/** The one moment the query code is visible: large, copyable, with a plain warning. */
export function Receipt({ receipt, statusLink, onAgain }: Props) {
  const t = useT();
  const [copied, setCopied] = useState<boolean | null>(null);
  const [confirmLeave, setConfirmLeave] = useState(false);

  const copy = async () => {
    setCopied(await copyText(t('pub.receipt.copyText', { trackingNo: receipt.trackingNo, queryCode: receipt.queryCode })));
  };

  return (
    <section className="rp-receipt" aria-labelledby="receipt-title" data-testid="receipt">
      <div className="rp-receipt-head">
        <span className="rp-check-icon" aria-hidden="true">✓</span>
        <div>
          <h1 id="receipt-title">{t('pub.receipt.title')}</h1>
          <p className="rp-muted">{t('pub.receipt.submittedAt', { time: formatTime(receipt.submittedAt) })}</p>
        </div>
      </div>
      <p>{t('pub.receipt.body')}</p>
      <dl className="rp-codes">
        <div className="rp-code-box">
          <dt>{t('pub.receipt.trackingNo')}</dt>
          <dd data-testid="receipt-tracking-no">{receipt.trackingNo}</dd>
        </div>
        <div className="rp-code-box rp-code-secret">
          <dt>{t('pub.receipt.queryCode')}</dt>
          <dd data-testid="receipt-query-code">{receipt.queryCode}</dd>
        </div>
      </dl>
      <Banner kind="warning" testId="receipt-warning">
        <strong>{t('pub.receipt.warningTitle')}</strong>
        <span className="rp-block">{t('pub.receipt.warning')}</span>
      </Banner>
      <div className="rp-actions">
        <button type="button" className="rp-primary-button" onClick={copy} data-testid="receipt-copy">
          {t('pub.receipt.copy')}
        </button>
        <Link className="rp-secondary-button" to={statusLink} data-testid="receipt-status-link">
          {t('pub.receipt.toStatus')}
        </Link>
      </div>
      {copied !== null && (
        <p className={copied ? 'rp-ok' : 'rp-error'} role="status">
          {t(copied ? 'pub.receipt.copied' : 'pub.receipt.copyFailed')}
        </p>
      )}
      <div className="rp-again">
        {confirmLeave ? (
          <>
            <p>{t('pub.receipt.againConfirm')}</p>
            <button type="button" className="rp-secondary-button" onClick={onAgain}>
              {t('pub.receipt.again')}
            </button>
          </>
        ) : (
          <button type="button" className="rp-link-button" onClick={() => (copied ? onAgain() : setConfirmLeave(true))}>
            {t('pub.receipt.again')}
          </button>
        )}
      </div>
    </section>
  );
}
