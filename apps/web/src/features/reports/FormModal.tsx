import type { ReactNode } from 'react';
import { Form, Input, Modal, type FormInstance } from 'antd';
import { useT } from '../../i18n';
import { testId } from '../../lib/test-id';

interface Props<V> {
  title: string;
  okText: string;
  /** data-testid of the submit button */
  submitId: string;
  danger?: boolean;
  width?: number;
  pending: boolean;
  form: FormInstance<V>;
  initialValues?: Partial<V>;
  onFinish: (values: V) => void;
  onClose: () => void;
  children: ReactNode;
}

/** A dialog around one vertical form, submitted by its OK button. */
export function FormModal<V>({ title, okText, submitId, danger, width, pending, form, initialValues, onFinish, onClose, children }: Props<V>) {
  const t = useT();
  return (
    <Modal
      open
      width={width}
      title={title}
      okText={okText}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger, ...testId(submitId) }}
      confirmLoading={pending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<V> form={form} layout="vertical" onFinish={onFinish} initialValues={initialValues}>
        {children}
      </Form>
    </Modal>
  );
}

/** A required statement of reasons: it is written into the report's event log. */
export function ReasonItem({ name = 'reason', label, placeholder, rows = 3, testid }: { name?: string; label?: string; placeholder?: string; rows?: number; testid?: string }) {
  const t = useT();
  return (
    <Form.Item name={name} label={label ?? t('rpt.reason')} rules={[{ required: true, whitespace: true, min: 2, message: t('rpt.reasonRequired') }]}>
      <Input.TextArea rows={rows} maxLength={1000} showCount placeholder={placeholder} data-testid={testid ?? 'action-reason'} />
    </Form.Item>
  );
}
