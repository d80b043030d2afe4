import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { CSRF_HEADER, SESSION_COOKIE } from '@tianlang/contracts';
import type { ZodType } from 'zod';
import { listRoutes, type RouteEntry } from '../src/http/app';
import { events, fileUploads, reports } from '../src/db/schema';
import { buildTestApp, type TestApp } from './harness';
import { buildUnit, buildUser, buildWorld, type World } from './factories';
import { agentFor, signIn, type Agent } from './agent';

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

/**
 * NUL (and every other control character) is refused by the one text schema of the contracts, so it never reaches
 * the database ("invalid byte sequence 0x00", a 500). Walks every route — public, signed-in and API-key — and puts
 * NUL into each path parameter, each query parameter the route declares, each string field of the body (found by
 * walking the route's zod schema, into arrays, records and unions) and into an object key at every level.
 */
describe('NUL in every path parameter, query parameter and body field of every route', () => {
  const NUL = 'a\u0000b';
  type Case = { value: unknown; path: (string | number)[] };
  type Def = { type: string; innerType?: ZodType; in?: ZodType; element?: ZodType; keyType?: ZodType; valueType?: ZodType; options?: ZodType[]; shape?: Record<string, ZodType>; values?: unknown[] };
  const defOf = (s: unknown) => (s as ZodType)._zod.def as unknown as Def;
  /** literal fields of an object (a discriminated union's tag), kept so the union picks that option */
  const literals = (shape: Record<string, ZodType>) =>
    Object.fromEntries(Object.entries(shape).flatMap(([k, v]) => (defOf(v).type === 'literal' ? [[k, defOf(v).values![0]]] : [])));
  /** one value of the schema per string leaf (and object), with NUL at that leaf, and the leaf's path */
  const nulCases = (s: ZodType, depth = 0): Case[] => {
    const d = defOf(s);
    if (depth > 8) return [];
    switch (d.type) {
      case 'string': case 'enum': return [{ value: NUL, path: [] }];
      case 'optional': case 'nullable': case 'default': case 'prefault': case 'readonly': case 'nonoptional': case 'catch':
        return nulCases(d.innerType!, depth + 1);
      case 'pipe': return nulCases(d.in!, depth + 1);
      case 'array': return nulCases(d.element!, depth + 1).map((c) => ({ value: [c.value], path: [0, ...c.path] }));
      case 'record': return [
        { value: { [NUL]: 'x' }, path: [NUL] },
        ...nulCases(d.valueType!, depth + 1).map((c) => ({ value: { name: c.value }, path: ['name', ...c.path] })),
      ];
      case 'object': {
        const base = literals(d.shape!);
        return [
          { value: { ...base, [NUL]: 'x' }, path: [] },
          ...Object.entries(d.shape!).flatMap(([k, v]) => nulCases(v, depth + 1).map((c) => ({ value: { ...base, [k]: c.value }, path: [k, ...c.path] }))),
        ];
      }
      case 'union': return d.options!.flatMap((o) => nulCases(o, depth + 1));
      default: return [];
    }
  };
  const keysOf = (s: unknown) => (s ? Object.keys(defOf(s).shape ?? {}) : []);
  const validParam = (name: string) => ({ date: '2031-06-07', month: '2026-03', code: 'porn' } as Record<string, string>)[name] ?? randomUUID();
  const fill = (url: string, nul?: string) =>
    url.replace(/:(\w+)/g, (_, name: string) => (name === nul ? encodeURIComponent(NUL) : validParam(name)));

  let session: { cookie: string; csrf: string };
  let apiKey: string;
  let n = 0;
  const send = (r: RouteEntry, url: string, body?: unknown) => {
    n += 1;
    const headers: Record<string, string> = {};
    if (r.apiKey) headers.authorization = `Bearer ${apiKey}`;
    else if (!r.public) headers[CSRF_HEADER] = session.csrf;
    return t.app.inject({
      method: r.method as 'POST', url, headers, remoteAddress: `203.0.113.${n % 250}`,
      cookies: r.public || r.apiKey ? {} : { [SESSION_COOKIE]: session.cookie },
      ...(body !== undefined ? { payload: body as object } : {}),
    });
  };
  const writes = async () => [
    (await t.s.db.select({ n: count() }).from(events))[0]!.n,
    (await t.s.db.select({ n: count() }).from(reports))[0]!.n,
  ];

  beforeAll(async () => {
    // every built-in role, so no route stops at authorization before validation
    const everyone = await buildUser(t.s.db, { unitId: w.cityOffice.id, roles: ['admin', 'intake', 'analyst', 'handler', 'leader', 'enforcement', 'legal_reviewer', 'volunteer', 'partner', 'platform_liaison'] });
    const a = await signIn(t.app, everyone.username);
    session = { cookie: a.cookie, csrf: a.csrf };
    const key = await a.post('/api/api-keys', { unitId: w.cityOffice.id, name: 'NUL walk', scopes: ['patrol.push', 'reports.submit'] });
    expect(key.statusCode).toBe(201);
    apiKey = key.json().secret;
  });

  it('answers 400 request.invalid naming the field, on every route, and writes nothing', async () => {
    const before = await writes();
    const wrong: unknown[] = [];
    let probes = 0;
    const expectRefused = async (r: RouteEntry, where: string, path: string, sent: ReturnType<typeof send>) => {
      probes += 1;
      const res = await sent.catch((err: Error) => ({ statusCode: 0, body: `{"thrown":${JSON.stringify(err.message)}}`, json: () => ({}) }));
      const body = res.json() as { code?: string; details?: { issues?: { in: string; path: string }[] } };
      const named = body.details?.issues?.some((i) => i.in === where && i.path === path);
      if (res.statusCode !== 400 || body.code !== 'request.invalid' || !named) {
        wrong.push({ route: `${r.method} ${r.url}`, where, path, status: res.statusCode, body: res.body.slice(0, 300) });
      }
    };
    for (const r of api) {
      for (const name of [...r.url.matchAll(/:(\w+)/g)].map((m) => m[1]!)) {
        await expectRefused(r, 'params', name, send(r, fill(r.url, name), r.hasBody ? {} : undefined));
      }
      for (const key of keysOf(r.schema.querystring)) {
        await expectRefused(r, 'querystring', key, send(r, `${fill(r.url)}?${key}=${encodeURIComponent(NUL)}`, r.hasBody ? {} : undefined));
      }
      if (r.schema.querystring) {
        await expectRefused(r, 'querystring', '', send(r, `${fill(r.url)}?${encodeURIComponent(NUL)}=1`, r.hasBody ? {} : undefined));
      }
      if (r.schema.body) {
        for (const c of nulCases(r.schema.body as ZodType)) await expectRefused(r, 'body', c.path.join('.'), send(r, fill(r.url), c.value));
      }
    }
    expect(wrong).toEqual([]);
    expect(probes).toBeGreaterThan(400);
    expect(api.filter((r) => r.apiKey && r.schema.body).length).toBe(2);
    expect(await writes()).toEqual(before);
  });

  it('refuses NUL escaped in nested keys and values of the API-key and public bodies too', async () => {
    const before = await writes();
    const partner = api.find((r) => r.url === '/api/partner/reports')!;
    const push = api.find((r) => r.url === '/api/patrol/push')!;
    const pub = api.find((r) => r.url === '/api/public/reports' && r.method === 'POST')!;
    const report = { externalId: 'x1', categoryCode: 'porn', description: '这是一个足够长的举报描述文字内容', urls: ['https://example.com/a'] };
    const cases: [RouteEntry, unknown][] = [
      [partner, { reports: [{ ...report, description: '举报描述\u0000足够长的文字内容' }] }],
      [partner, { reports: [{ ...report, urls: ['https://example.com/\u0000'] }] }],
      [partner, { reports: [{ ...report, 'platform\u0000Name': 'x' }] }],
      [push, { sourceId: randomUUID(), items: [{ externalId: 'e1', text: '正文\u0000' }] }],
      [push, { sourceId: randomUUID(), items: [{ externalId: 'e\u0001', text: '正文' }] }],
      [pub, { ...report, externalId: undefined, goodFaith: true, contact: { phone: '13800000000\u0000' } }],
      [pub, { ...report, externalId: undefined, goodFaith: true, urls: ['\u0000https://example.com/'] }],
    ];
    for (const [r, body] of cases) {
      const res = await send(r, r.url, JSON.parse(JSON.stringify(body)));
      expect([r.url, res.statusCode, res.json().code]).toEqual([r.url, 400, 'request.invalid']);
    }
    expect(await writes()).toEqual(before);
  });

  it('keeps tabs and line breaks in multi-line text, and refuses them in one-line fields', async () => {
    const a = agentFor(t.app, session.cookie, session.csrf);
    const roleCode = `r_${randomUUID().slice(0, 8)}`;
    const ok = await a.post('/api/roles', { code: roleCode, name: '测试角色', description: '第一行\n第二行\t制表', permissions: [] });
    expect(ok.statusCode).toBe(201);
    const bad = await a.post('/api/roles', { code: `${roleCode}x`, name: '测试\n角色', permissions: [] });
    expect([bad.statusCode, bad.json().details.issues.map((i: { path: string }) => i.path)]).toEqual([400, ['name']]);
    const lone = await a.post('/api/roles', { code: `${roleCode}y`, name: '测试\ud800角色', permissions: [] });
    expect([lone.statusCode, lone.json().details.issues.map((i: { path: string }) => i.path)]).toEqual([400, ['name']]);
  });
});

describe('oversize bodies of every content type, on every route', () => {
  // every media type some route reads, and some none does
  const knownTypes = () => [...new Set([
    'application/json', 'text/plain', 'application/octet-stream', 'multipart/form-data; boundary=x', 'application/x-www-form-urlencoded',
    'image/png', 'video/mp4', ...api.flatMap((r) => r.consumes ?? []),
  ])];
  const rows = async () => Promise.all([reports, events, fileUploads].map(async (table) => (await t.s.db.select({ n: count() }).from(table))[0]!.n));

  it('answers 413 or 415 with a code before reading the body, signed in or not, writing nothing', async () => {
    const everyone = await buildUser(t.s.db, { unitId: w.cityOffice.id, roles: ['admin', 'intake', 'analyst', 'handler', 'leader', 'enforcement', 'legal_reviewer', 'volunteer', 'partner', 'platform_liaison'] });
    const staff = await signIn(t.app, everyone.username);
    const platform = await buildUnit(t.s.db, { jurisdictionId: w.city.id, kind: 'platform', name: `平台${randomUUID().slice(0, 6)}` });
    const key = (await staff.post('/api/api-keys', { unitId: platform.id, name: 'guards', scopes: ['reports.submit', 'patrol.push'] })).json().secret as string;
    const types = knownTypes();
    expect(types.length).toBeGreaterThan(8);
    const largest = Math.max(...api.map((r) => r.bodyLimit ?? 0));
    const big = Buffer.alloc(largest + 1, 0x41);
    const before = await rows();
    let sent = 0;
    for (const r of api.filter(mutating)) {
      // every route has its own limit: the server's, unless it reads uploads
      expect([r.url, typeof r.bodyLimit]).toEqual([r.url, 'number']);
      for (const type of types) {
        const reads = (r.consumes ?? ['application/json']).includes(type.split(';')[0]!);
        const headers: Record<string, string> = { 'content-type': type, ...(r.apiKey ? { authorization: `Bearer ${key}` } : {}) };
        const payload = big.subarray(0, r.bodyLimit! + 1);
        const res = r.public || r.apiKey
          ? await t.app.inject({ method: r.method as 'POST', url: concrete(r.url), payload, headers, remoteAddress: '198.51.100.88' })
          : await staff.req(r.method as 'POST', concrete(r.url), payload, headers);
        // public evidence uploads answer from their type's own, smaller limit
        const tooLarge = r.url === '/api/public/evidence' ? 'report.evidence_too_large' : 'request.too_large';
        const expected = reads ? [413, tooLarge] : [415, 'request.unsupported_media_type'];
        expect([r.method, r.url, type, res.statusCode, res.json().code]).toEqual([r.method, r.url, type, ...expected]);
        sent++;
      }
    }
    expect(sent).toBeGreaterThan(300);
    expect(await rows()).toEqual(before);
  });

  it('refuses a body of a type the route does not read even when it is small, or has no content type', async () => {
    const png = await t.app.inject({ method: 'POST', url: '/api/public/reports', payload: Buffer.from('\x89PNG\r\n\x1a\n'), headers: { 'content-type': 'image/png' }, remoteAddress: '198.51.100.88' });
    expect([png.statusCode, png.json().code, png.json().details.accepted]).toEqual([415, 'request.unsupported_media_type', ['application/json']]);
    const bare = await t.app.inject({ method: 'POST', url: '/api/public/pow', payload: Buffer.from('{}'), remoteAddress: '198.51.100.88' });
    expect([bare.statusCode, bare.json().code]).toEqual([415, 'request.unsupported_media_type']);
    // bodyless requests, and JSON where JSON is read, still pass
    expect((await t.app.inject({ method: 'POST', url: '/api/public/pow', remoteAddress: '198.51.100.88' })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'POST', url: '/api/public/pow', payload: {}, remoteAddress: '198.51.100.88' })).statusCode).toBe(200);
  });
});
