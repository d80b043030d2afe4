import { useEffect } from 'react';
import { Alert, Button, Flex } from 'antd';
import { useT } from '../../i18n';
import { ChangePasswordCard } from '../profile/ChangePasswordCard';
import { useSignOut } from '../shell/use-sign-out';

/**
 * Shown instead of the console while the user's password is one an administrator set (a new
 * account, a reset, the office's first admin). Once changed, the session refreshes and the console opens.
 */
export function MustChangePassword() {
  const t = useT();
  const { signOut } = useSignOut();

  useEffect(() => {
    document.title = `${t('login.mustChangeTitle')} · ${t('app.name')}`;
  }, [t]);

  return (
    <Flex justify="center" align="center" style={{ minHeight: '100vh', padding: 16, background: '#eef3f9' }} data-testid="must-change-password">
      <Flex vertical gap={16} style={{ width: 440, maxWidth: '100%' }}>
        <Alert type="info" showIcon title={t('login.mustChangeTitle')} description={t('login.mustChangeBody')} />
        <ChangePasswordCard />
        <Button type="link" onClick={() => void signOut()}>
          {t('login.mustChangeSignOut')}
        </Button>
      </Flex>
    </Flex>
  );
}
