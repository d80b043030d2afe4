import { Form, Input } from 'antd';
import { useT } from '../i18n';

/** Optional reason for an edit; the server records it with the change in the audit log. */
export function ReasonField() {
  const t = useT();
  return (
    <Form.Item name="reason" label={t('common.reason')}>
      <Input.TextArea rows={2} maxLength={500} showCount placeholder={t('common.reasonPlaceholder')} />
    </Form.Item>
  );
}

/** Empty reasons are left out rather than sent as "". */
export function cleanReason(reason: string | undefined): string | undefined {
  const trimmed = reason?.trim();
  return trimmed ? trimmed : undefined;
}
