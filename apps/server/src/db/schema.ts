/**
 * The database schema, one file per module under ./schema (drizzle-kit reads this file; every table
 * and enum is re-exported here, so `import { reports } from '../db/schema'` works everywhere).
 */
export * from './schema/base';
export * from './schema/patrol';
export * from './schema/reports';
export * from './schema/files';
export * from './schema/registry';
export * from './schema/rectifications';
export * from './schema/stats';
export * from './schema/assignments';
export * from './schema/documents';
