import { ordersApi } from './orders';
import { publicReportsApi } from './public-reports';
import { replyTemplatesApi } from './reply-templates';
import { reportSlaApi } from './report-sla';
import { reportsApi } from './reports';
import { transfersApi } from './transfers';
import { apiKeysApi } from './apikeys';
import { auditApi } from './audit';
import { authApi } from './auth';
import { calendarApi } from './calendar';
import { jurisdictionsApi } from './jurisdictions';
import { notificationsApi } from './notifications';
import { rolesApi } from './roles';
import { patrolApi } from './patrol';
import { registryApi } from './registry';
import { registryRecordsApi } from './registry-records';
import { publicStatsApi, statsApi } from './stats';
import { documentsApi } from './documents';
import { todosApi } from './todos';
import { unitsApi } from './units';
import { usersApi } from './users';

export { ordersApi, publicReportsApi, replyTemplatesApi, reportSlaApi, reportsApi, transfersApi };
export { PARTNER_REPORTS_BODY_LIMIT } from './public-reports';
export { apiKeysApi, auditApi, authApi, calendarApi, jurisdictionsApi, notificationsApi, rolesApi, unitsApi, usersApi };
export { documentsApi, todosApi };
export { patrolApi, publicStatsApi, registryApi, registryRecordsApi, statsApi };

/** Every table of the API, by module: test/openapi.test.ts checks the server mounts each entry exactly once. */
export const API_ROUTE_TABLES = {
  units: unitsApi,
  todos: todosApi,
  documents: documentsApi,
  reports: reportsApi, publicReports: publicReportsApi, transfers: transfersApi, orders: ordersApi,
  replyTemplates: replyTemplatesApi, reportSla: reportSlaApi,
  auth: authApi,
  users: usersApi,
  roles: rolesApi,
  jurisdictions: jurisdictionsApi,
  calendar: calendarApi,
  apiKeys: apiKeysApi,
  notifications: notificationsApi,
  audit: auditApi,
  patrol: patrolApi,
  registry: registryApi,
  registryRecords: registryRecordsApi,
  stats: statsApi,
  publicStats: publicStatsApi,
} as const;
