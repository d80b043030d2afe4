import type { RectificationSource } from '@tianlang/contracts';
import type { RegistryEntityRow } from '../../db/schema';
import { closingFollowUp, followUpView, type RectificationItem, type RectificationsService } from '../rectifications/rectifications.service';
import { entityEvent, findEntity } from './entity-store';
import { isoOrNull } from '../../lib/iso';

/**
 * The registry's rectification items live in the rectifications module. Their clocks and event chains
 * keep the names they had before the shared service (subject registry_rectification, clock
 * registry.rectification): running clocks and recorded chains refer to them.
 */
export const RECTIFICATION_SUBJECT = 'registry_rectification';
export const RECTIFICATION_CLOCK = 'registry.rectification';
/** The source types of the registry's items, by the registry's own source name. */
export const RECTIFICATION_SOURCE_TYPES = { inspection: 'registry_inspection', interview: 'registry_interview' } as const satisfies Record<RectificationSource, string>;
export const REGISTRY_SOURCES: readonly string[] = Object.values(RECTIFICATION_SOURCE_TYPES);
const sourceOf = (sourceType: string): RectificationSource => (sourceType === RECTIFICATION_SOURCE_TYPES.inspection ? 'inspection' : 'interview');

/** Registers the registry's items: the entity guards them (scope, 404) and its chain notes every follow-up. */
export function registerRegistryRectifications(rectifications: RectificationsService) {
  rectifications.register<RegistryEntityRow>({
    sourceTypes: REGISTRY_SOURCES, subjectType: RECTIFICATION_SUBJECT, clockKind: RECTIFICATION_CLOCK, invalidTransition: 'registry.invalid_transition',
    guard: (tx, user, row) => findEntity(tx, row.entityId!, user, true),
    onChange: async (tx, user, row, c, entity) => {
      const about = { rectificationId: row.id, source: sourceOf(row.sourceType), sourceId: row.sourceId };
      if (c.kind === 'progress') await entityEvent(tx, entity, user, 'registry.rectification_progress', c.at, { reason: c.note, payload: { ...about, late: c.late } });
      else await entityEvent(tx, entity, user, 'registry.rectification_followed_up', c.at, { reason: c.note, payload: { ...about, result: c.kind, late: c.late } });
    },
  });
}

/** A registry rectification item on the entity page. */
export function rectView(r: RectificationItem, names: Map<string, string>) {
  const closing = closingFollowUp(r);
  return {
    id: r.id, entityId: r.entityId!, source: sourceOf(r.sourceType), sourceId: r.sourceId, description: r.requirement, state: r.state, dueAt: isoOrNull(r.dueAt),
    deadlineStatus: r.deadlineStatus, followUp: closing?.note ?? null, followedUpAt: isoOrNull(closing?.createdAt ?? null), createdAt: r.createdAt.toISOString(),
    followUps: r.followUps.map((f) => followUpView(f, names)),
  };
}
