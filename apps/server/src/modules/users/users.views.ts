import type { UserView } from '@tianlang/contracts';
import type { UserListItem } from './users.repo';

export const userView = (r: UserListItem, now: Date): UserView => ({
  id: r.user.id, username: r.user.username, displayName: r.user.displayName, unitId: r.user.unitId,
  unitName: r.unitName, roles: r.roles, active: r.user.active,
  locked: !!r.user.lockedUntil && r.user.lockedUntil > now,
  lastLoginAt: r.user.lastLoginAt?.toISOString() ?? null, createdAt: r.user.createdAt.toISOString(),
});
