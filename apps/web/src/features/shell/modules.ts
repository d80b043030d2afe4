import type { Permission } from '@tianlang/contracts';
import type { MessageKey } from '../../i18n';

/** A built page of a casework module; path '' is the module's landing page. */
export interface ModulePage {
  path: string;
  label: MessageKey;
  permission: Permission;
}

export interface ModuleEntry {
  key: string;
  label: MessageKey;
  /** The module's pages; a module without them opens the "under construction" page. */
  pages?: readonly ModulePage[];
  /** Pages reached by a link rather than the menu (a record's detail), routed like `pages`. */
  subPages?: readonly ModulePage[];
}

/** 巡查监测: reviewers read everything (editing needs patrol.manage, checked on the page); the term checker is for all staff. */
export const PATROL_PAGES: readonly ModulePage[] = [
  { path: '', label: 'nav.patrolQueue', permission: 'patrol.review' },
  { path: 'items', label: 'nav.patrolItems', permission: 'patrol.review' },
  { path: 'sources', label: 'nav.patrolSources', permission: 'patrol.review' },
  { path: 'lexicon', label: 'nav.patrolLexicon', permission: 'patrol.review' },
  { path: 'terms', label: 'nav.patrolTerms', permission: 'directory.read' },
];

/**
 * 举报受理: office staff work the queue; a partner department and a platform liaison have only their
 * inbox (移交件, 处置通知), which the module opens on for them. Inbox and tracking are separate entries
 * because each page is granted by one permission.
 */
export const REPORTS_PAGES: readonly ModulePage[] = [
  { path: '', label: 'nav.reportsQueue', permission: 'reports.read' },
  { path: 'transfers', label: 'nav.reportsTransfers', permission: 'transfers.handle' },
  { path: 'orders', label: 'nav.reportsOrders', permission: 'orders.answer' },
  { path: 'transfer-tracking', label: 'nav.reportsTransferTracking', permission: 'reports.read' },
  { path: 'order-tracking', label: 'nav.reportsOrderTracking', permission: 'reports.read' },
  { path: 'templates', label: 'nav.reportsTemplates', permission: 'reports.configure' },
  { path: 'sla', label: 'nav.reportsSla', permission: 'reports.configure' },
  { path: 'mine-trusted', label: 'nav.reportsMineTrusted', permission: 'reports.submit' },
];
export const REPORTS_SUBPAGES: readonly ModulePage[] = [{ path: ':id', label: 'nav.reportsDetail', permission: 'reports.read' }];

/**
 * 属地台账: everyone with registry.read sees the register and the draws; importing needs registry.manage
 * (creating, grading and recording are checked on the pages, per entity).
 */
export const REGISTRY_PAGES: readonly ModulePage[] = [
  { path: '', label: 'nav.registryList', permission: 'registry.read' },
  { path: 'draws', label: 'nav.registryDraws', permission: 'registry.read' },
  { path: 'import', label: 'nav.registryImport', permission: 'registry.manage' },
];
export const REGISTRY_SUBPAGES: readonly ModulePage[] = [{ path: ':id', label: 'nav.registryEntity', permission: 'registry.read' }];
/** 统计与报告: the dashboard for whoever reads statistics; publishing the public month is a leader's. */
export const STATS_PAGES: readonly ModulePage[] = [
  { path: '', label: 'nav.statsDashboard', permission: 'stats.read' },
  { path: 'transparency', label: 'nav.statsTransparency', permission: 'stats.publish' },
];
export const STATS_SUBPAGES: readonly ModulePage[] = [{ path: 'items', label: 'nav.statsItems', permission: 'stats.read' }];

/** Casework modules, in menu order. */
export const CASEWORK_MODULES: readonly ModuleEntry[] = [
  { key: 'reports', label: 'nav.reports', pages: REPORTS_PAGES, subPages: REPORTS_SUBPAGES },
  { key: 'registry', label: 'nav.registry', pages: REGISTRY_PAGES, subPages: REGISTRY_SUBPAGES },
  { key: 'patrol', label: 'nav.patrol', pages: PATROL_PAGES },
  { key: 'rumors', label: 'nav.rumors' },
  { key: 'sentiment', label: 'nav.sentiment' },
  { key: 'enforcement', label: 'nav.enforcement' },
  { key: 'publishing', label: 'nav.publishing' },
  { key: 'campaigns', label: 'nav.campaigns' },
  { key: 'stats', label: 'nav.stats', pages: STATS_PAGES, subPages: STATS_SUBPAGES },
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
  { key: 'api-keys', label: 'nav.apiKeys', permission: 'admin.apikeys.manage' },
  { key: 'audit', label: 'nav.audit', permission: 'audit.read' },
];

export const consolePath = {
  home: '/console',
  profile: '/console/profile',
  notifications: '/console/notifications',
  module: (key: string, page = '') => (page ? `/console/${key}/${page}` : `/console/${key}`),
  admin: (key: string) => `/console/admin/${key}`,
};
