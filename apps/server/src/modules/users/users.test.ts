import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq } from 'drizzle-orm';
import { buildTestApp, type TestApp } from '../../../test/harness';
import { buildUser, buildWorld, TEST_PASSWORD, uniq, type World } from '../../../test/factories';
import { signIn, type Agent } from '../../../test/agent';
import { events, users } from '../../db/schema';
import { holdersOf } from './users.service';

let t: TestApp;
let w: World;
let cityAdmin: Agent;
let adminA: Agent;
beforeAll(async () => {
  t = await buildTestApp({ LOGIN_MAX_FAILURES: 2 });
  w = await buildWorld(t.s.db);
  [cityAdmin, adminA] = await Promise.all([signIn(t.app, w.users.cityAdmin.username), signIn(t.app, w.users.adminA.username)]);
});
afterAll(() => t.close());

const newUser = (o: Record<string, unknown> = {}) => ({
  username: uniq('u').toLowerCase(), displayName: '新同事', unitId: w.officeA.id, roles: ['intake'], password: 'Str0ng-Pass!', ...o,
});

describe('users', () => {
  it('creates a user who can then sign in, hashing the password with argon2id', async () => {
    const input = newUser();
    const res = await adminA.post('/api/users', input);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ username: input.username, roles: ['intake'], unitName: w.officeA.name, throttled: false, mustChangePassword: true });
    const [row] = await t.s.db.select().from(users).where(eq(users.username, input.username));
    expect(row!.passwordHash).toMatch(/^\$argon2id\$/);
    expect((await signIn(t.app, input.username, 'Str0ng-Pass!')).csrf).toBeTruthy();
  });

  it('lists only users in scope; another district’s user is a 404', async () => {
    const list = (await adminA.get('/api/users?limit=200')).json().items.map((u: { id: string }) => u.id);
    expect(list).toContain(w.users.intakeA.id);
    expect(list).not.toContain(w.users.adminB.id);
    expect((await adminA.get(`/api/users/${w.users.adminB.id}`)).statusCode).toBe(404);
    expect((await adminA.patch(`/api/users/${w.users.adminB.id}`, { displayName: 'x' })).statusCode).toBe(404);
    const byRole = (await cityAdmin.get('/api/users?role=partner&limit=200')).json().items.map((u: { id: string }) => u.id);
    expect(byRole).toContain(w.users.partner.id);
    expect(byRole).not.toContain(w.users.intakeA.id);
  });

  it('refuses weak passwords, taken usernames, unknown roles and units elsewhere, writing nothing', async () => {
    const before = (await t.s.db.select({ n: count() }).from(users))[0]!.n;
    expect((await adminA.post('/api/users', newUser({ password: 'password12' }))).json().code).toBe('auth.password_weak');
    expect((await adminA.post('/api/users', newUser({ username: w.users.intakeA.username }))).json().code).toBe('user.username_taken');
    expect((await adminA.post('/api/users', newUser({ roles: ['emperor'] }))).json().code).toBe('request.invalid');
    expect((await adminA.post('/api/users', newUser({ unitId: w.officeB.id }))).statusCode).toBe(404);
    expect((await adminA.post('/api/users', newUser({ username: 'Bad Name!' }))).statusCode).toBe(400);
    expect((await t.s.db.select({ n: count() }).from(users))[0]!.n).toBe(before);
  });

  it('will not let an admin grant permissions they lack, or change their own roles', async () => {
    const code = `um_${uniq().toLowerCase()}`;
    await cityAdmin.post('/api/roles', { code, name: '用户管理员', permissions: ['admin.users.manage', 'directory.read'] });
    const manager = await buildUser(t.s.db, { unitId: w.officeA.id, roles: [code] });
    const m = await signIn(t.app, manager.username);
    expect((await m.post('/api/users', newUser({ roles: ['handler'] }))).statusCode).toBe(201);
    expect((await m.post('/api/users', newUser({ roles: ['leader'] }))).json().details.permissions).toEqual(['audit.read']);
    const escalate = await m.post('/api/users', newUser({ roles: ['admin'] }));
    expect(escalate.statusCode).toBe(403);
    expect(escalate.json().details.permissions).toContain('admin.roles.manage');
    const self = await adminA.patch(`/api/users/${w.users.adminA.id}`, { roles: ['intake'] });
    expect(self.json().code).toBe('user.cannot_modify_self');
  });

  it('deactivation and role changes end the user’s sessions at once', async () => {
    const u = await buildUser(t.s.db, { unitId: w.officeA.id, roles: ['intake'] });
    const session = await signIn(t.app, u.username);
    const res = await adminA.patch(`/api/users/${u.id}`, { active: false, reason: '调离' });
    expect(res.json().active).toBe(false);
    expect((await session.get('/api/auth/me')).statusCode).toBe(401);
    const [ev] = await t.s.db.select().from(events).where(and(eq(events.subjectId, u.id), eq(events.action, 'user.updated')));
    expect(ev).toMatchObject({ fromState: 'active', toState: 'inactive', reason: '调离' });
  });

  it('clears an account’s failed sign-ins', async () => {
    const u = await buildUser(t.s.db, { unitId: w.officeA.id, roles: ['intake'] });
    const attempt = (password: string, ip: string) =>
      t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: u.username, password }, remoteAddress: ip });
    for (let i = 0; i < 2; i++) await attempt('wrong-wrong', '192.0.2.10');
    expect((await adminA.get(`/api/users/${u.id}`)).json().throttled).toBe(true);
    expect((await attempt(TEST_PASSWORD, '192.0.2.11')).statusCode).toBe(429);
    expect((await adminA.post(`/api/users/${u.id}/unlock`)).json().throttled).toBe(false);
    expect((await adminA.post(`/api/users/${u.id}/unlock`)).statusCode).toBe(409);
    expect((await attempt(TEST_PASSWORD, '192.0.2.11')).statusCode).toBe(200);
    const [ev] = await t.s.db.select().from(events).where(and(eq(events.subjectId, u.id), eq(events.action, 'user.unlocked')));
    expect(ev).toMatchObject({ actorId: w.users.adminA.id });
  });

  it('resets a password, which the user must then change before anything else', async () => {
    const u = await buildUser(t.s.db, { unitId: w.officeA.id, roles: ['intake'] });
    const before = await signIn(t.app, u.username);
    expect((await adminA.post(`/api/users/${u.id}/reset-password`, { password: 'Reset-Pass-99' })).statusCode).toBe(200);
    expect((await before.get('/api/auth/me')).statusCode).toBe(401);
    expect((await adminA.get(`/api/users/${u.id}`)).json().mustChangePassword).toBe(true);
    const after = await signIn(t.app, u.username, 'Reset-Pass-99');
    expect((await after.get('/api/auth/me')).json().user.mustChangePassword).toBe(true);
    expect((await after.get('/api/notifications')).json().code).toBe('auth.password_change_required');
    expect((await after.post('/api/auth/password', { currentPassword: 'Reset-Pass-99', newPassword: 'Own-Choice-77' })).statusCode).toBe(200);
    expect((await after.get('/api/auth/me')).json().user.mustChangePassword).toBe(false);
    expect((await adminA.get(`/api/users/${u.id}`)).json().mustChangePassword).toBe(false);
  });
});

describe('holdersOf: active officers holding a permission in scope', () => {
  it('answers the subtree, or also the jurisdictions above it; only active users holding the permission', async () => {
    const inactive = await buildUser(t.s.db, { unitId: w.officeA.id, roles: ['intake'], active: false });
    const userA = { scopePath: w.districtA.path };
    const ids = async (q: Omit<Parameters<typeof holdersOf>[1], 'user'>) => (await holdersOf(t.s.db, { user: userA, ...q })).map((h) => h.id);
    const subtree = await ids({ permission: 'reports.read' });
    expect(subtree).toContain(w.users.intakeA.id);
    expect(subtree).not.toContain(w.users.leader.id); // the city is above district A
    expect(subtree).not.toContain(inactive.id);
    expect(subtree).not.toContain(w.users.adminA.id); // admin does not read reports
    const line = await ids({ permission: 'reports.read', reach: 'subtree-and-above' });
    expect(line).toEqual(expect.arrayContaining([w.users.intakeA.id, w.users.leader.id]));
    expect(await ids({ permission: 'reports.read', ids: [w.users.intakeA.id, w.users.leader.id] })).toEqual([w.users.intakeA.id]);
    expect(await ids({ permission: 'reports.read', ids: [] })).toEqual([]);
    expect(await holdersOf(t.s.db, { user: { scopePath: w.districtB.path }, permission: 'reports.read', ids: [w.users.intakeA.id] })).toEqual([]);
  });
});
