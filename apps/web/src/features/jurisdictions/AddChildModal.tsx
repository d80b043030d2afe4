import { App, Form, Input, InputNumber, Modal } from 'antd';
import type { JurisdictionLevel, JurisdictionView } from '@tianlang/contracts';
import { useT } from '../../i18n';
import { useShowError } from '../../lib/use-show-error';
import { useCreateJurisdiction } from './jurisdictions.api';
import { jurisdictionCodeRule } from './rules';

interface Props {
  parent: JurisdictionView;
  level: JurisdictionLevel;
  onClose: () => void;
  onCreated: (id: string) => void;
}

interface Values {
  name: string;
  code: string;
  sort: number;
}

export function AddChildModal({ parent, level, onClose, onCreated }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  const [form] = Form.useForm<Values>();
  const create = useCreateJurisdiction();

  const onFinish = (values: Values) =>
    create.mutate(
      { parentId: parent.id, name: values.name.trim(), code: values.code.trim(), sort: values.sort ?? 0 },
      {
        onSuccess: (created) => {
          void message.success(t('common.created'));
          form.resetFields();
          onCreated(created.id);
        },
        onError: (err) => showError(err, form),
      },
    );

  return (
    <Modal
      open
      title={t('jur.addChildTitle', { parent: parent.name, level: t(`level.${level}`) })}
      okText={t('common.create')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <Form form={form} layout="vertical" initialValues={{ sort: 0 }} onFinish={onFinish}>
        <Form.Item name="name" label={t('jur.name')} rules={[{ required: true, whitespace: true, max: 60, message: t('common.required') }]}>
          <Input maxLength={60} autoFocus />
        </Form.Item>
        <Form.Item name="code" label={t('jur.code')} extra={t('jur.codeRule')} rules={[jurisdictionCodeRule(t)]}>
          <Input maxLength={12} />
        </Form.Item>
        <Form.Item name="sort" label={t('common.sort')}>
          <InputNumber min={0} max={100000} precision={0} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
