import { useEffect, type ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { Button, Flex, Result, Spin } from 'antd';
import { useI18n } from '../../i18n';
import { isApiError } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { useSession } from '../../lib/session';
import { MustChangePassword } from '../auth/MustChangePassword';

/** Renders the console only for a signed-in user, and applies that user's language preference. */
export function RequireSession({ children }: { children: ReactNode }) {
  const { t, setLocale } = useI18n();
  const location = useLocation();
  const session = useSession();
  const serverLocale = session.data?.user.locale;

  useEffect(() => {
    if (serverLocale) setLocale(serverLocale);
  }, [serverLocale, setLocale]);

  // the server opens nothing else until an admin-set password is changed
  if (session.data?.user.mustChangePassword) return <MustChangePassword />;
  if (session.data) return <>{children}</>;
  if (session.isPending) {
    return (
      <Flex justify="center" align="center" style={{ minHeight: '100vh' }}>
        <Spin size="large" />
      </Flex>
    );
  }
  if (isApiError(session.error) && session.error.status === 401) {
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/login?next=${next}`} replace />;
  }
  return (
    <Result
      status="error"
      title={errorText(t, session.error)}
      extra={<Button onClick={() => void session.refetch()}>{t('common.retry')}</Button>}
    />
  );
}
