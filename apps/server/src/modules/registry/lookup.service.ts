import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { DuplicateCheckInputSchema, EntityQuery, ExportQuerySchema } from '@tianlang/contracts';
import { normalizeAccountId, entityCanonicalUrl, normalizeIcp } from '@tianlang/core';
import type { Db } from '../../db/client';
import type { Clock } from '../../lib/clock';
import type { AuthUser } from '../auth/auth.types';
import { exportXlsx, parseColumns } from './export';
import { officersIn } from './officers';
import { findDuplicates, visibleDuplicates, listByIds, listEntities, tagsInUse } from './registry.repo';
import { entityListItemView } from './registry.views';

type DuplicateCheckInput = z.infer<typeof DuplicateCheckInputSchema>;
type ExportQuery = z.infer<typeof ExportQuerySchema>;

/** Reading the registry as lists: the entity list, the form's options, the duplicate check and the xlsx export. */
export function createLookupService(deps: { db: Db; clock: Clock }) {
  const { db, clock } = deps;

  async function list(user: AuthUser, query: EntityQuery) {
    const { rows, total } = await listEntities(db, user, query);
    return { items: rows.map(entityListItemView), total };
  }

  async function options(user: AuthUser) {
    const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'zh-CN');
    const [officers, staff, tagList] = await Promise.all([
      officersIn(db, user, null), officersIn(db, user, null, 'registry.read'), tagsInUse(db, user.scopePath),
    ]);
    return {
      officers: officers.map(({ id, name }) => ({ id, name })).sort(byName),
      staff: staff.map(({ id, name }) => ({ id, name })).sort(byName),
      tags: tagList,
    };
  }

  /** Entities that look like the one being entered; one outside the user's scope shows as a reason without the entity. */
  async function duplicates(user: AuthUser, b: DuplicateCheckInput) {
    const hits = visibleDuplicates(user.scopePath, await findDuplicates(db, {
      name: b.name, type: b.type, excludeId: b.excludeId, icpNo: b.icpNo ? normalizeIcp(b.icpNo) : null,
      canonicalUrl: b.url ? entityCanonicalUrl(b.url) : null, accountId: b.accountId ? normalizeAccountId(b.accountId) : null, scopePath: user.scopePath,
    }));
    const shown = new Map((await listByIds(db, hits.flatMap((h) => (h.id ? [h.id] : [])))).map((x) => [x.e.id, x]));
    return { items: hits.map((h) => ({ entity: h.id && shown.has(h.id) ? entityListItemView(shown.get(h.id)!) : null, reasons: h.reasons, similarity: h.similarity })) };
  }

  /** The export as a stream, with the day it was taken (for the file name). */
  async function exportFile(user: AuthUser, query: ExportQuery) {
    const { columns, ...filter } = query;
    const stream = await exportXlsx(db, user, filter, parseColumns(columns), clock.now(), randomUUID());
    return { stream, day: clock.now().toISOString().slice(0, 10) };
  }

  return { list, options, duplicates, exportFile };
}
export type LookupService = ReturnType<typeof createLookupService>;
