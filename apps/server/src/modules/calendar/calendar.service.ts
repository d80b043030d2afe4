import { and, asc, eq, isNull } from 'drizzle-orm';
import type { CalendarDayKind, DeadlineUnit } from '@tianlang/contracts';
import {
  DEFAULT_WORK_CALENDAR, OFFICE_UTC_OFFSET_MS, buildCalendar, computeDueAt, isWorkingDay, type WorkCalendar,
} from '@tianlang/core';
import type { Db, Queryable } from '../../db/client';
import { calendarDays, jurisdictions, type CalendarDayRow } from '../../db/schema';
import type { Clock } from '../../lib/clock';
import { assertThat, notFound } from '../../lib/errors';
import { appendEvent } from '../audit/events.service';
import { primaryRole, type AuthUser } from '../auth/auth.types';
import { assertMaySetAt, depthOn, levelsOn, ownLevel, resolveSetting, settingLabels, type Level } from '../settings';

const CACHE_MS = 60_000;
/** Off by default (Saturday, Sunday): the engine's plain week without holidays or 调休. */
const isWeekend = (date: string) => !isWorkingDay(date, DEFAULT_WORK_CALENDAR);
const levelIs = (level: Level) => (level === null ? isNull(calendarDays.jurisdictionId) : eq(calendarDays.jurisdictionId, level));

/**
 * The working-day calendar: the root's days are the default; a jurisdiction's local adjustments
 * (a local holiday, a working day instead of a holiday) replace them for its subtree.
 */
export function createCalendarService({ db, clock }: { db: Db; clock: Clock }) {
  let cache = new Map<string, { at: number; cal: WorkCalendar }>();
  const paths = new Map<string, string>();

  /** The days in force at a jurisdiction path, the nearest level winning per date. */
  async function effectiveDays(q: Queryable, path: string) {
    const rows = await q.select().from(calendarDays).where(levelsOn(calendarDays.jurisdictionId, path)).orderBy(asc(calendarDays.date));
    return { rows, days: resolveSetting(rows, path, (r) => r.date) };
  }

  async function pathOf(q: Queryable, jurisdictionId: string | null): Promise<string> {
    if (!jurisdictionId) return '/';
    let path = paths.get(jurisdictionId);
    if (!path) {
      const [j] = await q.select({ path: jurisdictions.path }).from(jurisdictions).where(eq(jurisdictions.id, jurisdictionId));
      path = j?.path ?? '/';
      paths.set(jurisdictionId, path); // a jurisdiction never moves in the tree
    }
    return path;
  }

  /**
   * The working-day calendar of a jurisdiction (null: the default), cached briefly; edits in this
   * process invalidate it at once. Pass the open transaction when calling from inside one: PGlite
   * has a single connection.
   */
  async function getCalendar(q: Queryable = db, jurisdictionId: string | null = null): Promise<WorkCalendar> {
    const path = await pathOf(q, jurisdictionId);
    const now = clock.now().getTime();
    const hit = cache.get(path);
    if (hit && now - hit.at < CACHE_MS) return hit.cal;
    const cal = buildCalendar([...(await effectiveDays(q, path)).days.values()]);
    cache.set(path, { at: now, cal });
    return cal;
  }

  async function year(user: AuthUser, y: number) {
    const { rows, days } = await effectiveDays(db, user.scopePath);
    const labels = await settingLabels(db, user);
    const inYear = [...days.values()].filter((d) => d.date.startsWith(`${y}-`));
    const cal = buildCalendar(inYear);
    let workingDayCount = 0;
    for (let d = new Date(Date.UTC(y, 0, 1)); d.getUTCFullYear() === y; d.setUTCDate(d.getUTCDate() + 1)) {
      if (isWorkingDay(d.toISOString().slice(0, 10), cal)) workingDayCount++;
    }
    const replaced = (d: CalendarDayRow) => {
      const depth = depthOn(d.jurisdictionId, user.scopePath);
      const above = resolveSetting(rows.filter((r) => r.date === d.date && depthOn(r.jurisdictionId, user.scopePath) < depth), user.scopePath, (r) => r.date).get(d.date);
      return above ? { kind: above.kind, name: above.name, source: labels.source(above.jurisdictionId) } : null;
    };
    return {
      year: y, level: labels.level, workingDayCount,
      days: inYear.map((d) => ({ date: d.date, kind: d.kind, name: d.name, source: labels.source(d.jurisdictionId), replaces: replaced(d) })),
    };
  }

  /** Sets a day at the user's own level (the root's admins: the default; others: their local adjustment). */
  async function setDay(actor: AuthUser, date: string, input: { kind: CalendarDayKind; name: string; reason?: string }) {
    const level = ownLevel(actor);
    assertMaySetAt(actor, level, 'calendar_day');
    const above = level === null ? undefined
      : [...(await effectiveDays(db, actor.scopePath)).rows].filter((r) => r.date === date && r.jurisdictionId !== level)
        .sort((a, b) => depthOn(b.jurisdictionId, actor.scopePath) - depthOn(a.jurisdictionId, actor.scopePath))[0];
    // A working day only makes sense where the day would otherwise be off: a weekend (调休), or a holiday set above.
    assertThat(input.kind === 'holiday' || isWeekend(date) || above?.kind === 'holiday', 'calendar.invalid_day', 'a workday must fall on a weekend or an inherited holiday');
    const now = clock.now();
    const [current] = await db.select().from(calendarDays).where(and(levelIs(level), eq(calendarDays.date, date)));
    await db.transaction(async (tx) => {
      if (current) await tx.update(calendarDays).set({ kind: input.kind, name: input.name, updatedAt: now }).where(eq(calendarDays.id, current.id));
      else await tx.insert(calendarDays).values({ jurisdictionId: level, date, kind: input.kind, name: input.name, updatedAt: now });
      await appendEvent(tx, {
        subjectType: 'calendar_day', subjectId: date, action: current ? 'calendar.day_changed' : 'calendar.day_set',
        actorId: actor.id, actorRole: primaryRole(actor), unitId: actor.unitId, reason: input.reason ?? null,
        fromState: current?.kind ?? null, toState: input.kind, payload: { name: input.name, previousName: current?.name ?? null, jurisdictionId: level }, at: now,
      });
    });
    cache = new Map();
    return (await year(actor, Number(date.slice(0, 4)))).days.find((d) => d.date === date)!;
  }

  /** Removes the user's own level's entry for a day; what a higher level set applies again. */
  async function removeDay(actor: AuthUser, date: string, reason?: string) {
    const level = ownLevel(actor);
    assertMaySetAt(actor, level, 'calendar_day');
    const [current] = await db.select().from(calendarDays).where(and(levelIs(level), eq(calendarDays.date, date)));
    if (!current) throw notFound('calendar day');
    const now = clock.now();
    await db.transaction(async (tx) => {
      await tx.delete(calendarDays).where(eq(calendarDays.id, current.id));
      await appendEvent(tx, {
        subjectType: 'calendar_day', subjectId: date, action: 'calendar.day_removed', actorId: actor.id,
        actorRole: primaryRole(actor), unitId: actor.unitId, reason: reason ?? null, fromState: current.kind,
        toState: null, payload: { name: current.name, jurisdictionId: level }, at: now,
      });
    });
    cache = new Map();
  }

  /** A deadline counted on the user's own calendar. */
  async function preview(user: AuthUser, start: Date, amount: number, unit: DeadlineUnit) {
    const dueAt = computeDueAt(start, { amount, unit }, await getCalendar(db, user.jurisdictionId));
    const local = new Date(dueAt.getTime() + OFFICE_UTC_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
    return { dueAt: dueAt.toISOString(), dueLocal: local };
  }

  return { getCalendar, year, setDay, removeDay, preview, invalidate: () => { cache = new Map(); } };
}
export type CalendarService = ReturnType<typeof createCalendarService>;
