import type { Permission } from '@tianlang/contracts';

/** Who may do what with statistics; every route names one of these. */
export const statsPolicy = {
  read: 'stats.read',
  /** approving (freezing) a month of the public transparency page */
  publish: 'stats.publish',
} as const satisfies Record<string, Permission>;
