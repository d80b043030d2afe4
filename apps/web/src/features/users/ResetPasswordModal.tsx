import { App, Form, Input, Modal } from 'antd';
import type { UserView } from '@tianlang/contracts';
import { useT } from '../../i18n';
import { useShowError } from '../../lib/use-show-error';
import { confirmPasswordRules, passwordRule } from './rules';
import { useResetPassword } from './users.api';

export function ResetPasswordModal({ user, onClose }: { user: UserView; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  const [form] = Form.useForm<{ password: string; confirm: string }>();
  const reset = useResetPassword();

  const onFinish = ({ password }: { password: string }) =>
    reset.mutate(
      { id: user.id, password },
      {
        onSuccess: () => {
          void message.success(t('user.resetDone'));
          onClose();
        },
        onError: (err) => showError(err, form),
      },
    );

  return (
    <Modal
      open
      title={t('user.resetTitle', { name: user.displayName })}
      okText={t('user.resetPassword')}
      okButtonProps={{ danger: true }}
      cancelText={t('common.cancel')}
      confirmLoading={reset.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <Form form={form} layout="vertical" onFinish={onFinish}>
        <Form.Item name="password" label={t('user.newPassword')} extra={t('user.passwordRule')} rules={[passwordRule(t)]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item name="confirm" label={t('user.passwordConfirm')} dependencies={['password']} rules={confirmPasswordRules(t, 'password')}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
