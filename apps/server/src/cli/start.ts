import { buildApp } from '../http/app';
import { createJobRunner } from '../jobs/runner';
import { systemClock } from '../lib/clock';
import { createServices } from '../services';
import { mailJobHandler } from '../modules/reports/mailer';
import { checkpointAuditLog, configOrExit, createLogger, ensureMigrated, openConfiguredDb, seed } from '../bootstrap';
import { DEMO_USERS } from '../seed/demo';
import { ROLE_NAMES } from '../seed/base';
import { seedDemoReports } from '../seed/demo-reports';
import { seedDemoRegistry } from '../seed/demo-registry';
import { seedDemoHistory } from '../seed/demo-stats';

const args = new Set(process.argv.slice(2));
const config = configOrExit();
if (config.DATABASE_URL && !config.SECRET_KEY) {
  console.error('SECRET_KEY is required with DATABASE_URL: 32 random bytes, base64 (`openssl rand -base64 32`). Keep it: reporter contacts are encrypted with it.');
  process.exit(1);
}
const logger = createLogger(config);
const handle = await openConfiguredDb(config);
// `--migrate-embedded` lets `npm start` set up its own embedded database; a PostgreSQL server is
// migrated only on request (`--migrate` or `npm run db:migrate`).
await ensureMigrated(handle, args.has('--migrate') || (args.has('--migrate-embedded') && handle.kind === 'pglite'), logger);
const demoPassword = await seed(handle, config, args.has('--seed-if-empty'));
const showDemo = config.DEMO_HINT ?? (handle.kind === 'pglite' && !!demoPassword);

const services = createServices({
  config, handle, clock: systemClock, logger,
  demoHint: showDemo ? DEMO_USERS.map((u) => ({ username: u.username, role: ROLE_NAMES[u.role] })) : undefined,
});
if (demoPassword && handle.kind === 'pglite') {
  const fresh = (await seedDemoReports(services)) > 0;
  await seedDemoRegistry(services);
  if (fresh) await seedDemoHistory({ config, handle, logger }, services);
}
// The statistics rollup is built from the event log when it never was, and caught up otherwise.
logger.info({ stats: await services.stats.rollup.ensureBuilt() }, 'statistics rollup ready');
await checkpointAuditLog(handle, services.auditLog.keys, logger);
const app = await buildApp(services, { serveWeb: true });
const jobs = createJobRunner({
  db: services.db, clock: systemClock, logger, pollMs: config.JOBS_POLL_MS,
  handlers: {
    'deadline.sweep': async () => { await services.deadlines.sweep(); },
    'patrol.poll_feeds': async () => { await services.patrol.sources.pollDueFeeds(); },
    'mail.send': mailJobHandler(services.mailer),
    'evidence.cleanup': async () => { await services.files.cleanupOrphans(); },
    'stats.refresh': async () => { await services.stats.rollup.refresh(); },
    'audit.checkpoint': async () => { await services.auditLog.checkpoint(); },
  },
  recurring: [
    { kind: 'deadline.sweep', everySeconds: config.DEADLINE_SWEEP_SECONDS },
    { kind: 'patrol.poll_feeds', everySeconds: 60 },
    { kind: 'mail.send', everySeconds: 30 },
    { kind: 'evidence.cleanup', everySeconds: 3600 },
    { kind: 'stats.refresh', everySeconds: config.STATS_REFRESH_SECONDS },
    { kind: 'audit.checkpoint', everySeconds: config.AUDIT_CHECKPOINT_SECONDS },
  ],
});

await app.listen({ host: config.HOST, port: config.PORT });
if (config.JOBS_ENABLED) await jobs.start();

const url = `http://${config.HOST === '0.0.0.0' || config.HOST === '127.0.0.1' ? 'localhost' : config.HOST}:${config.PORT}`;
console.log([
  '',
  `天朗 Tianlang 已启动 · ${url}`,
  `  数据库 database: ${handle.kind} (${handle.where})`,
  `  接口文档 API docs: ${url}/api/docs`,
  ...(demoPassword
    ? [`  演示账号 demo sign-in: ${DEMO_USERS.map((u) => u.username).join(', ')}`,
       `  演示密码 password: ${demoPassword}   (管理员 admin; 东湖区管理员 dh_admin)`]
    : ['  登录 sign in with an account created by your administrator']),
  '',
].join('\n'));

let closing = false;
async function shutdown(signal: string) {
  if (closing) return;
  closing = true;
  logger.info({ signal }, 'shutting down');
  await jobs.stop();
  await services.mailer.close();
  await app.close();
  await handle.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
