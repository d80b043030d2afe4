import { App, Form, Input, Modal } from 'antd';
import { useT } from '../../i18n';
import { useShowError } from '../../lib/use-show-error';
import { useCreateTerm } from './terms.api';

interface Values {
  wrong: string;
  right: string;
  note?: string;
}

export function TermFormModal({ onClose }: { onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  const [form] = Form.useForm<Values>();
  const create = useCreateTerm();
  const onFinish = (v: Values) =>
    create.mutate(
      { wrong: v.wrong.trim(), right: v.right.trim(), note: v.note?.trim() || undefined },
      {
        onSuccess: () => {
          void message.success(t('common.created'));
          onClose();
        },
        onError: (err) => showError(err, form),
      },
    );
  return (
    <Modal
      open
      title={t('terms.addTitle')}
      okText={t('common.create')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <Form form={form} layout="vertical" onFinish={onFinish} data-testid="term-form">
        <Form.Item name="wrong" label={t('terms.wrong')} extra={t('terms.wrongHint')} rules={[{ required: true, whitespace: true, max: 60, message: t('common.required') }]}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="right" label={t('terms.right')} rules={[{ required: true, whitespace: true, max: 60, message: t('common.required') }]}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="note" label={t('terms.note')}>
          <Input.TextArea rows={2} maxLength={200} placeholder={t('terms.notePlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
