import { useT } from '../../i18n';

/** Shown while the browser solves the proof of work the server asked for. */
export function PowProgress({ progress }: { progress: number }) {
  const t = useT();
  const percent = Math.round(progress * 100);
  return (
    <div className="rp-pow" role="status" aria-live="polite" data-testid="report-pow">
      <div className="rp-pow-title">
        <span className="rp-spinner" aria-hidden="true" />
        {t('pub.pow.solving')}
        <span className="rp-muted">{percent}%</span>
      </div>
      <div className="rp-progress" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} aria-label={t('pub.pow.solving')}>
        <div className="rp-progress-bar" style={{ width: `${percent}%` }} />
      </div>
      <p className="rp-hint">{t('pub.pow.hint')}</p>
    </div>
  );
}
