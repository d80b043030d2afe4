import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray } from 'drizzle-orm';
import { officeDate } from '@tianlang/core';
import { buildTestApp, type TestApp } from '../../../test/harness';
import { buildUser, buildWorld, uniq, type World } from '../../../test/factories';
import { signIn, type Agent } from '../../../test/agent';
import { allEvents, allMail, buildReport, eventsOf, LEGAL_BASIS, reportById } from '../../../test/report-factories';
import { deadlines, events, mailOutbox, replyTemplates } from '../../db/schema';
import { seedReplyTemplates } from '../../seed/reply-templates';

let t: TestApp;
let w: World;
let handler: Agent;
let handlerB: Agent;
let admin: Agent;
let handled: string;
const INTERNAL = `内部研判意见${uniq()}`;
beforeAll(async () => {
  t = await buildTestApp({ PUBLIC_URL: 'https://wxb.example.cn' });
  w = await buildWorld(t.s.db);
  await seedReplyTemplates(t.s.db, new Date());
  await seedReplyTemplates(t.s.db, new Date()); // idempotent
  handled = (await t.s.db.select().from(replyTemplates).where(eq(replyTemplates.name, '已处置（通用）')))[0]!.id;
  const [h, hb] = await Promise.all([buildUser(t.s.db, { unitId: w.officeA.id, roles: ['handler'] }), buildUser(t.s.db, { unitId: w.officeB.id, roles: ['handler'] })]);
  [handler, handlerB, admin] = await Promise.all([signIn(t.app, h.username), signIn(t.app, hb.username), signIn(t.app, w.users.adminA.username)]);
});
afterAll(() => t.close());

/** A report taken through an account action and completion by the handler. */
async function disposed(o: Partial<Parameters<typeof buildReport>[1]> = {}) {
  const r = await buildReport(t.s.db, { secrets: t.s.secrets, ...o, jurisdiction: o.jurisdiction ?? w.districtA });
  const d = await handler.post(`/api/reports/${r.id}/disposals`, {
    kind: 'account_action', legalBasis: LEGAL_BASIS, reasons: `${INTERNAL}：账号持续发布诈骗引流信息。`, measure: 'suspend', accountName: r.accountName!,
  });
  expect(d.statusCode).toBe(200);
  expect((await handler.post(`/api/reports/${r.id}/complete`, {})).json()).toMatchObject({ state: 'disposed', outcome: 'handled' });
  return r;
}

describe('reply templates', () => {
  it('are configured with their placeholders, names unique, and each change recorded', async () => {
    const name = uniq('模板');
    const created = await admin.post('/api/reply-templates', { outcome: 'handled', name, body: '您的举报（编号{{trackingNo}}）已处理，处理意见：{{ opinion }}。' });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ name, placeholders: ['trackingNo', 'opinion'], active: true });
    const dup = await admin.post('/api/reply-templates', { outcome: 'no_violation', name, body: '重复的模板名称，不应保存。' });
    expect([dup.statusCode, dup.json().code]).toEqual([409, 'resource.conflict']);
    const off = await admin.patch(`/api/reply-templates/${created.json().id}`, { active: false });
    expect(off.json()).toMatchObject({ active: false, name });
    expect((await admin.patch(`/api/reply-templates/${w.city.id}`, { active: false })).statusCode).toBe(404);
    const items = (await admin.get('/api/reply-templates')).json().items as { name: string; outcome: string; placeholders: string[] }[];
    for (const outcome of ['handled', 'referred', 'no_violation', 'out_of_jurisdiction', 'rejected']) expect(items.some((x) => x.outcome === outcome)).toBe(true);
    expect(items.find((x) => x.name === '已处置（通用）')!.placeholders).toEqual(['submittedDate', 'trackingNo', 'categoryName', 'measure']);
    expect((await eventsOf(t.s.db, 'reply_template', created.json().id)).map((e) => e.action)).toEqual(['reply_template.created', 'reply_template.updated']);
    expect((await handler.post('/api/reply-templates', { outcome: 'handled', name: uniq('模板'), body: '处置员无权维护模板内容。' })).statusCode).toBe(403);
  });
});

describe('replying to reporters', () => {
  it('answers the whole cluster, each reporter with their own number, mailing only those who left an address', async () => {
    const primary = await disposed({ contact: { email: 'primary@example.cn' } });
    const earlier = new Date(Date.now() - 3 * 86400_000);
    const m1 = await buildReport(t.s.db, { jurisdiction: w.districtA, state: 'merged', mergedIntoId: primary.id, submittedAt: earlier, secrets: t.s.secrets, contact: { email: 'member@example.cn' } });
    const m2 = await buildReport(t.s.db, { jurisdiction: w.districtA, state: 'merged', mergedIntoId: primary.id, secrets: t.s.secrets, contact: { phone: '13700001234' } });

    const preview = (await handler.post(`/api/reports/${primary.id}/reply/preview`, { templateId: handled })).json();
    expect(preview).toMatchObject({ missing: [], recipients: 3 });
    expect(preview.text).toBe(`您于${officeDate(primary.submittedAt)}提交的举报（编号${primary.trackingNo}）已核查处置。经核查，您举报的诈骗类信息违反相关规定，我办已依法对相关账号予以暂停更新。感谢您对网络生态治理的支持。`);

    const res = await handler.post(`/api/reports/${primary.id}/reply`, { templateId: handled });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ state: 'answered', publicReply: preview.text });
    const [a, b] = [await reportById(t.s.db, m1.id), await reportById(t.s.db, m2.id)];
    expect(a).toMatchObject({ state: 'merged', outcome: 'handled' });
    expect(a.publicReply).toContain(`编号${m1.trackingNo}`);
    expect(a.publicReply).toContain(`您于${officeDate(earlier)}提交`);
    expect(a.publicReply).not.toContain(primary.trackingNo);
    expect(b.answeredAt).toBeTruthy();

    const mails = await t.s.db.select().from(mailOutbox).where(inArray(mailOutbox.subjectId, [primary.id, m1.id, m2.id]));
    expect(mails.map((m) => [m.subjectId, t.s.secrets.open(m.toEnc), m.subject]).sort()).toEqual([
      [primary.id, 'primary@example.cn', `举报处理结果 ${primary.trackingNo}`], [m1.id, 'member@example.cn', `举报处理结果 ${m1.trackingNo}`],
    ].sort());
    for (const m of mails) {
      expect(m.body).toContain('https://wxb.example.cn/report/status');
      expect(m.body).not.toContain(INTERNAL);
    }
    expect((await eventsOf(t.s.db, 'report', primary.id)).find((e) => e.action === 'report.reply')).toMatchObject({ fromState: 'disposed', toState: 'answered', payload: { recipients: 3, mailed: 2 } });
    expect((await eventsOf(t.s.db, 'report', m2.id)).map((e) => e.action)).toEqual(['report.answered_via_cluster']);
    const [clock] = await t.s.db.select().from(deadlines).where(and(eq(deadlines.subjectId, primary.id), eq(deadlines.kind, 'report.reply')));
    expect(clock!.state).toBe('met');
  });

  it('refuses a reply with a blank placeholder (422), writing nothing; server values cannot be overridden', async () => {
    const tpl = (await admin.post('/api/reply-templates', { outcome: 'handled', name: uniq('模板'), body: '您的举报（编号{{trackingNo}}）已处理，处理意见：{{opinion}}。' })).json();
    const r = await disposed({ contact: { email: 'x@example.cn' } });
    const [events0, mail0] = [await allEvents(t.s.db), await allMail(t.s.db)];
    const res = await handler.post(`/api/reports/${r.id}/reply`, { templateId: tpl.id, values: { opinion: '   ' } });
    expect([res.statusCode, res.json().code, res.json().details]).toEqual([422, 'report.template_unfilled', { missing: ['opinion'] }]);
    expect([await allEvents(t.s.db), await allMail(t.s.db)]).toEqual([events0, mail0]);
    expect((await reportById(t.s.db, r.id)).state).toBe('disposed');
    expect((await handler.post(`/api/reports/${r.id}/reply/preview`, { templateId: tpl.id })).json()).toMatchObject({ missing: ['opinion'], recipients: 1 });

    const ok = await handler.post(`/api/reports/${r.id}/reply`, { templateId: tpl.id, values: { opinion: '已依法处置', trackingNo: 'JB00000000FAKEFAKE' } });
    expect(ok.json().publicReply).toBe(`您的举报（编号${r.trackingNo}）已处理，处理意见：已依法处置。`);
  });

  it('needs a template of the report’s outcome, a disposed report, and the report in scope', async () => {
    const r = await disposed();
    const other = (await t.s.db.select().from(replyTemplates).where(eq(replyTemplates.name, '未发现违规（通用）')))[0]!;
    const before = await allEvents(t.s.db);
    const wrong = await handler.post(`/api/reports/${r.id}/reply`, { templateId: other.id });
    expect([wrong.statusCode, wrong.json().code, wrong.json().details.field]).toEqual([400, 'request.invalid', 'templateId']);
    expect((await handlerB.post(`/api/reports/${r.id}/reply`, { templateId: handled })).statusCode).toBe(404);
    expect((await handlerB.post(`/api/reports/${r.id}/reply/preview`, { templateId: handled })).statusCode).toBe(404);
    const open = await buildReport(t.s.db, { jurisdiction: w.districtA, state: 'disposing' });
    const early = await handler.post(`/api/reports/${open.id}/reply`, { templateId: handled });
    expect([early.statusCode, early.json().code]).toEqual([409, 'report.invalid_transition']);
    expect(await allEvents(t.s.db)).toBe(before);
    expect((await t.s.db.select().from(events).where(eq(events.subjectId, r.id))).some((e) => e.action === 'report.reply')).toBe(false);
  });
});
