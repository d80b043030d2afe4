import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Badge, Button, Card, Dropdown, Empty, Flex, Spin } from 'antd';
import { useT } from '../../i18n';
import { BellIcon } from '../../components/icons';
import { useShowError } from '../../lib/use-show-error';
import { NotificationItem } from '../notifications/NotificationItem';
import { useMarkAllRead, useNotifications, useUnreadCount } from '../notifications/notifications.api';
import { useOpenNotification } from '../notifications/use-open-notification';
import { consolePath } from './modules';

function NotificationPanel({ close }: { close: () => void }) {
  const t = useT();
  const navigate = useNavigate();
  const showError = useShowError();
  const list = useNotifications({ limit: 8, offset: 0 });
  const markAll = useMarkAllRead();
  const open = useOpenNotification(close);
  const items = list.data?.items ?? [];

  return (
    <Card
      size="small"
      title={t('header.notifications')}
      style={{ width: 340 }}
      styles={{ body: { padding: 0, maxHeight: 400, overflowY: 'auto' } }}
      extra={
        <Button type="link" size="small" loading={markAll.isPending} onClick={() => markAll.mutate(undefined, { onError: (e) => showError(e) })}>
          {t('header.markAllRead')}
        </Button>
      }
      actions={[
        <Button key="all" type="link" size="small" onClick={() => { close(); void navigate(consolePath.notifications); }}>
          {t('header.viewAll')}
        </Button>,
      ]}
    >
      {list.isPending ? (
        <Flex justify="center" style={{ padding: 24 }}><Spin /></Flex>
      ) : items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('header.noNotifications')} />
      ) : (
        items.map((item) => <NotificationItem key={item.id} item={item} onOpen={open} />)
      )}
    </Card>
  );
}

export function NotificationBell() {
  const t = useT();
  const [open, setOpen] = useState(false);
  const unread = useUnreadCount().data?.unread ?? 0;
  return (
    <Dropdown open={open} onOpenChange={setOpen} trigger={['click']} placement="bottomRight" popupRender={() => <NotificationPanel close={() => setOpen(false)} />}>
      <Button type="text" aria-label={t('header.notifications')} data-testid="header-notifications">
        <Badge count={unread} size="small" overflowCount={99} data-testid="header-unread-count">
          <BellIcon />
        </Badge>
      </Button>
    </Dropdown>
  );
}
