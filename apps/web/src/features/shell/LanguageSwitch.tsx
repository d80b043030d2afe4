import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Dropdown } from 'antd';
import { LOCALES, type Locale, type SessionView } from '@tianlang/contracts';
import { useI18n } from '../../i18n';
import { sessionKey } from '../../lib/session';
import { authApi } from '../auth/auth.api';

/** Switches the UI language at once and saves it as the user's preference on the server. */
export function LanguageSwitch() {
  const { t, locale, setLocale } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: authApi.savePreferences,
    onSuccess: (user) => queryClient.setQueryData<SessionView>(sessionKey, (s) => (s ? { ...s, user } : s)),
    onError: () => void message.warning(t('header.localeSaveFailed')),
  });

  const choose = (next: Locale) => {
    if (next === locale) return;
    setLocale(next);
    save.mutate(next);
  };

  return (
    <Dropdown
      trigger={['click']}
      menu={{
        selectable: true,
        selectedKeys: [locale],
        items: LOCALES.map((l) => ({ key: l, label: t(`lang.${l}`) })),
        onClick: ({ key }) => choose(key as Locale),
      }}
    >
      <Button type="text" aria-label={t('lang.label')} data-testid="header-language">
        {t(`lang.${locale}`)}
      </Button>
    </Dropdown>
  );
}
