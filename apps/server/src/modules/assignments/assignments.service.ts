import { and, eq, type SQL } from 'drizzle-orm';
import type { Permission } from '@tianlang/contracts';
import { isOpenAssignment, nextAssignmentState, officeMinute, settles, type AssignmentAction } from '@tianlang/core';
import type { Db, Queryable } from '../../db/client';
import { assignments, type AssignmentRow } from '../../db/schema';
import type { Clock } from '../../lib/clock';
import { AppError, notFound } from '../../lib/errors';
import { appendEvent } from '../audit/events.service';
import { primaryRole, type AuthUser } from '../auth/auth.types';
import { addressedTo, assertSentFrom, sentFrom } from '../auth/scope';
import { DeferSweep, type DeadlinesService } from '../deadlines/deadlines.service';
import { activeUsersOfUnit, notifyUsers } from '../notifications/notifications.service';
import { holdersOf } from '../users/users.service';
import { countAssignments, lockAssignment, ofSubject, openOf, peekAssignment, selectAssignments } from './assignments.repo';
import type {
  Actor, AssignmentBox, AssignmentKind, AssignmentListRow, AssignmentPage, AssignmentStep, RecordedReply, SendInput,
} from './assignments.types';

export type * from './assignments.types';

/** Who hears of an escalation (督办): the sending unit's leaders. */
export const LEADER_PERMISSION: Permission = 'approvals.decide';
const SYSTEM: Actor = { id: null, role: 'system', unitId: null };
const actorOf = (u: AuthUser): Actor => ({ id: u.id, role: primaryRole(u), unitId: u.unitId });
const PAST: Record<AssignmentAction, string> = { sign: 'signed', reply: 'replied', return: 'returned', urge: 'urged', escalate: 'escalated' };

type AnyKind = AssignmentKind<unknown>;
type Change = { set: Partial<AssignmentRow>; reason?: string; payload?: Record<string, unknown> };

/**
 * Work sent to a unit, whatever module's subject it serves: a report's transfer (移交), a rumor's
 * verification request, an event's 交办单, a campaign's task. A module registers its kind once and
 * gets the kind's API: `send` in its own transaction, the recipient's sign / reply / return, the
 * sender's urge and 代录回函, inbox and outbox. Every step is an event on the assignment (subject
 * `kind.eventSubject`), the answer clock is a deadline, and an assignment whose clock goes overdue
 * while open is escalated once, by the deadline sweep, to the sending unit's leaders.
 */
export function createAssignmentsService(deps: { db: Db; clock: Clock; deadlines: DeadlinesService }) {
  const { db, clock, deadlines } = deps;
  const kinds = new Map<string, AnyKind>();

  const visible = (user: AuthUser, box: AssignmentBox, a: AssignmentRow) => {
    if (box === 'inbox') {
      if (a.toUnitId !== user.unitId) throw notFound('assignment');
    } else assertSentFrom(user, a.jurisdictionPath, 'assignment');
  };
  const boxWhere = (user: AuthUser, box: AssignmentBox): SQL =>
    (box === 'inbox' ? addressedTo(user, assignments.toUnitId) : sentFrom(user, assignments.jurisdictionPath));

  async function withClocks(q: Queryable, def: AnyKind, rows: Awaited<ReturnType<typeof selectAssignments>>): Promise<AssignmentListRow[]> {
    const clocks = await deadlines.ofSubjects(q, def.eventSubject, def.clock.kind, rows.map((r) => r.a.id));
    return rows.map((r) => ({ ...r, dueAt: clocks.get(r.a.id)?.dueAt ?? null, deadlineStatus: clocks.get(r.a.id)?.status ?? null }));
  }

  async function list(def: AnyKind, user: AuthUser, box: AssignmentBox, page: AssignmentPage) {
    const where = and(eq(assignments.kind, def.kind), boxWhere(user, box), page.state ? eq(assignments.state, page.state) : undefined);
    const [rows, total] = await Promise.all([selectAssignments(db, where, page), countAssignments(db, where)]);
    return { items: await withClocks(db, def, rows), total };
  }

  async function get(def: AnyKind, user: AuthUser, id: string, box: AssignmentBox, q: Queryable = db) {
    const rows = await selectAssignments(q, and(eq(assignments.id, id), eq(assignments.kind, def.kind), boxWhere(user, box)));
    if (!rows[0]) throw notFound('assignment');
    return (await withClocks(q, def, rows))[0]!;
  }

  /** Creates the assignment in the caller's transaction: the row, its `sent` event, its clock, the recipient's notice. */
  async function send<P>(tx: Queryable, def: AssignmentKind<P>, o: SendInput & { parent: P }) {
    const [a] = await tx.insert(assignments).values({
      kind: def.kind, subjectType: def.subjectType, subjectId: o.subjectId, originId: o.originId ?? null, category: o.category ?? null,
      jurisdictionId: o.jurisdiction.id, jurisdictionPath: o.jurisdiction.path, fromUnitId: o.fromUnitId, toUnitId: o.toUnitId,
      note: o.note, detail: o.detail ?? {}, createdBy: o.createdBy, createdAt: o.at, updatedAt: o.at,
    }).returning();
    await appendEvent(tx, {
      subjectType: def.eventSubject, subjectId: a!.id, action: `${def.eventSubject}.sent`, actorId: o.actor.id, actorRole: o.actor.role, unitId: o.actor.unitId,
      toState: 'sent', reason: o.note, payload: { ...o.payload, toUnitId: o.toUnitId }, at: o.at,
    });
    const due = await deadlines.start(tx, {
      subjectType: def.eventSubject, subjectId: a!.id, kind: def.clock.kind, unitId: o.toUnitId, jurisdictionId: o.jurisdiction.id,
      amount: o.due, unit: def.clock.unit, at: o.at,
    });
    await notifyUsers(tx, await activeUsersOfUnit(tx, o.toUnitId), {
      kind: `${def.eventSubject}.sent`, title: `${def.noun} ${def.refOf(o.parent)}`, body: `请于 ${officeMinute(due.dueAt)} 前签收并回函`,
      link: def.links.inbox, subjectType: def.eventSubject, subjectId: a!.id,
    }, o.at);
    return a!;
  }

  /**
   * One step by a user: checks they may see it from their box (404 otherwise), locks the parent then the
   * assignment (the order every writer uses), asks the state machine (the kind's 409, nothing written),
   * applies the change, appends the event, lets the kind note it, and settles an answer or a return.
   */
  async function act<P>(def: AssignmentKind<P>, user: AuthUser, id: string, box: AssignmentBox, action: AssignmentAction, change: (a: AssignmentRow, parent: P, at: Date, tx: Queryable) => Promise<Change>, as: Pick<AssignmentStep<P>, 'action' | 'past'> = { action, past: PAST[action] }) {
    return db.transaction(async (tx) => {
      const at = clock.now();
      const pre = await peekAssignment(tx, id, def.kind);
      if (!pre) throw notFound('assignment');
      visible(user, box, pre);
      let parent = (await def.lockParent(tx, pre.subjectId))!;
      const a = (await lockAssignment(tx, id))!;
      const to = nextAssignmentState(action, a.state);
      if (!to) throw new AppError(def.invalidTransition, `cannot ${action} an assignment in state ${a.state}`, { details: { action, state: a.state } });
      const { set, reason, payload = {} } = await change(a, parent, at, tx);
      const [row] = await tx.update(assignments).set({ ...set, state: to, updatedAt: at }).where(eq(assignments.id, id)).returning();
      const actor = actorOf(user);
      await appendEvent(tx, {
        subjectType: def.eventSubject, subjectId: id, action: `${def.eventSubject}.${as.past}`, actorId: actor.id, actorRole: actor.role, unitId: actor.unitId,
        fromState: a.state, toState: to, reason: reason ?? null, payload, at,
      });
      const step: AssignmentStep<P> = { ...as, row: row!, from: a.state, parent, actor, at, reason, payload };
      parent = (await def.onStep?.(tx, step)) ?? parent;
      if (settles(to)) await settle(tx, def, { ...step, parent }, user.id);
      return row!;
    });
  }

  /** An answer or a return stops the clock, lets the kind move its parent on, and tells the sender. */
  async function settle<P>(tx: Queryable, def: AssignmentKind<P>, step: AssignmentStep<P>, actorId: string) {
    const a = step.row;
    const d = await deadlines.running(tx, def.eventSubject, a.id, def.clock.kind);
    if (d) await deadlines.step(tx, d.id, 'met', step.at, { actorId });
    await def.onSettled?.(tx, step);
    const to = (await def.answerTo?.(tx, a, step.parent)) ?? (await holdersOf(tx, { permission: def.senderPermission, unitId: a.fromUnitId })).map((h) => h.id);
    await notifyUsers(tx, to, {
      kind: `${def.eventSubject}.${a.state}`, title: `${def.noun}${a.state === 'replied' ? '已回函' : '被退回'}：${def.refOf(step.parent)}`,
      body: (a.state === 'replied' ? a.replyText : a.returnReason) ?? '', link: def.links.item(a), subjectType: def.eventSubject, subjectId: a.id,
    }, step.at);
  }

  /** 督办: once, when the clock of an open assignment goes overdue; the sending unit's leaders are told. */
  async function escalate<P>(tx: Queryable, def: AssignmentKind<P>, a: AssignmentRow, parent: P, dueAt: Date, at: Date) {
    const [row] = await tx.update(assignments).set({ escalatedAt: at, updatedAt: at }).where(eq(assignments.id, a.id)).returning();
    const reason = `逾期未回函（时限 ${officeMinute(dueAt)}）`;
    await appendEvent(tx, {
      subjectType: def.eventSubject, subjectId: a.id, action: `${def.eventSubject}.escalated`, actorId: null, actorRole: SYSTEM.role, unitId: null,
      fromState: a.state, toState: a.state, reason, payload: { cause: 'overdue', dueAt: dueAt.toISOString() }, at,
    });
    await def.onStep?.(tx, { action: 'escalate', past: 'escalated', row: row!, from: a.state, parent, actor: SYSTEM, at, reason, payload: { cause: 'overdue' } });
    const [named] = await selectAssignments(tx, eq(assignments.id, a.id));
    const leaders = await holdersOf(tx, { permission: LEADER_PERMISSION, unitId: a.fromUnitId });
    await notifyUsers(tx, leaders.map((l) => l.id), {
      kind: `${def.eventSubject}.escalated`, title: `督办：${def.noun} ${def.refOf(parent)} 已超期`,
      body: `${named!.toUnitName}未在 ${officeMinute(dueAt)} 前回函，请督促办理。`, link: def.links.item(a),
      subjectType: def.eventSubject, subjectId: a.id, dedupeKey: `assignment:${a.id}:escalated`,
    }, at);
  }

  // The sweep holds the clock; a step in flight holds the parent and the assignment and wants the clock: give way.
  deadlines.onStatusChange(async (tx, d, status) => {
    if (status !== 'overdue') return;
    const def = [...kinds.values()].find((k) => k.eventSubject === d.subjectType && k.clock.kind === d.kind);
    if (!def || !(await peekAssignment(tx, d.subjectId, def.kind))) return;
    const a = await lockAssignment(tx, d.subjectId, true);
    if (!a) throw new DeferSweep(`assignment ${d.subjectId} is busy`);
    if (!isOpenAssignment(a.state) || a.escalatedAt) return;
    const parent = await def.lockParent(tx, a.subjectId, { skipLocked: true });
    if (parent === null) throw new DeferSweep(`the parent of assignment ${a.id} is busy`);
    await escalate(tx, def, a, parent, d.dueAt, clock.now());
  });

  /** Registers a module's kind of assignment; the answer is that kind's API. */
  function register<P>(def: AssignmentKind<P>) {
    if (kinds.has(def.kind)) throw new Error(`assignment kind ${def.kind} is registered twice`);
    kinds.set(def.kind, def as AnyKind);
    const k = def as AnyKind;
    return {
      kind: def.kind,
      send: (tx: Queryable, input: SendInput & { parent: P }) => send(tx, def, input),
      list: (user: AuthUser, box: AssignmentBox, page: AssignmentPage) => list(k, user, box, page),
      get: (user: AuthUser, id: string, box: AssignmentBox = 'inbox', q: Queryable = db) => get(k, user, id, box, q),
      /** every assignment of the kind on a parent (the parent's own page: the caller checked its scope) */
      ofSubject: async (subjectId: string, q: Queryable = db) => withClocks(q, k, await selectAssignments(q, and(eq(assignments.kind, def.kind), eq(assignments.subjectId, subjectId)))),
      rowsOf: (q: Queryable, subjectId: string) => ofSubject(q, def.kind, subjectId),
      openOf: (q: Queryable, subjectId: string) => openOf(q, def.kind, subjectId),
      sign: (user: AuthUser, id: string) => act(def, user, id, 'inbox', 'sign', async (_a, _p, at) => ({ set: { signedBy: user.id, signedAt: at } })),
      reply: (user: AuthUser, id: string, text: string) => act(def, user, id, 'inbox', 'reply', async (a, _p, at) => ({
        set: { replyText: text, repliedBy: user.id, repliedAt: at, ...(a.signedAt ? {} : { signedBy: user.id, signedAt: at }) }, payload: { text },
      })),
      /** 代录回函: staff of the sending side enter the unit's answer, saying how it arrived */
      recordReply: (user: AuthUser, id: string, r: RecordedReply) => act(def, user, id, 'outbox', 'reply', async (_a, _p, at) => ({
        set: { replyText: r.text, repliedAt: at, replyRecordedBy: user.id, replyChannel: r.channel }, payload: { text: r.text, channel: r.channel, recordedBy: user.id },
      }), { action: 'record_reply', past: 'reply_recorded' }),
      return: (user: AuthUser, id: string, reason: string) => act(def, user, id, 'inbox', 'return', async (_a, _p, at) => ({
        set: { returnReason: reason, returnedBy: user.id, returnedAt: at }, reason,
      })),
      urge: (user: AuthUser, id: string, reason: string) => act(def, user, id, 'outbox', 'urge', async (a, parent, at, tx) => {
        await notifyUsers(tx, await activeUsersOfUnit(tx, a.toUnitId), {
          kind: `${def.eventSubject}.urged`, title: `催办：${def.noun} ${def.refOf(parent)}`, body: reason, link: def.links.inbox,
          subjectType: def.eventSubject, subjectId: a.id,
        }, at);
        return { set: { urgeCount: a.urgeCount + 1 }, reason, payload: { urgeCount: a.urgeCount + 1 } };
      }),
    };
  }

  return { register };
}
export type AssignmentsService = ReturnType<typeof createAssignmentsService>;
