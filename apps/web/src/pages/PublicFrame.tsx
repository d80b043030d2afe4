import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../i18n';
import './public.css';

export function PublicFrame({ children }: { children: ReactNode }) {
  const { t, locale, setLocale } = useI18n();
  const other = locale === 'zh-CN' ? 'en' : 'zh-CN';
  return (
    <div className="public">
      <header className="public-top">
        <Link to="/" className="public-brand public-link">
          {t('app.name')}
        </Link>
        <nav className="public-nav">
          <button type="button" className="public-lang" onClick={() => setLocale(other)} lang={other}>
            {t(`lang.${other}`)}
          </button>
          <Link className="public-link" to="/login">
            {t('landing.staffLogin')}
          </Link>
        </nav>
      </header>
      <main className="public-main">{children}</main>
      <footer className="public-footer">{t('landing.footer')}</footer>
    </div>
  );
}
