import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq, inArray } from 'drizzle-orm';
import { buildTestApp, type TestApp } from '../../../test/harness';
import { buildUser, buildWorld, uniq, type World } from '../../../test/factories';
import { signIn, type Agent } from '../../../test/agent';
import { canRenderPdf, docxToPdfText, mustRenderPdf } from '../../../test/office';
import { documents, events } from '../../db/schema';
import { sha256Hex } from '../../lib/crypto';
import { XLSX_LIMITS } from '../../lib/xlsx/limits';
import { openZip } from '../../lib/xlsx/zip-reader';
import { interviewNoticeV1 } from './interview-notice.template';
import { para, officialDocument, title } from './docx-kit';

let t: TestApp;
let w: World;
let handlerA: Agent;
let handlerB: Agent;
let handlerCity: Agent;
let leader: Agent;
let handlerAId: string;
let ours: string[];

beforeAll(async () => {
  t = await buildTestApp();
  w = await buildWorld(t.s.db);
  const [a, b, c] = await Promise.all([
    buildUser(t.s.db, { unitId: w.officeA.id, roles: ['handler'] }),
    buildUser(t.s.db, { unitId: w.officeB.id, roles: ['handler'] }),
    buildUser(t.s.db, { unitId: w.cityOffice.id, roles: ['handler'] }),
  ]);
  handlerAId = a.id;
  ours = [a.id, b.id, c.id, w.users.leader.id];
  [handlerA, handlerB, handlerCity, leader] = await Promise.all([a.username, b.username, c.username, w.users.leader.username].map((u) => signIn(t.app, u))) as [Agent, Agent, Agent, Agent];
});
afterAll(() => t.close());

const notice = (over: Record<string, unknown> = {}) => ({
  office: w.officeA.name, docNo: '示网信约〔2026〕7号', addressee: uniq('示范网络科技有限公司'),
  reason: '运营的“示范资讯”客户端未落实信息内容审核管理制度，传播违法违规信息', basis: '《互联网新闻信息服务单位约谈工作规定》',
  at: '2026-12-10T09:30', place: '示范市委网信办三楼会议室', attendees: '主要负责人及分管负责人',
  materials: ['整改情况书面报告', '信息内容审核制度文本'], contactName: '王明', contactPhone: '0571-88886666', date: '2026-12-06', ...over,
});
const documentText = async (docx: Buffer) => {
  const chunks: Buffer[] = [];
  for await (const c of (await openZip(docx, XLSX_LIMITS)).read('word/document.xml')) chunks.push(c);
  return Buffer.concat(chunks).toString('utf8').replace(/<[^>]+>/g, '');
};
/** What this file's users rendered (with PostgreSQL, other files write documents at the same time). */
const written = async () => ({
  documents: (await t.s.db.select({ n: count() }).from(documents).where(inArray(documents.createdBy, ours)))[0]!.n,
  events: (await t.s.db.select({ n: count() }).from(events).where(and(eq(events.action, 'document.rendered'), inArray(events.actorId, ours))))[0]!.n,
});
const renderedEvent = async (id: string) => (await t.s.db.select().from(events).where(and(eq(events.subjectType, 'document'), eq(events.subjectId, id))))[0]!;

describe('documents', () => {
  it('renders a template from data, keeps the file with its SHA-256 on the event, and reads it back checked', async () => {
    const data = notice();
    const res = await handlerA.post('/api/documents', { template: 'interview_notice', jurisdictionId: w.districtA.id, data });
    expect(res.statusCode, res.body).toBe(201);
    const doc = res.json();
    expect(doc).toMatchObject({
      template: 'interview_notice', version: 1, title: '约谈通知书', filename: `约谈通知书-${data.addressee}.docx`,
      subjectType: 'jurisdiction', subjectId: w.districtA.id, jurisdictionId: w.districtA.id, createdBy: handlerAId,
    });
    const ev = await renderedEvent(doc.id);
    expect(ev).toMatchObject({ action: 'document.rendered', actorId: handlerAId, seq: 1 });
    expect(ev.payload).toEqual({ template: 'interview_notice', version: 1, sha256: doc.sha256, size: doc.size, subject: { type: 'jurisdiction', id: w.districtA.id } });
    // the row keeps the data as the template's schema parsed it
    const [row] = await t.s.db.select().from(documents).where(eq(documents.id, doc.id));
    expect(row!.data).toEqual(data);

    const file = await handlerA.get(`/api/documents/${doc.id}/file`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toContain('wordprocessingml');
    expect(String(file.headers['content-disposition'])).toContain(encodeURIComponent(doc.filename));
    expect(file.rawPayload.length).toBe(doc.size);
    expect(sha256Hex(file.rawPayload)).toBe(ev.payload.sha256);
    const text = await documentText(file.rawPayload);
    for (const s of ['约谈通知书', '示网信约〔2026〕7号', `${data.addressee}：`, '2026年12月10日9时30分', data.place, '一、整改情况书面报告；', '二、信息内容审核制度文本。', '联系人：王明，联系电话：0571-88886666。', '2026年12月6日']) {
      expect(text).toContain(s);
    }
    expect((await handlerA.get(`/api/documents/${doc.id}`)).json()).toEqual(doc);
    const list = (await handlerA.get(`/api/documents?subjectType=jurisdiction&subjectId=${w.districtA.id}`)).json();
    expect(list.items.map((d: { id: string }) => d.id)).toContain(doc.id);
  });

  it.skipIf(!canRenderPdf && !mustRenderPdf)('renders to a PDF (LibreOffice) that carries the filled values', async () => {
    const data = notice({ place: uniq('示范市政务服务中心A座') });
    const doc = (await handlerA.post('/api/documents', { template: 'interview_notice', data })).json();
    const file = await handlerA.get(`/api/documents/${doc.id}/file`);
    const { pdf, text } = docxToPdfText(file.rawPayload);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const flat = text.replace(/\s+/g, '');
    for (const s of ['约谈通知书', data.addressee, data.place, '2026年12月10日9时30分', '0571-88886666', w.officeA.name, '2026年12月6日', '—1—']) {
      expect(flat).toContain(s.replace(/\s+/g, ''));
    }
  }, 180_000);

  it('refuses bad data with document.invalid_data and the issues, writing nothing', async () => {
    const before = await written();
    const bad = await handlerA.post('/api/documents', { template: 'interview_notice', data: notice({ contactPhone: '<script>', at: 'tomorrow', extra: 1 }) });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('document.invalid_data');
    expect([...new Set(bad.json().details.issues.map((i: { path: string }) => i.path))].sort()).toEqual(['', 'at', 'contactPhone']);
    const missing = await handlerA.post('/api/documents', { template: 'interview_notice', data: { office: w.officeA.name } });
    expect(missing.json().code).toBe('document.invalid_data');
    expect(await written()).toEqual(before);
  });

  it('answers 404 for an unknown template or version, and for one a module computes (the work report)', async () => {
    const before = await written();
    for (const body of [
      { template: 'no_such_template', data: notice() },
      { template: 'interview_notice', version: 9, data: notice() },
      { template: 'work_report', data: {} },
    ]) {
      const res = await handlerA.post('/api/documents', body);
      expect(res.statusCode).toBe(404);
      expect(res.json().code).toBe('document.unknown_template');
    }
    // a template whose permission the user lacks does not exist for them either (the leader holds no registry.manage)
    expect((await leader.post('/api/documents', { template: 'interview_notice', data: notice() })).json().code).toBe('document.unknown_template');
    expect((await leader.get('/api/documents/templates')).json().items).toEqual([]);
    expect((await handlerA.get('/api/documents/templates')).json().items).toEqual([{ code: 'interview_notice', version: 1, title: '约谈通知书', direct: true }]);
    expect(await written()).toEqual(before);
  });

  it('files a document only under a jurisdiction in scope; another jurisdiction\'s document answers 404', async () => {
    const before = await written();
    const out = await handlerA.post('/api/documents', { template: 'interview_notice', jurisdictionId: w.districtB.id, data: notice() });
    expect(out.statusCode).toBe(403);
    expect(out.json().code).toBe('jurisdiction.out_of_scope');
    expect(await written()).toEqual(before);

    const b = (await handlerB.post('/api/documents', { template: 'interview_notice', data: notice({ office: w.officeB.name }) })).json();
    const city = (await handlerCity.post('/api/documents', { template: 'interview_notice', data: notice({ office: w.cityOffice.name }) })).json();
    for (const id of [b.id, city.id]) {
      expect((await handlerA.get(`/api/documents/${id}`)).statusCode).toBe(404);
      expect((await handlerA.get(`/api/documents/${id}/file`)).statusCode).toBe(404);
    }
    expect((await handlerA.get(`/api/documents?subjectType=jurisdiction&subjectId=${w.districtB.id}`)).json().items).toEqual([]);
    // the city sees below it; a user without the template's permission does not see it at all
    expect((await handlerCity.get(`/api/documents/${b.id}`)).statusCode).toBe(200);
    expect((await leader.get(`/api/documents/${b.id}`)).statusCode).toBe(404);
    expect((await leader.get(`/api/documents?subjectType=jurisdiction&subjectId=${w.districtB.id}`)).json().items).toEqual([]);
  });

  it('keeps old versions: a stored document names its version, which still renders; new ones take the newest', async () => {
    const v2 = { ...interviewNoticeV1, version: 2, render: () => officialDocument({ title: '约谈通知书', children: [title('约谈通知书（第二版）'), para('v2')] }) };
    t.s.documents.templates.register(v2);
    expect(() => t.s.documents.templates.register(v2)).toThrow(/twice/);
    expect(t.s.documents.templates.versionsOf('interview_notice')).toEqual([1, 2]);
    const newest = (await handlerA.post('/api/documents', { template: 'interview_notice', data: notice() })).json();
    const first = (await handlerA.post('/api/documents', { template: 'interview_notice', version: 1, data: notice() })).json();
    expect([newest.version, first.version]).toEqual([2, 1]);
    expect(await documentText((await handlerA.get(`/api/documents/${newest.id}/file`)).rawPayload)).toContain('第二版');
    expect(await documentText((await handlerA.get(`/api/documents/${first.id}/file`)).rawPayload)).not.toContain('第二版');
    expect((await renderedEvent(first.id)).payload).toMatchObject({ version: 1 });
  });

  it('refuses to hand out a stored file that no longer matches its hash', async () => {
    const doc = (await handlerA.post('/api/documents', { template: 'interview_notice', data: notice() })).json();
    const file = path.join(t.s.config.FILES_DIR!, doc.sha256.slice(0, 2), doc.sha256);
    const bytes = await readFile(file);
    await writeFile(file, Buffer.concat([bytes, Buffer.from('x')]));
    try {
      const res = await handlerA.get(`/api/documents/${doc.id}/file`);
      expect(res.statusCode).toBe(500);
      expect(res.headers['content-type']).not.toContain('wordprocessingml');
    } finally {
      await writeFile(file, bytes);
    }
  });
});
