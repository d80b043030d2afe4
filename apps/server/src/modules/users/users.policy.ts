import type { Permission } from '@tianlang/contracts';

export const usersPolicy = {
  list: 'admin.users.manage',
  read: 'admin.users.manage',
  create: 'admin.users.manage',
  update: 'admin.users.manage',
  resetPassword: 'admin.users.manage',
  unlock: 'admin.users.manage',
} as const satisfies Record<string, Permission>;
