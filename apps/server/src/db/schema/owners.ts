/**
 * Which module owns each table: only the owner queries and writes it; every other module asks the
 * owner's service. `test/table-ownership.test.ts` holds the modules to it (and to this list covering
 * every table). An owner is a directory under `src/modules/`, or `jobs` for `src/jobs/`.
 * The one exception, the directory tables, is stated in that test and in ARCHITECTURE.md.
 */
export const OWNERS = {
  jurisdictions: 'jurisdictions',
  units: 'units',
  users: 'users',
  roles: 'roles',
  rolePermissions: 'roles',
  userRoles: 'roles',
  sessions: 'auth',
  loginThrottles: 'auth',
  calendarDays: 'calendar',
  events: 'audit',
  auditCheckpoints: 'audit',
  jobs: 'jobs',
  deadlines: 'deadlines',
  notifications: 'notifications',
  apiKeys: 'apikeys',
  fileUploads: 'files',
  assignments: 'assignments',
  rectifications: 'rectifications',
  rectificationFollowUps: 'rectifications',
  documents: 'documents',

  reportCategories: 'reports',
  reports: 'reports',
  reportDisposals: 'reports',
  platformOrders: 'reports',
  replyTemplates: 'reports',
  reportSla: 'reports',
  savedViews: 'reports',
  reportBatches: 'reports',
  powSpent: 'reports',
  publicAllowance: 'reports',
  mailOutbox: 'reports',

  lexiconRules: 'patrol',
  lexiconVersions: 'patrol',
  termCorrections: 'patrol',
  patrolSources: 'patrol',
  patrolItems: 'patrol',
  patrolHits: 'patrol',

  registryEntities: 'registry',
  registryPledges: 'registry',
  registryInspections: 'registry',
  registryInterviews: 'registry',
  registryDraws: 'registry',
  registryTasks: 'registry',
  registryImports: 'registry',

  statsReportFacts: 'stats',
  statsRollup: 'stats',
  statsDirty: 'stats',
  statsState: 'stats',
  statsSavedQueries: 'stats',
  statsTransparencyMonths: 'stats',
} as const;

export type TableName = keyof typeof OWNERS;
