import { eq, sql, type SQL } from 'drizzle-orm';
import type { EntityGrade } from '@tianlang/contracts';
import { registryEntities } from '../../db/schema';

/** A subquery of the ids (as text, the form other modules keep entity references in) of the entities of one grade. */
export const entityRefsOfGrade = (grade: EntityGrade): SQL =>
  sql`(select ${registryEntities.id}::text from ${registryEntities} where ${eq(registryEntities.grade, grade)})`;
