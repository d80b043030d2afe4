import { DeadlineError } from './deadline-error';

export const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/**
 * Offset of the office zone (OFFICE_TIME_ZONE, Asia/Shanghai) from UTC. China has kept UTC+8 all
 * year round since 1991, with no daylight saving, so a fixed offset gives exactly the day
 * boundaries tzdata would for every date this system handles, without depending on the ICU data
 * shipped with a runtime. This is the only place that knows the offset: supporting an office in
 * another zone means replacing this helper with a zone-aware one, nothing else.
 */
export const OFFICE_UTC_OFFSET_MS = 8 * HOUR_MS;

const OFFICE_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Throws `request.invalid` unless `value` is a Date holding a real instant. */
export function assertInstant(value: Date, field: string): void {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) {
    throw new DeadlineError('request.invalid', { field });
  }
}

/** UTC milliseconds at the midnight of a YYYY-MM-DD date; `calendar.invalid_day` if malformed. */
function parseOfficeDate(date: string): number {
  const match = OFFICE_DATE.exec(date);
  const ms = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : NaN;
  if (Number.isNaN(ms) || formatDay(ms) !== date) {
    throw new DeadlineError('calendar.invalid_day', { date });
  }
  return ms;
}

function formatDay(utcMs: number): string {
  return new Date(utcMs).toISOString().slice(0, 10);
}

/** Throws `calendar.invalid_day` unless `date` is a real calendar date written YYYY-MM-DD. */
export function assertOfficeDate(date: string): void {
  parseOfficeDate(date);
}

/** The office-local date (YYYY-MM-DD) on which `instant` falls. */
export function officeDate(instant: Date): string {
  assertInstant(instant, 'instant');
  return formatDay(instant.getTime() + OFFICE_UTC_OFFSET_MS);
}

/** The instant an office-local day begins (local midnight). */
export function startOfOfficeDay(date: string): Date {
  return new Date(parseOfficeDate(date) - OFFICE_UTC_OFFSET_MS);
}

/** The instant an office-local day ends: the next local midnight (exclusive end). */
export function endOfOfficeDay(date: string): Date {
  return startOfOfficeDay(addOfficeDays(date, 1));
}

export function addOfficeDays(date: string, days: number): string {
  return formatDay(parseOfficeDate(date) + days * DAY_MS);
}

/** 0 = Sunday … 6 = Saturday. */
export function officeWeekday(date: string): number {
  return new Date(parseOfficeDate(date)).getUTCDay();
}

/** Number of dates `from`…`to`, both included; 0 when `to` is before `from`. */
export function countOfficeDays(from: string, to: string): number {
  return Math.max(0, Math.round((parseOfficeDate(to) - parseOfficeDate(from)) / DAY_MS) + 1);
}

/** 2026-11-24 17:30, in the office's time zone, for texts people read (notifications). */
export const officeMinute = (d: Date): string => new Date(d.getTime() + OFFICE_UTC_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
