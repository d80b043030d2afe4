import { apiKeysApi } from './apikeys';
import { auditApi } from './audit';
import { authApi } from './auth';
import { calendarApi } from './calendar';
import { jurisdictionsApi } from './jurisdictions';
import { notificationsApi } from './notifications';
import { rolesApi } from './roles';
import { unitsApi } from './units';
import { usersApi } from './users';

export { apiKeysApi, auditApi, authApi, calendarApi, jurisdictionsApi, notificationsApi, rolesApi, unitsApi, usersApi };

/** Every table of the API, by module: test/openapi.test.ts checks the server mounts each entry exactly once. */
export const API_ROUTE_TABLES = {
  units: unitsApi,
  auth: authApi,
  users: usersApi,
  roles: rolesApi,
  jurisdictions: jurisdictionsApi,
  calendar: calendarApi,
  apiKeys: apiKeysApi,
  notifications: notificationsApi,
  audit: auditApi,
} as const;
