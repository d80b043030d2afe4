import { useCallback } from 'react';
import { App, type FormInstance } from 'antd';
import { useT } from '../i18n';
import { applyFieldErrors, errorText } from './errors';

/** Shows an API error: on the form fields it names when possible, otherwise as a toast. */
export function useShowError() {
  const { message } = App.useApp();
  const t = useT();
  return useCallback(
    (err: unknown, form?: FormInstance) => {
      if (form && applyFieldErrors(form, err, t)) return;
      void message.error(errorText(t, err));
    },
    [message, t],
  );
}
