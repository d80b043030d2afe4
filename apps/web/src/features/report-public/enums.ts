/** Runtime constants the public pages need, from the contracts' zod-free entry (the main one carries the schemas). */
export {
  EVIDENCE_LIMITS, EVIDENCE_TYPES, MAX_EVIDENCE_PER_REPORT, OFFICE_TIME_ZONE, type EvidenceMime, type PublicStage, type ReportOutcome,
} from '@tianlang/contracts/public';
export { REPORT_LIMITS as LIMITS, PHONE_PATTERN as PHONE } from '@tianlang/contracts/public';

/** The normal path a reporter sees; 不予受理 and 复查中 branch off it. */
export const MAIN_STAGES = ['submitted', 'accepted', 'handling', 'finished'] as const;

/**
 * A plausibility check only (JB + office date + a random suffix); the server's schema is the
 * authority, so the suffix length is not pinned here.
 */
export const TRACKING_NO = /^JB\d{8}[0-9A-Z]{4,16}$/;
