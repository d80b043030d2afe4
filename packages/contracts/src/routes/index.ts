import { ordersApi } from './orders';
import { publicReportsApi } from './public-reports';
import { replyTemplatesApi } from './reply-templates';
import { reportSlaApi } from './report-sla';
import { reportsApi } from './reports';
import { transfersApi } from './transfers';
import { unitsApi } from './units';

export { unitsApi };
export { ordersApi, publicReportsApi, replyTemplatesApi, reportSlaApi, reportsApi, transfersApi };
export { PARTNER_REPORTS_BODY_LIMIT } from './public-reports';

/** Every table of the API, by module: test/openapi.test.ts checks the server mounts each entry exactly once. */
export const API_ROUTE_TABLES = {
  units: unitsApi,
  reports: reportsApi, publicReports: publicReportsApi, transfers: transfersApi, orders: ordersApi,
  replyTemplates: replyTemplatesApi, reportSla: reportSlaApi,
} as const;
