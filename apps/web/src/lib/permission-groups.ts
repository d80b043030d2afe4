import { PERMISSIONS, type Permission } from '@tianlang/contracts';
import type { MessageKey } from '../i18n';

interface GroupDef {
  label: MessageKey;
  match: (p: Permission) => boolean;
}

const GROUPS: GroupDef[] = [
  { label: 'permGroup.admin', match: (p) => p.startsWith('admin.') },
  { label: 'permGroup.general', match: (p) => p === 'directory.read' || p === 'audit.read' },
  { label: 'permGroup.reports', match: (p) => p.startsWith('reports.') || p === 'transfers.handle' || p === 'orders.answer' },
  { label: 'permGroup.registry', match: (p) => p.startsWith('registry.') },
  { label: 'permGroup.patrol', match: (p) => p.startsWith('patrol.') },
  { label: 'permGroup.rumors', match: (p) => p.startsWith('rumors.') || p.startsWith('alliance.') },
  { label: 'permGroup.sentiment', match: (p) => p.startsWith('events.') },
  { label: 'permGroup.enforcement', match: (p) => p.startsWith('enforcement.') || p.startsWith('legal.') },
  { label: 'permGroup.publishing', match: (p) => p.startsWith('publishing.') },
  { label: 'permGroup.leadership', match: (p) => p.startsWith('approvals.') || p.startsWith('stats.') },
];

export interface PermissionGroup {
  label: MessageKey;
  permissions: Permission[];
}

/**
 * Groups permissions by module for display. Permissions added to the contract later land in
 * "其他" until a group claims them, so nothing is ever hidden.
 */
export function groupPermissions(permissions: readonly Permission[] = PERMISSIONS): PermissionGroup[] {
  const groups = GROUPS.map((g) => ({ label: g.label, permissions: permissions.filter(g.match) }));
  const other = permissions.filter((p) => !GROUPS.some((g) => g.match(p)));
  return [...groups, { label: 'permGroup.other' as MessageKey, permissions: other }].filter((g) => g.permissions.length > 0);
}
