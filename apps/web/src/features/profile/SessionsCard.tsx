import { Button, Card, Typography } from 'antd';
import { useT } from '../../i18n';
import { useSignOut } from '../shell/use-sign-out';

export function SessionsCard() {
  const t = useT();
  const { signOutEverywhere } = useSignOut();
  return (
    <Card title={t('profile.security')}>
      <Typography.Paragraph type="secondary">{t('profile.logoutAllHint')}</Typography.Paragraph>
      <Button danger onClick={signOutEverywhere} data-testid="profile-logout-all">
        {t('header.logoutAll')}
      </Button>
    </Card>
  );
}
