import { useNavigate } from 'react-router';
import { Button, Result } from 'antd';
import { useT, type MessageKey } from '../i18n';

/** The honest placeholder for casework modules that are not built yet. */
export function ComingSoonPage({ label }: { label: MessageKey }) {
  const t = useT();
  const navigate = useNavigate();
  const module = t(label);
  return (
    <Result
      status="info"
      title={<span data-testid="coming-soon-title">{t('comingSoon.title', { module })}</span>}
      subTitle={t('comingSoon.body', { module })}
      extra={
        <Button type="primary" onClick={() => void navigate('/console')}>
          {t('comingSoon.back')}
        </Button>
      }
    />
  );
}
