import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import pino, { type DestinationStream, type Logger } from 'pino';
import { loadConfig, ConfigError, type Config } from './config';
import { openDb, type DbHandle } from './db/client';
import { pendingMigrations, runMigrations } from './db/migrate';
import { randomToken } from './lib/crypto';
import { LOG_SERIALIZERS } from './lib/error-log';
import { systemClock } from './lib/clock';
import { createSecrets, resolveSecretKey } from './lib/secrets';
import { writeCheckpoint } from './modules/audit/checkpoints';
import { auditKeysOf, useAuditKeys, type AuditKeys } from './modules/audit/event-hash';
import { seedBase } from './seed/base';
import { DEMO_USERS, seedDemo } from './seed/demo';

/** Reads config or exits listing every problem at once. */
export function configOrExit(): Config {
  try {
    return loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
}

/** The process logger; errors are logged without statements or parameters (see lib/error-log.ts). */
export function createLogger(config: Pick<Config, 'LOG_LEVEL'>, destination?: DestinationStream): Logger {
  const options = { level: config.LOG_LEVEL, base: { app: 'tianlang' }, serializers: LOG_SERIALIZERS };
  return destination ? pino(options, destination) : pino(options);
}

export async function openConfiguredDb(config: Config): Promise<DbHandle> {
  return openDb({ databaseUrl: config.DATABASE_URL, dataDir: config.DATABASE_URL ? undefined : config.DATA_DIR });
}

/** Refuses to go on with pending migrations unless allowed to apply them. */
export async function ensureMigrated(handle: DbHandle, allow: boolean, logger: Logger) {
  const pending = await pendingMigrations(handle);
  if (pending.length === 0) return;
  if (!allow) {
    console.error(`数据库有 ${pending.length} 个未执行的迁移 / pending migrations:\n  ${pending.join('\n  ')}\n` +
      'Run `npm run db:migrate`, or start with `--migrate`.');
    await handle.close();
    process.exit(2);
  }
  const applied = await runMigrations(handle);
  logger.info({ applied }, 'migrations applied');
}

/** The audit log's keys from SECRET_KEY (or the embedded database's key file), installed for writing events. */
export function installAuditKeys(config: Config): AuditKeys {
  const keys = auditKeysOf(createSecrets(resolveSecretKey(config)));
  useAuditKeys(keys);
  return keys;
}

/** A signed checkpoint of the event log now; a failure is logged, never fatal (the next one catches up). */
export async function checkpointAuditLog(handle: DbHandle, keys: AuditKeys, logger: Logger): Promise<void> {
  try {
    const cp = await writeCheckpoint(handle.db, keys, systemClock.now());
    if (cp) logger.info({ checkpoint: String(cp.id), highWater: String(cp.highWater), events: cp.eventCount }, 'audit checkpoint written');
  } catch (err) {
    logger.error({ err }, 'audit checkpoint failed');
  }
}

const demoFile = (config: Config) => path.join(config.DATA_DIR, 'demo-credentials.json');

/** Seeds the base data, and demo data into an empty database; returns the demo password if any. */
export async function seed(handle: DbHandle, config: Config, withDemo: boolean): Promise<string | undefined> {
  const now = systemClock.now();
  await seedBase(handle.db, now);
  const file = demoFile(config);
  if (withDemo) {
    installAuditKeys(config);
    const password = `Tl-${randomToken(9)}`;
    if (await seedDemo(handle.db, now, password)) {
      writeFileSync(file, JSON.stringify({ password, users: DEMO_USERS.map((u) => u.username) }, null, 2), { mode: 0o600 });
      return password;
    }
  }
  if (existsSync(file)) return (JSON.parse(readFileSync(file, 'utf8')) as { password: string }).password;
  return undefined;
}
