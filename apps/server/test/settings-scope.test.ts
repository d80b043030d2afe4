import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, eq, inArray, isNull, like, or, type AnyColumn } from 'drizzle-orm';
import { SETTING_SCOPES } from '../src/modules/settings/settings-scope';
import {
  calendarDays, deadlines, events, lexiconRules, replyTemplates, reportSla, rolePermissions, roles, termCorrections,
} from '../src/db/schema';
import { buildTestApp, type TestApp } from './harness';
import { buildJurisdiction, buildUnit, buildUser, buildWorld, uniq, type World } from './factories';
import { signIn, type Agent } from './agent';
import { publicReport, reportByTracking } from './report-helpers';
import { apiRoutes, fill, routeKey, walkRoutes, type WalkRequest } from './scope-walk';

let t: TestApp;
let w: World;
let city: Agent;
let sibling: Agent;
/** 东湖区's admin in the issue: a district user holding every role a settings route asks for */
let district: Agent;
let town: Agent;
let townJ: Awaited<ReturnType<typeof buildJurisdiction>>;
const mark = uniq().replace(/[0-9]/g, '');
// Categories, dates and names of this file only (the database is shared with other files).
const CITY_CAT = 'infringement.privacy';
const SIBLING_CAT = 'infringement.insult';
const CITY_DAY = '2033-05-04'; // a Wednesday
const SIBLING_DAY = '2033-05-11';
const CITY_TEMPLATE = `市级模板${mark}`;
const SIBLING_TEMPLATE = `乙区模板${mark}`;
const ALL_ROLES = ['admin', 'analyst', 'leader'];
const ids = { cityTemplate: '', siblingTemplate: '', volunteerRole: '', cityRule: '', cityTerm: '' };

beforeAll(async () => {
  t = await buildTestApp({}, new Date('2033-05-02T02:00:00Z'));
  w = await buildWorld(t.s.db);
  townJ = await buildJurisdiction(t.s.db, { parent: w.districtA, level: 'town', name: uniq('街道') });
  const townOffice = await buildUnit(t.s.db, { jurisdictionId: townJ.id });
  const [c, a, b, tn] = await Promise.all([
    buildUser(t.s.db, { unitId: w.cityOffice.id, roles: ALL_ROLES }), buildUser(t.s.db, { unitId: w.officeA.id, roles: ALL_ROLES }),
    buildUser(t.s.db, { unitId: w.officeB.id, roles: ALL_ROLES }), buildUser(t.s.db, { unitId: townOffice.id, roles: ALL_ROLES }),
  ]);
  [city, district, sibling, town] = await Promise.all([c, a, b, tn].map((u) => signIn(t.app, u.username))) as [Agent, Agent, Agent, Agent];
  // The city's defaults and the sibling district's overrides that the walk must leave alone.
  expect((await city.put(`/api/reports/sla/${CITY_CAT}`, { accept: 2, dispose: 6, reply: 3, reason: '市级默认' })).statusCode).toBe(200);
  expect((await sibling.put(`/api/reports/sla/${SIBLING_CAT}`, { accept: 1, dispose: 3, reply: 1, reason: '乙区从快' })).statusCode).toBe(200);
  expect((await city.put(`/api/calendar/days/${CITY_DAY}`, { kind: 'holiday', name: '市级假日' })).statusCode).toBe(200);
  expect((await sibling.put(`/api/calendar/days/${SIBLING_DAY}`, { kind: 'holiday', name: '乙区假日' })).statusCode).toBe(200);
  ids.cityTemplate = (await city.post('/api/reply-templates', { outcome: 'handled', name: CITY_TEMPLATE, body: '市级答复：您的举报（编号{{trackingNo}}）已依法处置。' })).json().id;
  ids.siblingTemplate = (await sibling.post('/api/reply-templates', { outcome: 'handled', name: SIBLING_TEMPLATE, body: '乙区答复：您的举报（编号{{trackingNo}}）已依法处置。' })).json().id;
  ids.volunteerRole = (await t.s.db.select().from(roles).where(eq(roles.code, 'volunteer')))[0]!.id;
  ids.cityRule = (await city.post('/api/patrol/rules', { kind: 'term', pattern: `市级词${mark}`, category: 'other' })).json().id;
  ids.cityTerm = (await city.post('/api/patrol/terms', { wrong: `旧称${mark}`, right: `新称${mark}` })).json().id;
  expect(Object.values(ids).every(Boolean)).toBe(true);
});
afterAll(() => t.close());

/** The city's and the sibling district's settings as stored (this file's rows, and the root-only tables). */
async function cityAndSibling() {
  const notMine = (col: AnyColumn) => or(isNull(col), eq(col, w.districtB.id));
  return {
    sla: await t.s.db.select().from(reportSla).where(and(notMine(reportSla.jurisdictionId), inArray(reportSla.categoryCode, [CITY_CAT, SIBLING_CAT]))),
    days: await t.s.db.select().from(calendarDays).where(and(notMine(calendarDays.jurisdictionId), inArray(calendarDays.date, [CITY_DAY, SIBLING_DAY]))),
    templates: await t.s.db.select().from(replyTemplates).where(and(notMine(replyTemplates.jurisdictionId), like(replyTemplates.name, `%${mark}`))),
    roles: await t.s.db.select().from(roles).where(eq(roles.builtin, true)).orderBy(asc(roles.code)),
    permissions: await t.s.db.select().from(rolePermissions).where(eq(rolePermissions.roleId, ids.volunteerRole)).orderBy(asc(rolePermissions.permission)),
    rules: await t.s.db.select().from(lexiconRules).where(like(lexiconRules.pattern, `%${mark}%`)),
    terms: await t.s.db.select().from(termCorrections).where(like(termCorrections.wrong, `%${mark}%`)),
  };
}

/** What a district admin throws at each settings route: the city's rows, the sibling's, and new ones. */
function attempts(r: { method: string; url: string }): WalkRequest[] | undefined {
  const sla = { accept: 1, dispose: 1, reply: 1, reason: '越级修改' };
  const table: Record<string, WalkRequest[]> = {
    'GET /api/roles': [{ url: '/api/roles' }],
    'GET /api/permissions': [{ url: '/api/permissions' }],
    'POST /api/roles': [{ url: '/api/roles', body: { code: `r_${uniq().toLowerCase()}`, name: '越级角色', permissions: ['directory.read'] } }],
    'PATCH /api/roles/:id': [{
      url: fill(r.url, { id: ids.volunteerRole }), note: 'the city volunteer gains reports.intake',
      body: { permissions: ['directory.read', 'reports.submit_trusted', 'reports.intake'], reason: '越级' },
    }],
    'GET /api/patrol/rules': [{ url: '/api/patrol/rules' }],
    'POST /api/patrol/rules': [{ url: '/api/patrol/rules', body: { kind: 'term', pattern: `区级词${mark}`, category: 'other' } }],
    'PATCH /api/patrol/rules/:id': [{ url: fill(r.url, { id: ids.cityRule }), body: { active: false } }],
    'POST /api/patrol/rules/import': [{ url: '/api/patrol/rules/import', body: { content: `term\t导入词${mark}\tother\t3` } }],
    'GET /api/patrol/lexicon/versions': [{ url: '/api/patrol/lexicon/versions' }],
    'GET /api/patrol/terms': [{ url: '/api/patrol/terms' }],
    'POST /api/patrol/terms': [{ url: '/api/patrol/terms', body: { wrong: `区级旧称${mark}`, right: '新称' } }],
    'PATCH /api/patrol/terms/:id': [{ url: fill(r.url, { id: ids.cityTerm }), body: { active: false } }],
    'GET /api/reports/sla': [{ url: '/api/reports/sla' }],
    'PUT /api/reports/sla/:code': [{ url: fill(r.url, { code: CITY_CAT }), body: sla }, { url: fill(r.url, { code: SIBLING_CAT }), body: sla }],
    // the first two remove the overrides this walk just made at the district's own level; the third finds none there
    'DELETE /api/reports/sla/:code': [SIBLING_CAT, CITY_CAT, CITY_CAT].map((code) => ({ url: `${fill(r.url, { code })}?reason=${encodeURIComponent('越级删除')}` })),
    'GET /api/reply-templates': [{ url: '/api/reply-templates' }],
    'POST /api/reply-templates': [{ url: '/api/reply-templates', body: { outcome: 'handled', name: SIBLING_TEMPLATE, body: '本区自己的同名模板，不影响乙区。' } }],
    'PATCH /api/reply-templates/:id': [ids.cityTemplate, ids.siblingTemplate].map((id) => ({ url: fill(r.url, { id }), body: { body: '越级修改的答复正文。' } })),
    'DELETE /api/reply-templates/:id': [ids.cityTemplate, ids.siblingTemplate].map((id) => ({ url: fill(r.url, { id }) })),
    'GET /api/calendar': [{ url: '/api/calendar?year=2033' }],
    'PUT /api/calendar/days/:date': [CITY_DAY, SIBLING_DAY].map((date) => ({ url: fill(r.url, { date }), body: { kind: 'workday', name: '越级调整' } })),
    'DELETE /api/calendar/days/:date': [CITY_DAY, SIBLING_DAY].map((date) => ({ url: fill(r.url, { date }) })),
  };
  return table[routeKey(r)];
}

describe('settings scope (issue: district admins changed city-wide settings)', () => {
  it('walks every settings route as a district admin: nothing of the city or a sibling district changes', async () => {
    const routes = apiRoutes(t.app, (r) => !!r.settings);
    expect(routes.length).toBeGreaterThanOrEqual(20);
    const before = await cityAndSibling();
    const results = await walkRoutes({
      routes, as: district, requests: attempts,
      check: (res) => {
        const where = `${res.route.method} ${res.url}`;
        expect([where, res.status]).not.toEqual([where, 500]);
        if (res.route.method !== 'GET' && SETTING_SCOPES[res.route.settings!] === 'root_only') {
          expect([where, res.status, res.code]).toEqual([where, 403, 'settings.root_only']);
        }
        // Nothing of the sibling district is shown, let alone changed.
        expect([where, JSON.stringify(res.json).includes(w.districtB.id)]).toEqual([where, false]);
      },
    });
    expect(await cityAndSibling()).toEqual(before);
    const answer = (key: string, url?: string) => results.filter((x) => routeKey(x.route) === key && (!url || x.url.includes(url))).map((x) => [x.status, x.code ?? null]);
    // The city's template is the city's to change; the sibling's does not exist for this district.
    expect(answer('PATCH /api/reply-templates/:id')).toEqual([[403, 'settings.not_own_level'], [404, 'resource.not_found']]);
    expect(answer('DELETE /api/reply-templates/:id')).toEqual([[403, 'settings.not_own_level'], [404, 'resource.not_found']]);
    // Writing an SLA, a template or a day lands on the district's own level, never above or beside it.
    expect(answer('PUT /api/reports/sla/:code')).toEqual([[200, null], [200, null]]);
    expect(answer('DELETE /api/reports/sla/:code')).toEqual([[200, null], [200, null], [404, 'resource.not_found']]);
    expect(answer('DELETE /api/calendar/days/:date', SIBLING_DAY)).toEqual([[404, 'resource.not_found']]);
    expect(await t.s.db.select().from(reportSla).where(eq(reportSla.jurisdictionId, w.districtA.id))).toEqual([]);
    // The walk's writes as this district were its own overrides only.
    const walked = await t.s.db.select().from(events).where(and(like(events.action, 'report_sla.%'), eq(events.subjectId, CITY_CAT)));
    expect(walked.every((e) => [null, w.districtA.id].includes((e.payload as { jurisdictionId?: string | null }).jurisdictionId ?? null))).toBe(true);
  });

  it('refuses root-only settings below the root with a clear code and writes nothing, but lets the root change them', async () => {
    const volunteer = (await city.get('/api/roles')).json().items.find((r: { code: string }) => r.code === 'volunteer');
    const res = await district.patch(`/api/roles/${volunteer.id}`, { permissions: [...volunteer.permissions, 'reports.intake'] });
    expect([res.statusCode, res.json().code]).toEqual([403, 'settings.root_only']);
    expect((await city.get('/api/roles')).json().items.find((r: { code: string }) => r.code === 'volunteer').permissions).not.toContain('reports.intake');
    const rule = await city.patch(`/api/patrol/rules/${ids.cityRule}`, { note: '市级维护' });
    expect(rule.statusCode).toBe(200);
  });
});

describe('overrides are inherited down the tree', () => {
  it('a district SLA applies to its reports and its towns, not to a sibling; removing it restores the city default', async () => {
    const cat = 'infringement.defamation';
    await city.put(`/api/reports/sla/${cat}`, { accept: 3, dispose: 9, reply: 4, reason: '市级默认' });
    expect((await district.put(`/api/reports/sla/${cat}`, { accept: 2, dispose: 4, reply: 2, reason: '本区从快' })).statusCode).toBe(200);
    const at = (path: string) => t.s.reports.clocks.sla(t.s.db, { categoryCode: cat, jurisdictionPath: path });
    expect(await at(townJ.path)).toEqual({ accept: 2, dispose: 4, reply: 2 });
    expect(await at(w.districtB.path)).toEqual({ accept: 3, dispose: 9, reply: 4 });
    const seen = (await town.get('/api/reports/sla')).json();
    // every category is listed with its name, so a level with no settings of its own still has something to edit
    expect(seen.taxonomy.find((c: { code: string }) => c.code === cat)).toMatchObject({ name: '诽谤', parentCode: 'infringement' });
    expect(seen.taxonomy.some((c: { code: string }) => c.code === 'rumor')).toBe(true);
    expect(seen.level).toMatchObject({ jurisdictionId: townJ.id, root: false });
    expect(seen.categories.find((c: { categoryCode: string }) => c.categoryCode === cat))
      .toMatchObject({ dispose: 4, source: { jurisdictionId: w.districtA.id, jurisdictionName: w.districtA.name, own: false } });
    expect((await sibling.get('/api/reports/sla')).json().categories.find((c: { categoryCode: string }) => c.categoryCode === cat))
      .toMatchObject({ dispose: 9, source: { jurisdictionId: null, jurisdictionName: w.city.name, own: false } });
    // A report taken in by the district gets the district's accept clock, counted on the district's calendar.
    expect((await district.put('/api/reports/sla/rumor', { accept: 4, dispose: 5, reply: 2, reason: '本区谣言类受理从宽' })).statusCode).toBe(200);
    const intake = await signIn(t.app, w.users.intakeA.username);
    const { goodFaith: _g, ...body } = publicReport({ categoryCode: 'rumor' });
    const created = await intake.post('/api/reports', { ...body, channel: 'phone' });
    expect(created.statusCode).toBe(201);
    const row = await reportByTracking(t.s.db, created.json().trackingNo);
    const [clock] = await t.s.db.select().from(deadlines).where(and(eq(deadlines.subjectId, row.id), eq(deadlines.kind, 'report.accept')));
    expect([row.jurisdictionId, clock!.amount, clock!.jurisdictionId]).toEqual([w.districtA.id, 4, w.districtA.id]);
    await district.del(`/api/reports/sla/rumor?reason=${encodeURIComponent('恢复')}`);
    expect((await district.del(`/api/reports/sla/${cat}?reason=${encodeURIComponent('恢复市级默认')}`)).statusCode).toBe(200);
    expect(await at(townJ.path)).toEqual({ accept: 3, dispose: 9, reply: 4 });
  });

  it('a district’s template of the same name replaces the city’s for its reports, and is removable', async () => {
    const mine = await district.post('/api/reply-templates', { outcome: 'handled', name: CITY_TEMPLATE, body: '甲区答复：您的举报（编号{{trackingNo}}）已由本区依法处置。' });
    const created = mine.statusCode === 201 ? mine.json() : (await district.get('/api/reply-templates')).json().items.find((x: { name: string }) => x.name === CITY_TEMPLATE);
    expect(created).toMatchObject({ source: { jurisdictionId: w.districtA.id, own: true }, replacesInherited: true });
    const inTown = (await town.get('/api/reply-templates')).json().items.filter((x: { name: string }) => x.name === CITY_TEMPLATE);
    expect(inTown).toEqual([expect.objectContaining({ id: created.id, source: expect.objectContaining({ jurisdictionName: w.districtA.name, own: false }) })]);
    const picked = await t.s.reports.replies.templates.forReport(t.s.db, townJ.path, ids.cityTemplate);
    expect(picked?.id).toBe(created.id);
    expect(await t.s.reports.replies.templates.forReport(t.s.db, townJ.path, ids.siblingTemplate)).toBeNull();
    expect((await t.s.reports.replies.templates.forReport(t.s.db, w.districtB.path, ids.cityTemplate))?.id).toBe(ids.cityTemplate);
    expect((await town.del(`/api/reply-templates/${created.id}`)).json().code).toBe('settings.not_own_level');
    expect((await district.del(`/api/reply-templates/${created.id}`)).statusCode).toBe(200);
    expect((await town.get('/api/reply-templates')).json().items.find((x: { name: string }) => x.name === CITY_TEMPLATE).id).toBe(ids.cityTemplate);
  });

  it('a local calendar adjustment moves the district’s deadlines only, and can undo a city holiday', async () => {
    const wed = '2033-06-08';
    expect((await district.put(`/api/calendar/days/${wed}`, { kind: 'holiday', name: '区级活动日', reason: '区政府通知' })).statusCode).toBe(200);
    const due = async (a: Agent) => (await a.post('/api/calendar/preview', { start: '2033-06-07T09:00:00+08:00', amount: 1, unit: 'working_days' })).json().dueLocal;
    expect(await due(town)).toBe('2033-06-10 00:00');
    expect(await due(sibling)).toBe('2033-06-09 00:00');
    expect(await due(city)).toBe('2033-06-09 00:00');
    // The city's holiday on a Wednesday may be worked in the district (a weekday "workday" is allowed only over a holiday).
    const undo = await district.put(`/api/calendar/days/${CITY_DAY}`, { kind: 'workday', name: '本区照常上班' });
    expect(undo.statusCode).toBe(200);
    const year = (await town.get('/api/calendar?year=2033')).json();
    expect(year.days.find((d: { date: string }) => d.date === CITY_DAY)).toMatchObject({
      kind: 'workday', source: { jurisdictionId: w.districtA.id, own: false }, replaces: { kind: 'holiday', name: '市级假日' },
    });
    expect((await district.put('/api/calendar/days/2033-06-15', { kind: 'workday', name: '无假可调' })).json().code).toBe('calendar.invalid_day');
    expect((await district.del(`/api/calendar/days/${wed}`)).statusCode).toBe(200);
    expect(await due(town)).toBe('2033-06-09 00:00');
  });
});
