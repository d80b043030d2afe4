import { and, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { OPEN_ASSIGNMENT_STATES } from '@tianlang/core';
import type { Queryable } from '../../db/client';
import { assignments, units } from '../../db/schema';

const toUnit = alias(units, 'to_unit');
const fromUnit = alias(units, 'from_unit');

/** Assignments with their units' names, newest first. */
export function selectAssignments(q: Queryable, where: SQL | undefined, page?: { limit: number; offset: number }) {
  const query = q.select({ a: assignments, toUnitName: toUnit.name, fromUnitName: fromUnit.name }).from(assignments)
    .innerJoin(toUnit, eq(toUnit.id, assignments.toUnitId))
    .innerJoin(fromUnit, eq(fromUnit.id, assignments.fromUnitId))
    .where(where).orderBy(desc(assignments.createdAt), desc(assignments.id));
  return page ? query.limit(page.limit).offset(page.offset) : query;
}

export async function countAssignments(q: Queryable, where: SQL | undefined): Promise<number> {
  const [row] = await q.select({ n: sql<number>`count(*)::int` }).from(assignments).where(where);
  return Number(row?.n ?? 0);
}

export const lockAssignment = async (tx: Queryable, id: string, skipLocked = false) =>
  (await tx.select().from(assignments).where(eq(assignments.id, id)).for('update', skipLocked ? { skipLocked: true } : {}))[0];

export const peekAssignment = async (q: Queryable, id: string, kind: string) =>
  (await q.select().from(assignments).where(and(eq(assignments.id, id), eq(assignments.kind, kind))))[0];

export const openOf = (q: Queryable, kind: string, subjectId: string) => q.select().from(assignments)
  .where(and(eq(assignments.kind, kind), eq(assignments.subjectId, subjectId), inArray(assignments.state, [...OPEN_ASSIGNMENT_STATES])));

export const ofSubject = (q: Queryable, kind: string, subjectId: string) =>
  q.select().from(assignments).where(and(eq(assignments.kind, kind), eq(assignments.subjectId, subjectId)));
