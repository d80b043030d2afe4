import { checkpointAuditLog, configOrExit, createLogger, ensureMigrated, installAuditKeys, openConfiguredDb, seed } from '../bootstrap';
import { pendingMigrations } from '../db/migrate';

const config = configOrExit();
const logger = createLogger(config);
const handle = await openConfiguredDb(config);
const before = await pendingMigrations(handle);
await ensureMigrated(handle, true, logger);
await seed(handle, config, false);
// The first checkpoint after keyed hashes anchors the chains written before them (the server writes
// one at start-up too, so a PostgreSQL migration run without SECRET_KEY leaves it to the server).
if (config.SECRET_KEY || !config.DATABASE_URL) await checkpointAuditLog(handle, installAuditKeys(config), logger);
else logger.warn('SECRET_KEY not set: the audit checkpoint is left to the server start-up');
console.log(before.length ? `已执行迁移 applied: ${before.join(', ')}` : '数据库已是最新 / nothing to migrate');
await handle.close();
