import { useEffect } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { Button, Card, Flex, Typography } from 'antd';
import type { SessionView } from '@tianlang/contracts';
import { useI18n } from '../i18n';
import { AppProviders } from '../components/AppProviders';
import { LoginForm } from '../features/auth/LoginForm';
import { useSession, useStoreSession } from '../lib/session';

/** Only console paths are accepted as a return target, so a crafted link cannot send users elsewhere. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/console') ? next : '/console';
}

function LoginScreen() {
  const { t, locale, setLocale } = useI18n();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const session = useSession();
  const storeSession = useStoreSession();
  const other = locale === 'zh-CN' ? 'en' : 'zh-CN';

  useEffect(() => {
    document.title = `${t('login.title')} · ${t('app.name')}`;
  }, [t]);

  if (session.data) return <Navigate to={next} replace />;

  const onSignedIn = (s: SessionView) => {
    storeSession(s);
    setLocale(s.user.locale);
    void navigate(next, { replace: true });
  };

  return (
    <Flex justify="center" align="center" style={{ minHeight: '100vh', padding: 16, background: '#eef3f9' }}>
      <Card style={{ width: 400, maxWidth: '100%' }}>
        <Flex vertical gap={4} style={{ marginBottom: 20 }}>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('login.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('login.subtitle')}</Typography.Text>
        </Flex>
        <LoginForm onSignedIn={onSignedIn} />
        <Flex justify="space-between" style={{ marginTop: 16 }}>
          <Link to="/">{t('login.backHome')}</Link>
          <Button type="link" size="small" onClick={() => setLocale(other)} style={{ padding: 0 }}>
            {t(`lang.${other}`)}
          </Button>
        </Flex>
      </Card>
    </Flex>
  );
}

export function LoginPage() {
  return (
    <AppProviders>
      <LoginScreen />
    </AppProviders>
  );
}
