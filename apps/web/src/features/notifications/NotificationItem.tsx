import { Badge, Flex, Typography } from 'antd';
import type { NotificationView } from '@tianlang/contracts';
import { formatDateTime } from '../../lib/format';

interface Props {
  item: NotificationView;
  onOpen: (item: NotificationView) => void;
}

export function NotificationItem({ item, onOpen }: Props) {
  const unread = item.readAt === null;
  return (
    <Flex
      vertical
      gap={2}
      role="button"
      tabIndex={0}
      onClick={() => onOpen(item)}
      onKeyDown={(e) => e.key === 'Enter' && onOpen(item)}
      style={{ padding: '8px 12px', cursor: 'pointer', borderBottom: '1px solid #f0f0f0' }}
      data-testid="notification-item"
    >
      <Flex gap={6} align="center">
        {unread && <Badge status="processing" />}
        <Typography.Text strong={unread} ellipsis style={{ flex: 1 }}>
          {item.title}
        </Typography.Text>
      </Flex>
      <Typography.Text type="secondary" ellipsis style={{ fontSize: 12 }}>
        {item.body}
      </Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {formatDateTime(item.createdAt)}
      </Typography.Text>
    </Flex>
  );
}
