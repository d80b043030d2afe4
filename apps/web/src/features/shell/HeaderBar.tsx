import { Flex, Typography } from 'antd';
import type { MeView } from '@tianlang/contracts';
import { useMe } from '../../lib/session';
import { LanguageSwitch } from './LanguageSwitch';
import { NotificationBell } from './NotificationBell';
import { UserMenu } from './UserMenu';

/** "示范市 / 东湖区 · 东湖区网信办": where the user works, always in view. */
export function workplaceLabel(me: MeView): string {
  return `${me.jurisdiction.pathNames.join(' / ')} · ${me.unit.name}`;
}

export function HeaderBar() {
  const me = useMe();
  return (
    <Flex align="center" justify="space-between" style={{ height: '100%' }} gap={16}>
      <Typography.Text type="secondary" ellipsis data-testid="header-context">
        {workplaceLabel(me)}
      </Typography.Text>
      <Flex align="center" gap={4}>
        <NotificationBell />
        <LanguageSwitch />
        <UserMenu />
      </Flex>
    </Flex>
  );
}
