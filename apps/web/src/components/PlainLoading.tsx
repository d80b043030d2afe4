import { useT } from '../i18n';

/** Shown while a lazy chunk loads; plain markup so it costs nothing on the public page. */
export function PlainLoading() {
  const t = useT();
  return (
    <div className="plain-loading" role="status" aria-live="polite">
      {t('common.loading')}
    </div>
  );
}
