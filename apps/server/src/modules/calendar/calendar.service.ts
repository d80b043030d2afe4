import { and, asc, eq, gte, lte } from 'drizzle-orm';
import type { CalendarDayKind, DeadlineUnit } from '@tianlang/contracts';
import {
  DEFAULT_WORK_CALENDAR, OFFICE_UTC_OFFSET_MS, buildCalendar, computeDueAt, isWorkingDay, type WorkCalendar,
} from '@tianlang/core';
import type { Db, Queryable } from '../../db/client';
import { calendarDays } from '../../db/schema';
import type { Clock } from '../../lib/clock';
import { assertThat, notFound } from '../../lib/errors';
import { appendEvent } from '../audit/events.service';
import { primaryRole, type AuthUser } from '../auth/auth.types';

const CACHE_MS = 60_000;
/** Off by default (Saturday, Sunday): the engine's plain week without holidays or 调休. */
const isWeekend = (date: string) => !isWorkingDay(date, DEFAULT_WORK_CALENDAR);

export function createCalendarService({ db, clock }: { db: Db; clock: Clock }) {
  let cache: { at: number; cal: WorkCalendar } | undefined;

  /**
   * The working-day calendar, cached briefly; edits in this process invalidate it at once.
   * Pass the open transaction when calling from inside one: PGlite has a single connection.
   */
  async function getCalendar(q: Queryable = db): Promise<WorkCalendar> {
    const now = clock.now().getTime();
    if (cache && now - cache.at < CACHE_MS) return cache.cal;
    const rows = await q.select({ date: calendarDays.date, kind: calendarDays.kind }).from(calendarDays);
    cache = { at: now, cal: buildCalendar(rows) };
    return cache.cal;
  }

  async function year(y: number) {
    const days = await db.select().from(calendarDays)
      .where(and(gte(calendarDays.date, `${y}-01-01`), lte(calendarDays.date, `${y}-12-31`)))
      .orderBy(asc(calendarDays.date));
    const cal = buildCalendar(days);
    let workingDayCount = 0;
    for (let d = new Date(Date.UTC(y, 0, 1)); d.getUTCFullYear() === y; d.setUTCDate(d.getUTCDate() + 1)) {
      if (isWorkingDay(d.toISOString().slice(0, 10), cal)) workingDayCount++;
    }
    return { year: y, days: days.map((d) => ({ date: d.date, kind: d.kind, name: d.name })), workingDayCount };
  }

  async function setDay(actor: AuthUser, date: string, input: { kind: CalendarDayKind; name: string; reason?: string }) {
    // A 调休 workday only makes sense on a weekend; Monday–Friday already are working days.
    assertThat(input.kind === 'holiday' || isWeekend(date), 'calendar.invalid_day', 'a workday override must fall on a weekend');
    const now = clock.now();
    const [current] = await db.select().from(calendarDays).where(eq(calendarDays.date, date));
    await db.transaction(async (tx) => {
      await tx.insert(calendarDays).values({ date, kind: input.kind, name: input.name, updatedAt: now })
        .onConflictDoUpdate({ target: calendarDays.date, set: { kind: input.kind, name: input.name, updatedAt: now } });
      await appendEvent(tx, {
        subjectType: 'calendar_day', subjectId: date, action: current ? 'calendar.day_changed' : 'calendar.day_set',
        actorId: actor.id, actorRole: primaryRole(actor), unitId: actor.unitId, reason: input.reason ?? null,
        fromState: current?.kind ?? null, toState: input.kind, payload: { name: input.name, previousName: current?.name ?? null }, at: now,
      });
    });
    cache = undefined;
    return { date, kind: input.kind, name: input.name };
  }

  async function removeDay(actor: AuthUser, date: string, reason?: string) {
    const [current] = await db.select().from(calendarDays).where(eq(calendarDays.date, date));
    if (!current) throw notFound('calendar day');
    const now = clock.now();
    await db.transaction(async (tx) => {
      await tx.delete(calendarDays).where(eq(calendarDays.date, date));
      await appendEvent(tx, {
        subjectType: 'calendar_day', subjectId: date, action: 'calendar.day_removed', actorId: actor.id,
        actorRole: primaryRole(actor), unitId: actor.unitId, reason: reason ?? null, fromState: current.kind,
        toState: null, payload: { name: current.name }, at: now,
      });
    });
    cache = undefined;
  }

  async function preview(start: Date, amount: number, unit: DeadlineUnit) {
    const dueAt = computeDueAt(start, { amount, unit }, await getCalendar());
    const local = new Date(dueAt.getTime() + OFFICE_UTC_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
    return { dueAt: dueAt.toISOString(), dueLocal: local };
  }

  return { getCalendar, year, setDay, removeDay, preview, invalidate: () => { cache = undefined; } };
}
export type CalendarService = ReturnType<typeof createCalendarService>;
