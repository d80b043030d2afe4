import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { EXTERNAL_UNIT_KINDS, isExternalUnitKind, type ReportFilter } from '@tianlang/contracts';
import type { Db } from '../../db/client';
import { jurisdictions, reports, savedViews, units } from '../../db/schema';
import { AppError } from '../../lib/errors';
import type { AuthUser } from '../auth/auth.types';
import type { StatusService } from './status.service';
import type { TaxonomyCache } from './taxonomy';
import { settingLabels } from '../settings';
import { effectiveTemplates, templateView } from './templates.service';
import { scopeFilter } from '../auth/scope';
import { holdersOf } from '../users/users.service';

/** The console's form options, saved views and a trusted reporter's own list. */
export function createOptionsService({ db, taxonomy, status }: { db: Db; taxonomy: TaxonomyCache; status: StatusService }) {
  async function options(user: AuthUser) {
    const inScope = scopeFilter(user, jurisdictions.path);
    const [cats, unitRows, jRows, staff, templates] = await Promise.all([
      taxonomy.byCode(),
      // Departments, the office above and platforms anywhere above or below the user: a district office transfers to city departments too.
      db.select({ id: units.id, name: units.name, kind: units.kind }).from(units)
        .where(and(eq(units.active, true), inArray(units.kind, [...EXTERNAL_UNIT_KINDS, 'platform']))).orderBy(asc(units.name)),
      db.select({ id: jurisdictions.id, name: jurisdictions.name, level: jurisdictions.level }).from(jurisdictions)
        .where(and(inScope, eq(jurisdictions.active, true))).orderBy(asc(jurisdictions.path)),
      holdersOf(db, { permission: 'reports.read', user, unitKind: 'office' }),
      effectiveTemplates(db, user.scopePath),
    ]);
    const labels = await settingLabels(db, user);
    return {
      categories: [...cats.values()].filter((c) => c.active).map((c) => ({ code: c.code, name: c.name, kind: c.kind, parentCode: c.parentCode, legalBasis: c.legalBasis })),
      departments: unitRows.flatMap(({ id, name, kind }) => (isExternalUnitKind(kind) ? [{ id, name, kind }] : [])),
      platforms: unitRows.filter((u) => u.kind === 'platform').map(({ id, name }) => ({ id, name })),
      jurisdictions: jRows,
      assignees: staff.map(({ id, name }) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')),
      templates: [...templates.byName.values()].filter((t) => t.active).map((t) => templateView(t, labels.source(t.jurisdictionId))),
    };
  }

  const views = {
    async list(user: AuthUser) {
      const rows = await db.select().from(savedViews).where(eq(savedViews.userId, user.id)).orderBy(asc(savedViews.name));
      return rows.map((v) => ({ id: v.id, name: v.name, filter: v.filter as ReportFilter, createdAt: v.createdAt.toISOString() }));
    },
    async save(user: AuthUser, input: { name: string; filter: ReportFilter }) {
      const [v] = await db.insert(savedViews).values({ userId: user.id, name: input.name, filter: input.filter })
        .onConflictDoUpdate({ target: [savedViews.userId, savedViews.name], set: { filter: input.filter } }).returning();
      return { id: v!.id, name: v!.name, filter: v!.filter as ReportFilter, createdAt: v!.createdAt.toISOString() };
    },
    async remove(user: AuthUser, id: string) {
      const gone = await db.delete(savedViews).where(and(eq(savedViews.id, id), eq(savedViews.userId, user.id))).returning({ id: savedViews.id });
      if (gone.length === 0) throw new AppError('resource.not_found', 'view not found');
    },
  };

  async function trustedMine(user: AuthUser, q: { limit: number; offset: number }) {
    const rows = await db.select().from(reports).where(eq(reports.reporterUserId, user.id))
      .orderBy(desc(reports.submittedAt)).limit(q.limit).offset(q.offset);
    const [c] = await db.select({ n: sql<number>`count(*)::int` }).from(reports).where(eq(reports.reporterUserId, user.id));
    return { items: await Promise.all(rows.map(async (r) => ({ id: r.id, ...(await status.view(r)) }))), total: Number(c?.n ?? 0) };
  }

  return { options, views, trustedMine };
}
