import { and, asc, eq } from 'drizzle-orm';
import type { ReportOutcome } from '@tianlang/contracts';
import { canTransition, fillTemplate, officeDate } from '@tianlang/core';
import type { Config } from '../../config';
import type { Db, Queryable } from '../../db/client';
import { reportDisposals, reports, type ReportRow } from '../../db/schema';
import type { Clock } from '../../lib/clock';
import { AppError, assertThat } from '../../lib/errors';
import type { Secrets } from '../../lib/secrets';
import type { AuthUser } from '../auth/auth.types';
import { queueMail } from './mailer';
import type { ReportClocks } from './report-clocks';
import { actorOf, lockReport, moveReport, noteReport } from './report-store';
import type { TaxonomyCache } from './taxonomy';
import { createTemplatesService } from './templates.service';
import { scopeFilter } from '../auth/scope';

export const OUTCOME_NAMES: Record<ReportOutcome, string> = {
  handled: '已依法处置', referred: '已移交有关部门处理', no_violation: '经核查未发现违法违规情形',
  out_of_jurisdiction: '不属于本办管辖，已转有关部门', rejected: '不予受理',
};
/** How a disposal reads in a reply ("我办已依法{{measure}}"). */
const MEASURE_TEXT: Record<string, string> = {
  remove: '责令平台删除相关信息', restrict: '责令平台限制相关信息传播', label: '责令平台对相关信息添加提示标注',
  warn: '对相关账号予以警示', limit: '对相关账号采取限制功能措施', suspend: '对相关账号予以暂停更新', close: '对相关账号予以关闭',
  referral: '将相关线索移交有关部门依法处理',
};
/** Filled by the server for each recipient; a value typed by staff never replaces them. */
const FIXED = ['trackingNo', 'submittedDate', 'categoryName', 'outcomeName'];

export interface ReplyInput { templateId: string; values: Record<string, string> }

/**
 * 回复: one template, filled for each reporter of the cluster with their own tracking number and
 * date, stored as the public reply and mailed to those who left an address. Never internal notes.
 */
export function createRepliesService(deps: { db: Db; clock: Clock; clocks: ReportClocks; secrets: Secrets; config: Config; taxonomy: TaxonomyCache }) {
  const { db, clock, clocks, secrets, config, taxonomy } = deps;
  const templates = createTemplatesService({ db, clock });

  /** Values derived from the disposals (staff may override them): measure, targetOffice. */
  async function derived(q: Queryable, row: ReportRow): Promise<Record<string, string>> {
    const ds = await q.select().from(reportDisposals).where(eq(reportDisposals.reportId, row.id)).orderBy(asc(reportDisposals.createdAt));
    const measures = [...new Set(ds.map((d) => MEASURE_TEXT[d.kind === 'referral' ? 'referral' : d.measure ?? ''] ?? '').filter(Boolean))];
    const office = ds.filter((d) => d.kind === 'out_of_jurisdiction').at(-1)?.targetName;
    return { ...(measures.length ? { measure: measures.join('，并') } : {}), ...(office ? { targetOffice: office } : {}) };
  }

  async function compose(q: Queryable, row: ReportRow, input: ReplyInput, lock: boolean) {
    // The template in force at the report's jurisdiction: a district's own wording of a city template wins there.
    const t = await templates.forReport(q, row.jurisdictionPath, input.templateId);
    if (!t || !t.active) throw new AppError('request.invalid', 'unknown or inactive reply template', { details: { field: 'templateId' } });
    if (row.outcome && t.outcome !== row.outcome) {
      throw new AppError('request.invalid', `the template is for outcome ${t.outcome}, the report's outcome is ${row.outcome}`, { details: { field: 'templateId', outcome: row.outcome } });
    }
    const members = lock
      ? await q.select().from(reports).where(eq(reports.mergedIntoId, row.id)).orderBy(asc(reports.submittedAt)).for('update')
      : await q.select().from(reports).where(eq(reports.mergedIntoId, row.id));
    const staff = Object.fromEntries(Object.entries(input.values).filter(([k]) => !FIXED.includes(k)));
    const category = (await taxonomy.byCode(q)).get(row.categoryCode)?.name ?? row.categoryCode;
    const base = { ...(await derived(q, row)), ...staff, categoryName: category, ...(row.outcome ? { outcomeName: OUTCOME_NAMES[row.outcome] } : {}) };
    const fill = (r: ReportRow) => fillTemplate(t.body, { ...base, trackingNo: r.trackingNo, submittedDate: officeDate(r.submittedAt) });
    return { t, members, fill };
  }

  async function preview(user: AuthUser, reportId: string, input: ReplyInput) {
    const [row] = await db.select().from(reports).where(and(eq(reports.id, reportId), scopeFilter(user, reports.jurisdictionPath)));
    if (!row) throw new AppError('resource.not_found', 'report not found');
    const { members, fill } = await compose(db, row, input, false);
    const primary = fill(row);
    return { text: primary.text, missing: primary.missing, recipients: 1 + members.length };
  }

  /** Queues the reply to the address in a reporter's sealed contact, if there is one. */
  async function mailTo(tx: Queryable, r: ReportRow, text: string, at: Date): Promise<boolean> {
    if (!r.contactEnc) return false;
    let email: string | undefined;
    try {
      email = (JSON.parse(secrets.open(r.contactEnc)) as { email?: string }).email;
    } catch {
      return false;
    }
    if (!email) return false;
    const body = `${text}\n\n您可凭举报编号 ${r.trackingNo} 和提交时获得的查询码，在 ${config.PUBLIC_URL ?? ''}/report/status 查询办理情况。\n本邮件由系统自动发送，请勿直接回复。`;
    await queueMail(tx, secrets, { to: email, subject: `举报处理结果 ${r.trackingNo}`, body, subjectType: 'report', subjectId: r.id, at });
    return true;
  }

  async function replyInTx(tx: Queryable, user: AuthUser, row: ReportRow, input: ReplyInput, o: { at: Date; batchId: string | null }): Promise<ReportRow> {
    const { at, batchId } = o;
    assertThat(canTransition('reply', row.state), 'report.invalid_transition', `cannot reply to a report in state ${row.state}`, { action: 'reply', state: row.state });
    const { t, members, fill } = await compose(tx, row, input, true);
    const primary = fill(row);
    if (primary.missing.length) throw new AppError('report.template_unfilled', `fill in: ${primary.missing.join(', ')}`, { details: { missing: primary.missing } });
    const actor = actorOf(user);
    let mailed = Number(await mailTo(tx, row, primary.text, at));
    for (const m of members) {
      const text = fill(m).text;
      const sent = await mailTo(tx, m, text, at);
      mailed += Number(sent);
      await noteReport(tx, m, 'report.answered_via_cluster', actor, {
        at, batchId, payload: { primaryId: row.id, templateId: t.id, mailed: sent }, set: { publicReply: text, outcome: row.outcome, answeredAt: at },
      });
    }
    const moved = await moveReport(tx, row, 'reply', actor, {
      at, batchId, set: { publicReply: primary.text, answeredAt: at },
      payload: { templateId: t.id, templateName: t.name, reply: primary.text, recipients: 1 + members.length, mailed },
    });
    await clocks.stop(tx, moved, 'reply', at, 'met', user.id);
    return moved;
  }

  const reply = (user: AuthUser, reportId: string, input: ReplyInput) =>
    db.transaction(async (tx) => replyInTx(tx, user, await lockReport(tx, reportId, user), input, { at: clock.now(), batchId: null }));

  return { preview, reply, replyInTx, templates };
}
export type RepliesService = ReturnType<typeof createRepliesService>;
