import { asc, eq, isNull } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { jurisdictions, reportCategories, type ReportCategoryRow } from '../../db/schema';
import { officeUnitOf } from '../units/units.service';

const TTL_MS = 60_000;

/**
 * Inside a transaction pass its `tx` (PGlite has one connection: a second one would wait forever).
 * Read-mostly lookups the intake path needs on every submission (taxonomy, the root office),
 * cached briefly so a flood of reports does not become a flood of lookups.
 */
export function createTaxonomyCache(q: Queryable, opts: { publicJurisdictionCode?: string } = {}) {
  let categories: { at: number; byCode: Map<string, ReportCategoryRow> } | undefined;
  let root: { at: number; value: { id: string; path: string; officeUnitId: string | null } } | undefined;
  const offices = new Map<string, { at: number; unitId: string | null }>();

  async function byCode(tx: Queryable = q): Promise<Map<string, ReportCategoryRow>> {
    if (!categories || Date.now() - categories.at > TTL_MS) {
      const rows = await tx.select().from(reportCategories).orderBy(asc(reportCategories.sort));
      categories = { at: Date.now(), byCode: new Map(rows.map((r) => [r.code, r])) };
    }
    return categories.byCode;
  }

  /** An active category (kind 'category'), or undefined. */
  async function category(code: string, tx: Queryable = q) {
    const c = (await byCode(tx)).get(code);
    return c && c.active && c.kind === 'category' ? c : undefined;
  }
  async function zone(code: string, tx: Queryable = q) {
    const c = (await byCode(tx)).get(code);
    return c && c.active && c.kind === 'zone' ? c : undefined;
  }

  /** The office unit of a jurisdiction (the one that handles reports there), if any. */
  async function officeOf(jurisdictionId: string, tx: Queryable = q): Promise<string | null> {
    const hit = offices.get(jurisdictionId);
    if (hit && Date.now() - hit.at < TTL_MS) return hit.unitId;
    const unitId = (await officeUnitOf(tx, jurisdictionId))?.id ?? null;
    offices.set(jurisdictionId, { at: Date.now(), unitId });
    return unitId;
  }

  /** Where public reports arrive (the root of the tree unless configured); the office there routes them down. */
  async function rootJurisdiction() {
    if (!root || Date.now() - root.at > TTL_MS) {
      const [j] = await q.select({ id: jurisdictions.id, path: jurisdictions.path }).from(jurisdictions)
        .where(opts.publicJurisdictionCode ? eq(jurisdictions.code, opts.publicJurisdictionCode) : isNull(jurisdictions.parentId)).orderBy(asc(jurisdictions.sort), asc(jurisdictions.createdAt)).limit(1);
      if (!j) throw new Error(opts.publicJurisdictionCode ? `PUBLIC_JURISDICTION_CODE ${opts.publicJurisdictionCode} not found` : 'no root jurisdiction: run the seed or setup:office');
      root = { at: Date.now(), value: { ...j, officeUnitId: await officeOf(j.id) } };
    }
    return root.value;
  }

  /** code → name of every category and zone as stored now (not cached), for labels (statistics). */
  const names = async () => new Map((await q.select({ code: reportCategories.code, name: reportCategories.name }).from(reportCategories)
    .orderBy(asc(reportCategories.sort))).map((r) => [r.code, r.name]));

  return { byCode, names, category, zone, officeOf, rootJurisdiction, invalidate: () => { categories = undefined; root = undefined; offices.clear(); } };
}
export type TaxonomyCache = ReturnType<typeof createTaxonomyCache>;
