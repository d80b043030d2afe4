import type { ReactNode } from 'react';
import { useT } from '../../i18n';

export const fieldId = (key: string) => `rp-${key.replace(/\./g, '-')}`;

/** Props that tie an input to its hint and error text, for screen readers. */
export function describedBy(key: string, error: string | undefined, hint = false) {
  const id = fieldId(key);
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return { id, 'aria-invalid': error ? true : undefined, 'aria-describedby': ids || undefined };
}

interface FieldProps {
  name: string;
  label: ReactNode;
  required?: boolean;
  /** false where the whole section is marked optional already */
  optionalMark?: boolean;
  hint?: ReactNode;
  error?: string;
  /** right-aligned next to the hint, e.g. a character counter */
  aside?: ReactNode;
  children: ReactNode;
}

export function Field({ name, label, required, optionalMark = true, hint, error, aside, children }: FieldProps) {
  const t = useT();
  const id = fieldId(name);
  return (
    <div className={error ? 'rp-field rp-field-error' : 'rp-field'}>
      <label className="rp-label" htmlFor={id}>
        {label}
        {required ? (
          <span className="rp-required" title={t('pub.form.required')}>
            <span aria-hidden="true">*</span>
            <span className="rp-sr-only">{t('pub.form.required')}</span>
          </span>
        ) : (
          optionalMark && <span className="rp-optional">{t('pub.form.optional')}</span>
        )}
      </label>
      {children}
      {(hint || aside) && (
        <div className="rp-hint-row">
          {hint && (
            <p className="rp-hint" id={`${id}-hint`}>
              {hint}
            </p>
          )}
          {aside}
        </div>
      )}
      {error && (
        <p className="rp-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}

/** A message above or below the form: `role="alert"` so it is read out when it appears. */
export function Banner({ kind, children, testId }: { kind: 'error' | 'warning' | 'info'; children: ReactNode; testId?: string }) {
  return (
    <div className={`rp-banner rp-banner-${kind}`} role={kind === 'info' ? 'status' : 'alert'} data-testid={testId}>
      {children}
    </div>
  );
}
