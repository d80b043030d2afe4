import type { Permission } from '@tianlang/contracts';

export const rolesPolicy = {
  list: 'directory.read',
  create: 'admin.roles.manage',
  update: 'admin.roles.manage',
} as const satisfies Record<string, Permission>;
