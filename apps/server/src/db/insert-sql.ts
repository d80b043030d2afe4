import { getTableColumns, getTableName, sql, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';

/**
 * INSERT … VALUES as one flat statement, values encoded by their columns exactly as drizzle's insert
 * would. Drizzle's builder nests a fragment per column and value and costs ~0.2 ms a row at the
 * reports table's width; the intake writes four rows per report. Every row must have the same keys.
 */
export function insertSql(table: PgTable, rows: Record<string, unknown>[]): SQL {
  const columns = getTableColumns(table);
  const keys = Object.keys(rows[0]!);
  const texts = [`insert into "${getTableName(table)}" (${keys.map((k) => `"${columns[k]!.name}"`).join(', ')}) values (`];
  const values: unknown[] = [];
  rows.forEach((row, r) => keys.forEach((k, i) => {
    const v = row[k];
    values.push(v === null || v === undefined ? null : columns[k]!.mapToDriverValue(v));
    texts.push(i < keys.length - 1 ? ', ' : r < rows.length - 1 ? '), (' : ')');
  }));
  return sql(Object.assign(texts, { raw: texts }), ...values);
}
