import { useT } from '../../i18n';
import type { ReportDraft } from './draft';
import { LIMITS } from './enums';
import { describedBy, Field, fieldId } from './Field';
import type { FieldErrors } from './validate';

interface Props {
  draft: ReportDraft;
  update: <K extends keyof ReportDraft>(key: K, value: ReportDraft[K]) => void;
  errors: FieldErrors;
}

export function ContactFields({ draft, update, errors }: Props) {
  const t = useT();
  const hasContact = Boolean(draft.phone.trim() || draft.email.trim());
  return (
    <>
      <p className="rp-hint rp-section-hint">{t('pub.contact.hint')}</p>
      <div className="rp-grid-2">
        <Field name="contact.phone" label={t('pub.contact.phone')} optionalMark={false} error={errors['contact.phone']}>
          <input
            className="rp-input"
            type="tel"
            inputMode="tel"
            autoComplete="tel"
            maxLength={21}
            data-testid="report-contact-phone"
            value={draft.phone}
            onChange={(e) => update('phone', e.target.value)}
            {...describedBy('contact.phone', errors['contact.phone'])}
          />
        </Field>
        <Field name="contact.email" label={t('pub.contact.email')} optionalMark={false} error={errors['contact.email']}>
          <input
            className="rp-input"
            type="email"
            inputMode="email"
            autoComplete="email"
            maxLength={LIMITS.email}
            data-testid="report-contact-email"
            value={draft.email}
            onChange={(e) => update('email', e.target.value)}
            {...describedBy('contact.email', errors['contact.email'])}
          />
        </Field>
      </div>
      <label className={hasContact ? 'rp-check' : 'rp-check rp-disabled'}>
        <input
          type="checkbox"
          data-testid="report-share-contact"
          checked={draft.shareWithPartners}
          disabled={!hasContact}
          aria-describedby={`${fieldId('shareWithPartners')}-hint`}
          onChange={(e) => update('shareWithPartners', e.target.checked)}
        />
        <span>
          {t('pub.contact.share')}
          <span className="rp-hint rp-block" id={`${fieldId('shareWithPartners')}-hint`}>
            {t('pub.contact.shareHint')}
          </span>
        </span>
      </label>
    </>
  );
}

export function GoodFaithField({ checked, onChange, error }: { checked: boolean; onChange: (v: boolean) => void; error?: string }) {
  const t = useT();
  const id = fieldId('goodFaith');
  return (
    <div className={error ? 'rp-pledge rp-field-error' : 'rp-pledge'}>
      <label className="rp-check">
        <input
          id={id}
          type="checkbox"
          data-testid="report-good-faith"
          checked={checked}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(e) => onChange(e.target.checked)}
        />
        <span>
          <strong>{t('pub.goodFaith.title')}</strong>
          <span className="rp-block">{t('pub.goodFaith.text')}</span>
        </span>
      </label>
      {error && (
        <p className="rp-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}
