/** A timestamp as the API sends it (ISO 8601, UTC); none stays null. */
export const isoOrNull = (d: Date | null | undefined): string | null => (d ? d.toISOString() : null);

/** A timestamp read by raw SQL (a Date from node-postgres, text from PGlite) as ISO 8601. */
export const isoFromSql = (v: unknown): string => (v instanceof Date ? v : new Date(String(v))).toISOString();
