import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq } from 'drizzle-orm';
import { buildTestApp, type TestApp } from '../../../test/harness';
import { buildWorld, uniq, type World } from '../../../test/factories';
import { signIn, type Agent } from '../../../test/agent';
import { events, jurisdictions } from '../../db/schema';

let t: TestApp;
let w: World;
let cityAdmin: Agent;
let adminA: Agent;
let adminB: Agent;
beforeAll(async () => {
  t = await buildTestApp();
  w = await buildWorld(t.s.db);
  [cityAdmin, adminA, adminB] = await Promise.all([
    signIn(t.app, w.users.cityAdmin.username), signIn(t.app, w.users.adminA.username), signIn(t.app, w.users.adminB.username),
  ]);
});
afterAll(() => t.close());

const code = () => uniq('J').slice(0, 12);

describe('jurisdiction tree', () => {
  it('lists only the user’s subtree', async () => {
    const mine = (await adminA.get('/api/jurisdictions')).json().items.map((j: { id: string }) => j.id);
    expect(mine).toEqual(expect.arrayContaining([w.districtA.id, w.townA.id]));
    expect(mine).not.toContain(w.city.id);
    expect(mine).not.toContain(w.districtB.id);
    const all = (await cityAdmin.get('/api/jurisdictions')).json().items.map((j: { id: string }) => j.id);
    expect(all).toEqual(expect.arrayContaining([w.city.id, w.districtA.id, w.districtB.id, w.townA.id]));
  });

  it('hides another district’s jurisdiction: reading it by id is a 404', async () => {
    const res = await adminA.get(`/api/jurisdictions/${w.districtB.id}`);
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('resource.not_found');
    expect((await adminB.get(`/api/jurisdictions/${w.districtB.id}`)).statusCode).toBe(200);
  });

  it('creates a child at the next level and records who did it', async () => {
    const c = code();
    const res = await adminA.post('/api/jurisdictions', { parentId: w.townA.id, code: c, name: '幸福社区' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ level: 'community', parentId: w.townA.id, code: c });
    const [row] = await t.s.db.select().from(jurisdictions).where(eq(jurisdictions.id, res.json().id));
    expect(row!.path).toBe(`${w.townA.path}${row!.id}/`);
    const [ev] = await t.s.db.select().from(events).where(and(eq(events.subjectId, row!.id), eq(events.action, 'jurisdiction.created')));
    expect(ev).toMatchObject({ actorId: w.users.adminA.id, unitId: w.officeA.id, toState: 'active' });
  });

  it('refuses a child under a community', async () => {
    const community = (await adminA.post('/api/jurisdictions', { parentId: w.townA.id, code: code(), name: '网格一' })).json();
    const res = await adminA.post('/api/jurisdictions', { parentId: community.id, code: code(), name: '网格下级' });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('jurisdiction.invalid_parent');
  });

  it('cannot create under, or edit, another district (404), and writes nothing', async () => {
    const before = (await t.s.db.select({ n: count() }).from(jurisdictions))[0]!.n;
    const c = code();
    expect((await adminA.post('/api/jurisdictions', { parentId: w.districtB.id, code: c, name: '越权' })).statusCode).toBe(404);
    expect((await adminA.patch(`/api/jurisdictions/${w.districtB.id}`, { name: '改名' })).statusCode).toBe(404);
    expect((await t.s.db.select({ n: count() }).from(jurisdictions))[0]!.n).toBe(before);
    const [b] = await t.s.db.select().from(jurisdictions).where(eq(jurisdictions.id, w.districtB.id));
    expect(b!.name).toBe(w.districtB.name);
  });

  it('refuses a duplicate code with a conflict', async () => {
    const c = code();
    expect((await adminA.post('/api/jurisdictions', { parentId: w.townA.id, code: c, name: '甲' })).statusCode).toBe(201);
    const dup = await adminA.post('/api/jurisdictions', { parentId: w.townA.id, code: c, name: '乙' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json()).toMatchObject({ code: 'resource.conflict', details: { field: 'code' } });
  });

  it('renames with a reason on the event, and will not deactivate a node with active children', async () => {
    const res = await adminA.patch(`/api/jurisdictions/${w.townA.id}`, { name: '新名镇', reason: '行政区划调整' });
    expect(res.json().name).toBe('新名镇');
    const [ev] = await t.s.db.select().from(events)
      .where(and(eq(events.subjectId, w.townA.id), eq(events.action, 'jurisdiction.updated')));
    expect(ev!.reason).toBe('行政区划调整');
    expect(ev!.payload).toEqual({ changes: { name: [w.townA.name, '新名镇'] } });
    const blocked = await cityAdmin.patch(`/api/jurisdictions/${w.districtA.id}`, { active: false });
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json().code).toBe('jurisdiction.has_children');
  });

  it('rejects wrong types and bad codes with field details', async () => {
    const res = await adminA.post('/api/jurisdictions', { parentId: 'not-a-uuid', code: '12', name: 42 });
    expect(res.statusCode).toBe(400);
    const paths = res.json().details.issues.map((i: { path: string }) => i.path).sort();
    expect(paths).toEqual(['code', 'name', 'parentId']);
  });
});
