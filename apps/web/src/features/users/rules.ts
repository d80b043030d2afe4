import type { FormRule } from 'antd';
import type { TFunction } from '../../i18n';

/** Mirror the contract (UsernameSchema, password min 10) so most mistakes never reach the server. */
export const usernameRule = (t: TFunction): FormRule => ({ required: true, pattern: /^[a-z][a-z0-9_.-]{2,31}$/, message: t('user.usernameRule') });

export const passwordRule = (t: TFunction): FormRule => ({ required: true, min: 10, max: 256, message: t('user.passwordRule') });

export const confirmPasswordRules = (t: TFunction, field: string): FormRule[] => [
  { required: true, message: t('common.required') },
  ({ getFieldValue }) => ({
    validator: (_, value) =>
      !value || value === getFieldValue(field) ? Promise.resolve() : Promise.reject(new Error(t('user.passwordMismatch'))),
  }),
];
