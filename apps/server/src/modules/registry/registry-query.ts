import type { Queryable } from '../../db/client';
import type { AuthUser } from '../auth/auth.types';
import { scopedJurisdiction } from './entity-store';

export { norm } from './entity-values';

export async function scopedJurisdictionPath(q: Queryable, user: AuthUser, id: string): Promise<string> {
  return (await scopedJurisdiction(q, user, id)).path;
}
