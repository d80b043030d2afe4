import type { Permission } from '@tianlang/contracts';

export const unitsPolicy = {
  list: 'directory.read',
  read: 'directory.read',
  create: 'admin.units.manage',
  update: 'admin.units.manage',
} as const satisfies Record<string, Permission>;
