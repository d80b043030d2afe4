import { eq, sql } from 'drizzle-orm';
import type { Locale } from '@tianlang/contracts';
import type { Config } from '../../config';
import type { Db } from '../../db/client';
import { sessions } from '../../db/schema';
import type { Clock } from '../../lib/clock';
import { randomToken, sha256Hex } from '../../lib/crypto';
import { AppError, assertThat } from '../../lib/errors';
import { assertStrongPassword, dummyPasswordHash, hashPassword, verifyPassword } from '../../lib/passwords';
import { appendEvent } from '../audit/events.service';
import { accountById, recordSignIn, setLocale as saveLocale, setOwnPassword } from '../users/accounts.service';
import { createAuthRepo } from './auth.repo';
import type { LoginThrottle } from './login-throttle';
import type { AuthContext, AuthUser } from './auth.types';

/** The password check, a dependency so tests can see that unknown usernames are verified too. */
export interface PasswordVerifier { verify(stored: string, password: string): Promise<boolean> }

export interface AuthDeps {
  db: Db; config: Config; clock: Clock; throttle: LoginThrottle;
  passwords?: PasswordVerifier;
}

export function createAuthService({ db, config, clock, throttle, passwords = { verify: verifyPassword } }: AuthDeps) {
  const repo = createAuthRepo(db);
  const idleMs = config.SESSION_IDLE_MINUTES * 60_000;
  const absoluteMs = config.SESSION_ABSOLUTE_HOURS * 3_600_000;

  /**
   * Unknown usernames, wrong passwords and deactivated accounts answer alike, after the same work:
   * the throttle first (keyed by the submitted name, known or not), then one argon2 verify each,
   * against a dummy hash when the name is unknown.
   */
  async function login(username: string, password: string, client: { ip?: string; userAgent?: string }) {
    const attempt = await throttle.begin(username, client.ip);
    const user = await repo.findUserByUsername(username.toLowerCase());
    const ok = await passwords.verify(user?.passwordHash ?? (await dummyPasswordHash()), password);
    const now = clock.now();
    if (!user || !ok || !user.active) {
      await db.transaction(async (tx) => {
        const failures = await throttle.fail(attempt, tx);
        if (!user) return;
        await appendEvent(tx, {
          subjectType: 'user', subjectId: user.id, action: 'auth.sign_in_failed', unitId: user.unitId, payload: { failures }, at: now,
        });
      });
      throw new AppError('auth.invalid_credentials');
    }
    const token = randomToken();
    const csrfToken = randomToken();
    await db.transaction(async (tx) => {
      await throttle.succeed(attempt, tx);
      await recordSignIn(tx, user.id, now);
      await tx.insert(sessions).values({
        tokenHash: sha256Hex(token), userId: user.id, csrfToken, createdAt: now, lastSeenAt: now,
        expiresAt: new Date(now.getTime() + absoluteMs), ip: client.ip ?? null, userAgent: client.userAgent?.slice(0, 300) ?? null,
      });
      await appendEvent(tx, {
        subjectType: 'user', subjectId: user.id, action: 'auth.signed_in', actorId: user.id, unitId: user.unitId,
        payload: { ip: client.ip ?? null }, at: now,
      });
    });
    return { token, csrfToken, expiresAt: new Date(now.getTime() + absoluteMs), userId: user.id };
  }

  /** Resolves a cookie token to a live session; expired sessions are removed on sight. */
  async function authenticate(token: string): Promise<AuthContext> {
    const now = clock.now();
    const tokenHash = sha256Hex(token);
    const session = await repo.findSession(tokenHash);
    assertThat(session, 'auth.unauthenticated');
    const idleExpired = session.lastSeenAt.getTime() + idleMs < now.getTime();
    if (session.expiresAt <= now || idleExpired) {
      await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
      throw new AppError('auth.session_expired');
    }
    const user = await repo.loadAuthUser(session.userId);
    if (!user) {
      await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
      throw new AppError('auth.unauthenticated');
    }
    // Touch at most once a minute: sliding idle expiry without a write per request.
    if (now.getTime() - session.lastSeenAt.getTime() > 60_000) {
      await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.tokenHash, tokenHash));
    }
    const expiresAt = new Date(Math.min(session.expiresAt.getTime(), now.getTime() + idleMs));
    return { user, tokenHash, csrfToken: session.csrfToken, expiresAt };
  }

  async function logout(tokenHash: string) {
    await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
  }

  async function logoutEverywhere(user: AuthUser) {
    await db.transaction(async (tx) => {
      await tx.delete(sessions).where(eq(sessions.userId, user.id));
      await appendEvent(tx, {
        subjectType: 'user', subjectId: user.id, action: 'auth.signed_out_everywhere', actorId: user.id,
        unitId: user.unitId, at: clock.now(),
      });
    });
  }

  async function changePassword(user: AuthUser, currentTokenHash: string, current: string, next: string) {
    const row = await accountById(db, user.id);
    assertThat(row && (await passwords.verify(row.passwordHash, current)), 'auth.password_mismatch');
    assertStrongPassword(next, user.username);
    // an initial or reset password is known to whoever set it: it must really change
    assertThat(!(await passwords.verify(row.passwordHash, next)), 'auth.password_unchanged');
    const passwordHash = await hashPassword(next);
    const now = clock.now();
    await db.transaction(async (tx) => {
      await setOwnPassword(tx, user.id, passwordHash, now);
      // Other sessions end: whoever knew the old password is signed out.
      await tx.delete(sessions).where(sql`${sessions.userId} = ${user.id} and ${sessions.tokenHash} <> ${currentTokenHash}`);
      await appendEvent(tx, {
        subjectType: 'user', subjectId: user.id, action: 'auth.password_changed', actorId: user.id, unitId: user.unitId, at: now,
      });
    });
  }

  async function setLocale(user: AuthUser, locale: Locale) {
    await saveLocale(db, user.id, locale, clock.now());
  }

  return { login, authenticate, logout, logoutEverywhere, changePassword, setLocale, repo };
}
export type AuthService = ReturnType<typeof createAuthService>;
export type { LoginThrottle };
