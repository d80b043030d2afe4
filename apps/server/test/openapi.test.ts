import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_ROUTE_TABLES, ERROR_CODES } from '@tianlang/contracts';
import type { ZodType } from 'zod';
import { listRoutes } from '../src/http/app';
import { API_TAGS } from '../src/http/openapi';
import { buildTestApp, type TestApp } from './harness';

interface Operation {
  tags?: string[]; summary?: string; description?: string; security?: Record<string, string[]>[];
  requestBody?: { content: Record<string, { example?: unknown }> };
  responses: Record<string, { description: string; content?: Record<string, { schema: { $ref?: string }; example?: { code: string } }> }>;
}
interface Doc {
  tags: { name: string; description: string }[];
  paths: Record<string, Record<string, Operation>>;
  components: { securitySchemes: Record<string, { type: string; scheme?: string }>; schemas: Record<string, { properties: Record<string, { enum?: string[] }> }> };
}

let t: TestApp;
let doc: Doc;
let operations: { key: string; op: Operation }[];
const HAN = /\p{Script=Han}/u;
const ERROR_BODY = '#/components/schemas/ErrorBody';
/** fastify's `/a/:id` is OpenAPI's `/a/{id}` */
const openapiPath = (url: string) => url.replace(/:(\w+)/g, '{$1}');
const op = (method: string, url: string) => doc.paths[openapiPath(url)]![method.toLowerCase()]!;

beforeAll(async () => {
  t = await buildTestApp();
  const res = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
  expect(res.statusCode).toBe(200);
  doc = res.json();
  operations = Object.entries(doc.paths).flatMap(([path, ops]) => Object.entries(ops).map(([method, o]) => ({ key: `${method.toUpperCase()} ${path}`, op: o })));
});
afterAll(() => t.close());

describe('the API document (/api/docs) is a reference a partner can work from', () => {
  it('groups operations by module, in the declared order, each group described in Chinese', () => {
    expect(doc.tags.map((x) => x.name)).toEqual(API_TAGS.map((x) => x.name));
    for (const tag of doc.tags) expect([tag.name, HAN.test(tag.description)]).toEqual([tag.name, true]);
  });

  it('documents every API route', () => {
    const api = listRoutes(t.app).filter((r) => r.url.startsWith('/api/') && !r.url.startsWith('/api/docs'));
    expect(api.length).toBeGreaterThan(100);
    const documented = new Set(operations.map((o) => o.key));
    expect(api.map((r) => `${r.method} ${openapiPath(r.url)}`).filter((k) => !documented.has(k))).toEqual([]);
  });

  it('registers every API route from the contracts route table, and every table entry exactly once', () => {
    const api = listRoutes(t.app).filter((r) => r.url.startsWith('/api/') && !r.url.startsWith('/api/docs'));
    expect(api.filter((r) => !r.contract).map((r) => `${r.method} ${r.url}`)).toEqual([]);
    const mounted = new Map<unknown, number>();
    for (const r of api) mounted.set(r.contract, (mounted.get(r.contract) ?? 0) + 1);
    const entries = Object.entries(API_ROUTE_TABLES).flatMap(([table, routes]) => Object.entries(routes).map(([name, def]) => ({ key: `${table}.${name}`, def })));
    expect(entries.filter(({ def }) => mounted.get(def) !== 1).map(({ key, def }) => [key, mounted.get(def) ?? 0])).toEqual([]);
  });

  it('gives every operation a declared tag and a summary in Chinese', () => {
    const declared = new Set<string>(API_TAGS.map((x) => x.name));
    const wrong = operations.filter(({ op: o }) => !o.tags?.length || !o.tags.every((x) => declared.has(x)) || !HAN.test(o.summary ?? ''));
    expect(wrong.map((o) => [o.key, o.op.tags, o.op.summary])).toEqual([]);
  });

  it('answers every 4xx with the shared error body, and says which codes', () => {
    const body = doc.components.schemas.ErrorBody!;
    expect(body.properties.code!.enum).toEqual(ERROR_CODES);
    expect(Object.keys(body.properties)).toEqual(expect.arrayContaining(['code', 'message', 'details']));
    for (const { key, op: o } of operations) {
      const errors = Object.entries(o.responses).filter(([status]) => status.startsWith('4'));
      for (const [status, r] of errors) {
        expect([key, status, r.content?.['application/json']?.schema.$ref]).toEqual([key, status, ERROR_BODY]);
        expect([key, status, r.description]).toEqual([key, status, expect.stringContaining(`\`${r.content!['application/json']!.example!.code}\``)]);
        expect([key, status, /`[a-z_]+\.[a-z_]+`/.test(r.description)]).toEqual([key, status, true]);
      }
    }
  });

  it('derives the standard errors from each route’s access rule and schemas', () => {
    for (const r of listRoutes(t.app).filter((x) => x.url.startsWith('/api/') && !x.url.startsWith('/api/docs'))) {
      const statuses = Object.keys(op(r.method, r.url).responses);
      const expected = [
        ...(r.public ? [] : ['401']),
        ...(r.permission || r.apiKey ? ['403'] : []),
        ...(/\/:\w*(id|Id)\b/.test(r.url) ? ['404'] : []),
        ...(r.hasBody ? ['400', '413', '415'] : []),
      ];
      expect([r.method, r.url, statuses]).toEqual([r.method, r.url, expect.arrayContaining(expected)]);
    }
    expect(op('POST', '/api/auth/login').responses['429']!.description).toContain('request.rate_limited');
    expect(op('GET', '/api/public/report-form').responses['429']).toBeDefined();
  });

  it('lists the named domain errors a route declares, under their status', () => {
    expect(op('POST', '/api/auth/login').responses['401']!.description).toContain('auth.invalid_credentials');
    expect(op('POST', '/api/public/reports/status').responses['404']!.description).toContain('report.not_found');
    expect(op('POST', '/api/reports/:id/merge').responses['409']!.description).toContain('report.invalid_transition');
    expect(op('POST', '/api/reports/:id/merge').responses['422']!.description).toContain('report.merge_invalid');
    expect(op('POST', '/api/public/reports').responses['428']!.description).toContain('report.pow_required');
  });

  it('documents the platform endpoints: API key with its scope, idempotency, limits and an example body it accepts', () => {
    expect(doc.components.securitySchemes.apiKey).toMatchObject({ type: 'http', scheme: 'bearer' });
    for (const [url, scope, limit] of [['/api/partner/reports', 'reports.submit', '500'], ['/api/patrol/push', 'patrol.push', '1000']] as const) {
      const o = op('POST', url);
      expect(o.security).toEqual([{ apiKey: [] }]);
      expect(o.tags![0]).toBe('partner 平台对接');
      expect(o.description).toContain(`\`${scope}\``);
      expect(o.description).toContain('externalId');
      expect(o.description).toContain(limit);
      // the example body is one the route accepts
      const example = o.requestBody?.content['application/json']?.example;
      const route = listRoutes(t.app).find((r) => r.method === 'POST' && r.url === url)!;
      expect(example).toBeDefined();
      expect((route.schema.body as ZodType).safeParse(example).error).toBeUndefined();
      expect(o.responses['401']!.description).toContain('apikey.invalid');
      expect(o.responses['403']!.description).toContain('auth.forbidden');
    }
    // console routes name the session, public ones nothing
    expect(op('GET', '/api/reports').security).toEqual([{ session: [] }]);
    expect(op('POST', '/api/public/reports').security).toEqual([]);
  });

  it('serves the docs page with no inline script, so the content security policy lets it run', async () => {
    const page = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    const scripts = [...page.body.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attrs, inline] of scripts) {
      expect(inline!.trim()).toBe('');
      const src = /src="([^"]+)"/.exec(attrs!)![1]!;
      const res = await t.app.inject({ method: 'GET', url: new URL(src, 'http://x/api/docs/').pathname });
      expect([src, res.statusCode]).toEqual([src, 200]);
    }
  });
});
