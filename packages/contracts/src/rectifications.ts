import { z } from 'zod';
import { textField } from './common';

/**
 * Rectification items (整改事项): a requirement with a deadline, raised by an inspection, an interview and
 * later a supervision round or a case; followed up (in progress, as often as needed) until closed as
 * rectified or not rectified.
 */
export const RECTIFICATION_STATES = ['open', 'rectified', 'not_rectified'] as const;
export type RectificationState = (typeof RECTIFICATION_STATES)[number];
/** A follow-up either notes progress (the item stays open) or closes the item with its result. */
export const RECTIFICATION_FOLLOW_UP_KINDS = ['progress', 'rectified', 'not_rectified'] as const;
export type RectificationFollowUpKind = (typeof RECTIFICATION_FOLLOW_UP_KINDS)[number];
/** Event actions on a rectification item's own chain (its clock adds deadline.*). */
export const RECTIFICATION_EVENTS = ['rectification.opened', 'rectification.followed_up', 'rectification.closed'] as const;

export const RectificationProgressInputSchema = z.strictObject({ note: textField(2000).min(2) });
export const RectificationFollowUpViewSchema = z.object({
  id: z.uuid(), kind: z.enum(RECTIFICATION_FOLLOW_UP_KINDS), note: z.string(), actorName: z.string().nullable(), at: z.string(),
});
