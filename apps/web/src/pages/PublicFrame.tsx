import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../i18n';
import './public.css';

interface Props {
  children: ReactNode;
  /** `embed`: inside a platform's report dialog — no site navigation, no staff sign-in. */
  variant?: 'full' | 'embed';
}

export function PublicFrame({ children, variant = 'full' }: Props) {
  const { t, locale, setLocale } = useI18n();
  const other = locale === 'zh-CN' ? 'en' : 'zh-CN';
  const lang = (
    <button type="button" className="public-lang" onClick={() => setLocale(other)} lang={other}>
      {t(`lang.${other}`)}
    </button>
  );
  if (variant === 'embed') {
    return (
      <div className="public public-embed">
        <header className="public-top">
          <span className="public-brand">{t('pub.embed.title')}</span>
          <nav className="public-nav">{lang}</nav>
        </header>
        <main className="public-main">{children}</main>
      </div>
    );
  }
  return (
    <div className="public">
      <header className="public-top">
        <Link to="/" className="public-brand public-link">
          {t('app.name')}
        </Link>
        <nav className="public-nav">
          {lang}
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
