/**
 * Runtime constants the public pages need. Imported straight from the contracts' zod-free files:
 * the package entry re-exports the schemas too, and the public bundle must not carry zod.
 */
export {
  EVIDENCE_LIMITS, EVIDENCE_TYPES, MAX_EVIDENCE_PER_REPORT, type EvidenceMime, type PublicStage, type ReportOutcome,
} from '../../../../../packages/contracts/src/report-enums';
export { OFFICE_TIME_ZONE } from '../../../../../packages/contracts/src/enums';

/** The normal path a reporter sees; 不予受理 and 复查中 branch off it. */
export const MAIN_STAGES = ['submitted', 'accepted', 'handling', 'finished'] as const;

/** Mirrors the contracts' schema limits (reports.ts), which the browser cannot import without zod. */
export const LIMITS = {
  urls: 10,
  url: 2000,
  platformName: 100,
  accountName: 200,
  descriptionMin: 10,
  descriptionMax: 5000,
  email: 200,
  reviewMin: 5,
  reviewMax: 1000,
} as const;

/**
 * A plausibility check only (JB + office date + a random suffix); the server's schema is the
 * authority, so the suffix length is not pinned here.
 */
export const TRACKING_NO = /^JB\d{8}[0-9A-Z]{4,16}$/;
export const PHONE = /^\+?[0-9][0-9 -]{5,19}$/;
