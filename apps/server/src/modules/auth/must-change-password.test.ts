import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listRoutes, type RouteEntry } from '../../http/app';
import { buildTestApp, type TestApp } from '../../../test/harness';
import { buildWorld, uniq, type World } from '../../../test/factories';
import { signIn, type Agent } from '../../../test/agent';

let t: TestApp;
let w: World;
let sessionRoutes: RouteEntry[];
beforeAll(async () => {
  t = await buildTestApp();
  w = await buildWorld(t.s.db);
  sessionRoutes = listRoutes(t.app).filter((r) => r.url.startsWith('/api/') && !r.public && !r.apiKey);
});
afterAll(() => t.close());

const concrete = (url: string) => url.replace(':id', randomUUID()).replace(':date', '2031-06-07');
const key = (r: RouteEntry) => `${r.method} ${r.url}`;
const INITIAL = 'Initial-Pass-1';

/** A user created through the API by an admin, with every built-in role so no route stops at its permission. */
async function createdByAdmin(): Promise<{ id: string; username: string; agent: Agent }> {
  const admin = await signIn(t.app, w.users.cityAdmin.username);
  const username = uniq('new_').toLowerCase();
  const res = await admin.post('/api/users', {
    username, displayName: '新同事', unitId: w.cityOffice.id, password: INITIAL,
    roles: ['admin', 'intake', 'analyst', 'handler', 'leader', 'enforcement', 'legal_reviewer', 'volunteer', 'partner', 'platform_liaison'],
  });
  expect(res.statusCode).toBe(201);
  return { id: res.json().id, username, agent: await signIn(t.app, username, INITIAL) };
}

describe('an initial password must be changed at first sign-in', () => {
  it('opens only whoami, sign-out and the change itself; every other route answers 403 password_change_required', async () => {
    const { agent } = await createdByAdmin();
    expect((await agent.get('/api/auth/me')).json().user.mustChangePassword).toBe(true);
    expect(sessionRoutes.filter((r) => r.beforePasswordChange).map(key).sort())
      .toEqual(['GET /api/auth/me', 'POST /api/auth/logout', 'POST /api/auth/logout-all', 'POST /api/auth/password']);
    const closed = sessionRoutes.filter((r) => !r.beforePasswordChange);
    expect(closed.length).toBeGreaterThan(50);
    for (const r of closed) {
      const res = await agent.req(r.method as 'GET', concrete(r.url), r.method === 'GET' ? undefined : {});
      expect([key(r), res.statusCode, res.json().code]).toEqual([key(r), 403, 'auth.password_change_required']);
    }
  });

  it('refuses the same password again, then after a real change everything is open in the same session', async () => {
    const { agent } = await createdByAdmin();
    const same = await agent.post('/api/auth/password', { currentPassword: INITIAL, newPassword: INITIAL });
    expect([same.statusCode, same.json().code]).toEqual([400, 'auth.password_unchanged']);
    expect((await agent.get('/api/users')).json().code).toBe('auth.password_change_required');
    expect((await agent.post('/api/auth/password', { currentPassword: INITIAL, newPassword: 'My-Own-Choice-2' })).statusCode).toBe(200);
    expect((await agent.get('/api/auth/me')).json().user.mustChangePassword).toBe(false);
    for (const r of sessionRoutes.filter((x) => x.method === 'GET' && !x.url.includes(':'))) {
      const res = await agent.get(r.url);
      expect([key(r), res.statusCode === 403 ? res.json().code : 'open']).toEqual([key(r), 'open']);
    }
  });

  it('lets such a session sign out', async () => {
    const { agent } = await createdByAdmin();
    expect((await agent.post('/api/auth/logout')).statusCode).toBe(200);
    expect((await agent.get('/api/auth/me')).statusCode).toBe(401);
  });
});
