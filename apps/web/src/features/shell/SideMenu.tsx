import { useEffect, useState } from 'react';
import { Menu, type MenuProps } from 'antd';
import { useLocation, useNavigate } from 'react-router';
import { useT } from '../../i18n';
import { useCan } from '../../lib/session';
import { ADMIN_PAGES, CASEWORK_MODULES, consolePath, type ModuleEntry } from './modules';

type Item = Required<MenuProps>['items'][number];

const submenuKey = (m: ModuleEntry) => `module:${m.key}`;

export function SideMenu() {
  const t = useT();
  const can = useCan();
  const navigate = useNavigate();
  const { pathname } = useLocation();

  const moduleItems: Item[] = CASEWORK_MODULES.flatMap((m): Item[] => {
    if (!m.pages) return [{ key: consolePath.module(m.key), label: t(m.label) }];
    const pages = m.pages.filter((p) => can(p.permission));
    if (pages.length === 0) return [];
    return [{ key: submenuKey(m), label: t(m.label), children: pages.map((p) => ({ key: consolePath.module(m.key, p.path), label: t(p.label) })) }];
  });
  const adminItems: Item[] = ADMIN_PAGES.filter((p) => can(p.permission)).map((p) => ({
    key: consolePath.admin(p.key),
    label: t(p.label),
  }));
  const items: Item[] = [
    { key: consolePath.home, label: t('nav.home') },
    ...moduleItems,
    ...(adminItems.length > 0 ? [{ type: 'group' as const, key: 'admin', label: t('nav.admin'), children: adminItems }] : []),
  ];

  // The deepest menu path that prefixes the current location is the selected entry.
  const keys = [
    consolePath.home,
    ...CASEWORK_MODULES.flatMap((m) => (m.pages ? m.pages.map((p) => consolePath.module(m.key, p.path)) : [consolePath.module(m.key)])),
    ...ADMIN_PAGES.map((p) => consolePath.admin(p.key)),
  ];
  const selected = keys.filter((k) => pathname === k || pathname.startsWith(`${k}/`)).sort((a, b) => b.length - a.length)[0];

  // The submenu of the module in view opens by itself, also when reached by a link rather than the menu.
  const current = CASEWORK_MODULES.find((m) => m.pages && (pathname === consolePath.module(m.key) || pathname.startsWith(`${consolePath.module(m.key)}/`)));
  const [openKeys, setOpenKeys] = useState<string[]>(current ? [submenuKey(current)] : []);
  useEffect(() => {
    if (current) setOpenKeys((keys) => (keys.includes(submenuKey(current)) ? keys : [...keys, submenuKey(current)]));
  }, [current]);

  return (
    <nav data-testid="console-menu" aria-label={t('app.name')}>
      <Menu
        theme="dark"
        mode="inline"
        items={items}
        selectedKeys={selected ? [selected] : []}
        openKeys={openKeys}
        onOpenChange={setOpenKeys}
        onClick={({ key }) => void navigate(key)}
      />
    </nav>
  );
}
