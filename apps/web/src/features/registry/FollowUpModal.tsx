import { App, Form, Input, Radio } from 'antd';
import { useT } from '../../i18n';
import { useShowError } from '../../lib/use-show-error';
import { FormModal } from '../reports/FormModal';
import { useFollowUp, useRectificationProgress } from './registry.api';

interface FollowUpValues {
  result: 'rectified' | 'not_rectified';
  note: string;
}

/**
 * 复查 (`close`): was the item put right by its deadline? Or 整改进展 (`progress`): what the operator has
 * done so far; the item stays open.
 */
export function FollowUpModal({ rectificationId, description, mode, onClose }: { rectificationId: string; description: string; mode: 'close' | 'progress'; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  const [form] = Form.useForm<FollowUpValues>();
  const close = useFollowUp();
  const progress = useRectificationProgress();
  const done = (text: string) => ({ onSuccess: () => (void message.success(text), onClose()), onError: (err: unknown) => showError(err, form) });
  const finish = (v: FollowUpValues) =>
    mode === 'progress'
      ? progress.mutate({ id: rectificationId, body: { note: v.note.trim() } }, done(t('regRect.progressDone')))
      : close.mutate({ id: rectificationId, body: { result: v.result, note: v.note.trim() } }, done(t('regRect.followedUp')));
  return (
    <FormModal<FollowUpValues>
      title={t(mode === 'progress' ? 'regRect.progressTitle' : 'regRect.followUpTitle')}
      okText={t('common.save')}
      submitId={mode === 'progress' ? 'progress-submit' : 'followup-submit'}
      pending={close.isPending || progress.isPending}
      form={form}
      initialValues={{ result: 'rectified' }}
      onFinish={finish}
      onClose={onClose}
    >
      <p className="reg-text" style={{ marginTop: 0 }}>{description}</p>
      {mode === 'close' && (
        <Form.Item name="result" label={t('regRect.result')}>
          <Radio.Group
            options={[
              { value: 'rectified', label: t('regRect.rectified') },
              { value: 'not_rectified', label: t('regRect.not_rectified') },
            ]}
          />
        </Form.Item>
      )}
      {mode === 'close' ? (
        <Form.Item name="note" label={t('regRect.followUpNote')} rules={[{ required: true, whitespace: true, min: 2, message: t('regRect.followUpNoteRequired') }]}>
          <Input.TextArea rows={3} maxLength={2000} placeholder={t('regRect.followUpPlaceholder')} />
        </Form.Item>
      ) : (
        <Form.Item name="note" label={t('regRect.progressNote')} rules={[{ required: true, whitespace: true, min: 2, message: t('regRect.progressNoteRequired') }]}>
          <Input.TextArea rows={3} maxLength={2000} placeholder={t('regRect.progressPlaceholder')} data-testid="progress-note" />
        </Form.Item>
      )}
    </FormModal>
  );
}
