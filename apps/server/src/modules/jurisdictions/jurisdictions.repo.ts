import { and, asc, eq, ne } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { jurisdictions } from '../../db/schema';
import { subtreeOf } from '../auth/scope';

export function createJurisdictionsRepo(db: Queryable) {
  return {
    listUnder: (path: string) =>
      db.select().from(jurisdictions).where(subtreeOf(jurisdictions.path, path))
        .orderBy(asc(jurisdictions.path), asc(jurisdictions.sort)),
    byId: async (id: string) => (await db.select().from(jurisdictions).where(eq(jurisdictions.id, id)).limit(1))[0],
    byCode: async (code: string) => (await db.select().from(jurisdictions).where(eq(jurisdictions.code, code)).limit(1))[0],
    activeChildren: (id: string) =>
      db.select({ id: jurisdictions.id }).from(jurisdictions)
        .where(and(eq(jurisdictions.parentId, id), eq(jurisdictions.active, true))),
    codeTakenByOther: async (code: string, id: string) =>
      (await db.select({ id: jurisdictions.id }).from(jurisdictions)
        .where(and(eq(jurisdictions.code, code), ne(jurisdictions.id, id))).limit(1)).length > 0,
  };
}
