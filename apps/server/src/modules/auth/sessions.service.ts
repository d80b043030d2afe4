import { eq } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { sessions } from '../../db/schema';

/** Ends every session of a user (deactivation, a role change, a password reset take effect now). Call in the change's transaction. */
export async function endSessionsOf(tx: Queryable, userId: string): Promise<void> {
  await tx.delete(sessions).where(eq(sessions.userId, userId));
}
