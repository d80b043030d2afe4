import { Alert, App, Form, Input, Modal } from 'antd';
import type { Permission, RoleView } from '@tianlang/contracts';
import { useT } from '../../i18n';
import { cleanReason, ReasonField } from '../../components/ReasonField';
import { useShowError } from '../../lib/use-show-error';
import { PermissionChecklist } from './PermissionChecklist';
import { useCreateRole, useUpdateRole } from './roles.api';

interface Values {
  code: string;
  name: string;
  description?: string;
  permissions: Permission[];
  reason?: string;
}

/** The built-in administrator role is shown read-only: editing it could lock everyone out. */
export const isLockedRole = (role: RoleView) => role.builtin && role.code === 'admin';

/** `viewOnly`: roles and permissions are set at the top level only; below it the form is shown read-only. */
export function RoleFormModal({ role, viewOnly = false, onClose }: { role: RoleView | null; viewOnly?: boolean; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  const [form] = Form.useForm<Values>();
  const create = useCreateRole();
  const update = useUpdateRole();
  const locked = role !== null && isLockedRole(role);
  const readOnly = locked || viewOnly;
  const onError = (err: unknown) => showError(err, form);
  const done = (text: string) => () => {
    void message.success(text);
    onClose();
  };

  const onFinish = (v: Values) => {
    const description = v.description?.trim() || undefined;
    if (role) {
      const input = { name: v.name.trim(), description: description ?? null, permissions: v.permissions, reason: cleanReason(v.reason) };
      update.mutate({ id: role.id, input }, { onSuccess: done(t('common.saved')), onError });
    } else {
      create.mutate({ code: v.code.trim(), name: v.name.trim(), description, permissions: v.permissions }, { onSuccess: done(t('common.created')), onError });
    }
  };

  const title = !role ? t('role.create') : readOnly ? t('role.viewTitle', { name: role.name }) : t('role.editTitle', { name: role.name });
  return (
    <Modal
      open
      width={760}
      title={title}
      okText={role ? t('common.save') : t('common.create')}
      cancelText={readOnly ? t('common.close') : t('common.cancel')}
      footer={readOnly ? (_, { CancelBtn }) => <CancelBtn /> : undefined}
      confirmLoading={create.isPending || update.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      {locked && <Alert type="info" showIcon title={t('role.readonly')} style={{ marginBottom: 16 }} />}
      <Form
        form={form}
        layout="vertical"
        disabled={readOnly}
        onFinish={onFinish}
        initialValues={role ? { ...role, description: role.description ?? undefined } : { permissions: [] }}
        data-testid="role-form"
      >
        <Form.Item
          name="code"
          label={t('role.code')}
          extra={role ? undefined : t('role.codeRule')}
          rules={role ? [] : [{ required: true, pattern: /^[a-z][a-z0-9_]{1,39}$/, message: t('role.codeRule') }]}
        >
          <Input disabled={role !== null} maxLength={40} />
        </Form.Item>
        <Form.Item name="name" label={t('role.name')} rules={[{ required: true, whitespace: true, max: 40, message: t('common.required') }]}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="description" label={t('role.description')}>
          <Input.TextArea rows={2} maxLength={200} />
        </Form.Item>
        <Form.Item name="permissions" label={t('role.permissions')}>
          <PermissionChecklist disabled={readOnly} />
        </Form.Item>
        {role && !readOnly && <ReasonField />}
      </Form>
    </Modal>
  );
}
