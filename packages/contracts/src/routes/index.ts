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
import { unitsApi } from './units';
import { usersApi } from './users';

export { ordersApi, publicReportsApi, replyTemplatesApi, reportSlaApi, reportsApi, transfersApi };
export { PARTNER_REPORTS_BODY_LIMIT } from './public-reports';
export { apiKeysApi, auditApi, authApi, calendarApi, jurisdictionsApi, notificationsApi, rolesApi, unitsApi, usersApi };

/** Every table of the API, by module: test/openapi.test.ts checks the server mounts each entry exactly once. */
export const API_ROUTE_TABLES = {
  units: unitsApi,
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
} as const;
