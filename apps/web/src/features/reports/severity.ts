import type { TFunction } from '../../i18n';

export const SEVERITIES = [1, 2, 3, 4, 5] as const;
type Severity = (typeof SEVERITIES)[number];
const isSeverity = (n: number): n is Severity => (SEVERITIES as readonly number[]).includes(n);

/** 1 轻微 … 5 特别严重; null before the assessment. */
export function severityLabel(t: TFunction, n: number | null): string {
  return n !== null && isSeverity(n) ? t(`rptSeverity.${n}`) : t('rpt.notAssessed');
}
