import { Menu, type MenuProps } from 'antd';
import { useLocation, useNavigate } from 'react-router';
import { useT } from '../../i18n';
import { useCan } from '../../lib/session';
import { ADMIN_PAGES, CASEWORK_MODULES, consolePath } from './modules';

type Item = Required<MenuProps>['items'][number];

export function SideMenu() {
  const t = useT();
  const can = useCan();
  const navigate = useNavigate();
  const { pathname } = useLocation();

  const adminItems: Item[] = ADMIN_PAGES.filter((p) => can(p.permission)).map((p) => ({
    key: consolePath.admin(p.key),
    label: t(p.label),
  }));
  const items: Item[] = [
    { key: consolePath.home, label: t('nav.home') },
    ...CASEWORK_MODULES.map((m) => ({ key: consolePath.module(m.key), label: t(m.label) })),
    ...(adminItems.length > 0 ? [{ type: 'group' as const, key: 'admin', label: t('nav.admin'), children: adminItems }] : []),
  ];

  // The deepest menu path that prefixes the current location is the selected entry.
  const keys = [consolePath.home, ...CASEWORK_MODULES.map((m) => consolePath.module(m.key)), ...ADMIN_PAGES.map((p) => consolePath.admin(p.key))];
  const selected = keys.filter((k) => pathname === k || pathname.startsWith(`${k}/`)).sort((a, b) => b.length - a.length)[0];

  return (
    <nav data-testid="console-menu" aria-label={t('app.name')}>
      <Menu
        theme="dark"
        mode="inline"
        items={items}
        selectedKeys={selected ? [selected] : []}
        onClick={({ key }) => void navigate(key)}
      />
    </nav>
  );
}
