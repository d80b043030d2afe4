import type { Queryable } from '../../db/client';
import { AppError } from '../../lib/errors';
import type { AuthUser } from '../auth/auth.types';
import { holdersOf } from '../users/users.service';

/**
 * Active users holding `permission` whose unit sits in the user's jurisdiction subtree or above it
 * (a city officer may inspect a district's entity). Certified officers hold enforcement.handle.
 */
export async function officersIn(q: Queryable, user: AuthUser, ids: string[] | null, permission = 'enforcement.handle') {
  return holdersOf(q, { permission, user, reach: 'subtree-and-above', ids: ids ?? undefined });
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
