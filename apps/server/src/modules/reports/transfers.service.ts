import type { TransferKind, TransferState, TransferView } from '@tianlang/contracts';
import type { Db, Queryable } from '../../db/client';
import type { ReportRow } from '../../db/schema';
import type { Secrets } from '../../lib/secrets';
import type { AssignmentBox, AssignmentListRow, AssignmentsService, RecordedReply } from '../assignments/assignments.service';
import type { AuthUser } from '../auth/auth.types';
import { lockReport, lockReportIfFree, moveReport, noteReport, type Actor } from './report-store';
import { reportsOfTransfers, transferView, type ContactMode } from './transfers.views';

/** Transfers are assignments of this kind; their events, clocks and notices keep the subject type 'transfer'. */
export const TRANSFER_KIND = 'report.transfer';
export const TRANSFER_SUBJECT = 'transfer';
export const TRANSFER_CLOCK = 'transfer.reply';

export type TransferBox = AssignmentBox;
interface Page { state?: TransferState; limit: number; offset: number }

export interface SendTransferInput {
  report: ReportRow; disposalId: string; kind: TransferKind; fromUnitId: string; toUnitId: string; note: string;
  dueDays: number; actor: Actor; createdBy: string; at: Date;
}

/**
 * 移交件: a report's transfers to partner departments or the office above, run by the assignments
 * service. Reports decides what a recipient sees (the reporter's contact only with consent), notes
 * every step on the report, and moves the report back to 处置中 once none of its transfers is open.
 */
export function createTransfersService(deps: { db: Db; assignments: AssignmentsService; secrets: Secrets }) {
  const { db, secrets } = deps;
  const api = deps.assignments.register<ReportRow>({
    kind: TRANSFER_KIND, subjectType: 'report', eventSubject: TRANSFER_SUBJECT, clock: { kind: TRANSFER_CLOCK, unit: 'working_days' },
    invalidTransition: 'transfer.invalid_transition', noun: '移交件', senderPermission: 'reports.dispose',
    links: { inbox: '/console/reports/transfers', item: (a) => `/console/reports/${a.subjectId}` },
    lockParent: (tx, id, o) => (o?.skipLocked ? lockReportIfFree(tx, id) : lockReport(tx, id)),
    refOf: (r) => r.trackingNo,
    onStep: (tx, s) => noteReport(tx, s.parent, `report.transfer_${s.past}`, s.actor, {
      at: s.at, reason: s.reason, payload: { transferId: s.row.id, toUnitId: s.row.toUnitId, ...s.payload },
    }),
    onSettled: async (tx, s) => {
      const open = await api.openOf(tx, s.parent.id);
      if (open.length === 0 && s.parent.state === 'transferred') await moveReport(tx, s.parent, 'transfer_settled', s.actor, { at: s.at, payload: { transferId: s.row.id } });
    },
    // The office that sent it hears back: the report's assignee, or its handlers.
    answerTo: async (_tx, _a, r) => (r.assigneeId ? [r.assigneeId] : null),
  });

  const modeOf = (box: TransferBox): ContactMode => (box === 'inbox' ? 'full' : 'masked');
  async function views(q: Queryable, rows: AssignmentListRow[], mode: ContactMode) {
    const byId = await reportsOfTransfers(q, rows);
    return rows.map((r) => transferView(r, byId.get(r.a.subjectId)!, mode, secrets));
  }

  async function list(user: AuthUser, box: TransferBox, q: Page) {
    const { items, total } = await api.list(user, box, q);
    return { items: await views(db, items, modeOf(box)), total };
  }
  const get = async (user: AuthUser, id: string, box: TransferBox = 'inbox'): Promise<TransferView> =>
    (await views(db, [await api.get(user, id, box)], modeOf(box)))[0]!;
  /** a step, then the transfer as the acting side sees it */
  const andShow = (box: TransferBox) => async (user: AuthUser, id: string, step: Promise<unknown>) => { await step; return get(user, id, box); };
  const inbox = andShow('inbox');
  const outbox = andShow('outbox');

  /** Creates the transfer in the disposal's transaction, with the reporter's contact only if they consented. */
  function send(tx: Queryable, o: SendTransferInput) {
    const includeContact = o.report.contactShareable && !!o.report.contactEnc;
    return api.send(tx, {
      parent: o.report, subjectId: o.report.id, jurisdiction: { id: o.report.jurisdictionId, path: o.report.jurisdictionPath },
      fromUnitId: o.fromUnitId, toUnitId: o.toUnitId, note: o.note, due: o.dueDays, originId: o.disposalId, category: o.kind,
      detail: { includeContact }, payload: { reportId: o.report.id, kind: o.kind, includeContact, dueDays: o.dueDays },
      actor: o.actor, createdBy: o.createdBy, at: o.at,
    });
  }

  return {
    list, get, send,
    forReport: async (reportId: string) => views(db, await api.ofSubject(reportId), 'masked'),
    subjectIdsOf: async (reportId: string) => (await api.rowsOf(db, reportId)).map((r) => ({ type: TRANSFER_SUBJECT, id: r.id })),
    openOf: api.openOf,
    sign: (user: AuthUser, id: string) => inbox(user, id, api.sign(user, id)),
    reply: (user: AuthUser, id: string, text: string) => inbox(user, id, api.reply(user, id, text)),
    return: (user: AuthUser, id: string, reason: string) => inbox(user, id, api.return(user, id, reason)),
    urge: (user: AuthUser, id: string, reason: string) => outbox(user, id, api.urge(user, id, reason)),
    recordReply: (user: AuthUser, id: string, r: RecordedReply) => outbox(user, id, api.recordReply(user, id, r)),
  };
}
export type TransfersService = ReturnType<typeof createTransfersService>;
