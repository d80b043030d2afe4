import { useState, type FormEvent } from 'react';
import { useT } from '../../i18n';
import { errorText, validationIssues } from '../../lib/errors';
import { TRACKING_NO } from './enums';
import { Banner, describedBy, Field } from './Field';
import { publicApi, type PublicStatus } from './public.api';
import type { FieldErrors } from './validate';

export interface StatusCredentials {
  trackingNo: string;
  queryCode: string;
}

interface Props {
  initialTrackingNo: string;
  onFound: (status: PublicStatus, credentials: StatusCredentials) => void;
}

/** Both codes use upper-case letters and digits only; people type them in lower case too. */
const normalize = (value: string) => value.replace(/\s+/g, '').toUpperCase();

export function StatusQueryForm({ initialTrackingNo, onFound }: Props) {
  const t = useT();
  const [trackingNo, setTrackingNo] = useState(initialTrackingNo);
  const [queryCode, setQueryCode] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    const credentials = { trackingNo: normalize(trackingNo), queryCode: normalize(queryCode) };
    const found: FieldErrors = {};
    if (!TRACKING_NO.test(credentials.trackingNo)) found.trackingNo = t('pub.invalid.trackingNo');
    if (credentials.queryCode.length < 6 || credentials.queryCode.length > 20) found.queryCode = t('pub.invalid.queryCode');
    setErrors(found);
    setFormError(null);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      onFound(await publicApi.status(credentials.trackingNo, credentials.queryCode), credentials);
    } catch (err) {
      // report.not_found deliberately does not say which of the two was wrong
      setFormError(errorText(t, err));
      const fields = new Set(validationIssues(err).map((issue) => issue.path[0]));
      setErrors({
        ...(fields.has('trackingNo') ? { trackingNo: t('pub.invalid.trackingNo') } : {}),
        ...(fields.has('queryCode') ? { queryCode: t('pub.invalid.queryCode') } : {}),
      });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="rp-form rp-card" noValidate onSubmit={onSubmit} data-testid="status-form">
      <Field name="trackingNo" label={t('pub.status.trackingNo')} required error={errors.trackingNo}>
        <input
          className="rp-input rp-mono"
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={24}
          placeholder={t('pub.status.trackingNoPlaceholder')}
          data-testid="status-tracking-no"
          value={trackingNo}
          onChange={(e) => setTrackingNo(e.target.value)}
          {...describedBy('trackingNo', errors.trackingNo)}
        />
      </Field>
      <Field name="queryCode" label={t('pub.status.queryCode')} required error={errors.queryCode}>
        <input
          className="rp-input rp-mono"
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={24}
          placeholder={t('pub.status.queryCodePlaceholder')}
          data-testid="status-query-code"
          value={queryCode}
          onChange={(e) => setQueryCode(e.target.value)}
          {...describedBy('queryCode', errors.queryCode)}
        />
      </Field>
      {formError && (
        <Banner kind="error" testId="status-error">
          {formError}
        </Banner>
      )}
      <button type="submit" className="rp-primary-button rp-submit" disabled={busy} data-testid="status-submit">
        {t(busy ? 'pub.status.querying' : 'pub.status.submit')}
      </button>
    </form>
  );
}
