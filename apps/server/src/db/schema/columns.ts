import { timestamp } from 'drizzle-orm/pg-core';

/** Column helpers shared by every table: instants with time zone, and the created/updated stamps. */
export const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
export const createdAt = () => ts('created_at').notNull().defaultNow();
export const updatedAt = () => ts('updated_at').notNull().defaultNow();
