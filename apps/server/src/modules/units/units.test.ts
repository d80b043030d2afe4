import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { buildTestApp, type TestApp } from '../../../test/harness';
import { buildWorld, uniq, type World } from '../../../test/factories';
import { signIn, type Agent } from '../../../test/agent';
import { events, units } from '../../db/schema';

let t: TestApp;
let w: World;
let cityAdmin: Agent;
let adminA: Agent;
beforeAll(async () => {
  t = await buildTestApp();
  w = await buildWorld(t.s.db);
  [cityAdmin, adminA] = await Promise.all([signIn(t.app, w.users.cityAdmin.username), signIn(t.app, w.users.adminA.username)]);
});
afterAll(() => t.close());

describe('units', () => {
  it('lists units in scope with filters and user counts', async () => {
    const res = (await adminA.get('/api/units?limit=200')).json();
    const ids = res.items.map((u: { id: string }) => u.id);
    expect(ids).toContain(w.officeA.id);
    expect(ids).not.toContain(w.officeB.id);
    expect(ids).not.toContain(w.police.id);
    const own = res.items.find((u: { id: string }) => u.id === w.officeA.id);
    expect(own.userCount).toBe(2);
    const depts = (await cityAdmin.get(`/api/units?kind=department&jurisdictionId=${w.city.id}`)).json();
    expect(depts.items.map((u: { id: string }) => u.id)).toEqual([w.police.id]);
  });

  it('creates a partner department unit in scope, and refuses outside it', async () => {
    const name = uniq('市文旅局');
    const res = await cityAdmin.post('/api/units', { name, kind: 'department', jurisdictionId: w.city.id, contactPhone: '0571-88886666' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ name, kind: 'department', jurisdictionName: w.city.name, userCount: 0 });
    const out = await adminA.post('/api/units', { name: uniq('x'), kind: 'office', jurisdictionId: w.districtB.id });
    expect(out.statusCode).toBe(404);
    expect((await t.s.db.select().from(units).where(eq(units.jurisdictionId, w.districtB.id))).length).toBe(1);
  });

  it('moves a unit between jurisdictions as an audited action', async () => {
    const created = (await cityAdmin.post('/api/units', { name: uniq('网格站'), kind: 'office', jurisdictionId: w.districtA.id })).json();
    const moved = await cityAdmin.patch(`/api/units/${created.id}`, { jurisdictionId: w.districtB.id, reason: '划转' });
    expect(moved.json().jurisdictionId).toBe(w.districtB.id);
    const [ev] = await t.s.db.select().from(events).where(and(eq(events.subjectId, created.id), eq(events.action, 'unit.moved')));
    expect(ev).toMatchObject({ reason: '划转', payload: { changes: { jurisdictionId: [w.districtA.id, w.districtB.id] } } });
    expect((await adminA.get(`/api/units/${created.id}`)).statusCode).toBe(404);
  });

  it('refuses a duplicate name, a bad phone and deactivating one’s own unit', async () => {
    expect((await cityAdmin.post('/api/units', { name: w.officeA.name, kind: 'office', jurisdictionId: w.districtA.id })).statusCode).toBe(409);
    expect((await cityAdmin.post('/api/units', { name: uniq('u'), kind: 'office', jurisdictionId: w.city.id, contactPhone: '<script>' })).statusCode).toBe(400);
    expect((await cityAdmin.post('/api/units', { name: uniq('u'), kind: 'ministry', jurisdictionId: w.city.id })).statusCode).toBe(400);
    expect((await adminA.patch(`/api/units/${w.officeA.id}`, { active: false })).json().code).toBe('user.cannot_modify_self');
  });
});
