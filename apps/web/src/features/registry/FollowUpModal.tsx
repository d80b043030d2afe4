import { App, Form, Input, Radio } from 'antd';
import { useT } from '../../i18n';
import { useShowError } from '../../lib/use-show-error';
import { FormModal } from '../reports/FormModal';
import { useFollowUp } from './registry.api';

interface FollowUpValues {
  result: 'rectified' | 'not_rectified';
  note: string;
}

/** 复查: was the item put right by its deadline? */
export function FollowUpModal({ rectificationId, description, onClose }: { rectificationId: string; description: string; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  const [form] = Form.useForm<FollowUpValues>();
  const run = useFollowUp();
  const finish = (v: FollowUpValues) =>
    run.mutate(
      { id: rectificationId, body: { result: v.result, note: v.note.trim() } },
      { onSuccess: () => (void message.success(t('regRect.followedUp')), onClose()), onError: (err) => showError(err, form) },
    );
  return (
    <FormModal<FollowUpValues>
      title={t('regRect.followUpTitle')}
      okText={t('common.save')}
      submitId="followup-submit"
      pending={run.isPending}
      form={form}
      initialValues={{ result: 'rectified' }}
      onFinish={finish}
      onClose={onClose}
    >
      <p className="reg-text" style={{ marginTop: 0 }}>{description}</p>
      <Form.Item name="result" label={t('regRect.result')}>
        <Radio.Group
          options={[
            { value: 'rectified', label: t('regRect.rectified') },
            { value: 'not_rectified', label: t('regRect.not_rectified') },
          ]}
        />
      </Form.Item>
      <Form.Item name="note" label={t('regRect.followUpNote')} rules={[{ required: true, whitespace: true, min: 2, message: t('regRect.followUpNoteRequired') }]}>
        <Input.TextArea rows={3} maxLength={2000} placeholder={t('regRect.followUpPlaceholder')} />
      </Form.Item>
    </FormModal>
  );
}
