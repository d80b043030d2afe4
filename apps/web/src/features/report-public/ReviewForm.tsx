import { useState, type FormEvent } from 'react';
import { useT } from '../../i18n';
import { errorText } from '../../lib/errors';
import { LIMITS } from './enums';
import { Banner, describedBy, Field } from './Field';
import { publicApi, type PublicStatus } from './public.api';
import type { StatusCredentials } from './StatusQueryForm';

interface Props {
  credentials: StatusCredentials;
  onRequested: (status: PublicStatus) => void;
}

/** 申请复查: once per report, with a reason. */
export function ReviewForm({ credentials, onRequested }: Props) {
  const t = useT();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    const text = reason.trim();
    if (text.length < LIMITS.reviewMin) {
      setError(t('pub.invalid.reviewReason', { min: LIMITS.reviewMin }));
      return;
    }
    setError(undefined);
    setFormError(null);
    setBusy(true);
    try {
      onRequested(await publicApi.review(credentials.trackingNo, credentials.queryCode, text));
    } catch (err) {
      setFormError(errorText(t, err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="rp-review" noValidate onSubmit={onSubmit} data-testid="review-form">
      <h2>{t('pub.review.title')}</h2>
      <p className="rp-hint">{t('pub.review.intro')}</p>
      <Field name="reviewReason" label={t('pub.review.reason')} required error={error}>
        <textarea
          className="rp-input rp-textarea"
          rows={4}
          maxLength={LIMITS.reviewMax}
          placeholder={t('pub.review.reasonPlaceholder')}
          data-testid="review-reason"
          value={reason}
          onChange={(e) => {
            setReason(e.target.value);
            setError(undefined);
          }}
          {...describedBy('reviewReason', error)}
        />
      </Field>
      {formError && <Banner kind="error">{formError}</Banner>}
      <button type="submit" className="rp-primary-button" disabled={busy} data-testid="review-submit">
        {t(busy ? 'pub.review.submitting' : 'pub.review.submit')}
      </button>
    </form>
  );
}
