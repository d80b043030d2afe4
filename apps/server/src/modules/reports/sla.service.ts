import { and, asc, eq, isNull } from 'drizzle-orm';
import { REPORT_SLA_DEFAULTS, type ReportSla } from '@tianlang/contracts';
import type { Db } from '../../db/client';
import { reportSla } from '../../db/schema';
import type { Clock } from '../../lib/clock';
import { AppError, notFound } from '../../lib/errors';
import { appendEvent } from '../audit/events.service';
import { primaryRole, type AuthUser } from '../auth/auth.types';
import { assertMaySetAt, levelsOn, ownLevel, resolveSetting, settingLabels, type Level } from '../settings';
import type { ReportClocks } from './report-clocks';
import type { TaxonomyCache } from './taxonomy';

const levelIs = (level: Level) => (level === null ? isNull(reportSla.jurisdictionId) : eq(reportSla.jurisdictionId, level));
const daysOf = (r: ReportSla) => ({ accept: r.accept, dispose: r.dispose, reply: r.reply });

/** 办理时限 per category: set at the root, overridden by a jurisdiction for its subtree; each change on the event log. */
export function createSlaService({ db, clock, clocks, taxonomy }: { db: Db; clock: Clock; clocks: ReportClocks; taxonomy: TaxonomyCache }) {
  async function view(user: AuthUser) {
    const rows = await db.select().from(reportSla).where(levelsOn(reportSla.jurisdictionId, user.scopePath)).orderBy(asc(reportSla.categoryCode));
    const labels = await settingLabels(db, user);
    const all = [...(await taxonomy.byCode()).values()];
    return {
      defaults: { ...REPORT_SLA_DEFAULTS },
      level: labels.level,
      taxonomy: all.filter((c) => c.active && c.kind === 'category').map((c) => ({ code: c.code, name: c.name, parentCode: c.parentCode })),
      categories: [...resolveSetting(rows, user.scopePath, (r) => r.categoryCode).values()].map((r) => ({
        categoryCode: r.categoryCode, ...daysOf(r), updatedAt: r.updatedAt.toISOString(), source: labels.source(r.jurisdictionId),
      })),
    };
  }

  async function write(user: AuthUser, code: string, days: ReportSla | null, reason: string | null) {
    const level = ownLevel(user);
    assertMaySetAt(user, level, 'report_sla');
    const at = clock.now();
    await db.transaction(async (tx) => {
      const [before] = await tx.select().from(reportSla).where(and(levelIs(level), eq(reportSla.categoryCode, code)));
      if (days === null) {
        if (!before) throw notFound('SLA setting');
        await tx.delete(reportSla).where(eq(reportSla.id, before.id));
      } else if (before) {
        await tx.update(reportSla).set({ ...days, updatedAt: at }).where(eq(reportSla.id, before.id));
      } else {
        await tx.insert(reportSla).values({ jurisdictionId: level, categoryCode: code, ...days, updatedAt: at });
      }
      await appendEvent(tx, {
        subjectType: 'report_sla', subjectId: code, action: days ? 'report_sla.set' : 'report_sla.removed', actorId: user.id, actorRole: primaryRole(user),
        unitId: user.unitId, reason, payload: { jurisdictionId: level, before: before ? daysOf(before) : null, after: days }, at,
      });
    });
    clocks.invalidate();
    return view(user);
  }

  /** Sets a category's deadlines at the user's own level. */
  async function set(user: AuthUser, code: string, input: ReportSla & { reason: string }) {
    if (!(await taxonomy.category(code))) throw new AppError('report.unknown_category', `unknown category ${code}`);
    const { reason, ...days } = input;
    return write(user, code, daysOf(days), reason);
  }

  /** Removes the user's own level's setting for a category; the one from above applies again. */
  const remove = (user: AuthUser, code: string, reason?: string) => write(user, code, null, reason ?? null);

  return { view, set, remove };
}
export type SlaService = ReturnType<typeof createSlaService>;
