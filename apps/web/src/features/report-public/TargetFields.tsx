import { useT } from '../../i18n';
import type { ReportDraft } from './draft';
import { LIMITS } from './enums';
import { describedBy, Field, fieldId } from './Field';
import type { FormOptions } from './public.api';
import { withScheme, type FieldErrors } from './validate';

interface Props {
  platform: FormOptions['platform'];
  draft: ReportDraft;
  update: <K extends keyof ReportDraft>(key: K, value: ReportDraft[K]) => void;
  errors: FieldErrors;
}

/** Where the content is: its addresses, the platform and the account. */
export function TargetFields({ platform, draft, update, errors }: Props) {
  const t = useT();
  const urls = draft.urls;
  const setUrl = (i: number, value: string) => update('urls', urls.map((u, j) => (j === i ? value : u)));
  const removeUrl = (i: number) => {
    const next = urls.filter((_, j) => j !== i);
    update('urls', next.length > 0 ? next : ['']);
  };
  const addUrl = () => {
    update('urls', [...urls, '']);
    // focus the new, empty row once it has rendered
    requestAnimationFrame(() => document.getElementById(fieldId(`urls.${urls.length}`))?.focus());
  };
  const urlErrors = urls.map((_, i) => errors[`urls.${i}`]).filter(Boolean);
  /** "no target at all": shown under the list, and the first address takes the focus */
  const targetError = errors.urls;

  return (
    <>
      <fieldset className={urlErrors.length > 0 || targetError ? 'rp-field rp-field-error' : 'rp-field'}>
        <legend className="rp-label">
          {/* no "optional" mark: an address, or the platform and account, is needed (see the hint) */}
          {t('pub.field.urls')}
        </legend>
        <ol className="rp-url-list">
          {urls.map((url, i) => (
            <li key={i} className="rp-url-row">
              <div className="rp-url-line">
                <input
                  className="rp-input"
                  type="url"
                  inputMode="url"
                  autoComplete="off"
                  spellCheck={false}
                  placeholder="https://"
                  aria-label={t('pub.field.urlLabel', { n: i + 1 })}
                  data-testid="report-url-input"
                  value={url}
                  maxLength={LIMITS.url}
                  onChange={(e) => setUrl(i, e.target.value)}
                  onBlur={(e) => setUrl(i, withScheme(e.target.value))}
                  {...describedBy(`urls.${i}`, errors[`urls.${i}`] ?? (i === 0 ? targetError : undefined))}
                />
                {(urls.length > 1 || url) && (
                  <button type="button" className="rp-link-button" aria-label={t('pub.field.urlRemoveLabel', { n: i + 1 })} onClick={() => removeUrl(i)}>
                    {t('pub.field.urlRemove')}
                  </button>
                )}
              </div>
              {errors[`urls.${i}`] && (
                <p className="rp-error" id={`${fieldId(`urls.${i}`)}-error`}>
                  {errors[`urls.${i}`]}
                </p>
              )}
            </li>
          ))}
        </ol>
        {targetError && (
          <p className="rp-error" id={`${fieldId('urls.0')}-error`} data-testid="report-target-error">
            {targetError}
          </p>
        )}
        <div className="rp-hint-row">
          <p className="rp-hint">{t('pub.field.urlsHint', { max: LIMITS.urls })}</p>
          {urls.length < LIMITS.urls && (
            <button type="button" className="rp-secondary-button rp-small" data-testid="report-url-add" onClick={addUrl}>
              + {t('pub.field.urlAdd')}
            </button>
          )}
        </div>
      </fieldset>

      {platform ? (
        <Field name="platformName" label={t('pub.field.platformLocked')} hint={t('pub.field.platformLockedHint')} optionalMark={false}>
          <input className="rp-input" value={platform.name} readOnly aria-readonly="true" data-testid="report-platform-locked" {...describedBy('platformName', undefined, true)} />
        </Field>
      ) : (
        <Field name="platformName" label={t('pub.field.platformName')} optionalMark={false} error={errors.platformName}>
          <input
            className="rp-input"
            value={draft.platformName}
            maxLength={LIMITS.platformName}
            placeholder={t('pub.field.platformNamePlaceholder')}
            data-testid="report-platform-name"
            onChange={(e) => update('platformName', e.target.value)}
            {...describedBy('platformName', errors.platformName)}
          />
        </Field>
      )}
      <Field name="accountName" label={t('pub.field.accountName')} optionalMark={false} error={errors.accountName} hint={t('pub.field.targetHint')}>
        <input
          className="rp-input"
          value={draft.accountName}
          maxLength={LIMITS.accountName}
          placeholder={t('pub.field.accountNamePlaceholder')}
          data-testid="report-account-name"
          onChange={(e) => update('accountName', e.target.value)}
          {...describedBy('accountName', errors.accountName, true)}
        />
      </Field>
    </>
  );
}
