import { and, desc, eq, type SQL } from 'drizzle-orm';
import type { Db, Queryable } from '../../db/client';
import { documents, type DocumentRow } from '../../db/schema';

export type NewDocument = typeof documents.$inferInsert;

/** Queries of the documents table; scope comes in as a condition from the service. */
export function createDocumentsRepo(db: Db) {
  return {
    insert: async (tx: Queryable, row: NewDocument): Promise<DocumentRow> => (await tx.insert(documents).values(row).returning())[0]!,
    byId: async (id: string): Promise<DocumentRow | undefined> => (await db.select().from(documents).where(eq(documents.id, id)).limit(1))[0],
    /** A subject's documents, newest first, within `scope`. */
    forSubject: (subjectType: string, subjectId: string, scope: SQL, limit = 200): Promise<DocumentRow[]> => db.select().from(documents)
      .where(and(eq(documents.subjectType, subjectType), eq(documents.subjectId, subjectId), scope))
      .orderBy(desc(documents.createdAt)).limit(limit),
  };
}
