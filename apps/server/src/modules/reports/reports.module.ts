import type { Config } from '../../config';
import type { Db } from '../../db/client';
import type { Clock } from '../../lib/clock';
import { AppError } from '../../lib/errors';
import type { Secrets } from '../../lib/secrets';
import type { AuthUser } from '../auth/auth.types';
import type { DeadlinesService } from '../deadlines/deadlines.service';
import type { UnitsService } from '../units/units.service';
import type { AssignmentsService } from '../assignments/assignments.service';
import { createBulkService } from './bulk.service';
import { createClustering } from './clustering';
import { createDetailService } from './detail.service';
import { createDisposalsService } from './disposals.service';
import type { FilesService } from '../files/files.service';
import { createFromPatrol } from './from-patrol';
import type { createReviewService } from '../patrol/review.service';
import { createHandlingService } from './handling.service';
import { createIntakeService } from './intake.service';
import { createOptionsService } from './options.service';
import { createOrdersService } from './orders.service';
import { createPublicIntakeService } from './public-intake.service';
import { createPow, dbSpentStore } from './pow';
import { createAllowance } from './allowance';
import { createQueueService } from './queue.service';
import { createRepliesService } from './replies.service';
import { createReportClocks } from './report-clocks';
import { createSlaService } from './sla.service';
import { actorOf } from './report-store';
import { createStatusService } from './status.service';
import { createTaxonomyCache } from './taxonomy';
import { createTransfersService } from './transfers.service';

type PatrolReview = ReturnType<typeof createReviewService>;

/** Wires the reports module: intake, handling, sub-cases (transfers, orders), replies and the public side. */
export function createReportsModule(deps: {
  db: Db; clock: Clock; config: Config; secrets: Secrets; deadlines: DeadlinesService; patrolReview: PatrolReview; units: UnitsService; files: FilesService; assignments: AssignmentsService;
}) {
  const { db, clock, config, secrets, deadlines } = deps;
  const taxonomy = createTaxonomyCache(db, { publicJurisdictionCode: config.PUBLIC_JURISDICTION_CODE });
  const clustering = createClustering();
  const clocks = createReportClocks({ deadlines });
  // report evidence lives in the files module (bytes, sniffing, upload rows); reports claims and reads it
  const evidence = deps.files;
  const intake = createIntakeService({ db, clock, secrets, taxonomy, clustering, clocks });
  const handling = createHandlingService({ db, clock, secrets, clocks, taxonomy });
  const transfers = createTransfersService({ db, assignments: deps.assignments, secrets });
  const orders = createOrdersService({ db, clock, deadlines, clocks });
  const disposals = createDisposalsService({ db, clock, deadlines, clocks, secrets, transfers });
  const replies = createRepliesService({ db, clock, clocks, secrets, config, taxonomy });
  const status = createStatusService({ db, taxonomy, hashQueryCode: intake.hashQueryCode });
  const detail = createDetailService({ db, taxonomy, evidenceOf: evidence.rows.ofReport, subcases: { transfersOf: transfers.forReport, ordersOf: orders.forReport, subjectIdsOf: async (id) => [...await transfers.subjectIdsOf(id), ...await orders.subjectIdsOf(id)] } });
  const extras = createOptionsService({ db, taxonomy, status });

  async function evidenceFile(user: AuthUser, reportId: string, evidenceId: string) {
    await detail.get(user, reportId); // scope check: 404 outside the user's jurisdiction
    const row = await evidence.rows.byId(evidenceId, reportId);
    if (!row) throw new AppError('resource.not_found', 'evidence not found');
    return { row, data: await evidence.read(row) };
  }

  const pow = createPow({ secrets, clock, difficulty: config.POW_DIFFICULTY, spent: dbSpentStore(db, clock) });
  const allowance = createAllowance({ db, clock, limits: {
    submissions: config.PUBLIC_FREE_SUBMISSIONS_PER_HOUR, upload_bytes: config.PUBLIC_FREE_UPLOAD_MB_PER_HOUR * 1024 * 1024,
  } });

  return {
    taxonomy, clustering, clocks, evidence, intake, handling, transfers, orders, disposals, replies, status, detail,
    queue: createQueueService({ db }),
    sla: createSlaService({ db, clock, clocks, taxonomy }),
    bulk: createBulkService({ db, clock, handling, replyInTx: replies.replyInTx }),
    pow, allowance,
    publicIntake: createPublicIntakeService({ db, secrets, intake, status, handling, taxonomy, evidence, pow, allowance, units: deps.units }),
    options: extras.options, views: extras.views, trustedMine: extras.trustedMine,
    fromPatrol: createFromPatrol({ db, review: deps.patrolReview, intake, handling, taxonomy }),
    actorOf, evidenceFile,
  };
}
export type ReportsModule = ReturnType<typeof createReportsModule>;
