import { useNavigate } from 'react-router';
import type { NotificationView } from '@tianlang/contracts';
import { useShowError } from '../../lib/use-show-error';
import { useMarkRead } from './notifications.api';

/** Opening a notification marks it read and follows its link when it points inside the app. */
export function useOpenNotification(after?: () => void) {
  const navigate = useNavigate();
  const markRead = useMarkRead();
  const showError = useShowError();
  return (item: NotificationView) => {
    if (item.readAt === null) markRead.mutate(item.id, { onError: (err) => showError(err) });
    if (item.link?.startsWith('/')) void navigate(item.link);
    after?.();
  };
}
