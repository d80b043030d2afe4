import { Link } from 'react-router';
import { Card, Empty } from 'antd';
import { useT } from '../../i18n';
import { NotificationItem } from '../notifications/NotificationItem';
import { useNotifications, useUnreadCount } from '../notifications/notifications.api';
import { useOpenNotification } from '../notifications/use-open-notification';
import { consolePath } from '../shell/modules';

export function UnreadCard() {
  const t = useT();
  const unread = useUnreadCount().data?.unread;
  const list = useNotifications({ unread: true, limit: 5, offset: 0 });
  const open = useOpenNotification();
  const items = list.data?.items ?? [];

  return (
    <Card
      title={unread ? `${t('home.unread')} (${unread})` : t('home.unread')}
      extra={<Link to={consolePath.notifications}>{t('header.viewAll')}</Link>}
      loading={list.isPending}
      style={{ height: '100%' }}
      styles={{ body: { padding: items.length ? 0 : undefined } }}
      data-testid="home-unread"
    >
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('home.unreadNone')} />
      ) : (
        items.map((item) => <NotificationItem key={item.id} item={item} onOpen={open} />)
      )}
    </Card>
  );
}
