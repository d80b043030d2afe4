import { Alert, App, Form, Input, Modal } from 'antd';
import type { PatrolItemView } from '@tianlang/contracts';
import { useT } from '../../i18n';
import { errorText } from '../../lib/errors';
import { isApiError } from '../../lib/api';
import { testId } from '../../lib/test-id';
import { useShowError } from '../../lib/use-show-error';
import { useReviewItem } from './patrol.api';

export type Decision = 'confirm' | 'dismiss';

interface Props {
  item: PatrolItemView;
  decision: Decision;
  /** Hits chosen one by one; empty means every pending hit of the item. */
  hitIds: string[];
  onClose: () => void;
  /** Called with the item as it is after the decision, or null when someone else decided it first. */
  onDone: (after: PatrolItemView | null) => void;
}

/** A decision always carries a reason: it goes into the item's record and the rule's statistics. */
export function ReviewModal({ item, decision, hitIds, onClose, onDone }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  const [form] = Form.useForm<{ reason: string }>();
  const review = useReviewItem();
  const pending = item.hits.filter((h) => h.status === 'pending').length;
  const confirm = decision === 'confirm';

  const onFinish = ({ reason }: { reason: string }) =>
    review.mutate(
      { id: item.id, input: { decision, reason: reason.trim(), hitIds: hitIds.length > 0 ? hitIds : undefined } },
      {
        onSuccess: (after) => {
          void message.success(t(confirm ? 'review.confirmed' : 'review.dismissed'));
          onDone(after);
        },
        onError: (err) => {
          if (isApiError(err, 'patrol.already_reviewed')) {
            void message.warning(errorText(t, err));
            onDone(null);
          } else showError(err, form);
        },
      },
    );

  return (
    <Modal
      open
      title={t(confirm ? 'review.confirmTitle' : 'review.dismissTitle')}
      okText={t(confirm ? 'queue.confirm' : 'queue.dismiss')}
      okButtonProps={{ danger: confirm, ...testId('patrol-review-submit') }}
      cancelText={t('common.cancel')}
      confirmLoading={review.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Alert
        type={confirm ? 'warning' : 'info'}
        showIcon
        style={{ marginBottom: 16 }}
        title={hitIds.length > 0 ? t('review.scopeSome', { count: hitIds.length, rest: pending - hitIds.length }) : t('review.scopeAll', { count: pending })}
      />
      <Form form={form} layout="vertical" onFinish={onFinish} data-testid="patrol-review-form">
        <Form.Item name="reason" label={t('review.reason')} rules={[{ required: true, whitespace: true, message: t('review.reasonRequired') }]}>
          <Input.TextArea
            rows={3}
            maxLength={500}
            showCount
            autoFocus
            placeholder={t(confirm ? 'review.confirmPlaceholder' : 'review.dismissPlaceholder')}
            data-testid="patrol-review-reason"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
