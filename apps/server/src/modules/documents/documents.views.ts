import type { DocumentView } from '@tianlang/contracts';
import type { DocumentRow } from '../../db/schema';

/** What leaves the server of a document: its template and version, what it is about, its file's hash. */
export const documentView = (row: DocumentRow, title: string): DocumentView => ({
  id: row.id, template: row.templateCode, version: row.templateVersion, title, filename: row.filename,
  subjectType: row.subjectType, subjectId: row.subjectId, jurisdictionId: row.jurisdictionId,
  sha256: row.sha256, size: row.size, createdBy: row.createdBy, createdAt: row.createdAt.toISOString(),
});
