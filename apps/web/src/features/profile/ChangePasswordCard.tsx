import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input } from 'antd';
import { useT } from '../../i18n';
import { isApiError } from '../../lib/api';
import { sessionKey } from '../../lib/session';
import { useShowError } from '../../lib/use-show-error';
import { authApi } from '../auth/auth.api';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

export function ChangePasswordCard() {
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const change = useMutation({ mutationFn: authApi.changePassword });

  const onFinish = ({ currentPassword, newPassword }: Values) =>
    change.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          form.resetFields();
          void message.success(t('profile.passwordChanged'));
          // passwordChangedAt and mustChangePassword (and possibly the CSRF token) changed on the server
          void queryClient.invalidateQueries({ queryKey: sessionKey });
        },
        onError: (err) => {
          if (isApiError(err, 'auth.password_mismatch')) {
            form.setFields([{ name: 'currentPassword', errors: [t('error.auth.password_mismatch')] }]);
          } else if (isApiError(err, 'auth.password_weak') || isApiError(err, 'auth.password_unchanged')) {
            const text = err.code === 'auth.password_weak' ? t('error.auth.password_weak') : t('error.auth.password_unchanged');
            form.setFields([{ name: 'newPassword', errors: [text] }]);
          } else showError(err, form);
        },
      },
    );

  return (
    <Card title={t('profile.changePassword')}>
      <Form form={form} layout="vertical" onFinish={onFinish} data-testid="change-password-form">
        <Form.Item name="currentPassword" label={t('profile.currentPassword')} rules={[{ required: true, message: t('common.required') }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('profile.newPassword')}
          extra={t('profile.passwordRule')}
          rules={[{ required: true, min: 10, max: 256, message: t('profile.passwordRule') }]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('profile.confirmPassword')}
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('common.required') },
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                !value || value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(t('profile.passwordMismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={change.isPending}>
          {t('profile.changePassword')}
        </Button>
      </Form>
    </Card>
  );
}
