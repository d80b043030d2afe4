import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq } from 'drizzle-orm';
import { events, rectificationFollowUps, rectifications } from '../../db/schema';
import { buildTestApp, type TestApp } from '../../../test/harness';
import { signIn, type Agent } from '../../../test/agent';
import { buildRegistryWorld, websiteInput } from '../../../test/registry-factories';

let t: TestApp;
let w: Awaited<ReturnType<typeof buildRegistryWorld>>;
let district: Agent;
beforeAll(async () => {
  t = await buildTestApp({}, new Date('2026-03-02T02:00:00Z'));
  w = await buildRegistryWorld(t.s.db);
  district = await signIn(t.app, w.u.district.username);
});
afterAll(() => t.close());

/** An entity with an inspection that raised one rectification item; returns the entity and the item's id. */
async function inspected() {
  const e = (await district.post('/api/registry/entities', websiteInput())).json();
  const res = await district.post(`/api/registry/entities/${e.id}/inspections`, {
    inspectedOn: '2026-03-01', officerIds: [w.u.officer1.id, w.u.officer2.id], findings: '未建立信息巡查制度', rectifications: [{ description: '建立巡查台账', days: 10 }],
  });
  expect(res.statusCode, res.body).toBe(201);
  const page = (await district.get(`/api/registry/entities/${e.id}`)).json();
  return { entityId: e.id as string, itemId: page.inspections[0].rectifications[0].id as string };
}
const entityActions = async (id: string) =>
  (await t.s.db.select().from(events).where(and(eq(events.subjectType, 'registry_entity'), eq(events.subjectId, id))).orderBy(events.seq)).map((e) => e.action);
const written = async (itemId: string) => ({
  followUps: (await t.s.db.select({ n: count() }).from(rectificationFollowUps).where(eq(rectificationFollowUps.rectificationId, itemId)))[0]!.n,
  events: (await t.s.db.select({ n: count() }).from(events).where(and(eq(events.subjectType, 'registry_rectification'), eq(events.subjectId, itemId))))[0]!.n,
});

describe('rectification progress 整改进展 (interim follow-ups)', () => {
  it('notes progress (the item stays open), then the closing follow-up; both on the page and the entity chain', async () => {
    const { entityId, itemId } = await inspected();
    const res = await district.post(`/api/registry/rectifications/${itemId}/progress`, { note: '已下架违规内容，台账制度起草中' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().id).toBe(entityId);
    let item = (await district.get(`/api/registry/entities/${entityId}`)).json().inspections[0].rectifications[0];
    expect(item).toMatchObject({ state: 'open', followUp: null, followUps: [{ kind: 'progress', note: '已下架违规内容，台账制度起草中' }] });
    expect(item.followUps[0].actorName).toBeTruthy();
    expect((await district.post(`/api/registry/rectifications/${itemId}/follow-up`, { result: 'rectified', note: '复查已整改' })).statusCode).toBe(200);
    item = (await district.get(`/api/registry/entities/${entityId}`)).json().inspections[0].rectifications[0];
    expect(item).toMatchObject({ state: 'rectified', followUp: '复查已整改' });
    expect(item.followUps.map((f: { kind: string }) => f.kind)).toEqual(['progress', 'rectified']);
    expect(await entityActions(entityId)).toEqual(['registry.entity_created', 'registry.inspection_recorded', 'registry.rectification_progress', 'registry.rectification_followed_up']);
    const chain = (await t.s.db.select().from(events).where(and(eq(events.subjectType, 'registry_rectification'), eq(events.subjectId, itemId))).orderBy(events.seq)).map((e) => e.action);
    expect(chain).toEqual(['rectification.opened', 'deadline.started', 'rectification.followed_up', 'deadline.met', 'rectification.closed']);
    // a closed item takes no more progress: 409, nothing written
    const before = await written(itemId);
    const late = await district.post(`/api/registry/rectifications/${itemId}/progress`, { note: '补充说明' });
    expect([late.statusCode, late.json().code]).toEqual([409, 'registry.invalid_transition']);
    expect(await written(itemId)).toEqual(before);
  });

  it('refuses bad input with 400 and a user without registry.manage with 403, writing nothing', async () => {
    const { itemId } = await inspected();
    const before = await written(itemId);
    for (const body of [{}, { note: 'x' }, { note: '进展', extra: 1 }, { note: '进'.repeat(2001) }]) {
      const bad = await district.post(`/api/registry/rectifications/${itemId}/progress`, body);
      expect([bad.statusCode, bad.json().code]).toEqual([400, 'request.invalid']);
    }
    const intake = await signIn(t.app, w.u.intake.username);
    expect((await intake.post(`/api/registry/rectifications/${itemId}/progress`, { note: '整改进展' })).statusCode).toBe(403);
    expect(await written(itemId)).toEqual(before);
  });

  it('answers 404 for an item of another district and for an unknown id, writing nothing', async () => {
    const { itemId } = await inspected();
    const before = await written(itemId);
    const other = await signIn(t.app, w.u.districtB.username);
    for (const [a, id] of [[other, itemId], [district, '00000000-0000-4000-8000-000000000000']] as const) {
      const res = await a.post(`/api/registry/rectifications/${id}/progress`, { note: '整改进展' });
      expect([res.statusCode, res.json().code]).toEqual([404, 'resource.not_found']);
    }
    expect(await written(itemId)).toEqual(before);
  });

  it('moves the items\' scope with their entity when the entity moves to another jurisdiction', async () => {
    const { entityId, itemId } = await inspected();
    const m = await district.post(`/api/registry/entities/${entityId}/move`, { jurisdictionId: w.townA2.id, reason: '运营主体迁址' });
    expect(m.statusCode, m.body).toBe(200);
    const [row] = await t.s.db.select().from(rectifications).where(eq(rectifications.id, itemId));
    expect([row!.jurisdictionId, row!.jurisdictionPath]).toEqual([w.townA2.id, w.townA2.path]);
    expect((await t.s.rectifications.openFor(t.s.db, entityId)).map((r) => r.id)).toEqual([itemId]);
  });
});
