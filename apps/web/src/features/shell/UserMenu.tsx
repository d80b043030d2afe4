import { useNavigate } from 'react-router';
import { Avatar, Button, Dropdown, Flex } from 'antd';
import { useT } from '../../i18n';
import { useMe } from '../../lib/session';
import { consolePath } from './modules';
import { useSignOut } from './use-sign-out';

export function UserMenu() {
  const t = useT();
  const me = useMe();
  const navigate = useNavigate();
  const { signOut, signOutEverywhere } = useSignOut();

  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          { key: 'profile', label: t('header.profile') },
          { type: 'divider' },
          { key: 'logout', label: t('header.logout') },
          { key: 'logout-all', label: t('header.logoutAll'), danger: true },
        ],
        onClick: ({ key }) => {
          if (key === 'profile') void navigate(consolePath.profile);
          else if (key === 'logout') void signOut();
          else if (key === 'logout-all') signOutEverywhere();
        },
      }}
    >
      <Button type="text" data-testid="header-user-menu" style={{ height: 40 }}>
        <Flex align="center" gap={8}>
          <Avatar size="small" style={{ background: '#1f4e8c' }}>
            {me.displayName.slice(0, 1)}
          </Avatar>
          <span data-testid="header-user">{me.displayName}</span>
        </Flex>
      </Button>
    </Dropdown>
  );
}
