import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../test/harness';
import { buildUser, buildWorld, uniq, type World } from '../../../test/factories';
import { signIn, type Agent } from '../../../test/agent';

let t: TestApp;
let w: World;
let cityAdmin: Agent;
beforeAll(async () => {
  t = await buildTestApp();
  w = await buildWorld(t.s.db);
  cityAdmin = await signIn(t.app, w.users.cityAdmin.username);
});
afterAll(() => t.close());

describe('roles and permissions', () => {
  it('lists the built-in roles with their permissions', async () => {
    const roles = (await cityAdmin.get('/api/roles')).json().items;
    const admin = roles.find((r: { code: string }) => r.code === 'admin');
    expect(admin).toMatchObject({ builtin: true, name: '管理员' });
    expect(admin.permissions).toContain('admin.roles.manage');
    expect((await cityAdmin.get('/api/permissions')).json().items).toContain('audit.read');
  });

  it('creates a role, edits its permissions, and the change reaches its users’ next request', async () => {
    const code = `r_${uniq().toLowerCase()}`;
    const created = await cityAdmin.post('/api/roles', { code, name: '审计员', permissions: ['directory.read'] });
    expect(created.statusCode).toBe(201);
    const user = (await cityAdmin.post('/api/users', {
      username: uniq('aud').toLowerCase(), displayName: '审计员', unitId: w.cityOffice.id, roles: [code], password: 'Aud1t-Pass!!',
    })).json();
    const auditor = await signIn(t.app, user.username, 'Aud1t-Pass!!');
    // the initial password an admin set is changed first
    expect((await auditor.post('/api/auth/password', { currentPassword: 'Aud1t-Pass!!', newPassword: 'Own-Aud1t-Pass!' })).statusCode).toBe(200);
    expect((await auditor.get('/api/events')).json().code).toBe('auth.forbidden');
    await cityAdmin.patch(`/api/roles/${created.json().id}`, { permissions: ['directory.read', 'audit.read'], reason: '增加审计权限' });
    expect((await auditor.get('/api/events')).statusCode).toBe(200);
  });

  it('keeps the admin role’s permissions fixed and rejects unknown permissions', async () => {
    const admin = (await cityAdmin.get('/api/roles')).json().items.find((r: { code: string }) => r.code === 'admin');
    expect((await cityAdmin.patch(`/api/roles/${admin.id}`, { permissions: [] })).json().code).toBe('role.builtin_locked');
    expect((await cityAdmin.post('/api/roles', { code: `r_${uniq().toLowerCase()}`, name: 'x', permissions: ['launch.missiles'] })).statusCode).toBe(400);
  });

  it('refuses a role bundling privileged permissions its author lacks', async () => {
    const code = `rm_${uniq().toLowerCase()}`;
    await cityAdmin.post('/api/roles', { code, name: '角色管理员', permissions: ['admin.roles.manage', 'directory.read'] });
    const manager = await buildUser(t.s.db, { unitId: w.cityOffice.id, roles: [code] });
    const m = await signIn(t.app, manager.username);
    expect((await m.post('/api/roles', { code: `r_${uniq().toLowerCase()}`, name: '业务', permissions: ['legal.review'] })).statusCode).toBe(201);
    const res = await m.post('/api/roles', { code: `r_${uniq().toLowerCase()}`, name: '越权', permissions: ['admin.calendar.manage'] });
    expect(res.statusCode).toBe(403);
    expect(res.json().details.permissions).toEqual(['admin.calendar.manage']);
  });
});
