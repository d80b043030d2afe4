import { and, eq, inArray } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { jurisdictions, rolePermissions, userRoles, units, users } from '../../db/schema';
import { AppError } from '../../lib/errors';
import type { AuthUser } from '../auth/auth.types';
import { inScope } from '../auth/scope';

/**
 * Active users holding `permission` whose unit sits in the user's jurisdiction subtree or above it
 * (a city officer may inspect a district's entity). Certified officers hold enforcement.handle.
 */
export async function officersIn(q: Queryable, user: AuthUser, ids: string[] | null, permission = 'enforcement.handle') {
  const rows = await q.selectDistinct({ id: users.id, name: users.displayName, path: jurisdictions.path }).from(users)
    .innerJoin(units, eq(units.id, users.unitId)).innerJoin(jurisdictions, eq(jurisdictions.id, units.jurisdictionId))
    .innerJoin(userRoles, eq(userRoles.userId, users.id)).innerJoin(rolePermissions, eq(rolePermissions.roleId, userRoles.roleId))
    .where(and(eq(users.active, true), eq(rolePermissions.permission, permission), ids ? inArray(users.id, ids) : undefined));
  return rows.filter((r) => inScope(user, r.path) || inScope({ scopePath: r.path }, user.scopePath));
}

/** The responsible officer: an active registry user of the user's jurisdiction (or above). */
export async function assertOfficer(q: Queryable, user: AuthUser, id: string, field: string) {
  const ok = await officersIn(q, user, [id], 'registry.read');
  if (!ok.length) throw new AppError('request.invalid', '责任人须为本辖区的在职人员', { details: { field } });
}

/** At least two distinct certified officers (实地检查、约谈 双人), all in scope. */
export async function assertCertified(q: Queryable, user: AuthUser, ids: string[]) {
  const distinct = [...new Set(ids)];
  const found = distinct.length >= 2 ? await officersIn(q, user, distinct) : [];
  if (distinct.length < 2 || found.length !== distinct.length) {
    throw new AppError('registry.invalid_officers', '须由至少两名本辖区持证执法人员进行', {
      details: { unknown: distinct.filter((id) => !found.some((f) => f.id === id)), needed: 2 },
    });
  }
  return found;
}
