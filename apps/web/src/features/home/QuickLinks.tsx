import { useNavigate } from 'react-router';
import { Button, Card, Flex } from 'antd';
import { useT, type MessageKey } from '../../i18n';
import { useCan } from '../../lib/session';
import { ADMIN_PAGES, CASEWORK_MODULES, consolePath } from '../shell/modules';

/** Shortcuts to pages that exist and that this user may open. */
export function QuickLinks() {
  const t = useT();
  const can = useCan();
  const navigate = useNavigate();
  const links: { to: string; label: MessageKey }[] = [
    { to: consolePath.profile, label: 'nav.profile' },
    { to: consolePath.notifications, label: 'nav.notifications' },
    ...CASEWORK_MODULES.flatMap((m) => (m.pages ?? []).filter((p) => can(p.permission)).map((p) => ({ to: consolePath.module(m.key, p.path), label: p.label }))),
    ...ADMIN_PAGES.filter((p) => can(p.permission)).map((p) => ({ to: consolePath.admin(p.key), label: p.label })),
  ];
  return (
    <Card title={t('home.quickLinks')}>
      <Flex wrap gap={12}>
        {links.map((l) => (
          <Button key={l.to} onClick={() => void navigate(l.to)}>
            {t(l.label)}
          </Button>
        ))}
      </Flex>
    </Card>
  );
}
