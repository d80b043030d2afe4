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
import { createDocumentsService } from './modules/documents/documents.service';
import { createReportsModule } from './modules/reports/reports.module';
import { createMailer } from './modules/reports/mailer';
import { createRegistryModule } from './modules/registry/registry.module';
import { registerRegistryFigures } from './modules/registry/registry.figures';
import { createStatsModule } from './modules/stats/stats.module';
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
  const reports = createReportsModule({ db, clock, config, secrets, deadlines, patrolReview, units, files });
  const documents = createDocumentsService({ db, clock, files, jurisdictions });
  const stats = createStatsModule({ db, clock, documents, publicJurisdiction: () => reports.taxonomy.rootJurisdiction() });
  registerRegistryFigures(stats.catalogue, db);
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
    registry: createRegistryModule({ db, clock, secrets, deadlines, files, xlsx: xlsxReadOptions(config) }),
    stats,
    mailer: createMailer({ db, secrets, config, logger: deps.logger, clock }),
  };
}
export type Services = ReturnType<typeof createServices>;
