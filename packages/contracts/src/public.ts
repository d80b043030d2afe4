/**
 * `@tianlang/contracts/public`: the constants the browser needs (enums, limits, patterns), without
 * zod, so the bundles stay small and nothing in the browser evaluates code (zod probes `Function`). Only zod-free files are exported here
 * (checked by public.test.ts).
 */
export * from './report-enums';
export * from './report-limits';
export * from './public-routes';
export * from './stats-enums';
export { LOCALES, OFFICE_TIME_ZONE, type Locale } from './enums';
