/**
 * `@tianlang/contracts/public`: the constants the public pages need (enums, limits, patterns),
 * without zod, so the citizen's bundle stays small. Only zod-free files are exported here
 * (checked by public.test.ts).
 */
export * from './report-enums';
export * from './report-limits';
export { LOCALES, OFFICE_TIME_ZONE, type Locale } from './enums';
