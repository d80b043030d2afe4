import { eq } from 'drizzle-orm';
import type { Locale } from '@tianlang/contracts';
import type { Queryable } from '../../db/client';
import { users } from '../../db/schema';

/**
 * The account row as sign-in and the user's own settings need it (auth calls these): the users module
 * owns the users table, password hashes included. Plain functions on `q`, a transaction when the caller is in one.
 */
export const accountByUsername = async (q: Queryable, username: string) =>
  (await q.select().from(users).where(eq(users.username, username)).limit(1))[0];

export const accountById = async (q: Queryable, id: string) =>
  (await q.select().from(users).where(eq(users.id, id)).limit(1))[0];

export async function recordSignIn(tx: Queryable, id: string, at: Date): Promise<void> {
  await tx.update(users).set({ lastLoginAt: at }).where(eq(users.id, id));
}

/** The user's own new password: no longer one somebody else set. */
export async function setOwnPassword(tx: Queryable, id: string, passwordHash: string, at: Date): Promise<void> {
  await tx.update(users).set({ passwordHash, passwordChangedAt: at, mustChangePassword: false, updatedAt: at }).where(eq(users.id, id));
}

export async function setLocale(q: Queryable, id: string, locale: Locale, at: Date): Promise<void> {
  await q.update(users).set({ locale, updatedAt: at }).where(eq(users.id, id));
}
