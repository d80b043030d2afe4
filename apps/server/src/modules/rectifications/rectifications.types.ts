import type { DeadlineUnit, ErrorCode, RectificationFollowUpKind } from '@tianlang/contracts';
import type { Queryable } from '../../db/client';
import type { RectificationFollowUpRow, RectificationRow } from '../../db/schema';
import type { AuthUser } from '../auth/auth.types';

export type { RectificationFollowUpRow, RectificationRow };

/** One requirement to open, with the length of its period. */
export interface RectificationItemInput { description: string; days: number; unit: DeadlineUnit }

export interface OpenRectificationsInput {
  /** what raised the items: a registered source type and its row */
  sourceType: string;
  sourceId: string;
  /** the supervised entity concerned (registry), if any */
  entityId?: string | null;
  /** the jurisdiction that scopes the items */
  jurisdiction: { id: string; path: string };
  items: RectificationItemInput[];
  at: Date;
}

/** A follow-up just recorded, as the owning module's hook sees it. */
export interface RectificationChange {
  kind: RectificationFollowUpKind;
  note: string;
  at: Date;
  /** whether the item's period had run out when the follow-up was recorded */
  late: boolean;
  followUpId: string;
}

/**
 * What a module registers for the items its subjects raise (one registration per owner). `subjectType`
 * and `clockKind` name the item's own event chain and its clock on the deadline engine.
 */
export interface RectificationKind<C = unknown> {
  sourceTypes: readonly string[];
  subjectType: string;
  clockKind: string;
  /** the code a follow-up of a closed item answers (default rectification.invalid_transition) */
  invalidTransition?: ErrorCode;
  /**
   * Loads (and locks, in the follow-up's transaction) what the item belongs to, as the user may see it;
   * throws resource.not_found otherwise. Default: the item's jurisdiction must be in the user's scope.
   */
  guard?(tx: Queryable, user: AuthUser, row: RectificationRow): Promise<C>;
  /** Notes the follow-up on the owner's own subject, in the same transaction (e.g. the registry entity's chain). */
  onChange?(tx: Queryable, user: AuthUser, row: RectificationRow, change: RectificationChange, ctx: C): Promise<void>;
}

/** An item with its follow-ups, oldest first. */
export type RectificationItem = RectificationRow & { followUps: RectificationFollowUpRow[] };
