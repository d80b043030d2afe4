import type { Permission } from '@tianlang/contracts';

/** Who may do what with jurisdictions; routes name these, the auth hook checks them. */
export const jurisdictionsPolicy = {
  list: 'directory.read',
  read: 'directory.read',
  create: 'admin.jurisdictions.manage',
  update: 'admin.jurisdictions.manage',
} as const satisfies Record<string, Permission>;
