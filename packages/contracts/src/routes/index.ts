import { unitsApi } from './units';

export { unitsApi };

/** Every table of the API, by module: test/openapi.test.ts checks the server mounts each entry exactly once. */
export const API_ROUTE_TABLES = { units: unitsApi } as const;
