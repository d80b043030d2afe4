/**
 * Permissions are fine-grained verbs; roles are named bundles of them, editable by admins.
 * Later modules add their verbs here, next to the role defaults.
 */
export const PERMISSIONS = [
  'admin.jurisdictions.manage',
  'admin.units.manage',
  'admin.users.manage',
  'admin.roles.manage',
  'admin.calendar.manage',
  'directory.read',
  'audit.read',
  'reports.read',
  'reports.submit',
  'reports.intake',
  'reports.assess',
  'reports.dispose',
  'reports.reply',
  'reports.contact_reveal',
  'reports.configure',
  'transfers.handle',
  'orders.answer',
  'registry.read',
  'registry.manage',
  'registry.grade',
  'registry.contact_reveal',
  'patrol.review',
  'patrol.manage',
  'admin.apikeys.manage',
  'rumors.manage',
  'events.manage',
  'enforcement.handle',
  'legal.review',
  'publishing.edit',
  'publishing.approve',
  'approvals.decide',
  'stats.read',
  'stats.publish',
  'alliance.republish',
] as const;

export type Permission = (typeof PERMISSIONS)[number];

export const BUILTIN_ROLES = [
  'admin',
  'intake',
  'analyst',
  'handler',
  'partner',
  'platform_liaison',
  'enforcement',
  'legal_reviewer',
  'leader',
  'alliance',
  'volunteer',
] as const;

export type BuiltinRole = (typeof BUILTIN_ROLES)[number];

/** Default permission bundles, seeded once; admins may edit non-admin roles later. */
export const DEFAULT_ROLE_PERMISSIONS: Record<BuiltinRole, readonly Permission[]> = {
  admin: [
    'admin.jurisdictions.manage',
    'admin.units.manage',
    'admin.users.manage',
    'admin.roles.manage',
    'admin.calendar.manage',
    'admin.apikeys.manage',
    'directory.read',
    'audit.read',
    'stats.read',
    'reports.configure',
  ],
  intake: ['directory.read', 'reports.read', 'reports.intake', 'reports.reply', 'reports.contact_reveal', 'registry.read'],
  analyst: ['directory.read', 'reports.read', 'reports.assess', 'patrol.review', 'patrol.manage', 'rumors.manage', 'registry.read', 'registry.manage', 'registry.grade', 'registry.contact_reveal'],
  handler: ['directory.read', 'reports.read', 'reports.dispose', 'reports.reply', 'events.manage', 'registry.read', 'registry.manage', 'registry.grade', 'registry.contact_reveal', 'patrol.review'],
  partner: ['transfers.handle'],
  platform_liaison: ['orders.answer'],
  enforcement: ['directory.read', 'enforcement.handle', 'registry.read', 'registry.manage', 'registry.grade', 'registry.contact_reveal'],
  legal_reviewer: ['directory.read', 'legal.review'],
  leader: ['directory.read', 'reports.read', 'reports.configure', 'audit.read', 'approvals.decide', 'publishing.approve', 'stats.read', 'stats.publish', 'registry.read', 'registry.grade'],
  alliance: ['alliance.republish'],
  volunteer: ['reports.submit'],
};

/**
 * Permissions that govern the system itself. Only someone holding one may grant it (through a
 * role or a user's roles): an administrator cannot create a more powerful administrator.
 * Casework permissions are freely assignable by whoever manages users.
 */
export const isPrivilegedPermission = (p: Permission): boolean => p.startsWith('admin.') || p === 'audit.read';
