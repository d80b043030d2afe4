/**
 * `@tianlang/contracts/public`: the constants the browser needs (enums, limits, patterns), without
 * zod, so the bundles stay small and nothing in the browser evaluates code (zod probes `Function`). Only zod-free files are exported here
 * (checked by public.test.ts).
 */
export * from './report-enums';
export * from './report-limits';
export * from './stats-enums';
export { LOCALES, OFFICE_TIME_ZONE, type Locale } from './enums';

/**
 * Method and path of the routes the public pages call, without their schemas: the route tables spread
 * these entries (`{ ...PUBLIC_ROUTES.x, summary, response }`), the public pages call through them.
 */
export const PUBLIC_ROUTES = {
  transparencyFeed: { method: 'GET', path: '/api/public/transparency' },
  transparencyMonth: { method: 'GET', path: '/api/public/transparency/:month' },
} as const;
