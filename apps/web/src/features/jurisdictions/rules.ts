import type { FormRule } from 'antd';
import type { TFunction } from '../../i18n';

/** Mirrors JurisdictionCodeSchema: 行政区划代码, 6–12 digits or letters. */
export function jurisdictionCodeRule(t: TFunction): FormRule {
  return { required: true, pattern: /^[0-9A-Za-z]{6,12}$/, message: t('jur.codeRule') };
}
