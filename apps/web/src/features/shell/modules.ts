import type { Permission } from '@tianlang/contracts';
import type { MessageKey } from '../../i18n';

export interface ModuleEntry {
  key: string;
  label: MessageKey;
}

/** Casework modules, in menu order. None is built yet: each opens the "under construction" page. */
export const CASEWORK_MODULES: readonly ModuleEntry[] = [
  { key: 'reports', label: 'nav.reports' },
  { key: 'registry', label: 'nav.registry' },
  { key: 'patrol', label: 'nav.patrol' },
  { key: 'rumors', label: 'nav.rumors' },
  { key: 'sentiment', label: 'nav.sentiment' },
  { key: 'enforcement', label: 'nav.enforcement' },
  { key: 'publishing', label: 'nav.publishing' },
  { key: 'campaigns', label: 'nav.campaigns' },
  { key: 'stats', label: 'nav.stats' },
];

export interface AdminEntry extends ModuleEntry {
  permission: Permission;
}

export const ADMIN_PAGES: readonly AdminEntry[] = [
  { key: 'jurisdictions', label: 'nav.jurisdictions', permission: 'admin.jurisdictions.manage' },
  { key: 'units', label: 'nav.units', permission: 'admin.units.manage' },
  { key: 'users', label: 'nav.users', permission: 'admin.users.manage' },
  { key: 'roles', label: 'nav.roles', permission: 'admin.roles.manage' },
  { key: 'calendar', label: 'nav.calendar', permission: 'admin.calendar.manage' },
  { key: 'audit', label: 'nav.audit', permission: 'audit.read' },
];

export const consolePath = {
  home: '/console',
  profile: '/console/profile',
  notifications: '/console/notifications',
  module: (key: string) => `/console/${key}`,
  admin: (key: string) => `/console/admin/${key}`,
};
