import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { BUILTIN_ROLES } from '@tianlang/contracts';
import { platformOrders, registryImports, reportTransfers, statsSavedQueries } from '../src/db/schema';
import { buildRegistryWorld, websiteInput } from './registry-factories';
import { XLSX_LIMITS } from '../src/lib/xlsx/limits';
import { openZip } from '../src/lib/xlsx/zip-reader';
import { buildTestApp, type TestApp } from './harness';
import { buildUnit, buildUser, uniq } from './factories';
import { signIn, type Agent } from './agent';
import { buildReport, LEGAL_BASIS } from './report-factories';
import { apiRoutes, fill, routeKey, stringsIn, walkRoutes, type WalkRequest } from './scope-walk';

/**
 * Jurisdiction scope over every list and detail route (issue 12): a user of district A, holding every
 * role, walks every GET route after the sibling district B and the city made rows of every kind. No
 * row of B or of the city may appear, and B's and the city's ids answer 404 on detail routes.
 * A GET route is either walked here or listed in NOT_SCOPED with the reason, so a new route cannot
 * slip past: the walker fails on a route without requests.
 */
let t: TestApp;
type Place = 'A' | 'B' | 'C';
/** ids, names and marker strings of each place's rows */
const rows: Record<Place, Record<string, string>> = { A: {}, B: {}, C: {} };
let walker: Agent;
/** the jurisdiction each place's documents are about (the city's id is no row of C: the walker's own chain names it) */
const subjectOf: Record<Place, string> = { A: '', B: '', C: '' };

/** GET routes that show no jurisdiction's rows, and why. */
const NOT_SCOPED: Record<string, string> = {
  'GET /api/auth/me': 'the session itself: the user, their unit and the chain of jurisdictions above them (names only)',
  'GET /api/auth/demo-hint': 'public: demo accounts when the demo is on',
  'GET /api/public/report-form': 'public: the citizen report form',
  'GET /api/public/transparency': 'public: the approved transparency months',
  'GET /api/public/transparency/:month': 'public: one approved transparency month',
  'GET /api/permissions': 'the permission catalogue (code data)',
  'GET /api/roles': 'roles are set at the root for the whole tree (root_only setting)',
  'GET /api/patrol/rules': 'the lexicon is set at the root for the whole tree (root_only setting)',
  'GET /api/patrol/lexicon/versions': 'the lexicon is set at the root for the whole tree (root_only setting)',
  'GET /api/patrol/terms': 'term corrections are set at the root for the whole tree (root_only setting)',
  'GET /api/registry/template': 'the blank import workbook',
  'GET /api/stats/figures': 'the figure catalogue (code data: labels and definitions)',
  'GET /api/documents/templates': 'the templates staff may fill in (code data)',
};

/** Rows of the city a route shows by design, and why. */
const ABOVE: Record<string, { keys: string[]; why: string }> = {
  'GET /api/registry/options': { keys: ['C.staff', 'C.staffName', 'C.officer'], why: 'officers of the jurisdictions above may inspect a district\'s entity (registry/officers.ts)' },
};

const ALL_ROLES = [...BUILTIN_ROLES];

beforeAll(async () => {
  t = await buildTestApp();
  const w = await buildRegistryWorld(t.s.db);
  const db = t.s.db;
  const place = { A: { j: w.districtA, office: w.officeA }, B: { j: w.districtB, office: w.officeB }, C: { j: w.city, office: w.cityOffice } };
  const platform = await buildUnit(db, { jurisdictionId: w.city.id, kind: 'platform' });
  for (const p of ['A', 'B', 'C'] as const) {
    const { j, office } = place[p];
    const r = rows[p];
    // the city's own staff hold no enforcement role: officers above a district are offered to its draws by design
    const roles = p === 'C' ? ALL_ROLES.filter((x) => x !== 'enforcement') : ALL_ROLES;
    const staff = await buildUser(db, { unitId: office.id, roles });
    const officer = await buildUser(db, { unitId: office.id, roles: p === 'C' ? ['analyst'] : ['enforcement'] });
    const unit = await buildUnit(db, { jurisdictionId: j.id, name: uniq(`${p}单位`) });
    const as = await signIn(t.app, staff.username);
    if (p === 'A') walker = as;
    Object.assign(r, { staff: staff.id, staffName: staff.displayName, officer: officer.id, unit: unit.id, unitName: unit.name });
    if (p !== 'C') Object.assign(r, { jurisdiction: j.id, jurisdictionName: j.name, office: office.id, officeName: office.name });

    const mark = uniq(`${p}标记`);
    const report = await buildReport(db, { jurisdiction: j, description: `${mark} 该账号冒充客服发布退款链接，诱导网民填写银行卡信息。`, accountName: uniq(`${p}账号`) });
    Object.assign(r, { report: report.id, trackingNo: report.trackingNo, reportMark: mark, account: report.accountName! });
    const toBulk = await buildReport(db, { jurisdiction: j, state: 'submitted' });
    const bulk = await as.post('/api/reports/bulk', { action: 'accept', ids: [toBulk.id] });
    expect(bulk.statusCode).toBeLessThan(300);
    Object.assign(r, { bulkReport: toBulk.id, batch: bulk.json().batchId });

    const referred = await buildReport(db, { jurisdiction: j });
    expect((await as.post(`/api/reports/${referred.id}/disposals`, {
      kind: 'referral', legalBasis: LEGAL_BASIS, reasons: '该账号涉嫌电信网络诈骗，需公安机关依法查处。', toUnitId: w.police.id, transferKind: 'police',
      note: '请核查该账号涉嫌诈骗的线索，并于期限内函复处理结果。',
    })).statusCode).toBeLessThan(300);
    r.transfer = (await db.select().from(reportTransfers).where(eq(reportTransfers.reportId, referred.id)))[0]!.id;
    const ordered = await buildReport(db, { jurisdiction: j });
    expect((await as.post(`/api/reports/${ordered.id}/disposals`, {
      kind: 'order_platform', legalBasis: LEGAL_BASIS, reasons: '该信息为诈骗引流信息，违反《网络信息内容生态治理规定》。',
      platformUnitId: platform.id, measure: 'remove', requirement: '请删除举报链接所指信息，并反馈处置结果。', dueHours: 24,
    })).statusCode).toBeLessThan(300);
    r.order = (await db.select().from(platformOrders).where(eq(platformOrders.reportId, ordered.id)))[0]!.id;

    const tag = uniq(`${p}标签`);
    const entity = await as.post('/api/registry/entities', websiteInput({ name: uniq(`${p}网站`), tags: [tag] }));
    expect(entity.statusCode).toBeLessThan(300);
    Object.assign(r, { entity: entity.json().id, entityName: entity.json().name, tag });
    if (p !== 'C') {
      const draw = await as.post('/api/registry/draws', { name: uniq(`${p}抽查`), filter: { tag }, entityCount: 1, officerCount: 2, days: 20 });
      expect(draw.statusCode).toBeLessThan(300);
      r.draw = draw.json().id;
    }
    const [imp] = await db.insert(registryImports).values({ actorId: staff.id, jurisdictionPath: j.path, filename: `${p}.xlsx`, sha256: '0'.repeat(64), state: 'previewed' }).returning();
    r.import = imp!.id;
    const [saved] = await db.insert(statsSavedQueries).values({ figure: 'work.reports_accepted', params: { period: 'month', from: '2026-01-01', to: '2026-01-31', jurisdictionId: j.id }, value: 0, createdBy: staff.id }).returning();
    r.savedQuery = saved!.id;

    const source = await as.post('/api/patrol/sources', { kind: 'manual', name: uniq(`${p}来源`), unitId: office.id });
    expect(source.statusCode).toBeLessThan(300);
    Object.assign(r, { source: source.json().id, sourceName: source.json().name });
    const itemText = uniq(`${p}巡查`);
    expect((await as.post('/api/patrol/items', { sourceId: r.source, items: [{ externalId: uniq(), text: `${itemText} 内容` }] })).statusCode).toBeLessThan(300);
    r.patrolText = itemText;
    const key = await as.post('/api/api-keys', { unitId: office.id, name: uniq(`${p}密钥`), scopes: ['patrol.push'] });
    expect(key.statusCode).toBeLessThan(300);
    Object.assign(r, { apiKey: key.json().id, apiKeyName: key.json().name });
    const addressee = uniq(`${p}被约谈单位`);
    const doc = await as.post('/api/documents', { template: 'interview_notice', data: {
      office: office.name, addressee, reason: '未落实信息内容审核管理制度', basis: '《互联网新闻信息服务单位约谈工作规定》', at: '2026-12-10T09:30',
      place: '会议室', attendees: '主要负责人', contactName: '王明', contactPhone: '0571-88886666', date: '2026-12-06',
    } });
    expect(doc.statusCode, doc.body).toBe(201);
    Object.assign(r, { document: doc.json().id, documentAddressee: addressee });
    subjectOf[p] = j.id;
  }
  const { patrolItems } = await import('../src/db/schema');
  for (const p of ['A', 'B', 'C'] as const) rows[p].patrolItem = (await t.s.db.select().from(patrolItems).where(eq(patrolItems.sourceId, rows[p].source!)))[0]!.id;
}, 120_000);
afterAll(() => t.close());

const MONTH = new Date().toISOString().slice(0, 7);
/** The requests for each walked route: the list as is, and each detail with A's, B's and the city's ids. */
function requests(r: { method: string; url: string }): WalkRequest[] | undefined {
  const key = routeKey(r);
  if (NOT_SCOPED[key]) return [{ url: fill(r.url, { month: MONTH }), note: 'not scoped' }];
  const each = (name: string, extra: Record<string, string> = {}, places: readonly Place[] = ['A', 'B', 'C']) => places
    .filter((p) => rows[p][name]).map((p) => ({ url: fill(r.url, { id: rows[p][name]!, ...extra }), note: p }));
  const withJurisdiction = (base: string) => [{ url: base, note: 'A' }, ...(['B'] as const).map((p) => ({ url: `${base}${base.includes('?') ? '&' : '?'}jurisdictionId=${rows[p].jurisdiction}`, note: p }))];
  const lists: Record<string, WalkRequest[]> = {
    'GET /api/jurisdictions': [{ url: r.url }],
    'GET /api/units': [{ url: r.url }, { url: `${r.url}?jurisdictionId=${rows.B.jurisdiction}`, note: 'filter B' }],
    'GET /api/users': [{ url: r.url }, { url: `${r.url}?unitId=${rows.B.office}`, note: 'filter B' }],
    'GET /api/calendar': [{ url: `${r.url}?year=${MONTH.slice(0, 4)}` }],
    'GET /api/events': [{ url: r.url }, { url: `${r.url}?subjectId=${rows.A.bulkReport}`, note: 'filter A' }, { url: `${r.url}?subjectId=${rows.B.bulkReport}`, note: 'filter B' }],
    'GET /api/notifications': [{ url: r.url }],
    'GET /api/notifications/unread-count': [{ url: r.url }],
    'GET /api/api-keys': [{ url: r.url }],
    'GET /api/patrol/queue': [{ url: r.url }],
    'GET /api/patrol/items': [{ url: r.url }, { url: `${r.url}?sourceId=${rows.B.source}`, note: 'filter B' }],
    'GET /api/patrol/sources': [{ url: r.url }],
    'GET /api/reports': [{ url: r.url }, { url: `${r.url}?jurisdictionId=${rows.B.jurisdiction}`, note: 'B' }],
    'GET /api/reports/options': [{ url: r.url }],
    'GET /api/reports/trusted/mine': [{ url: r.url }],
    'GET /api/reports/views': [{ url: r.url }],
    'GET /api/reports/sla': [{ url: r.url }],
    'GET /api/reply-templates': [{ url: r.url }],
    'GET /api/transfers': [{ url: r.url }],
    'GET /api/transfers/outbox': [{ url: r.url }],
    'GET /api/orders': [{ url: r.url }],
    'GET /api/orders/outbox': [{ url: r.url }],
    'GET /api/registry/entities': [{ url: r.url }, { url: `${r.url}?jurisdictionId=${rows.B.jurisdiction}`, note: 'B' }, { url: `${r.url}?tag=${encodeURIComponent(rows.B.tag!)}`, note: 'filter B' }],
    'GET /api/registry/options': [{ url: r.url }],
    'GET /api/registry/export': withJurisdiction(r.url),
    'GET /api/registry/draws': [{ url: r.url }],
    'GET /api/stats/dashboard': withJurisdiction(r.url),
    'GET /api/stats/items': withJurisdiction(`${r.url}?figure=received`),
    'GET /api/stats/export.xlsx': withJurisdiction(r.url),
    'GET /api/stats/dsa-statements': withJurisdiction(`${r.url}?from=${MONTH}-01&to=${MONTH}-28`),
    'GET /api/stats/transparency/:month': [{ url: fill(r.url, { month: MONTH }) }],
    // every registered figure's drill-down, for A and for B's jurisdiction
    'GET /api/stats/figures/:code/items': t.s.stats.catalogue.all().flatMap((f) => withJurisdiction(`${fill(r.url, { code: f.code })}?period=year&from=${MONTH}-01`)),
    'GET /api/todos': [{ url: r.url }],
    'GET /api/todos/:code': t.s.todos.all().map((d) => ({ url: fill(r.url, { code: d.code }) })),
    // details: A's row answers, B's and the city's do not exist
    'GET /api/jurisdictions/:id': each('jurisdiction'),
    'GET /api/units/:id': each('unit'),
    'GET /api/users/:id': each('staff'),
    'GET /api/patrol/items/:id': each('patrolItem'),
    'GET /api/reports/:id': each('report'),
    'GET /api/reports/batches/:id': each('batch'),
    'GET /api/reports/:id/evidence/:evidenceId': each('report', { evidenceId: '00000000-0000-4000-8000-000000000000' }),
    // a transfer's or an order's detail is the receiving unit's inbox; the sending office reads its own in the outbox list
    'GET /api/transfers/:id': each('transfer', {}, ['B', 'C']),
    'GET /api/orders/:id': each('order', {}, ['B', 'C']),
    'GET /api/registry/entities/:id': each('entity'),
    'GET /api/registry/entities/:id/files/:fileId': each('entity', { fileId: '00000000-0000-4000-8000-000000000000' }),
    'GET /api/registry/draws/:id': each('draw'),
    'GET /api/registry/imports/:id': each('import'),
    'GET /api/stats/queries/:id': each('savedQuery'),
    'GET /api/documents': (['A', 'B', 'C'] as const).map((p) => ({ url: `${r.url}?subjectType=jurisdiction&subjectId=${subjectOf[p]}`, note: `subject ${p}` })),
    'GET /api/documents/:id': each('document'),
    'GET /api/documents/:id/file': each('document'),
  };
  return lists[key];
}

/** The text of a workbook or document download: its shared strings and every sheet (inline strings included), or its body. */
async function workbookText(buf: Buffer): Promise<string> {
  const zip = await openZip(buf, XLSX_LIMITS);
  const parts = ['xl/sharedStrings.xml', ...Array.from({ length: 40 }, (_, i) => `xl/worksheets/sheet${i + 1}.xml`), 'word/document.xml'].filter((n) => zip.has(n));
  const chunks: Buffer[] = [];
  for (const name of parts) for await (const c of zip.read(name)) chunks.push(c);
  zip.close();
  return Buffer.concat(chunks).toString('utf8');
}

const OFFICE_FILE = /spreadsheetml|wordprocessingml/;

/** The strings of B's and the city's rows that no answer to A may contain. */
function foreign(): Map<string, string> {
  const out = new Map<string, string>();
  for (const p of ['B', 'C'] as const) for (const [k, v] of Object.entries(rows[p])) out.set(v, `${p}.${k}`);
  return out;
}

describe('jurisdiction scope over every list and detail route (issue 12)', () => {
  it('a district user sees no row of a sibling district or of the city on any GET route; their ids answer 404', async () => {
    const routes = apiRoutes(t.app, (r) => r.method === 'GET');
    expect(routes.length).toBeGreaterThanOrEqual(50);
    const bad = foreign();
    const leaks: string[] = [];
    const results = await walkRoutes({
      routes, as: walker, requests,
      check: async (res) => {
        const where = `${routeKey(res.route)} ${res.url} (${res.note ?? ''})`;
        if (res.status >= 500) leaks.push(`${where}: answered ${res.status}`);
        const body = typeof res.json === 'object' && res.json !== null ? [...stringsIn(res.json)].join('\n')
          : res.status === 200 && OFFICE_FILE.test(res.contentType) ? await workbookText(res.raw) : '';
        if (res.status === 200 && res.json === null && !OFFICE_FILE.test(res.contentType)) leaks.push(`${where}: a ${res.contentType} answer the walk cannot read`);
        const allowed = ABOVE[routeKey(res.route)]?.keys ?? [];
        for (const [s, name] of bad) if (body.includes(s) && !allowed.includes(name)) leaks.push(`${where}: shows ${name}`);
        // a sibling's or the city's row answers as an unknown id does; a filter naming B is refused as out of scope
        const want = res.note === 'B' || res.note === 'C' ? (res.route.url.includes(':id') ? 404 : 403)
          : res.note === 'A' && res.route.url.includes(':id') && !/:(evidenceId|fileId)/.test(res.route.url) ? 200 : undefined;
        if (want !== undefined && res.status !== want) leaks.push(`${where}: answered ${res.status}, not ${want}`);
      },
    });
    expect(leaks).toEqual([]);
    // the walk would see the rows if scope let them through: A's own rows do appear
    const seen = (key: string, value: string) => results.some((x) => routeKey(x.route) === key && stringsIn(x.json).has(value));
    expect(seen('GET /api/reports', rows.A.report!)).toBe(true);
    expect(seen('GET /api/registry/entities', rows.A.entity!)).toBe(true);
    expect(seen('GET /api/users', rows.A.staff!)).toBe(true);
    expect(seen('GET /api/units', rows.A.unit!)).toBe(true);
    expect(seen('GET /api/patrol/sources', rows.A.source!)).toBe(true);
    expect(seen('GET /api/api-keys', rows.A.apiKey!)).toBe(true);
    expect(seen('GET /api/transfers/outbox', rows.A.transfer!)).toBe(true);
    expect(seen('GET /api/orders/outbox', rows.A.order!)).toBe(true);
    expect(seen('GET /api/registry/draws', rows.A.draw!)).toBe(true);
    expect(seen('GET /api/events', rows.A.bulkReport!)).toBe(true);
    // and reads the workbooks: A's entity is in the registry export
    const exported = results.find((x) => routeKey(x.route) === 'GET /api/registry/export' && x.note === 'A')!;
    expect(await workbookText(exported.raw)).toContain(rows.A.entityName!);
    expect(seen('GET /api/reports/batches/:id', rows.A.batch!)).toBe(true);
    expect(seen('GET /api/documents', rows.A.document!)).toBe(true);
    const file = results.find((x) => routeKey(x.route) === 'GET /api/documents/:id/file' && x.note === 'A')!;
    expect(await workbookText(file.raw)).toContain(rows.A.documentAddressee!);
  });
});
