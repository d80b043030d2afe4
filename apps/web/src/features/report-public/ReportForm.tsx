import { useCallback, useState, type FormEvent } from 'react';
import { useT } from '../../i18n';
import { ApiError } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { CategoryFields } from './CategoryFields';
import { ContactFields, GoodFaithField } from './ContactFields';
import { DescriptionField } from './DescriptionField';
import { EvidenceField } from './EvidenceField';
import { Banner } from './Field';
import { PowProgress } from './PowProgress';
import { TargetFields } from './TargetFields';
import { useReportDraft, type ReportDraft } from './draft';
import type { FormOptions, PublicReportInput, Receipt } from './public.api';
import { PowUnsupportedError, submitReport } from './submit-report';
import { useEvidence } from './use-evidence';
import { buildInput, serverFieldErrors, validateDraft, type FieldErrors } from './validate';

/** The field errors a change of this draft key makes stale (besides its own). */
const STALE_ERRORS: Partial<Record<keyof ReportDraft, string[]>> = {
  phone: ['contact.phone'],
  email: ['contact.email'],
  // naming the platform or the account answers "give a URL, or the platform and account"
  platformName: ['platformName', 'urls'],
  accountName: ['accountName', 'urls'],
};

function channelFor(embed: boolean): PublicReportInput['channel'] {
  if (embed) return 'embed';
  return window.matchMedia('(max-width: 640px)').matches ? 'mobile' : 'web';
}

function focusFirstInvalid() {
  requestAnimationFrame(() => {
    const el = document.querySelector<HTMLElement>('.rp-form [aria-invalid="true"]');
    el?.focus();
    el?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  });
}

interface Props {
  options: FormOptions;
  embed: boolean;
  onSubmitted: (receipt: Receipt) => void;
}

export function ReportForm({ options, embed, onSubmitted }: Props) {
  const t = useT();
  const { draft, update, clear } = useReportDraft();
  const evidence = useEvidence(t);
  const [errors, setErrors] = useState<FieldErrors>({});
  /** a message for the whole form (server errors, unfinished uploads); field errors stand under their fields */
  const [formError, setFormError] = useState<string | null>(null);
  const [attempted, setAttempted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [pow, setPow] = useState<number | null>(null);

  const edit = useCallback(
    <K extends keyof ReportDraft>(key: K, value: ReportDraft[K]) => {
      update(key, value);
      const stale = STALE_ERRORS[key] ?? [key];
      setErrors((current) => {
        const next = Object.fromEntries(Object.entries(current).filter(([k]) => !stale.some((s) => k === s || k.startsWith(`${s}.`))));
        return Object.keys(next).length === Object.keys(current).length ? current : next;
      });
    },
    [update],
  );

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    const found = validateDraft(draft, t, options.platform !== null);
    setErrors(found);
    setAttempted(true);
    setFormError(null);
    if (Object.keys(found).length > 0) {
      focusFirstInvalid();
      return;
    }
    const unfinished = evidence.items.find((i) => i.status !== 'done');
    if (unfinished) {
      setFormError(t(unfinished.status === 'failed' ? 'pub.evidence.hasFailed' : 'pub.evidence.pending'));
      return;
    }

    setBusy(true);
    setFormError(null);
    try {
      const input = buildInput(draft, evidence.items, options.platform, channelFor(embed));
      const receipt = await submitReport(input, { powRequired: options.powRequired, onPow: setPow });
      clear();
      evidence.clear();
      onSubmitted(receipt);
    } catch (err) {
      if (err instanceof PowUnsupportedError) {
        setFormError(t('pub.pow.unsupported'));
        return;
      }
      if (err instanceof ApiError && err.code === 'report.evidence_unknown') evidence.markStale(errorText(t, err));
      const fields = serverFieldErrors(err, t);
      setErrors(fields);
      setFormError(errorText(t, err));
      if (Object.keys(fields).length > 0) focusFirstInvalid();
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="rp-form" noValidate onSubmit={onSubmit} data-testid="report-form">
      <section className="rp-section">
        <h2>{t('pub.form.sectionWhat')}</h2>
        <CategoryFields options={options} draft={draft} update={edit} errors={errors} />
        <DescriptionField value={draft.description} onChange={(v) => edit('description', v)} error={errors.description} />
      </section>
      <section className="rp-section">
        <h2>{t('pub.form.sectionWhere')}</h2>
        <TargetFields platform={options.platform} draft={draft} update={edit} errors={errors} />
      </section>
      <section className="rp-section">
        <h2>{t('pub.form.sectionEvidence')}</h2>
        <EvidenceField items={evidence.items} rejected={evidence.rejected} onAdd={evidence.add} onRemove={evidence.remove} error={errors.evidence} />
      </section>
      <section className="rp-section">
        <h2>
          {t('pub.form.sectionContact')}
          <span className="rp-optional">{t('pub.form.optional')}</span>
        </h2>
        <ContactFields draft={draft} update={edit} errors={errors} />
      </section>
      <GoodFaithField checked={draft.goodFaith} onChange={(v) => edit('goodFaith', v)} error={errors.goodFaith} />
      {pow !== null && <PowProgress progress={pow} />}
      {(formError || (attempted && Object.keys(errors).length > 0)) && (
        <Banner kind="error" testId="report-error">
          {formError ?? t('pub.form.fixErrors')}
        </Banner>
      )}
      <button type="submit" className="rp-primary-button rp-submit" disabled={busy} data-testid="report-submit">
        {busy ? t(pow !== null ? 'pub.pow.solving' : 'pub.submitting') : t('pub.submit')}
      </button>
    </form>
  );
}
