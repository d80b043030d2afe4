import { addOfficeDays, assertOfficeDate, countOfficeDays, endOfOfficeDay, startOfOfficeDay } from '../office-time';

/** 本月 / 本季度 / 本半年 / 本年 / 自定义: office-local dates (Asia/Shanghai), both ends included. */
const PERIOD_KINDS = ['month', 'quarter', 'half', 'year', 'custom'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export interface Period {
  kind: PeriodKind;
  /** first office-local date */
  from: string;
  /** last office-local date (included) */
  to: string;
}

const MONTHS: Record<Exclude<PeriodKind, 'custom'>, number> = { month: 1, quarter: 3, half: 6, year: 12 };

const ymd = (y: number, m: number, d: number) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
const parts = (date: string) => date.split('-').map(Number) as [number, number, number];
const daysInMonth = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** The first day of the month `delta` months after the month of `date`. */
export function addMonths(date: string, delta: number): string {
  const [y, m] = parts(date);
  const n = y * 12 + (m - 1) + delta;
  return ymd(Math.floor(n / 12), (n % 12) + 1, 1);
}

/** The calendar period of a kind (month … year) that contains the office date `date`. */
export function periodContaining(kind: Exclude<PeriodKind, 'custom'>, date: string): Period {
  assertOfficeDate(date);
  const [y, m] = parts(date);
  const size = MONTHS[kind];
  const firstMonth = Math.floor((m - 1) / size) * size + 1;
  const from = ymd(y, firstMonth, 1);
  return { kind, from, to: addOfficeDays(addMonths(from, size), -1) };
}

const MAX_PERIOD_DAYS = 366 * 5;

/** A custom period, or null when the dates are malformed, reversed or span more than five years. */
export function customPeriod(from: string, to: string): Period | null {
  try {
    assertOfficeDate(from);
    assertOfficeDate(to);
  } catch {
    return null;
  }
  const days = countOfficeDays(from, to);
  return days < 1 || days > MAX_PERIOD_DAYS ? null : { kind: 'custom', from, to };
}

const periodDays = (p: Period) => countOfficeDays(p.from, p.to);
/** The instants the period covers: [start, end). */
export const periodRange = (p: Period) => ({ start: startOfOfficeDay(p.from), end: endOfOfficeDay(p.to) });

/** 环比: the period just before, of the same kind (a custom period: the same number of days before it). */
export function previousPeriod(p: Period): Period {
  if (p.kind === 'custom') {
    const n = periodDays(p);
    return { kind: 'custom', from: addOfficeDays(p.from, -n), to: addOfficeDays(p.from, -1) };
  }
  return periodContaining(p.kind, addOfficeDays(p.from, -1));
}

/** 同比: the same dates one year earlier (29 February becomes 28 February). */
export function samePeriodLastYear(p: Period): Period {
  const back = (date: string, end: boolean) => {
    const [y, m, d] = parts(date);
    const last = daysInMonth(y - 1, m);
    return ymd(y - 1, m, end && d === daysInMonth(y, m) ? last : Math.min(d, last));
  };
  return { kind: p.kind, from: back(p.from, false), to: back(p.to, true) };
}

/**
 * A period as whole months plus the loose days at its edges: the rollup answers whole months
 * from its monthly rows and only the edges from daily rows.
 */
export function periodSlices(p: Period): { months: string[]; days: string[] } {
  const months: string[] = [];
  const days: string[] = [];
  let cursor = p.from;
  while (cursor <= p.to) {
    const [, , d] = parts(cursor);
    const monthEnd = addOfficeDays(addMonths(cursor, 1), -1);
    if (d === 1 && monthEnd <= p.to) {
      months.push(cursor);
      cursor = addOfficeDays(monthEnd, 1);
    } else {
      days.push(cursor);
      cursor = addOfficeDays(cursor, 1);
    }
  }
  return { months, days };
}

/** Trend points: days for a period up to two months, months beyond. */
export function trendBuckets(p: Period): { grain: 'day' | 'month'; keys: string[] } {
  if (periodDays(p) <= 62) {
    const keys: string[] = [];
    for (let d = p.from; d <= p.to; d = addOfficeDays(d, 1)) keys.push(d);
    return { grain: 'day', keys };
  }
  const keys: string[] = [];
  for (let m = addMonths(p.from, 0); m <= p.to; m = addMonths(m, 1)) keys.push(m);
  return { grain: 'month', keys };
}

/** Ratio change in percent (环比/同比 growth), null when the base is zero. */
export const changePercent = (current: number, base: number): number | null =>
  base === 0 ? null : Math.round(((current - base) / base) * 1000) / 10;
