import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { buildTestApp, testDb, type TestApp } from '../../../test/harness';
import { buildUnit, buildUser, buildWorld, uniq, type World } from '../../../test/factories';
import { signIn, type Agent } from '../../../test/agent';
import { jpegWithMetadata, PDF, SECRET_PLACE } from '../../../test/evidence-fixtures';
import { solvePow } from '../../../test/pow-solver';
import { publicReport, reportByTracking, reportCount, submitPublic } from '../../../test/report-helpers';
import { reportEvidence } from '../../db/schema';

let t: TestApp;
let w: World;
let intake: Agent;
const upload = (body: Buffer, type: string, ip = '192.0.2.10') =>
  t.app.inject({ method: 'POST', url: '/api/public/evidence', payload: body, headers: { 'content-type': type, 'x-filename': encodeURIComponent('截图 1.jpg') }, remoteAddress: ip });

beforeAll(async () => {
  w = await buildWorld((await testDb()).db);
  t = await buildTestApp({ PUBLIC_JURISDICTION_CODE: w.city.code, PUBLIC_FREE_SUBMISSIONS_PER_HOUR: 2, POW_DIFFICULTY: 8, RATE_LIMIT_PUBLIC_PER_MINUTE: 40 });
  intake = await signIn(t.app, (await buildUser(t.s.db, { unitId: w.cityOffice.id, roles: ['intake'] })).username);
});
afterAll(() => t.close());

describe('evidence', () => {
  it('stores a screenshot without its location metadata, attaches it on submit, and staff download it with its hash', async () => {
    const jpeg = jpegWithMetadata();
    const up = await upload(jpeg, 'image/jpeg');
    expect(up.statusCode).toBe(200);
    expect(up.json()).toMatchObject({ mime: 'image/jpeg', stripped: true });
    const res = await submitPublic(t.app, publicReport({ evidence: [up.json().token] }), '192.0.2.10');
    expect(res.statusCode).toBe(201);
    const row = await reportByTracking(t.s.db, res.json().trackingNo);
    const detail = (await intake.get(`/api/reports/${row.id}`)).json();
    expect(detail.evidence).toHaveLength(1);
    expect(detail.evidence[0]).toMatchObject({ sha256: up.json().sha256, mime: 'image/jpeg', filename: '截图 1.jpg' });
    const file = await intake.get(`/api/reports/${row.id}/evidence/${detail.evidence[0].id}`);
    expect(file.headers['content-type']).toBe('image/jpeg');
    expect(file.headers['content-disposition']).toMatch(/^attachment/);
    expect(file.rawPayload.includes(Buffer.from(SECRET_PLACE))).toBe(false);
    // the token is spent: a second report cannot claim the same file
    const again = await submitPublic(t.app, publicReport({ evidence: [up.json().token] }), '192.0.2.11');
    expect([again.statusCode, again.json().code]).toEqual([422, 'report.evidence_unknown']);
  });

  it('refuses a file that claims to be an image and is not, a wrong type and an oversize file, writing nothing', async () => {
    const before = (await t.s.db.select().from(reportEvidence)).length;
    const fake = await upload(Buffer.from('<script>alert(1)</script>'), 'image/png', '192.0.2.12');
    expect([fake.statusCode, fake.json().code]).toEqual([422, 'report.evidence_invalid']);
    const swapped = await upload(PDF, 'image/jpeg', '192.0.2.12');
    expect([swapped.statusCode, swapped.json().code]).toEqual([422, 'report.evidence_invalid']);
    const html = await upload(Buffer.from('<html></html>'), 'text/html', '192.0.2.12');
    expect(html.statusCode).toBe(415);
    const huge = await upload(Buffer.alloc(11 * 1024 * 1024, 0xff), 'image/png', '192.0.2.12');
    expect([huge.statusCode, huge.json().code]).toEqual([413, 'report.evidence_too_large']);
    expect((await t.s.db.select().from(reportEvidence)).length).toBe(before);
  });
});

describe('floods', () => {
  it('asks for a proof of work after the free submissions, accepts a solved one once, and rate limits an address', async () => {
    const ip = '198.51.100.20';
    for (let i = 0; i < 2; i++) expect((await submitPublic(t.app, publicReport(), ip)).statusCode).toBe(201);
    const form = await t.app.inject({ method: 'GET', url: '/api/public/report-form', remoteAddress: ip });
    expect(form.json().powRequired).toBe(true);
    const blocked = await submitPublic(t.app, publicReport(), ip);
    expect([blocked.statusCode, blocked.json().code]).toEqual([428, 'report.pow_required']);
    const challenge = (await t.app.inject({ method: 'POST', url: '/api/public/pow', remoteAddress: ip })).json();
    const pow = { challenge: challenge.challenge, nonce: solvePow(challenge.challenge, challenge.difficulty) };
    expect((await submitPublic(t.app, publicReport({ pow }), ip)).statusCode).toBe(201);
    const replay = await submitPublic(t.app, publicReport({ pow }), ip);
    expect([replay.statusCode, replay.json().code]).toEqual([400, 'report.pow_invalid']);
    const forged = await submitPublic(t.app, publicReport({ pow: { challenge: `${challenge.challenge.slice(0, -2)}xx`, nonce: '1' } }), ip);
    expect(forged.json().code).toBe('report.pow_invalid');

    const flood = '198.51.100.21';
    const codes: number[] = [];
    for (let i = 0; i < 45; i++) codes.push((await t.app.inject({ method: 'POST', url: '/api/public/reports/status', payload: { trackingNo: 'JB20261123AAAAAAAA', queryCode: 'AAAAAAAA' }, remoteAddress: flood })).statusCode);
    expect(codes.filter((c) => c === 404).length).toBe(40);
    expect(codes.slice(-1)[0]).toBe(429);
    // other addresses are unaffected
    expect((await t.app.inject({ method: 'GET', url: '/api/public/report-form', remoteAddress: '198.51.100.22' })).statusCode).toBe(200);
  });
});

describe('platform entry and partner API', () => {
  it('prefills the embedded form with the platform and serves the embed script', async () => {
    const platform = await buildUnit(t.s.db, { jurisdictionId: w.districtA.id, kind: 'platform', name: uniq('平台') });
    const form = await t.app.inject({ method: 'GET', url: `/api/public/report-form?platform=${platform.id}`, remoteAddress: '192.0.2.30' });
    expect(form.json().platform).toEqual({ id: platform.id, name: platform.name });
    const res = await submitPublic(t.app, publicReport({ platformUnitId: platform.id, platformName: undefined, channel: 'embed' }), '192.0.2.30');
    const row = await reportByTracking(t.s.db, res.json().trackingNo);
    // the platform's jurisdiction handles it
    expect(row).toMatchObject({ channel: 'embed', platformName: platform.name, jurisdictionId: w.districtA.id });
    // the report pages may be framed by platforms; the console never
    const page = await t.app.inject({ method: 'GET', url: `/report?platform=${platform.id}&embed=1` });
    expect(page.headers['content-security-policy']).toContain('frame-ancestors *');
    expect(page.headers['x-frame-options']).toBeUndefined();
    expect((await t.app.inject({ method: 'GET', url: '/console/reports' })).headers['x-frame-options']).toBe('DENY');
    expect((await t.app.inject({ method: 'GET', url: '/reports-admin' })).headers['x-frame-options']).toBe('DENY');
    const js = await t.app.inject({ method: 'GET', url: '/embed.js' });
    expect(js.headers['content-type']).toContain('javascript');
    expect(js.body).toContain('/report?platform=');
  });

  it('takes bulk reports with an API key, per-item results, idempotent by external id', async () => {
    const platform = await buildUnit(t.s.db, { jurisdictionId: w.city.id, kind: 'platform', name: uniq('平台') });
    const admin = await signIn(t.app, w.users.cityAdmin.username);
    const key = (await admin.post('/api/api-keys', { unitId: platform.id, name: 'reports', scopes: ['reports.submit'] })).json();
    const send = (reports: unknown[]) => t.app.inject({ method: 'POST', url: '/api/partner/reports', payload: { reports }, headers: { authorization: `Bearer ${key.secret}` } });
    const { goodFaith: _g, ...one } = publicReport();
    const ext = uniq('ext');
    const before = await reportCount(t.s.db);
    const res = await send([{ externalId: ext, ...one }, { externalId: `${ext}-bad`, ...one, categoryCode: 'nope' }]);
    expect(res.statusCode).toBe(200);
    const [ok, bad] = res.json().results;
    expect(ok.trackingNo).toMatch(/^JB/);
    expect(bad.error.code).toBe('report.unknown_category');
    expect((await send([{ externalId: ext, ...one }])).json().results[0]).toEqual({ externalId: ext, duplicate: true });
    expect(await reportCount(t.s.db)).toBe(before + 1);
    const row = await reportByTracking(t.s.db, ok.trackingNo);
    expect(row).toMatchObject({ channel: 'api', platformUnitId: platform.id, externalId: ext });
    const patrolKey = await t.app.inject({ method: 'POST', url: '/api/partner/reports', payload: { reports: [{ externalId: 'x', ...one }] }, headers: { authorization: 'Bearer tl_nope' } });
    expect(patrolKey.statusCode).toBe(401);
    expect((await t.s.db.select().from(reportEvidence).where(eq(reportEvidence.reportId, row.id)))).toHaveLength(0);
  });
});
