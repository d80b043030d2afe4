import type { ReactNode } from 'react';
import { Result } from 'antd';
import type { Permission } from '@tianlang/contracts';
import { useT } from '../../i18n';
import { useCan } from '../../lib/session';

export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const t = useT();
  const can = useCan();
  if (!can(permission)) return <Result status="403" title={t('forbidden.title')} subTitle={t('forbidden.body')} />;
  return <>{children}</>;
}
