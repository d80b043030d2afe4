import { useI18n } from '../../i18n';
import type { ReportDraft } from './draft';
import { describedBy, Field } from './Field';
import { categoryLabel, orderedCategories, zoneLabel } from './labels';
import type { FormOptions } from './public.api';
import type { FieldErrors } from './validate';

interface Props {
  options: FormOptions;
  draft: ReportDraft;
  update: <K extends keyof ReportDraft>(key: K, value: ReportDraft[K]) => void;
  errors: FieldErrors;
}

export function CategoryFields({ options, draft, update, errors }: Props) {
  const { t, locale } = useI18n();
  const categories = orderedCategories(options.categories);
  return (
    <>
      <Field name="categoryCode" label={t('pub.field.category')} required error={errors.categoryCode}>
        <select
          className="rp-input"
          data-testid="report-category"
          value={draft.categoryCode}
          onChange={(e) => update('categoryCode', e.target.value)}
          {...describedBy('categoryCode', errors.categoryCode)}
        >
          <option value="" disabled>
            {t('pub.field.categoryPlaceholder')}
          </option>
          {categories.map((c) => (
            <option key={c.code} value={c.code}>
              {categoryLabel(c, options.categories, locale, t)}
            </option>
          ))}
        </select>
      </Field>
      {options.zones.length > 0 && (
        <Field name="zoneCode" label={t('pub.field.zone')} hint={t('pub.field.zoneHint')} error={errors.zoneCode}>
          <select
            className="rp-input"
            data-testid="report-zone"
            value={draft.zoneCode}
            onChange={(e) => update('zoneCode', e.target.value)}
            {...describedBy('zoneCode', errors.zoneCode, true)}
          >
            <option value="">{t('pub.field.zoneNone')}</option>
            {options.zones.map((z) => (
              <option key={z.code} value={z.code}>
                {zoneLabel(z, locale, t)}
              </option>
            ))}
          </select>
        </Field>
      )}
    </>
  );
}
