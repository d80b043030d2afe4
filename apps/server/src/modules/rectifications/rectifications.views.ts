import type { RectificationFollowUpRow, RectificationItem } from './rectifications.types';

/** A follow-up as it leaves the server, with the actor's name. */
export const followUpView = (f: RectificationFollowUpRow, names: Map<string, string>) => ({
  id: f.id, kind: f.kind, note: f.note, actorName: f.actorId ? names.get(f.actorId) ?? null : null, at: f.createdAt.toISOString(),
});

/** The follow-up that closed the item, if it is closed. */
export const closingFollowUp = (item: RectificationItem) => item.followUps.find((f) => f.kind !== 'progress') ?? null;
