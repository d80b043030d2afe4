import { eq, sql } from 'drizzle-orm';
import type { PatrolItemInput } from '@tianlang/contracts';
import type { Match } from '@tianlang/textscan';
import type { Db } from '../../db/client';
import { lexiconRules, patrolHits, patrolItems, patrolSources, type PatrolSourceRow } from '../../db/schema';
import type { Clock } from '../../lib/clock';
import { sha256Hex } from '../../lib/crypto';
import { appendEvent, appendFirstEvents } from '../audit/events.service';
import type { Scanner } from './scanner';

export interface IngestActor { actorId?: string | null; actorRole?: string | null; unitId?: string | null; via: string }
export interface IngestResult { received: number; created: number; duplicates: number; withHits: number }

const CHUNK = 500;

/**
 * Scans items on arrival and stores them with their hits in one transaction per chunk. Items
 * already seen from the same source (same external id) are skipped, so re-sending is harmless.
 */
export function createIngestService({ db, clock, scanner }: { db: Db; clock: Clock; scanner: Scanner }) {
  async function ingest(source: PatrolSourceRow, items: PatrolItemInput[], actor: IngestActor): Promise<IngestResult> {
    const result: IngestResult = { received: items.length, created: 0, duplicates: 0, withHits: 0 };
    const unique = [...new Map(items.map((i) => [i.externalId, i])).values()];
    result.duplicates += items.length - unique.length;
    for (let i = 0; i < unique.length; i += CHUNK) {
      const part = await ingestChunk(source, unique.slice(i, i + CHUNK), actor);
      result.created += part.created;
      result.duplicates += part.duplicates;
      result.withHits += part.withHits;
    }
    return result;
  }

  async function ingestChunk(source: PatrolSourceRow, items: PatrolItemInput[], actor: IngestActor) {
    const { version, lexicon } = await scanner.get();
    const now = clock.now();
    const scanned = items.map((item) => ({ item, matches: lexicon.scan(item.text) as Match[] }));
    return db.transaction(async (tx) => {
      const inserted = await tx.insert(patrolItems).values(scanned.map(({ item, matches }) => ({
        sourceId: source.id, unitId: source.unitId, externalId: item.externalId, url: item.url ?? null,
        author: item.author ?? null, title: item.title ?? null, text: item.text, sha256: sha256Hex(item.text),
        publishedAt: item.publishedAt ? new Date(item.publishedAt) : null, fetchedAt: now, createdAt: now,
        lexiconVersion: version, hitCount: matches.length, status: matches.length ? 'pending' as const : 'clean' as const,
      }))).onConflictDoNothing({ target: [patrolItems.sourceId, patrolItems.externalId] })
        .returning({ id: patrolItems.id, externalId: patrolItems.externalId });
      const idOf = new Map(inserted.map((r) => [r.externalId, r.id]));
      const flagged = scanned.filter((s) => s.matches.length && idOf.has(s.item.externalId));
      const hits = flagged.flatMap(({ item, matches }) => matches.map((m) => ({
        itemId: idOf.get(item.externalId)!, ruleId: m.rule, start: m.start, end: m.end, matched: m.text,
        category: m.category, normalizations: [...m.normalizations],
      })));
      if (hits.length) await tx.insert(patrolHits).values(hits);
      const perRule = new Map<string, number>();
      for (const h of hits) perRule.set(h.ruleId, (perRule.get(h.ruleId) ?? 0) + 1);
      for (const [ruleId, n] of perRule) {
        await tx.update(lexiconRules).set({ hits: sql`${lexiconRules.hits} + ${n}` }).where(eq(lexiconRules.id, ruleId));
      }
      await appendFirstEvents(tx, flagged.map(({ item, matches }) => ({
        subjectType: 'patrol_item', subjectId: idOf.get(item.externalId)!, action: 'patrol.item_flagged',
        actorId: actor.actorId ?? null, actorRole: actor.actorRole ?? null, unitId: source.unitId, toState: 'pending',
        payload: { sourceId: source.id, lexiconVersion: version, rules: [...new Set(matches.map((m) => m.rule))], via: actor.via }, at: now,
      })));
      await appendEvent(tx, {
        subjectType: 'patrol_source', subjectId: source.id, action: 'patrol.batch_ingested', actorId: actor.actorId ?? null,
        actorRole: actor.actorRole ?? null, unitId: source.unitId,
        payload: { received: items.length, created: inserted.length, flagged: flagged.length, lexiconVersion: version, via: actor.via }, at: now,
      });
      return { created: inserted.length, duplicates: items.length - inserted.length, withHits: flagged.length };
    });
  }

  const sourceById = async (id: string) => (await db.select().from(patrolSources).where(eq(patrolSources.id, id)))[0];

  return { ingest, sourceById };
}
export type IngestService = ReturnType<typeof createIngestService>;
