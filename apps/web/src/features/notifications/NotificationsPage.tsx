import { useState } from 'react';
import { App, Badge, Button, Card, Flex, Segmented, Table, Typography } from 'antd';
import type { NotificationView } from '@tianlang/contracts';
import { useT } from '../../i18n';
import { PageHeader } from '../../components/PageHeader';
import { formatDateTime } from '../../lib/format';
import { useShowError } from '../../lib/use-show-error';
import { useMarkAllRead, useMarkRead, useNotifications } from './notifications.api';
import { useOpenNotification } from './use-open-notification';

const PAGE_SIZE = 20;

export function NotificationsPage() {
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [page, setPage] = useState(1);
  const list = useNotifications({ unread: unreadOnly, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const open = useOpenNotification();

  const onMarkAll = () =>
    markAll.mutate(undefined, { onSuccess: () => void message.success(t('notif.allRead')), onError: (e) => showError(e) });

  return (
    <>
      <PageHeader
        title={t('notif.title')}
        extra={
          <Button onClick={onMarkAll} loading={markAll.isPending}>
            {t('notif.markAllRead')}
          </Button>
        }
      />
      <Card>
        <Segmented
          style={{ marginBottom: 16 }}
          value={unreadOnly ? 'unread' : 'all'}
          onChange={(v) => {
            setUnreadOnly(v === 'unread');
            setPage(1);
          }}
          options={[
            { value: 'all', label: t('common.all') },
            { value: 'unread', label: t('notif.unreadOnly') },
          ]}
        />
        <div data-testid="notifications-table">
          <Table<NotificationView>
            rowKey="id"
            loading={list.isFetching}
            dataSource={list.data?.items}
            locale={{ emptyText: t('notif.empty') }}
            pagination={{
              current: page,
              pageSize: PAGE_SIZE,
              total: list.data?.total,
              onChange: setPage,
              showTotal: (total) => t('common.total', { total }),
            }}
            columns={[
              {
                key: 'status',
                width: 90,
                render: (_, n) => (n.readAt ? <Badge status="default" text={t('notif.read')} /> : <Badge status="processing" text={t('notif.unread')} />),
              },
              {
                key: 'content',
                title: t('notif.title'),
                render: (_, n) => (
                  <Flex vertical>
                    <Typography.Text strong={!n.readAt}>{n.title}</Typography.Text>
                    <Typography.Text type="secondary">{n.body}</Typography.Text>
                  </Flex>
                ),
              },
              { key: 'time', width: 170, render: (_, n) => formatDateTime(n.createdAt) },
              {
                key: 'actions',
                width: 180,
                render: (_, n) => (
                  <Flex gap={4}>
                    {n.link?.startsWith('/') && (
                      <Button size="small" type="link" onClick={() => open(n)}>
                        {t('notif.open')}
                      </Button>
                    )}
                    {!n.readAt && (
                      <Button size="small" type="link" onClick={() => markRead.mutate(n.id, { onError: (e) => showError(e) })}>
                        {t('notif.markRead')}
                      </Button>
                    )}
                  </Flex>
                ),
              },
            ]}
          />
        </div>
      </Card>
    </>
  );
}
