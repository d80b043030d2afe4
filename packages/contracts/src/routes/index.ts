import { patrolApi } from './patrol';
import { registryApi } from './registry';
import { registryRecordsApi } from './registry-records';
import { publicStatsApi, statsApi } from './stats';
import { unitsApi } from './units';

export { patrolApi, publicStatsApi, registryApi, registryRecordsApi, statsApi, unitsApi };

/** Every table of the API, by module: test/openapi.test.ts checks the server mounts each entry exactly once. */
export const API_ROUTE_TABLES = {
  units: unitsApi,
  patrol: patrolApi,
  registry: registryApi,
  registryRecords: registryRecordsApi,
  stats: statsApi,
  publicStats: publicStatsApi,
} as const;
