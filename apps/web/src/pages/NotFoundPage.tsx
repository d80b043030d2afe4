import { Link } from 'react-router';
import { useT } from '../i18n';
import { PublicFrame } from './PublicFrame';

export function NotFoundPage() {
  const t = useT();
  return (
    <PublicFrame>
      <h1>{t('notFound.title')}</h1>
      <p className="public-intro">{t('notFound.body')}</p>
      <Link className="public-button" to="/">
        {t('notFound.back')}
      </Link>
    </PublicFrame>
  );
}
