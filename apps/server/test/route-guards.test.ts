import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { SESSION_COOKIE } from '@tianlang/contracts';
import { listRoutes, type RouteEntry } from '../src/http/app';
import { events, reports } from '../src/db/schema';
import { buildTestApp, type TestApp } from './harness';
import { buildUser, buildWorld, type World } from './factories';
import { signIn, type Agent } from './agent';

let t: TestApp;
let w: World;
let api: RouteEntry[];
beforeAll(async () => {
  t = await buildTestApp({ BODY_LIMIT_BYTES: 4096 });
  w = await buildWorld(t.s.db);
  api = listRoutes(t.app).filter((r) => r.url.startsWith('/api/') && !r.url.startsWith('/api/docs'));
});
afterAll(() => t.close());

const concrete = (url: string) => url.replace(':id', randomUUID()).replace(':date', '2031-06-07');
const mutating = (r: RouteEntry) => r.method !== 'GET';

describe('every API route is guarded', () => {
  it('has only sign-in, the demo hint and the public reporting endpoints public', () => {
    expect(api.length).toBeGreaterThan(25);
    expect(api.filter((r) => r.public).map((r) => `${r.method} ${r.url}`).sort())
      .toEqual([
        'GET /api/auth/demo-hint', 'GET /api/public/report-form', 'GET /api/public/transparency', 'GET /api/public/transparency/:month', 'POST /api/auth/login', 'POST /api/public/evidence',
        'POST /api/public/pow', 'POST /api/public/reports', 'POST /api/public/reports/review', 'POST /api/public/reports/status',
      ]);
  });

  it('answers 401 without a session (or, on machine routes, without an API key)', async () => {
    for (const r of api.filter((x) => !x.public)) {
      const res = await t.app.inject({ method: r.method as 'GET', url: concrete(r.url), payload: mutating(r) ? {} : undefined });
      expect([r.url, res.statusCode, res.json().code]).toEqual([r.url, 401, r.apiKey ? 'apikey.invalid' : 'auth.unauthenticated']);
    }
    expect(api.filter((r) => r.apiKey).map((r) => r.url).sort()).toEqual(['/api/partner/reports', '/api/patrol/push']);
  });

  it('does not accept a session cookie in place of an API key', async () => {
    const a = await signIn(t.app, w.users.cityAdmin.username);
    for (const r of api.filter((x) => x.apiKey)) {
      const res = await a.req(r.method as 'POST', r.url, {});
      expect([r.url, res.statusCode]).toEqual([r.url, 401]);
    }
  });

  it('answers 403 to a signed-in user without the route’s permission', async () => {
    // 辟谣联盟成员: a role that holds no permission any route here needs
    const nobody = await buildUser(t.s.db, { unitId: w.officeA.id, roles: ['alliance'] });
    const a = await signIn(t.app, nobody.username);
    const guarded = api.filter((r) => r.permission);
    expect(guarded.length).toBeGreaterThan(15);
    for (const r of guarded) {
      const res = await a.req(r.method as 'GET', concrete(r.url), mutating(r) ? {} : undefined);
      expect([r.url, res.statusCode, res.json().code]).toEqual([r.url, 403, 'auth.forbidden']);
    }
  });

  it('answers 403 to a state change without the CSRF token', async () => {
    const a = await signIn(t.app, w.users.cityAdmin.username);
    for (const r of api.filter((x) => !x.public && !x.apiKey && mutating(x))) {
      const res = await t.app.inject({ method: r.method as 'POST', url: concrete(r.url), payload: {}, cookies: { [SESSION_COOKIE]: a.cookie } });
      expect([r.url, res.statusCode, res.json().code]).toEqual([r.url, 403, 'auth.csrf_invalid']);
    }
  });
});

describe('bad input on every route with a body', () => {
  let admin: Agent;
  let everyone: { id: string; username: string };
  const written = async () =>
    (await t.s.db.select({ n: count() }).from(events).where(eq(events.actorId, everyone.id)))[0]!.n;
  beforeAll(async () => {
    // one user holding every built-in role, so no route stops at authorization before validation
    everyone = await buildUser(t.s.db, { unitId: w.cityOffice.id, roles: ['admin', 'intake', 'analyst', 'handler', 'leader', 'enforcement', 'legal_reviewer', 'volunteer', 'partner', 'platform_liaison'] });
    admin = await signIn(t.app, everyone.username);
  });

  it('rejects malformed JSON, wrong shapes, unknown fields and oversize bodies with a code, writing nothing', async () => {
    const before = await written();
    const withBody = api.filter((r) => r.hasBody && !r.public && !r.apiKey);
    expect(withBody.length).toBeGreaterThan(10);
    for (const r of withBody) {
      const url = concrete(r.url);
      const send = (payload: string, type = 'application/json') =>
        admin.req(r.method as 'POST', url, payload, { 'content-type': type });
      const cases: [string, number, string][] = [
        [(await send('{"name": ')).json().code, 400, 'request.malformed_json'],
        [(await send('[1, 2]')).json().code, 400, 'request.invalid'],
        [(await send('"text"')).json().code, 400, 'request.invalid'],
        [(await send(JSON.stringify({ unexpectedField: true, name: 1 }))).json().code, 400, 'request.invalid'],
        [(await send(JSON.stringify({ name: 'x'.repeat((r.bodyLimit ?? 4096) + 1000) }))).json().code, 413, 'request.too_large'],
        [(await send('name=x', 'application/x-www-form-urlencoded')).json().code, 415, 'request.unsupported_media_type'],
      ];
      for (const [code, , expected] of cases) expect([r.url, code]).toEqual([r.url, expected]);
    }
    expect(await written()).toBe(before);
  });

  it('treats the public endpoints the same way, writing no report', async () => {
    const reportsBefore = (await t.s.db.select({ n: count() }).from(reports))[0]!.n;
    const withBody = api.filter((r) => r.hasBody && r.public && r.url.startsWith('/api/public/'));
    expect(withBody.map((r) => r.url).sort()).toEqual(['/api/public/reports', '/api/public/reports/review', '/api/public/reports/status']);
    for (const r of withBody) {
      const send = (payload: string, type = 'application/json') =>
        t.app.inject({ method: 'POST', url: r.url, payload, headers: { 'content-type': type }, remoteAddress: '198.51.100.77' });
      const cases: [number, string][] = [
        [(await send('{"name": ')).statusCode, 'request.malformed_json'],
        [(await send('[1, 2]')).statusCode, 'request.invalid'],
        [(await send(JSON.stringify({ unexpectedField: true }))).statusCode, 'request.invalid'],
        [(await send(JSON.stringify({ description: 'x'.repeat(300_000) }))).statusCode, 'request.too_large'],
        [(await send('name=x', 'application/x-www-form-urlencoded')).statusCode, 'request.unsupported_media_type'],
      ];
      expect([r.url, cases.map((c) => c[0])]).toEqual([r.url, [400, 400, 400, 413, 415]]);
    }
    expect((await t.s.db.select({ n: count() }).from(reports))[0]!.n).toBe(reportsBefore);
  });

  it('answers unknown API paths with a JSON 404', async () => {
    const res = await admin.get('/api/no-such-thing');
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('resource.not_found');
  });

  it('publishes the OpenAPI document generated from the contracts', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/auth/login', '/api/users', '/api/calendar/preview']));
    expect(doc.paths['/api/users'].post.requestBody.content['application/json'].schema.required).toContain('username');
  });
});
