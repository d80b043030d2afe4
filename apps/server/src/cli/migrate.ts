import { configOrExit, createLogger, ensureMigrated, openConfiguredDb, seed } from '../bootstrap';
import { pendingMigrations } from '../db/migrate';

const config = configOrExit();
const logger = createLogger(config);
const handle = await openConfiguredDb(config);
const before = await pendingMigrations(handle);
await ensureMigrated(handle, true, logger);
await seed(handle, config, false);
console.log(before.length ? `已执行迁移 applied: ${before.join(', ')}` : '数据库已是最新 / nothing to migrate');
await handle.close();
