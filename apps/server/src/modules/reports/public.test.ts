import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { buildTestApp, testDb, type TestApp } from '../../../test/harness';
import { buildUnit, buildUser, buildWorld, uniq, type World } from '../../../test/factories';
import { signIn, type Agent } from '../../../test/agent';
import { jpegWithMetadata, PDF, SECRET_PLACE } from '../../../test/evidence-fixtures';
import { solvePow } from '../../../test/pow-solver';
import { publicReport, reportByTracking, reportCount, submitPublic } from '../../../test/report-helpers';
import { fileUploads } from '../../db/schema';
import pino from 'pino';
import type { FastifyInstance } from 'fastify';
import { testConfig } from '../../config';
import { buildApp } from '../../http/app';
import { createServices } from '../../services';

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
    const before = (await t.s.db.select().from(fileUploads)).length;
    const fake = await upload(Buffer.from('<script>alert(1)</script>'), 'image/png', '192.0.2.12');
    expect([fake.statusCode, fake.json().code]).toEqual([422, 'report.evidence_invalid']);
    const swapped = await upload(PDF, 'image/jpeg', '192.0.2.12');
    expect([swapped.statusCode, swapped.json().code]).toEqual([422, 'report.evidence_invalid']);
    const html = await upload(Buffer.from('<html></html>'), 'text/html', '192.0.2.12');
    expect(html.statusCode).toBe(415);
    const huge = await upload(Buffer.alloc(11 * 1024 * 1024, 0xff), 'image/png', '192.0.2.12');
    expect([huge.statusCode, huge.json().code]).toEqual([413, 'report.evidence_too_large']);
    expect((await t.s.db.select().from(fileUploads)).length).toBe(before);
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

describe('free allowance under concurrency', () => {
  it('lets exactly the free submissions through without proof of work when many arrive at once (issue 11 #7)', async () => {
    const ip = '198.51.100.23';
    const before = await reportCount(t.s.db);
    const res = await Promise.all(Array.from({ length: 12 }, () => submitPublic(t.app, publicReport(), ip)));
    expect(res.map((r) => r.statusCode).sort()).toEqual([201, 201, ...Array(10).fill(428)]);
    expect(await reportCount(t.s.db)).toBe(before + 2);
    const form = await t.app.inject({ method: 'GET', url: '/api/public/report-form', remoteAddress: ip });
    expect(form.json().powRequired).toBe(true);
    // the hour turns: free again
    t.clock.advance(60 * 60 * 1000 + 1);
    expect((await t.app.inject({ method: 'GET', url: '/api/public/report-form', remoteAddress: ip })).json().powRequired).toBe(false);
    expect((await submitPublic(t.app, publicReport(), ip)).statusCode).toBe(201);
  });
});

describe('upload budget (issue 11 #8)', () => {
  let u: TestApp;
  const MB = 1024 * 1024;
  // a PDF is stored as sent, so its size is exact; the padding varies so no two files share content
  const pdf = (size: number) => Buffer.concat([PDF, Buffer.alloc(size - PDF.length, 0x20), Buffer.from(uniq())]);
  const send = (app: FastifyInstance, body: Buffer, ip: string, headers: Record<string, string> = {}) =>
    app.inject({ method: 'POST', url: '/api/public/evidence', payload: body, headers: { 'content-type': 'application/pdf', ...headers }, remoteAddress: ip });
  const evidenceRows = async () => (await t.s.db.select().from(fileUploads)).length;
  beforeAll(async () => {
    u = await buildTestApp({ PUBLIC_JURISDICTION_CODE: w.city.code, PUBLIC_FREE_UPLOAD_MB_PER_HOUR: 1, POW_DIFFICULTY: 8, RATE_LIMIT_PUBLIC_PER_MINUTE: 100 });
  });
  afterAll(() => u.close());

  it('asks for a proof of work per upload once an address has used its free bytes of the hour, before reading the file', async () => {
    const ip = '198.51.100.40';
    const first = await send(u.app, pdf(0.6 * MB), ip);
    expect(first.statusCode).toBe(200);
    const before = await evidenceRows();
    const blocked = await send(u.app, pdf(0.6 * MB), ip);
    expect([blocked.statusCode, blocked.json().code]).toEqual([428, 'report.pow_required']);
    expect(await evidenceRows()).toBe(before);
    const { challenge, difficulty } = (await u.app.inject({ method: 'POST', url: '/api/public/pow', remoteAddress: ip })).json();
    const proof = { 'x-pow-challenge': challenge, 'x-pow-nonce': solvePow(challenge, difficulty) };
    const paid = await send(u.app, pdf(0.6 * MB), ip, proof);
    expect(paid.statusCode).toBe(200);
    const replay = await send(u.app, pdf(0.6 * MB), ip, proof);
    expect([replay.statusCode, replay.json().code]).toEqual([400, 'report.pow_invalid']);
    expect(await evidenceRows()).toBe(before + 1);
    // another address still has its own free bytes, and a report claims both uploads as before
    expect((await send(u.app, pdf(0.6 * MB), '198.51.100.41')).statusCode).toBe(200);
    const report = await submitPublic(u.app, publicReport({ evidence: [first.json().token, paid.json().token] }), ip);
    expect(report.statusCode).toBe(201);
  });

  it('caps the bytes of unclaimed public uploads, exactly, however many arrive at once', async () => {
    const held = await u.s.reports.evidence.unclaimedPublicBytes();
    const capMb = Math.ceil(held / MB) + 2;
    const c = await buildTestApp({ FILES_UNCLAIMED_MAX_MB: capMb, POW_DIFFICULTY: 8 });
    try {
      const size = 0.3 * MB;
      const fit = Math.floor((capMb * MB - held) / size);
      const before = await evidenceRows();
      const res = await Promise.all(Array.from({ length: fit + 4 }, (_, i) => send(c.app, pdf(size), `198.51.100.${100 + i}`)));
      const codes = res.map((x) => x.statusCode);
      expect(codes.filter((s) => s === 200)).toHaveLength(fit);
      expect(res.filter((x) => x.statusCode !== 200).map((x) => [x.statusCode, x.json().code])).toEqual(Array(4).fill([503, 'report.evidence_storage_full']));
      expect(await evidenceRows()).toBe(before + fit);
      expect(await c.s.reports.evidence.unclaimedPublicBytes()).toBeLessThanOrEqual(capMb * MB);
      // a report that claims its uploads makes room again
      const tokens = res.filter((x) => x.statusCode === 200).slice(0, 2).map((x) => x.json().token as string);
      expect((await submitPublic(c.app, publicReport({ evidence: tokens }), '198.51.100.100')).statusCode).toBe(201);
      expect((await send(c.app, pdf(size), '198.51.100.99')).statusCode).toBe(200);
    } finally {
      await c.close();
    }
  });
});

describe('request logs', () => {
  it('never show the sender’s address or port, only a keyed hash of the address (issue 11 #12)', async () => {
    const lines: string[] = [];
    const handle = await testDb();
    const config = testConfig({ LOG_LEVEL: 'info', PUBLIC_JURISDICTION_CODE: w.city.code });
    const s = createServices({ config, handle, clock: t.clock, logger: pino({ level: 'info' }, { write: (line: string) => { lines.push(line); } }) });
    const app = await buildApp(s);
    try {
      const ip = '203.0.113.177';
      const res = await app.inject({ method: 'POST', url: '/api/public/reports', payload: publicReport(), remoteAddress: ip, remotePort: 54321 } as never);
      expect(res.statusCode).toBe(201);
      await app.inject({ method: 'POST', url: '/api/public/reports/status', payload: { trackingNo: res.json().trackingNo, queryCode: res.json().queryCode }, remoteAddress: ip });
      const logged = lines.map((l) => JSON.parse(l) as { req?: Record<string, unknown> });
      const requests = logged.filter((l) => l.req);
      expect(requests.length).toBeGreaterThanOrEqual(2);
      expect(lines.join('\n')).not.toContain(ip);
      expect(lines.join('\n')).not.toContain('54321');
      for (const l of requests) expect(Object.keys(l.req!).sort()).toEqual(['address', 'host', 'method', 'url']);
      // the same address, the same hash: one sender can still be followed through the log
      expect(new Set(requests.map((l) => l.req!.address)).size).toBe(1);
      expect(requests[0]!.req!.address).toMatch(/^[0-9a-f]{16}$/);
    } finally {
      await app.close();
    }
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
    expect((await t.s.db.select().from(fileUploads).where(eq(fileUploads.reportId, row.id)))).toHaveLength(0);
  });
});
