import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { routePath, type RouteDef } from './route-table';
import { API_ROUTE_TABLES } from './routes';

const entries: { key: string; def: RouteDef }[] = Object.entries(API_ROUTE_TABLES)
  .flatMap(([table, routes]) => Object.entries(routes as Record<string, RouteDef>).map(([name, def]) => ({ key: `${table}.${name}`, def })));

const HAN = /\p{Script=Han}/u;
const pathParams = (path: string) => [...path.matchAll(/:([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1]!).sort();
const schemaKeys = (schema: z.ZodType | undefined) => (schema instanceof z.ZodObject ? Object.keys(schema.shape).sort() : null);

describe('the API route table', () => {
  it('has entries, each under /api/', () => {
    expect(entries.length).toBeGreaterThan(0);
    expect(entries.filter(({ def }) => !def.path.startsWith('/api/')).map(({ key, def }) => `${key}: ${def.path}`)).toEqual([]);
  });

  it('names each path parameter in the params schema, and nothing else there', () => {
    const wrong = entries.filter(({ def }) => {
      const inPath = pathParams(def.path);
      const inSchema = def.params ? schemaKeys(def.params) : [];
      return inSchema === null || inPath.join() !== inSchema.join();
    });
    expect(wrong.map(({ key, def }) => `${key}: ${def.path} ↔ ${def.params ? JSON.stringify(schemaKeys(def.params)) : 'no params'}`)).toEqual([]);
  });

  it('sends a request body only with a method that carries one', () => {
    expect(entries.filter(({ def }) => def.method === 'GET' && (def.body || def.consumes)).map(({ key }) => key)).toEqual([]);
  });

  it('gives every operation a summary in Chinese', () => {
    expect(entries.filter(({ def }) => !HAN.test(def.summary)).map(({ key, def }) => `${key}: ${def.summary}`)).toEqual([]);
  });

  it('holds each method and path once', () => {
    const seen = new Map<string, string>();
    const twice: string[] = [];
    for (const { key, def } of entries) {
      // `:id` and `:code` in the same place are one route to fastify
      const route = `${def.method} ${def.path.replace(/:[A-Za-z_][A-Za-z0-9_]*/g, ':')}`;
      const first = seen.get(route);
      if (first) twice.push(`${first} and ${key}: ${def.method} ${def.path}`);
      else seen.set(route, key);
    }
    expect(twice).toEqual([]);
  });

  it('fills a path from its parameters, encoded, and refuses a missing one', () => {
    expect(routePath('/api/calendar/days/:date', { date: '2026-10-01' })).toBe('/api/calendar/days/2026-10-01');
    expect(routePath('/api/users/:id/unlock', { id: 'a/b c' })).toBe('/api/users/a%2Fb%20c/unlock');
    expect(() => routePath('/api/users/:id', {})).toThrow(/missing path parameter id/);
  });
});
