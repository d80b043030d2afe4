import { useNavigate } from 'react-router';
import { Button, Result } from 'antd';
import { useT } from '../i18n';

export function ConsoleNotFound() {
  const t = useT();
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title={t('notFound.title')}
      subTitle={t('notFound.body')}
      extra={<Button onClick={() => void navigate('/console')}>{t('comingSoon.back')}</Button>}
    />
  );
}
