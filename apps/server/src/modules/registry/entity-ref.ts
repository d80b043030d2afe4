import { and, eq, inArray } from 'drizzle-orm';
import type { EntityRefView } from '@tianlang/contracts';
import type { Queryable } from '../../db/client';
import { jurisdictions, registryEntities } from '../../db/schema';
import { AppError } from '../../lib/errors';
import { subtreeOf } from '../auth/scope';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A validated reference to a registry entity from another module (reports, disposals, patrol
 * sources): an entity id inside `scopePath`, or registry.entity_unknown. Null clears the link.
 */
export async function assertEntityRef(q: Queryable, scopePath: string, ref: string | null | undefined): Promise<void> {
  if (ref === null || ref === undefined) return;
  const ok = UUID.test(ref) && (await q.select({ id: registryEntities.id }).from(registryEntities)
    .where(and(eq(registryEntities.id, ref.toLowerCase()), subtreeOf(registryEntities.jurisdictionPath, scopePath)))).length > 0;
  if (!ok) throw new AppError('registry.entity_unknown', '台账对象不存在或不在您的辖区', { details: { field: 'entityRef' } });
}

/**
 * The entities that references name, as a reader inside `scopePath` may see them: keyed by lower-case id;
 * a reference that is not an id, or names an entity outside the scope, is simply absent.
 */
export async function entityRefViews(q: Queryable, scopePath: string, refs: readonly (string | null | undefined)[]): Promise<Map<string, EntityRefView>> {
  const ids = [...new Set(refs.filter((r): r is string => !!r && UUID.test(r)).map((r) => r.toLowerCase()))];
  if (ids.length === 0) return new Map();
  const rows = await q.select({
    id: registryEntities.id, name: registryEntities.name, type: registryEntities.type, grade: registryEntities.grade, jurisdictionName: jurisdictions.name,
  }).from(registryEntities).innerJoin(jurisdictions, eq(jurisdictions.id, registryEntities.jurisdictionId))
    .where(and(inArray(registryEntities.id, ids), subtreeOf(registryEntities.jurisdictionPath, scopePath)));
  return new Map(rows.map((r) => [r.id, r]));
}

/** The view of one reference out of `entityRefViews`, or null. */
export const entityRefOf = (views: Map<string, EntityRefView>, ref: string | null | undefined): EntityRefView | null =>
  (ref ? views.get(ref.toLowerCase()) : undefined) ?? null;
