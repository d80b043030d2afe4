import { useEffect } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../i18n';
import { PublicFrame } from './PublicFrame';

/** The public front page. Plain markup on purpose: no console code loads here. */
export function LandingPage() {
  const { t } = useI18n();
  useEffect(() => {
    document.title = t('landing.title');
  }, [t]);

  return (
    <PublicFrame>
      <h1>{t('landing.title')}</h1>
      <p className="public-tagline">{t('landing.tagline')}</p>
      <p className="public-intro">{t('landing.intro')}</p>
      <section className="public-card" aria-labelledby="report-entry">
        <h2 id="report-entry">{t('landing.reportTitle')}</h2>
        <p>{t('landing.reportBody')}</p>
        <div className="public-entries">
          <Link className="public-entry public-entry-primary" to="/report" data-testid="landing-report">
            <span className="public-entry-title">{t('pub.landing.reportCta')}</span>
            <span className="public-entry-hint">{t('pub.landing.reportCtaHint')}</span>
          </Link>
          <Link className="public-entry" to="/report/status" data-testid="landing-status">
            <span className="public-entry-title">{t('pub.landing.statusCta')}</span>
            <span className="public-entry-hint">{t('pub.landing.statusCtaHint')}</span>
          </Link>
        </div>
      </section>
      <p>
        <Link className="public-link" to="/transparency" data-testid="landing-transparency">{t('pubT.link')}</Link>
      </p>
      <Link className="public-button public-button-quiet" to="/login" data-testid="landing-login">
        {t('landing.staffLogin')}
      </Link>
    </PublicFrame>
  );
}
