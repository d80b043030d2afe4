import { eq, sql, type AnyColumn, type SQL, type SQLWrapper } from 'drizzle-orm';
import { isExternalUnitKind } from '@tianlang/contracts';
import { isWithin, subtreeLikePattern } from '@tianlang/core';
import { AppError, notFound } from '../../lib/errors';
import type { AuthUser } from './auth.types';

/**
 * The one way to scope by 属地 (jurisdiction). A user sees their own jurisdiction and everything below it;
 * rows elsewhere do not exist for them. Every module asks here, never with its own LIKE or startsWith:
 * - row side: `inScope(user, path)`, `assertInScope(user, path, 'report')` (404, like an unknown id) and
 *   `assertJurisdictionInScope(user, path)` for a jurisdiction the user names (a filter, a target);
 * - query side: `scopeFilter(user, column)` for lists, `subtreeOf(column, path)` for drill-down subtrees.
 * Paths end with their separator (see `@tianlang/core` jurisdiction-path), so a prefix never takes in a
 * sibling whose id begins the same way.
 */
type Scoped = Pick<AuthUser, 'scopePath'>;
/** A path, or a jurisdiction row carrying one. */
type Placed = string | { path: string };
const pathOf = (x: Placed | null | undefined) => (typeof x === 'string' ? x : x?.path);

/** Whether a row at `path` lies in the user's jurisdiction or below it. */
export const inScope = (user: Scoped, path: string | null | undefined): path is string => !!path && isWithin(path, user.scopePath);

/** A row outside the user's scope does not exist for them: resource.not_found, as an unknown id answers. */
export function assertInScope<T extends Placed>(user: Scoped, row: T | null | undefined, what: string): asserts row is T {
  if (!inScope(user, pathOf(row))) throw notFound(what);
}

/** A jurisdiction the user names (a filter, a transfer target) must lie in their scope: jurisdiction.out_of_scope. */
export function assertJurisdictionInScope<T extends Placed>(user: Scoped, j: T | null | undefined, message = 'jurisdiction outside your scope', details?: unknown): asserts j is T {
  if (!inScope(user, pathOf(j))) throw new AppError('jurisdiction.out_of_scope', message, { details });
}

/** Query side: rows whose path column (a column, or a raw `sql` alias such as `f.jurisdiction_path`) lies in `root`'s subtree. */
export const subtreeOf = (column: AnyColumn | SQLWrapper, root: string): SQL => sql`${column} like ${subtreeLikePattern(root)}`;

/** Query side: the rows of the user's jurisdiction and below (lists, counts, joins). */
export const scopeFilter = (user: Scoped, column: AnyColumn | SQLWrapper): SQL => subtreeOf(column, user.scopePath);

/**
 * Work addressed to units (assignments): a user sees what was sent to their own unit (`addressedTo`), and
 * what their jurisdiction sent (`sentFrom`). Users of a unit outside the tree (a partner department,
 * 上级网信部门) have no jurisdiction of their own there: they see only what was sent to them.
 */
export const addressedTo = (user: Pick<AuthUser, 'unitId'>, column: AnyColumn): SQL => eq(column, user.unitId);
export const sentFrom = (user: Pick<AuthUser, 'scopePath' | 'unitKind'>, column: AnyColumn | SQLWrapper): SQL =>
  (isExternalUnitKind(user.unitKind) ? sql`false` : scopeFilter(user, column));
/** Row side of `sentFrom`: a row at `path` the user may act on as its sender, or resource.not_found. */
export function assertSentFrom(user: Pick<AuthUser, 'scopePath' | 'unitKind'>, path: string | null | undefined, what: string): void {
  if (isExternalUnitKind(user.unitKind) || !inScope(user, path)) throw notFound(what);
}
