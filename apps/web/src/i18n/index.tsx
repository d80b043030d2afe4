import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { LOCALES, type Locale } from '@tianlang/contracts/public';
import { zhCN, type MessageKey } from './zh-CN';
import { en } from './en';

export type { MessageKey };
export type TVars = Record<string, string | number>;
export type TFunction = (key: MessageKey, vars?: TVars) => string;

// The core texts; the console adds its own when it loads (console-messages.ts).
const dictionaries: Record<Locale, Partial<Record<MessageKey, string>>> = { 'zh-CN': { ...zhCN }, en: { ...en } };

export function addMessages(extra: Record<Locale, Partial<Record<MessageKey, string>>>): void {
  for (const locale of LOCALES) Object.assign(dictionaries[locale], extra[locale]);
}
const STORAGE_KEY = 'tianlang.locale';

function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

function initialLocale(): Locale {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (isLocale(stored)) return stored;
  } catch {
    // storage may be blocked; the default is fine
  }
  return 'zh-CN';
}

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(dictionaries['zh-CN'], key);
}

function interpolate(text: string, vars?: TVars): string {
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

interface I18nContextValue {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  t: TFunction;
}

const I18nContext = createContext<I18nContextValue | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  const setLocale = useCallback((next: Locale) => {
    setLocaleState(next);
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // not persisted locally; the server keeps the preference for signed-in users
    }
  }, []);

  const value = useMemo<I18nContextValue>(() => {
    const dict = dictionaries[locale];
    return { locale, setLocale, t: (key, vars) => interpolate(dict[key] ?? key, vars) };
  }, [locale, setLocale]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nContextValue {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}

export function useT(): TFunction {
  return useI18n().t;
}
