import { isMessageKey, type TFunction } from '../../i18n';
import type { Locale } from '@tianlang/contracts';
import type { FormOptions } from './public.api';

type Category = FormOptions['categories'][number];

/**
 * The server's taxonomy names are Chinese and editable by the office, so Chinese shows them as they
 * are; English uses a translation when the code is a known default one.
 */
export function categoryLabel(c: Category, all: Category[], locale: Locale, t: TFunction): string {
  const key = `category.${c.code}`;
  if (locale !== 'zh-CN' && isMessageKey(key)) return t(key);
  const parent = c.parentCode ? all.find((p) => p.code === c.parentCode) : undefined;
  return parent ? `${parent.name}·${c.name}` : c.name;
}

export function zoneLabel(z: FormOptions['zones'][number], locale: Locale, t: TFunction): string {
  const key = `pub.zoneName.${z.code}`;
  return locale !== 'zh-CN' && isMessageKey(key) ? t(key) : z.name;
}

/** Parents first, each followed by its sub-categories. */
export function orderedCategories(all: Category[]): Category[] {
  const roots = all.filter((c) => !c.parentCode || !all.some((p) => p.code === c.parentCode));
  return roots.flatMap((root) => [root, ...all.filter((c) => c.parentCode === root.code)]);
}
