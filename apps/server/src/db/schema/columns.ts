import { sql, type SQL } from 'drizzle-orm';
import { timestamp } from 'drizzle-orm/pg-core';

/** Column helpers shared by every table: instants with time zone, and the created/updated stamps. */
export const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
export const createdAt = () => ts('created_at').notNull().defaultNow();
export const updatedAt = () => ts('updated_at').notNull().defaultNow();

/**
 * Enum values as an SQL list of literals, `('a', 'b')`: partial index predicates, and the queries
 * that must match them, cannot take parameters.
 */
export function sqlLiterals(values: readonly string[]): SQL {
  for (const v of values) if (!/^[a-z_]+$/.test(v)) throw new Error(`not an enum value: ${v}`);
  return sql.raw(`(${values.map((v) => `'${v}'`).join(', ')})`);
}
