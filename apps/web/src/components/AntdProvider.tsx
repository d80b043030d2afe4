import { useEffect, type ReactNode } from 'react';
import { App, ConfigProvider } from 'antd';
import zhCNLocale from 'antd/locale/zh_CN';
import enUSLocale from 'antd/locale/en_US';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useI18n } from '../i18n';

/** Users who asked their system for less motion get dialogs and menus without zoom and slide animations. */
const reducedMotion = typeof window !== 'undefined' && window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
const theme = {
  token: { colorPrimary: '#1f4e8c', borderRadius: 6, motion: !reducedMotion },
};

/** antd setup for the signed-in part of the app (and the login page); the public page does without it. */
export function AntdProvider({ children }: { children: ReactNode }) {
  const { locale } = useI18n();
  useEffect(() => {
    dayjs.locale(locale === 'zh-CN' ? 'zh-cn' : 'en');
  }, [locale]);
  return (
    <ConfigProvider locale={locale === 'zh-CN' ? zhCNLocale : enUSLocale} theme={theme} button={{ autoInsertSpace: false }}>
      <App>{children}</App>
    </ConfigProvider>
  );
}
