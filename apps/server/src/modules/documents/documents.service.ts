import type { DocumentRenderInput } from '@tianlang/contracts';
import type { Db, Queryable } from '../../db/client';
import { documents, type DocumentRow } from '../../db/schema';
import type { Clock } from '../../lib/clock';
import { AppError, notFound } from '../../lib/errors';
import { appendEvent } from '../audit/events.service';
import { primaryRole, type AuthUser } from '../auth/auth.types';
import { assertJurisdictionInScope, inScope, scopeFilter } from '../auth/scope';
import type { FilesService } from '../files/files.service';
import type { JurisdictionsService } from '../jurisdictions/jurisdictions.service';
import { createDocumentsRepo } from './documents.repo';
import { documentView } from './documents.views';
import { interviewNoticeV1 } from './interview-notice.template';
import { createTemplateRegistry, type DocumentTemplate } from './templates';

export type { DocumentTemplate } from './templates';
export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export interface RenderRequest {
  /** template code, and a version when not the newest */
  template: string;
  version?: number;
  data: unknown;
  /** what the document is about (a jurisdiction for the work report; a case, an event … next) */
  subject: { type: string; id: string };
  /** the jurisdiction it is filed under: who may see it */
  jurisdiction: { id: string; path: string };
  actor: AuthUser;
}

/**
 * Documents 文书: renders a versioned template from data, keeps the file in the file store, and records
 * it (template and version, subject, hash) with a `document.rendered` event, in the caller's
 * transaction. Modules register their templates here at wiring and call `render` for their subjects;
 * staff render the templates whose data they type in (`direct`) through POST /api/documents.
 */
export function createDocumentsService({ db, clock, files, jurisdictions }: {
  db: Db; clock: Clock; files: Pick<FilesService, 'keep' | 'readKept'>; jurisdictions: Pick<JurisdictionsService, 'repo'>;
}) {
  const templates = createTemplateRegistry();
  templates.register(interviewNoticeV1);
  const repo = createDocumentsRepo(db);

  /** Checks the data against the template's schema: document.invalid_data (400) with the issues, before anything is written. */
  function parse<D>(t: DocumentTemplate<D>, data: unknown): D {
    const parsed = t.schema.safeParse(data);
    if (!parsed.success) {
      throw new AppError('document.invalid_data', `the data does not fit ${t.code}@${t.version}`, {
        details: { template: t.code, version: t.version, issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), code: i.code, message: i.message })) },
      });
    }
    return parsed.data;
  }

  /** Renders, keeps the file, inserts the row and appends document.rendered, all inside `tx`. */
  async function render(tx: Queryable, r: RenderRequest): Promise<{ document: DocumentRow; bytes: Buffer }> {
    const t = templates.get(r.template, r.version);
    const data = parse(t, r.data);
    const bytes = await t.render(data);
    // the bytes are content-addressed: if the transaction rolls back, the file stays unreferenced and harmless
    const { sha256, size } = await files.keep(bytes);
    const at = clock.now();
    const document = await repo.insert(tx, {
      templateCode: t.code, templateVersion: t.version, data, subjectType: r.subject.type, subjectId: r.subject.id,
      jurisdictionId: r.jurisdiction.id, jurisdictionPath: r.jurisdiction.path, filename: t.filename(data), mime: DOCX_MIME,
      sha256, size, createdBy: r.actor.id, createdAt: at,
    });
    await appendEvent(tx, {
      subjectType: 'document', subjectId: document.id, action: 'document.rendered', actorId: r.actor.id, actorRole: primaryRole(r.actor),
      unitId: r.actor.unitId, payload: { template: t.code, version: t.version, sha256, size, subject: r.subject }, at,
    });
    return { document, bytes };
  }

  /** A template staff may fill in by hand; unknown, computed-only and not-permitted ones alike answer document.unknown_template. */
  function directTemplate(user: AuthUser, code: string, version?: number): DocumentTemplate {
    const t = templates.get(code, version);
    if (!t.direct || !user.permissions.has(t.permission)) throw new AppError('document.unknown_template', 'no such document template', { details: { template: code, version } });
    return t;
  }

  /** POST /api/documents: a direct template filled from the request, filed under a jurisdiction in the user's scope, about that jurisdiction. */
  async function renderDirect(user: AuthUser, input: DocumentRenderInput) {
    const t = directTemplate(user, input.template, input.version);
    parse(t, input.data); // refuse bad data before looking anything up
    const j = await jurisdictions.repo.byId(input.jurisdictionId ?? user.jurisdictionId);
    assertJurisdictionInScope(user, j);
    const { document } = await db.transaction((tx) => render(tx, {
      template: t.code, version: t.version, data: input.data, subject: { type: 'jurisdiction', id: j.id }, jurisdiction: j, actor: user,
    }));
    return view(document);
  }

  const titleOf = (row: DocumentRow) => templates.get(row.templateCode, row.templateVersion).title;
  const view = (row: DocumentRow) => documentView(row, titleOf(row));
  const mayRead = (user: AuthUser, row: DocumentRow) => user.permissions.has(templates.get(row.templateCode, row.templateVersion).permission);

  /** A document in the user's scope whose template they hold the permission of; otherwise it does not exist for them. */
  async function getRow(user: AuthUser, id: string): Promise<DocumentRow> {
    const row = await repo.byId(id);
    if (!row || !inScope(user, row.jurisdictionPath) || !mayRead(user, row)) throw notFound('document');
    return row;
  }

  return {
    templates,
    render,
    renderDirect,
    /** The templates the user may fill in by hand, newest versions. */
    directTemplates: (user: AuthUser) => templates.list().filter((t) => t.direct && user.permissions.has(t.permission))
      .map((t) => ({ code: t.code, version: t.version, title: t.title, direct: t.direct })),
    get: async (user: AuthUser, id: string) => view(await getRow(user, id)),
    /** A subject's documents the user may see, newest first. */
    listFor: async (user: AuthUser, subject: { type: string; id: string }) => (await repo.forSubject(subject.type, subject.id, scopeFilter(user, documents.jurisdictionPath)))
      .filter((row) => mayRead(user, row)).map(view),
    /** The stored file, read back by its recorded hash and checked against it. */
    async file(user: AuthUser, id: string) {
      const row = await getRow(user, id);
      return { document: view(row), bytes: await files.readKept(row.sha256), mime: row.mime };
    },
  };
}
export type DocumentsService = ReturnType<typeof createDocumentsService>;
