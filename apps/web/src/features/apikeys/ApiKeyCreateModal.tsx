import { Checkbox, Form, Input, Modal } from 'antd';
import type { ApiKeyScope, UnitKind } from '@tianlang/contracts';
import { useT } from '../../i18n';
import { useShowError } from '../../lib/use-show-error';
import { KEY_SCOPES } from '../patrol/enums';
import { UnitSelect } from '../users/UnitSelect';
import { useCreateApiKey, type ApiKeyCreated } from './apikeys.api';

interface Values {
  unitId: string;
  name: string;
  scopes: ApiKeyScope[];
}

/** Keys are for systems that push data: platforms, partner departments and offices, not alliance members. */
const KEY_UNIT_KINDS: readonly UnitKind[] = ['office', 'department', 'platform'];

export function ApiKeyCreateModal({ onClose, onCreated }: { onClose: () => void; onCreated: (key: ApiKeyCreated) => void }) {
  const t = useT();
  const showError = useShowError();
  const [form] = Form.useForm<Values>();
  const create = useCreateApiKey();
  const onFinish = (v: Values) =>
    create.mutate({ unitId: v.unitId, name: v.name.trim(), scopes: v.scopes }, { onSuccess: onCreated, onError: (err) => showError(err, form) });
  return (
    <Modal
      open
      title={t('key.create')}
      okText={t('common.create')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <Form form={form} layout="vertical" onFinish={onFinish} initialValues={{ scopes: ['patrol.push'] }} data-testid="apikey-form">
        <Form.Item name="unitId" label={t('key.unit')} extra={t('key.unitHint')} rules={[{ required: true, message: t('common.required') }]}>
          <UnitSelect kinds={KEY_UNIT_KINDS} />
        </Form.Item>
        <Form.Item name="name" label={t('key.name')} extra={t('key.nameHint')} rules={[{ required: true, whitespace: true, max: 60, message: t('common.required') }]}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="scopes" label={t('key.scopes')} rules={[{ required: true, type: 'array', min: 1, message: t('key.scopesRequired') }]}>
          <Checkbox.Group options={KEY_SCOPES.map((s) => ({ value: s, label: t(`keyScope.${s}`) }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
