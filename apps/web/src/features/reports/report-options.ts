import { EXTERNAL_UNIT_KINDS, type ReportOptions } from '@tianlang/contracts';
import { isMessageKey, type TFunction } from '../../i18n';

export type CategoryOption = ReportOptions['categories'][number];

/** Categories (with their sub-categories under the parent's name) and special zones, as select options. */
export function categoryOptions(options: ReportOptions | undefined, kind: CategoryOption['kind']) {
  const all = options?.categories ?? [];
  const nameOf = (code: string) => all.find((c) => c.code === code)?.name ?? code;
  return all
    .filter((c) => c.kind === kind)
    .map((c) => ({ value: c.code, label: c.parentCode ? `${nameOf(c.parentCode)} · ${c.name}` : c.name }));
}

export function categoryName(options: ReportOptions | undefined, code: string | null): string {
  if (!code) return '—';
  return options?.categories.find((c) => c.code === code)?.name ?? code;
}

export const idOptions = (items: { id: string; name: string }[] | undefined) => (items ?? []).map((i) => ({ value: i.id, label: i.name }));

/** Where a transfer may go, grouped: partner departments, then the office above (上级网信部门). */
export function recipientOptions(t: TFunction, options: ReportOptions | undefined) {
  const all = options?.departments ?? [];
  return EXTERNAL_UNIT_KINDS.map((kind) => ({ label: t(`unitKind.${kind}`), options: idOptions(all.filter((d) => d.kind === kind)) }))
    .filter((g) => g.options.length > 0);
}

/** Jurisdictions in the user's scope, named with their level (市, 区县 …). */
export function jurisdictionOptions(t: TFunction, options: ReportOptions | undefined) {
  return (options?.jurisdictions ?? []).map((j) => {
    const key = `level.${j.level}`;
    return { value: j.id, label: isMessageKey(key) ? t('common.withNote', { text: j.name, note: t(key) }) : j.name };
  });
}
