import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { SESSION_COOKIE } from '@tianlang/contracts';
import { buildTestApp, type TestApp } from '../../../test/harness';
import { buildWorld, buildUser, TEST_PASSWORD, type World } from '../../../test/factories';
import { agentFor, signIn } from '../../../test/agent';
import { sessions, users } from '../../db/schema';

let t: TestApp;
let w: World;
beforeAll(async () => {
  t = await buildTestApp({ SESSION_IDLE_MINUTES: 30, SESSION_ABSOLUTE_HOURS: 12 });
  w = await buildWorld(t.s.db);
});
afterAll(() => t.close());

const login = (username: string, password: string, ip?: string) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, ...(ip ? { remoteAddress: ip } : {}) });

describe('sign-in', () => {
  it('sets an httpOnly SameSite session cookie and returns the user with a CSRF token', async () => {
    const res = await login(w.users.adminA.username, TEST_PASSWORD);
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE)!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    const body = res.json();
    expect(body.csrfToken).toMatch(/^[\w-]{30,}$/);
    expect(body.user.jurisdiction.pathNames).toEqual([w.city.name, w.districtA.name]);
    expect(body.user.permissions).toContain('admin.users.manage');
    // the session is stored by hash, never the raw token
    const stored = await t.s.db.select().from(sessions).where(eq(sessions.userId, w.users.adminA.id));
    expect(stored.some((s) => s.tokenHash === cookie.value)).toBe(false);
  });

  it('rejects a wrong password and an unknown user with the same error', async () => {
    const wrong = await login(w.users.leader.username, 'nope-nope-nope', '198.51.100.1');
    const unknown = await login('no_such_user_x', 'nope-nope-nope', '198.51.100.2');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().code).toBe('auth.invalid_credentials');
    expect(unknown.json().code).toBe('auth.invalid_credentials');
  });

  it('rejects a deactivated user, even with the right password, as if unknown', async () => {
    const u = await buildUser(t.s.db, { unitId: w.officeA.id, roles: ['intake'], active: false });
    const res = await login(u.username, TEST_PASSWORD, '198.51.100.3');
    expect(res.statusCode).toBe(401);
    expect(res.json()).toEqual((await login('no_such_user_y', TEST_PASSWORD, '198.51.100.4')).json());
  });

  it('rate-limits sign-in attempts per address', async () => {
    const limited = await buildTestApp({ RATE_LIMIT_LOGIN_PER_MINUTE: 3 });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 5; i++) {
        codes.push((await limited.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'x_nobody', password: 'y' }, remoteAddress: '198.51.100.60' })).statusCode);
      }
      expect(codes.slice(0, 3)).toEqual([401, 401, 401]);
      const last = await limited.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'x_nobody', password: 'y' }, remoteAddress: '198.51.100.60' });
      expect(last.statusCode).toBe(429);
      expect(last.json().code).toBe('request.rate_limited');
    } finally {
      await limited.close();
    }
  });
});

describe('sessions', () => {
  it('expires after the idle timeout and slides while used', async () => {
    const u = await buildUser(t.s.db, { unitId: w.officeA.id, roles: ['intake'] });
    const a = await signIn(t.app, u.username);
    t.clock.advance(20 * 60_000);
    expect((await a.get('/api/auth/me')).statusCode).toBe(200);
    t.clock.advance(20 * 60_000); // 40 min since sign-in, 20 since last use
    expect((await a.get('/api/auth/me')).statusCode).toBe(200);
    t.clock.advance(31 * 60_000);
    const res = await a.get('/api/auth/me');
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('auth.session_expired');
  });

  it('expires at the absolute limit even when active', async () => {
    const u = await buildUser(t.s.db, { unitId: w.officeA.id, roles: ['intake'] });
    const a = await signIn(t.app, u.username);
    const started = t.clock.now().getTime();
    let res = await a.get('/api/auth/me');
    while (res.statusCode === 200 && t.clock.now().getTime() - started < 24 * 3_600_000) {
      t.clock.advance(29 * 60_000);
      res = await a.get('/api/auth/me');
    }
    expect(res.json().code).toBe('auth.session_expired');
    const lived = t.clock.now().getTime() - started;
    expect(lived).toBeGreaterThanOrEqual(12 * 3_600_000);
    expect(lived).toBeLessThan(12 * 3_600_000 + 29 * 60_000);
  });

  it('signs out one session, or all of them everywhere', async () => {
    const u = await buildUser(t.s.db, { unitId: w.officeA.id, roles: ['intake'] });
    const one = await signIn(t.app, u.username);
    const two = await signIn(t.app, u.username);
    const three = await signIn(t.app, u.username);
    expect((await one.post('/api/auth/logout')).statusCode).toBe(200);
    expect((await one.get('/api/auth/me')).statusCode).toBe(401);
    expect((await two.get('/api/auth/me')).statusCode).toBe(200);
    expect((await two.post('/api/auth/logout-all')).statusCode).toBe(200);
    expect((await three.get('/api/auth/me')).statusCode).toBe(401);
    expect(await t.s.db.select().from(sessions).where(eq(sessions.userId, u.id))).toHaveLength(0);
  });

  it('rejects a forged cookie', async () => {
    const forged = agentFor(t.app, 'forged-token', 'x');
    expect((await forged.get('/api/auth/me')).json().code).toBe('auth.unauthenticated');
  });
});

describe('CSRF protection', () => {
  it('refuses state changes without the session’s token, and writes nothing', async () => {
    const a = await signIn(t.app, w.users.adminA.username);
    const body = { parentId: w.districtA.id, code: 'CSRF000001', name: '不应创建' };
    const missing = await t.app.inject({ method: 'POST', url: '/api/jurisdictions', payload: body, cookies: { [SESSION_COOKIE]: a.cookie } });
    const wrong = await a.req('POST', '/api/jurisdictions', body, { 'x-csrf-token': 'x'.repeat(43) });
    const other = await signIn(t.app, w.users.adminA.username);
    const crossed = await a.req('POST', '/api/jurisdictions', body, { 'x-csrf-token': other.csrf });
    for (const res of [missing, wrong, crossed]) {
      expect(res.statusCode).toBe(403);
      expect(res.json().code).toBe('auth.csrf_invalid');
    }
    expect((await a.get('/api/jurisdictions')).json().items.some((j: { code: string }) => j.code === 'CSRF000001')).toBe(false);
  });
});

describe('password change', () => {
  it('needs the current password and a strong new one, then ends the other sessions', async () => {
    const u = await buildUser(t.s.db, { unitId: w.officeA.id, roles: ['intake'] });
    const a = await signIn(t.app, u.username);
    const b = await signIn(t.app, u.username);
    expect((await a.post('/api/auth/password', { currentPassword: 'wrong-one-1', newPassword: 'N3w-Passw0rd!' })).json().code)
      .toBe('auth.password_mismatch');
    expect((await a.post('/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'aaaaaaaaaaaa' })).json().code)
      .toBe('auth.password_weak');
    expect((await a.post('/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'N3w-Passw0rd!' })).statusCode).toBe(200);
    expect((await a.get('/api/auth/me')).statusCode).toBe(200);
    expect((await b.get('/api/auth/me')).statusCode).toBe(401);
    expect((await login(u.username, TEST_PASSWORD)).statusCode).toBe(401);
    expect((await login(u.username, 'N3w-Passw0rd!')).statusCode).toBe(200);
    const [row] = await t.s.db.select().from(users).where(eq(users.id, u.id));
    expect(row!.passwordChangedAt).not.toBeNull();
  });

  it('stores the language preference', async () => {
    const a = await signIn(t.app, w.users.leader.username);
    expect((await a.put('/api/me/preferences', { locale: 'en' })).json().locale).toBe('en');
    expect((await a.put('/api/me/preferences', { locale: 'fr' })).statusCode).toBe(400);
  });
});
