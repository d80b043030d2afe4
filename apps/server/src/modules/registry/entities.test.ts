import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq } from 'drizzle-orm';
import { events, registryEntities } from '../../db/schema';
import { buildTestApp, type TestApp } from '../../../test/harness';
import { signIn, type Agent } from '../../../test/agent';
import { buildUser } from '../../../test/factories';
import { buildRegistryWorld, websiteInput } from '../../../test/registry-factories';

let t: TestApp;
let w: Awaited<ReturnType<typeof buildRegistryWorld>>;
let district: Agent; let town: Agent; let town2: Agent; let districtB: Agent; let intake: Agent;
beforeAll(async () => {
  t = await buildTestApp();
  w = await buildRegistryWorld(t.s.db);
  [district, town, town2, districtB, intake] = await Promise.all([w.u.district, w.u.town, w.u.town2, w.u.districtB, w.u.intake].map((u) => signIn(t.app, u.username))) as [Agent, Agent, Agent, Agent, Agent];
});
afterAll(() => t.close());

const entityEvents = async (id: string) => t.s.db.select().from(events).where(and(eq(events.subjectType, 'registry_entity'), eq(events.subjectId, id))).orderBy(events.seq);
const entityCount = async () => (await t.s.db.select({ n: count() }).from(registryEntities))[0]!.n;
const create = async (a: Agent, o: Record<string, unknown> = {}) => {
  const res = await a.post('/api/registry/entities', websiteInput(o));
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
};

describe('entities', () => {
  it('creates with normalized identifiers, masked contact, an event, and finds it by partial, traditional and identifier input', async () => {
    const icp = `粤ICP备${Date.now() % 100000000}号-1`;
    const e = await create(town, {
      name: '示范網購平台', icpNo: icp.replace('ICP', 'ｉｃｐ'), url: `http://m.weibo.com/u/${Date.now()}`, jurisdictionId: w.townA.id,
      operatorName: '示范电子商务有限公司', operatorContact: { person: '张三', phone: '13800138000' }, tags: ['电商'],
    });
    expect(e.icpNo).toBe(icp);
    expect(e.canonicalUrl).toMatch(/^https:\/\/weibo\.com\/u\//);
    expect(e.contactMasked).toBe('张* 138****8000');
    expect(JSON.stringify(e)).not.toContain('13800138000');
    const evs = await entityEvents(e.id);
    expect(evs.map((x) => x.action)).toEqual(['registry.entity_created']);
    for (const q of ['网购', '網購平', icp.slice(0, 8), '电子商务', 'weibo.com/u']) {
      const res = await district.get(`/api/registry/entities?q=${encodeURIComponent(q)}`);
      expect([q, res.json().items.map((x: { id: string }) => x.id)]).toEqual([q, expect.arrayContaining([e.id])]);
    }
  });

  it('rejects malformed identifiers with a message per field, writing nothing', async () => {
    const before = await entityCount();
    const res = await district.post('/api/registry/entities', websiteInput({ icpNo: '京ICP12345号', url: 'ftp://x' }));
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('registry.invalid_identifier');
    expect(res.json().details.problems.map((p: { field: string }) => p.field)).toEqual(['url', 'icpNo']);
    const acc = await district.post('/api/registry/entities', { name: '某抖音号', type: 'douyin', grade: 'general' });
    expect(acc.json().code).toBe('registry.invalid_identifier');
    expect(await entityCount()).toBe(before);
  });

  it('shows duplicates before creating: same ICP refused, similar name needs confirmation; other jurisdictions stay hidden', async () => {
    const a = await create(district, { name: '东湖本地生活服务网' });
    const before = await entityCount();
    const same = await district.post('/api/registry/entities', websiteInput({ icpNo: a.icpNo }));
    expect([same.statusCode, same.json().code]).toEqual([409, 'registry.duplicate']);
    const similar = await district.post('/api/registry/entities', websiteInput({ name: '东湖本地生活服务网站' }));
    expect([similar.statusCode, similar.json().code]).toEqual([409, 'registry.duplicate']);
    expect(await entityCount()).toBe(before);
    const check = await district.post('/api/registry/entities/duplicates', { name: '東湖本地生活服務網', icpNo: a.icpNo });
    expect(check.json().items[0].entity.id).toBe(a.id);
    expect(check.json().items[0].reasons).toEqual(expect.arrayContaining(['same_icp', 'similar_name']));
    const hidden = await districtB.post('/api/registry/entities/duplicates', { icpNo: a.icpNo });
    expect(hidden.json().items).toEqual([{ entity: null, reasons: ['same_icp'], similarity: 0 }]);
    const dup = await districtB.post('/api/registry/entities', websiteInput({ icpNo: a.icpNo }));
    expect(dup.json().details.duplicates).toEqual([{ id: null, reasons: ['same_icp'] }]);
    const ok = await district.post('/api/registry/entities', websiteInput({ name: '东湖本地生活服务网站', confirmDuplicates: true }));
    expect(ok.statusCode).toBe(201);
  });

  it('tells a sibling district nothing of another district’s names; of a shared identifier only that it is registered elsewhere', async () => {
    const name = `东湖区独有网站${Date.now() % 100000}`;
    const a = await create(district, { name });
    // The same name typed in district B: no hit, no confirmation asked, nothing about district A.
    const check = await districtB.post('/api/registry/entities/duplicates', { name, type: 'website' });
    expect(check.json().items).toEqual([]);
    const own = await districtB.post('/api/registry/entities', websiteInput({ name }));
    expect(own.statusCode).toBe(201);
    expect(JSON.stringify(own.json())).not.toContain(a.id);
    // A hard identifier is unique in the whole register: district B learns it is taken, and nothing else.
    const ids = await districtB.post('/api/registry/entities/duplicates', { name: `${name}（镜像）`, icpNo: a.icpNo });
    // district B's own entity of that name is shown in full; district A's only as "registered elsewhere"
    expect(ids.json().items).toEqual(expect.arrayContaining([{ entity: null, reasons: ['same_icp'], similarity: 0 }]));
    expect(ids.json().items.filter((x: { entity: unknown }) => x.entity === null)).toHaveLength(1);
    for (const leak of [a.id, w.districtA.id]) expect(JSON.stringify(ids.json())).not.toContain(leak);
    const refused = await districtB.post('/api/registry/entities', websiteInput({ name: '另一个名字', icpNo: a.icpNo }));
    expect([refused.statusCode, refused.json().details.duplicates]).toEqual([409, [{ id: null, reasons: ['same_icp'] }]]);
  });

  it('scopes by jurisdiction: a town sees its own, not a sibling town; other ids answer 404 and nothing is written', async () => {
    const mine = await create(town, { jurisdictionId: w.townA.id });
    const theirs = await create(town2, { jurisdictionId: w.townA2.id });
    const list = (await town.get('/api/registry/entities?limit=200')).json().items.map((x: { id: string }) => x.id);
    expect(list).toContain(mine.id);
    expect(list).not.toContain(theirs.id);
    expect((await town.get(`/api/registry/entities/${theirs.id}`)).statusCode).toBe(404);
    const before = (await entityEvents(theirs.id)).length;
    for (const [url, body] of [[`/api/registry/entities/${theirs.id}/status`, { status: 'closed', reason: '测试越权' }], [`/api/registry/entities/${theirs.id}/pledges`, { signedOn: '2026-01-05' }]] as const) {
      const res = await town.post(url, body);
      expect([url, res.statusCode, res.json().code]).toEqual([url, 404, 'resource.not_found']);
    }
    expect((await town.patch(`/api/registry/entities/${theirs.id}`, { note: 'x' })).statusCode).toBe(404);
    expect((await entityEvents(theirs.id)).length).toBe(before);
    const all = (await district.get('/api/registry/entities?limit=200')).json().items.map((x: { id: string }) => x.id);
    expect(all).toEqual(expect.arrayContaining([mine.id, theirs.id]));
    expect((await districtB.get(`/api/registry/entities/${mine.id}`)).statusCode).toBe(404);
    expect((await town.post('/api/registry/entities', websiteInput({ jurisdictionId: w.townA2.id }))).json().code).toBe('jurisdiction.out_of_scope');
  });

  it('lets the district grade and move across its towns (audited), not the town', async () => {
    const e = await create(town, { jurisdictionId: w.townA.id });
    const no = await town.post(`/api/registry/entities/${e.id}/grade`, { grade: 'key', reason: '多次被举报' });
    expect([no.statusCode, no.json().code]).toEqual([403, 'registry.grade_forbidden']);
    expect(intake && (await intake.post(`/api/registry/entities/${e.id}/grade`, { grade: 'key', reason: '多次' })).json().code).toBe('auth.forbidden');
    const g = await district.post(`/api/registry/entities/${e.id}/grade`, { grade: 'key', reason: '多次被举报' });
    expect(g.statusCode).toBe(200);
    expect(g.json().grade).toBe('key');
    expect(g.json().gradeHistory.map((h: { grade: string }) => h.grade)).toEqual(['general', 'key']);
    const same = await district.post(`/api/registry/entities/${e.id}/grade`, { grade: 'key', reason: '再次' });
    expect(same.json().code).toBe('registry.invalid_transition');
    const m = await district.post(`/api/registry/entities/${e.id}/move`, { jurisdictionId: w.townA2.id, reason: '运营主体迁址' });
    expect(m.json().jurisdictionId).toBe(w.townA2.id);
    expect((await town.get(`/api/registry/entities/${e.id}`)).statusCode).toBe(404);
    expect((await town2.get(`/api/registry/entities/${e.id}`)).statusCode).toBe(200);
    const out = await district.post(`/api/registry/entities/${e.id}/move`, { jurisdictionId: w.districtB.id, reason: '越权' });
    expect(out.json().code).toBe('jurisdiction.out_of_scope');
    const evs = await entityEvents(e.id);
    expect(evs.map((x) => x.action)).toEqual(['registry.entity_created', 'registry.entity_graded', 'registry.entity_moved']);
    expect(evs[2]!.payload).toMatchObject({ from: w.townA.id, to: w.townA2.id });
    expect(evs[2]!.reason).toBe('运营主体迁址');
  });

  it('edits with a recorded diff, closes and reopens, and reveals the contact only with the permission, audited', async () => {
    const e = await create(district, { operatorContact: { person: '李四', email: 'li@example.cn' } });
    const p = await district.patch(`/api/registry/entities/${e.id}`, { operatorName: '新主体有限公司', tags: ['论坛'], reason: '主体变更' });
    expect(p.json().operatorName).toBe('新主体有限公司');
    expect((await intake.post(`/api/registry/entities/${e.id}/contact`)).statusCode).toBe(403);
    const rev = await district.post(`/api/registry/entities/${e.id}/contact`);
    expect(rev.json()).toEqual({ person: '李四', phone: null, email: 'li@example.cn' });
    const closed = await district.post(`/api/registry/entities/${e.id}/status`, { status: 'closed', reason: '网站已关停' });
    expect(closed.json().status).toBe('closed');
    expect((await district.patch(`/api/registry/entities/${e.id}`, { note: 'x' })).json().code).toBe('registry.invalid_transition');
    await district.post(`/api/registry/entities/${e.id}/status`, { status: 'active', reason: '恢复运营' });
    const evs = await entityEvents(e.id);
    expect(evs.map((x) => x.action)).toEqual(['registry.entity_created', 'registry.entity_updated', 'registry.contact_revealed', 'registry.entity_closed', 'registry.entity_reopened']);
    expect(evs[1]!.payload).toMatchObject({ changes: { operatorName: { to: '新主体有限公司' } } });
    expect(JSON.stringify(evs.map((x) => x.payload))).not.toContain('li@example.cn');
  });

  it('offers the pickers: certified officers and staff of the jurisdiction (and above), the tags in use there', async () => {
    const tag = `标签${Date.now() % 100000}`;
    await create(town, { jurisdictionId: w.townA.id, tags: [tag] });
    await create(town, { jurisdictionId: w.townA.id, tags: [tag, '电商'] });
    await create(districtB, { tags: ['外区标签'] });
    const res = await town.get('/api/registry/options');
    expect(res.statusCode, res.body).toBe(200);
    const o = res.json() as { officers: { id: string }[]; staff: { id: string }[]; tags: string[] };
    const ids = o.officers.map((x) => x.id);
    expect(ids).toEqual(expect.arrayContaining([w.u.officer1.id, w.u.officer2.id, w.u.officer3.id]));
    expect(ids).not.toContain(w.u.officerB.id);
    expect(o.staff.map((x) => x.id)).toEqual(expect.arrayContaining([w.u.town.id, w.u.district.id]));
    expect(o.staff.map((x) => x.id)).not.toContain(w.u.town2.id);
    expect(o.tags).toContain(tag);
    expect(o.tags).not.toContain('外区标签');
    expect((await t.app.inject({ method: 'GET', url: '/api/registry/options' })).statusCode).toBe(401);
  });

  it('lets read-only roles list but not change', async () => {
    const e = await create(district);
    expect((await intake.get(`/api/registry/entities/${e.id}`)).statusCode).toBe(200);
    expect((await intake.post('/api/registry/entities', websiteInput())).json().code).toBe('auth.forbidden');
    const nobody = await signIn(t.app, (await buildUser(t.s.db, { unitId: w.officeA.id, roles: ['partner'] })).username);
    expect((await nobody.get('/api/registry/entities')).statusCode).toBe(403);
  });
});
