import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Flex, Typography } from 'antd';
import { isMessageKey, useT } from '../../i18n';
import { authApi } from './auth.api';

interface Props {
  onPick: (username: string) => void;
}

/** Demo accounts, shown only when the server says this is a demo installation. */
export function DemoHint({ onPick }: Props) {
  const t = useT();
  const { data } = useQuery({ queryKey: ['demo-hint'], queryFn: authApi.demoHint, retry: false, staleTime: Infinity });
  if (!data?.enabled || !data.users?.length) return null;

  const roleLabel = (role: string) => {
    const key = `roleName.${role}`;
    return isMessageKey(key) ? t(key) : role;
  };

  return (
    <Alert
      type="info"
      showIcon
      title={t('login.demoTitle')}
      data-testid="demo-hint"
      description={
        <Flex vertical gap={6}>
          <Typography.Text type="secondary">{t('login.demoBody')}</Typography.Text>
          <Flex wrap gap={4}>
            {data.users.map((u) => (
              <Button key={u.username} size="small" onClick={() => onPick(u.username)}>
                {u.username} · {roleLabel(u.role)}
              </Button>
            ))}
          </Flex>
        </Flex>
      }
    />
  );
}
