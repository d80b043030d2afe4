import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { App } from 'antd';
import { useT } from '../../i18n';
import { setCsrfToken } from '../../lib/api';
import { useShowError } from '../../lib/use-show-error';
import { authApi } from '../auth/auth.api';

/** Sign out here, or everywhere (after confirmation); either way the local cache is dropped. */
export function useSignOut() {
  const t = useT();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const showError = useShowError();

  const leave = () => {
    setCsrfToken(null);
    queryClient.clear();
    void message.success(t('header.loggedOut'));
    void navigate('/login', { replace: true });
  };

  const signOut = async () => {
    try {
      await authApi.logout();
    } catch {
      // the session is gone either way; nothing to tell the user
    }
    leave();
  };

  const signOutEverywhere = () => {
    modal.confirm({
      title: t('header.logoutAllTitle'),
      content: t('header.logoutAllBody'),
      okText: t('header.logoutAll'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await authApi.logoutAll();
          leave();
        } catch (err) {
          showError(err);
        }
      },
    });
  };

  return { signOut, signOutEverywhere };
}
