import type { Permission } from '@tianlang/contracts';

/**
 * Who may do what with the registry; every route names one of these. Grading also needs a user at
 * district level or above (core canGradeAtLevel): towns maintain their entities, districts grade them.
 */
export const registryPolicy = {
  read: 'registry.read',
  manage: 'registry.manage',
  grade: 'registry.grade',
  revealContact: 'registry.contact_reveal',
  /** moving an entity to another jurisdiction is a grading-level decision */
  move: 'registry.grade',
  record: 'registry.manage',
  draw: 'registry.manage',
  import: 'registry.manage',
  export: 'registry.read',
} as const satisfies Record<string, Permission>;
