import { and, asc, eq, isNull, lte, or } from 'drizzle-orm';
import type { z } from 'zod';
import type { PatrolSourceInputSchema, PatrolSourceUpdateSchema } from '@tianlang/contracts';
import type { Db } from '../../db/client';
import { jurisdictions, patrolSources, units, type PatrolSourceRow } from '../../db/schema';
import type { Clock } from '../../lib/clock';
import { diff } from '../../lib/changes';
import { assertThat, notFound } from '../../lib/errors';
import { appendEvent } from '../audit/events.service';
import { primaryRole, type AuthUser } from '../auth/auth.types';
import type { UnitsService } from '../units/units.service';
import type { GuardedFetch } from '../../lib/guarded-fetch';
import { fetchFeed } from './feeds';
import type { IngestService } from './ingest.service';
import { assertEntityRef } from '../registry';
import { scopeFilter } from '../auth/scope';

type CreateInput = z.infer<typeof PatrolSourceInputSchema>;
type UpdateInput = z.infer<typeof PatrolSourceUpdateSchema>;

const MAX_BACKOFF_MINUTES = 24 * 60;

export function createSourcesService({ db, clock, units: unitsService, ingest, guardedFetch }: {
  db: Db; clock: Clock; units: UnitsService; ingest: IngestService; guardedFetch: GuardedFetch;
}) {
  const visible = () => db.select({ source: patrolSources, unitName: units.name }).from(patrolSources)
    .innerJoin(units, eq(units.id, patrolSources.unitId)).innerJoin(jurisdictions, eq(jurisdictions.id, units.jurisdictionId));

  const list = (user: AuthUser) => visible().where(scopeFilter(user, jurisdictions.path)).orderBy(asc(patrolSources.name));

  async function get(user: AuthUser, id: string) {
    const [row] = await visible().where(and(eq(patrolSources.id, id), scopeFilter(user, jurisdictions.path)));
    if (!row) throw notFound('patrol source');
    return row;
  }

  async function create(user: AuthUser, input: CreateInput) {
    await unitsService.getVisible(user, input.unitId);
    assertThat(input.kind !== 'feed' || input.url, 'patrol.invalid_source', 'a feed needs its URL', { field: 'url' });
    if (input.url) guardedFetch.assertUrl(input.url);
    await assertEntityRef(db, user.scopePath, input.entityRef);
    const now = clock.now();
    const id = await db.transaction(async (tx) => {
      const [row] = await tx.insert(patrolSources).values({
        kind: input.kind, name: input.name, unitId: input.unitId, url: input.url ?? null, entityRef: input.entityRef ?? null,
        intervalMinutes: input.intervalMinutes, nextFetchAt: input.kind === 'feed' ? now : null, createdAt: now, updatedAt: now,
      }).returning();
      await appendEvent(tx, {
        subjectType: 'patrol_source', subjectId: row!.id, action: 'patrol.source_created', actorId: user.id, actorRole: primaryRole(user),
        unitId: user.unitId, toState: 'active', payload: { ...input }, at: now,
      });
      return row!.id;
    });
    return get(user, id);
  }

  async function update(user: AuthUser, id: string, input: UpdateInput) {
    const current = await get(user, id);
    if (input.url) guardedFetch.assertUrl(input.url);
    const changes = diff(current.source, input);
    if (Object.keys(changes).length === 0) return current;
    const now = clock.now();
    await db.transaction(async (tx) => {
      await tx.update(patrolSources).set({ ...input, updatedAt: now, ...(input.url ? { etag: null, lastModified: null } : {}) })
        .where(eq(patrolSources.id, id));
      await appendEvent(tx, {
        subjectType: 'patrol_source', subjectId: id, action: 'patrol.source_updated', actorId: user.id, actorRole: primaryRole(user),
        unitId: user.unitId, payload: { changes }, at: now,
      });
    });
    return get(user, id);
  }

  /** Polls one feed: conditional GET, ingest, and on failure back off exponentially (visible on the source). */
  async function pollFeed(source: PatrolSourceRow) {
    const now = clock.now();
    const result = await fetchFeed(guardedFetch, source.url!, { etag: source.etag, lastModified: source.lastModified });
    if (result.status === 'error') {
      const failures = source.failures + 1;
      const wait = Math.min(source.intervalMinutes * 2 ** (failures - 1), MAX_BACKOFF_MINUTES);
      await db.update(patrolSources).set({
        lastFetchAt: now, lastStatus: 'error', lastError: result.error, failures, nextFetchAt: new Date(now.getTime() + wait * 60_000), updatedAt: now,
      }).where(eq(patrolSources.id, source.id));
      return { status: 'error' as const, error: result.error };
    }
    let created = 0;
    if (result.status === 'ok') {
      created = (await ingest.ingest(source, result.items, { via: 'feed' })).created;
    }
    await db.update(patrolSources).set({
      lastFetchAt: now, lastStatus: result.status, lastError: null, failures: 0, lastItemCount: created,
      nextFetchAt: new Date(now.getTime() + source.intervalMinutes * 60_000), updatedAt: now,
      ...(result.status === 'ok' ? { etag: result.etag, lastModified: result.lastModified } : {}),
    }).where(eq(patrolSources.id, source.id));
    return { status: result.status, created };
  }

  /** The job: every active feed whose time has come. */
  async function pollDueFeeds(limit = 20) {
    const due = await db.select().from(patrolSources).where(and(
      eq(patrolSources.kind, 'feed'), eq(patrolSources.active, true),
      or(isNull(patrolSources.nextFetchAt), lte(patrolSources.nextFetchAt, clock.now())),
    )).orderBy(asc(patrolSources.nextFetchAt)).limit(limit);
    for (const s of due) await pollFeed(s);
    return due.length;
  }

  return { list, get, create, update, pollFeed, pollDueFeeds };
}
export type SourcesService = ReturnType<typeof createSourcesService>;
