import { useT } from '../../i18n';
import { LIMITS } from './enums';
import { describedBy, Field } from './Field';

interface Props {
  value: string;
  onChange: (value: string) => void;
  error?: string;
}

export function DescriptionField({ value, onChange, error }: Props) {
  const t = useT();
  const count = value.trim().length;
  const missing = LIMITS.descriptionMin - count;
  const counter = (
    <span className={missing > 0 && count > 0 ? 'rp-counter rp-counter-short' : 'rp-counter'} aria-live="polite" data-testid="report-description-count">
      {missing > 0 && count > 0 ? `${t('pub.field.descriptionShort', { n: missing })} · ` : ''}
      {t('pub.field.descriptionCount', { count, max: LIMITS.descriptionMax })}
    </span>
  );
  return (
    <Field name="description" label={t('pub.field.description')} required error={error} aside={counter}>
      <textarea
        className="rp-input rp-textarea"
        rows={6}
        maxLength={LIMITS.descriptionMax}
        placeholder={t('pub.field.descriptionPlaceholder')}
        data-testid="report-description"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        {...describedBy('description', error)}
      />
    </Field>
  );
}
