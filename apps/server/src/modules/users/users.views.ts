import type { UserView } from '@tianlang/contracts';
import type { UserListItem } from './users.repo';

export const userView = (r: UserListItem & { throttled: boolean }): UserView => ({
  id: r.user.id, username: r.user.username, displayName: r.user.displayName, unitId: r.user.unitId,
  unitName: r.unitName, roles: r.roles, active: r.user.active,
  throttled: r.throttled, mustChangePassword: r.user.mustChangePassword,
  lastLoginAt: r.user.lastLoginAt?.toISOString() ?? null, createdAt: r.user.createdAt.toISOString(),
});
