import type { Logger } from 'pino';
import { xlsxReadOptions, type Config } from './config';
import type { Db, DbHandle } from './db/client';
import type { Clock } from './lib/clock';
import { createAuditRepo } from './modules/audit/audit.repo';
import { createAuthService } from './modules/auth/auth.service';
import { createLoginThrottle } from './modules/auth/login-throttle';
import { createCalendarService } from './modules/calendar/calendar.service';
import { createDeadlinesService } from './modules/deadlines/deadlines.service';
import { createJurisdictionsService } from './modules/jurisdictions/jurisdictions.service';
import { createNotificationsService } from './modules/notifications/notifications.service';
import { createRolesService } from './modules/roles/roles.service';
import { createUnitsService } from './modules/units/units.service';
import { createUsersService } from './modules/users/users.service';
import { createApiKeysService } from './modules/apikeys/apikeys.service';
import { createIngestService } from './modules/patrol/ingest.service';
import { createLexiconService } from './modules/patrol/lexicon.service';
import { createReviewService } from './modules/patrol/review.service';
import { createScanner } from './modules/patrol/scanner';
import { createSourcesService } from './modules/patrol/sources.service';
import { createTermsService } from './modules/patrol/terms.service';
import { createFilesService } from './modules/files/files.service';
import { createAssignmentsService } from './modules/assignments/assignments.service';
import { createDocumentsService } from './modules/documents/documents.service';
import { createReportsModule } from './modules/reports/reports.module';
import { createMailer } from './modules/reports/mailer';
import { createRegistryModule } from './modules/registry/registry.module';
import { createRectificationsService } from './modules/rectifications/rectifications.service';
import { registerRegistryFigures } from './modules/registry/registry.figures';
import { registerReportFigures } from './modules/reports/reports.figures';
import { createPatrolFigures, registerPatrolFigures } from './modules/patrol/patrol.figures';
import { createStatsModule } from './modules/stats/stats.module';
import { createTodoCatalogue } from './modules/todos/todos.service';
import { registerReportTodos } from './modules/reports/reports.todos';
import { registerPatrolTodos } from './modules/patrol/patrol.todos';
import { registerRegistryTodos } from './modules/registry/registry.todos';
import { createSecrets, resolveSecretKey } from './lib/secrets';
import { createGuardedFetch } from './lib/guarded-fetch';
import { auditKeysOf, useAuditKeys } from './modules/audit/event-hash';
import { writeCheckpoint } from './modules/audit/checkpoints';

export interface ServiceDeps {
  config: Config;
  handle: DbHandle;
  clock: Clock;
  logger: Logger;
  /** demo accounts to show on the sign-in page, when the embedded demo database is in use */
  demoHint?: { username: string; role: string }[];
}

/** Wires every service with its dependencies, once per process (or per test app). */
export function createServices(deps: ServiceDeps) {
  const db: Db = deps.handle.db;
  const { clock, config } = deps;
  const calendar = createCalendarService({ db, clock });
  const jurisdictions = createJurisdictionsService({ db, clock });
  const units = createUnitsService({ db, clock, jurisdictions });
  const scanner = createScanner({ db, clock });
  const ingest = createIngestService({ db, clock, scanner });
  const secrets = createSecrets(resolveSecretKey(config));
  // every server-side fetch of a URL someone gave goes through this one guard
  const guardedFetch = createGuardedFetch({
    allowCidrs: config.FETCH_ALLOW_PRIVATE_CIDRS, timeoutMs: config.FETCH_TIMEOUT_MS, maxBytes: config.FETCH_MAX_BYTES, logger: deps.logger,
  });
  const loginThrottle = createLoginThrottle({ db, config, clock, secrets });
  const auditKeys = auditKeysOf(secrets);
  useAuditKeys(auditKeys);
  const deadlines = createDeadlinesService({ db, clock, calendar });
  const patrolReview = createReviewService({ db, clock });
  const files = createFilesService({ db, clock, config });
  // work sent to units (transfers today; verification requests, 交办单 and tasks next): modules register their kinds
  const assignments = createAssignmentsService({ db, clock, deadlines });
  const rectifications = createRectificationsService({ db, clock, deadlines });
  const reports = createReportsModule({ db, clock, config, secrets, deadlines, patrolReview, units, files, assignments });
  const documents = createDocumentsService({ db, clock, files, jurisdictions });
  const stats = createStatsModule({ db, clock, documents, publicJurisdiction: () => reports.taxonomy.rootJurisdiction(),
    sources: { categoryNames: () => reports.taxonomy.names(), patrolSection: createPatrolFigures(db) } });
  // every module registers its own figures (definition, value, the rows behind it)
  registerReportFigures(stats.catalogue);
  registerPatrolFigures(stats.catalogue);
  registerRegistryFigures(stats.catalogue);
  const registry = createRegistryModule({ db, clock, secrets, deadlines, files, rectifications, xlsx: xlsxReadOptions(config) });
  // every module registers its own waiting work (what waits for whom)
  const todos = createTodoCatalogue();
  registerReportTodos(todos, { db, transfers: reports.transfers, orders: reports.orders });
  registerPatrolTodos(todos, patrolReview);
  registerRegistryTodos(todos, registry);
  return {
    ...deps,
    db,
    auth: createAuthService({ db, config, clock, throttle: loginThrottle }),
    audit: createAuditRepo(db),
    auditLog: { keys: auditKeys, checkpoint: () => writeCheckpoint(db, auditKeys, clock.now()) },
    calendar,
    secrets,
    guardedFetch,
    deadlines,
    assignments,
    jurisdictions,
    units,
    users: createUsersService({ db, clock, units, throttle: loginThrottle }),
    roles: createRolesService({ db, clock }),
    notifications: createNotificationsService({ db, clock }),
    apiKeys: createApiKeysService({ db, clock, units }),
    patrol: {
      scanner,
      ingest,
      lexicon: createLexiconService({ db, clock, scanner }),
      review: patrolReview,
      sources: createSourcesService({ db, clock, units, ingest, guardedFetch }),
      terms: createTermsService({ db, clock }),
    },
    files,
    documents,
    reports,
    rectifications,
    registry,
    stats,
    todos,
    mailer: createMailer({ db, secrets, config, logger: deps.logger, clock }),
  };
}
export type Services = ReturnType<typeof createServices>;
