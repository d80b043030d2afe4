import type { Permission } from '@tianlang/contracts';

/**
 * The policy of a directory resource (jurisdictions, units): any staff member lists and reads it, only the
 * holders of its admin permission create and change it.
 */
export const directoryPolicy = <const M extends Permission>(manage: M) => ({
  list: 'directory.read', read: 'directory.read', create: manage, update: manage,
} as const satisfies Record<string, Permission>);
