import { App, Form, Input, Modal, Select } from 'antd';
import type { UserView } from '@tianlang/contracts';
import { useT } from '../../i18n';
import { cleanReason, ReasonField } from '../../components/ReasonField';
import { useShowError } from '../../lib/use-show-error';
import { useRoles } from '../roles/roles.api';
import { confirmPasswordRules, passwordRule, usernameRule } from './rules';
import { UnitSelect } from './UnitSelect';
import { useCreateUser, useUpdateUser } from './users.api';

interface Values {
  username: string;
  displayName: string;
  unitId: string;
  roles: string[];
  password: string;
  confirm: string;
  reason?: string;
}

/** Create (user = null) or edit a user. Username and password are set only at creation. */
export function UserFormModal({ user, onClose }: { user: UserView | null; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  const roles = useRoles();
  const [form] = Form.useForm<Values>();
  const create = useCreateUser();
  const update = useUpdateUser();
  const onError = (err: unknown) => showError(err, form);
  const done = (text: string) => () => {
    void message.success(text);
    onClose();
  };

  const onFinish = (v: Values) => {
    if (user) {
      const input = { displayName: v.displayName.trim(), unitId: v.unitId, roles: v.roles, reason: cleanReason(v.reason) };
      update.mutate({ id: user.id, input }, { onSuccess: done(t('common.saved')), onError });
    } else {
      const input = { username: v.username.trim(), displayName: v.displayName.trim(), unitId: v.unitId, roles: v.roles, password: v.password };
      create.mutate(input, { onSuccess: done(t('common.created')), onError });
    }
  };

  return (
    <Modal
      open
      title={user ? t('user.editTitle', { name: user.displayName }) : t('user.create')}
      okText={user ? t('common.save') : t('common.create')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending || update.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <Form form={form} layout="vertical" onFinish={onFinish} initialValues={user ?? undefined} data-testid="user-form">
        <Form.Item name="username" label={t('user.username')} extra={user ? undefined : t('user.usernameRule')} rules={user ? [] : [usernameRule(t)]}>
          <Input disabled={user !== null} maxLength={32} autoComplete="off" />
        </Form.Item>
        <Form.Item name="displayName" label={t('user.displayName')} rules={[{ required: true, whitespace: true, max: 40, message: t('common.required') }]}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="unitId" label={t('user.unit')} rules={[{ required: true, message: t('common.required') }]}>
          <UnitSelect current={user ? { id: user.unitId, name: user.unitName } : undefined} />
        </Form.Item>
        <Form.Item name="roles" label={t('user.roles')} rules={[{ required: true, type: 'array', min: 1, message: t('user.rolesRequired') }]}>
          <Select
            mode="multiple"
            loading={roles.isPending}
            options={roles.data?.items.map((r) => ({ value: r.code, label: r.name }))}
            showSearch={{ optionFilterProp: 'label' }}
          />
        </Form.Item>
        {!user && (
          <>
            <Form.Item name="password" label={t('user.password')} extra={t('user.passwordRule')} rules={[passwordRule(t)]}>
              <Input.Password autoComplete="new-password" />
            </Form.Item>
            <Form.Item name="confirm" label={t('user.passwordConfirm')} dependencies={['password']} rules={confirmPasswordRules(t, 'password')}>
              <Input.Password autoComplete="new-password" />
            </Form.Item>
          </>
        )}
        {user && <ReasonField />}
      </Form>
    </Modal>
  );
}
