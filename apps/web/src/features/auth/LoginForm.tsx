import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Flex, Form, Input } from 'antd';
import type { LoginInput, SessionView } from '@tianlang/contracts';
import { useI18n } from '../../i18n';
import { ApiError } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { DemoHint } from './DemoHint';
import { authApi } from './auth.api';

interface Props {
  onSignedIn: (session: SessionView) => void;
}

export function LoginForm({ onSignedIn }: Props) {
  const { t } = useI18n();
  const [form] = Form.useForm<LoginInput>();
  const [error, setError] = useState<unknown>(null);
  const login = useMutation({ mutationFn: authApi.login, onSuccess: onSignedIn, onError: setError });

  const errorMessage = (): string => {
    if (error instanceof ApiError && error.code === 'auth.throttled') {
      const seconds = (error.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds;
      if (seconds) return t('login.retryAfter', { seconds });
    }
    return errorText(t, error);
  };

  return (
    <Flex vertical gap={16}>
      <DemoHint
        onPick={(username) => {
          form.setFieldsValue({ username });
          setError(null);
        }}
      />
      <Form
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={(values) => {
          setError(null);
          login.mutate({ username: values.username.trim(), password: values.password });
        }}
        onValuesChange={() => error && setError(null)}
      >
        <Form.Item name="username" label={t('login.username')} rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}>
          <Input autoComplete="username" autoFocus maxLength={64} data-testid="login-username" />
        </Form.Item>
        <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('login.passwordRequired') }]}>
          <Input.Password autoComplete="current-password" maxLength={256} data-testid="login-password" />
        </Form.Item>
        {error !== null && (
          <Form.Item>
            <Alert type="error" showIcon title={errorMessage()} data-testid="login-error" />
          </Form.Item>
        )}
        <Button type="primary" htmlType="submit" block loading={login.isPending} data-testid="login-submit">
          {t('login.submit')}
        </Button>
      </Form>
    </Flex>
  );
}
