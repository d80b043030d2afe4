import { inArray, isNull, or, type AnyColumn, type SQL } from 'drizzle-orm';
import type { SettingKind, SettingLevel, SettingSource } from '@tianlang/contracts';
import type { Queryable } from '../../db/client';
import { jurisdictions } from '../../db/schema';
import { assertThat } from '../../lib/errors';
import type { AuthUser } from '../auth/auth.types';

/**
 * The settings model, decided once for every module:
 * - `override`: the root sets the default (a row without a jurisdiction); any jurisdiction may set its
 *   own value for its subtree, and the nearest level on the way down wins. Only a level's own admins
 *   change its value: a district edits the district's override, never the default or a sibling's.
 * - `root_only`: one value for the whole tree, changed only by admins of the root jurisdiction.
 * Later kinds (review levels, event SLA profiles) add a line here and use the same helpers.
 */
export const SETTING_SCOPES: Record<SettingKind, 'override' | 'root_only'> = {
  report_sla: 'override',
  reply_template: 'override',
  calendar_day: 'override',
  roles: 'root_only',
  taxonomy: 'root_only',
  lexicon: 'root_only',
  terms: 'root_only',
};

/** A setting row's level: null for the root's default, else the overriding jurisdiction. */
export type Level = string | null;
type Viewer = Pick<AuthUser, 'scopePath' | 'jurisdictionId'>;

/** The ids of a materialized path "/a/b/c/", root first. */
export const pathIds = (path: string): string[] => path.split('/').filter(Boolean);
export const isRootPath = (path: string): boolean => pathIds(path).length === 1;

/** Where a user's writes land: the root's admins set the defaults, everyone else their own jurisdiction's value. */
export const ownLevel = (user: Viewer): Level => (isRootPath(user.scopePath) ? null : user.jurisdictionId);

/** Refuses a write of `kind` at `level` unless it is the user's own level (and, for root-only kinds, the user is at the root). */
export function assertMaySetAt(user: Viewer, level: Level, kind: SettingKind): void {
  if (SETTING_SCOPES[kind] === 'root_only') {
    assertThat(isRootPath(user.scopePath), 'settings.root_only', `${kind} is set at the root only`);
    return;
  }
  assertThat(level === ownLevel(user), 'settings.not_own_level', `${kind} at another level`, { kind });
}

/** Query-side twin: the rows that can apply at `path` (the default and each level on the way down). */
export const levelsOn = (column: AnyColumn, path: string): SQL => or(isNull(column), inArray(column, pathIds(path)))!;

/** How deep a row's level lies on `path` (0 for the default), or -1 when it is not on the path (a sibling's). */
export function depthOn(level: Level, path: string): number {
  if (level === null) return 0;
  const i = pathIds(path).indexOf(level);
  return i < 0 ? -1 : i + 1;
}

/** The effective row per key at `path`: the nearest level wins; rows off the path never apply. */
export function resolveSetting<R extends { jurisdictionId: Level }>(rows: readonly R[], path: string, keyOf: (r: R) => string): Map<string, R> {
  const best = new Map<string, { row: R; depth: number }>();
  for (const row of rows) {
    const depth = depthOn(row.jurisdictionId, path);
    if (depth < 0) continue;
    const key = keyOf(row);
    const seen = best.get(key);
    if (!seen || depth > seen.depth) best.set(key, { row, depth });
  }
  return new Map([...best].map(([k, v]) => [k, v.row]));
}

/** Names for the levels a viewer sees: their own level, and the source of each value shown. */
export async function settingLabels(q: Queryable, user: Viewer) {
  const ids = pathIds(user.scopePath);
  const rows = await q.select({ id: jurisdictions.id, name: jurisdictions.name }).from(jurisdictions).where(inArray(jurisdictions.id, ids));
  const names = new Map(rows.map((r) => [r.id, r.name]));
  const own = ownLevel(user);
  const level: SettingLevel = { jurisdictionId: user.jurisdictionId, jurisdictionName: names.get(user.jurisdictionId) ?? '', root: own === null };
  const source = (l: Level): SettingSource => ({ jurisdictionId: l, jurisdictionName: names.get(l ?? ids[0]!) ?? '', own: l === own });
  return { level, source };
}
