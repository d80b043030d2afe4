import path from 'node:path';
import type { Config } from '../../config';
import type { Db } from '../../db/client';
import type { Clock } from '../../lib/clock';
import type { FileStore } from './files.types';
import { createLocalDiskStore } from './local-disk';
import { createGeneratedFiles } from './generated';
import { createUploads } from './uploads';

export type { FileStore } from './files.types';
export { EVIDENCE_CLAIM_WINDOW_MS, sanitizeFilename, type EvidenceUpload, type Uploads } from './uploads';
export { isEvidenceMime } from './content-format';
export type { GeneratedFile } from './generated';

/**
 * The file store: today the local disk under FILES_DIR (default DATA_DIR/files). An
 * S3-compatible store is another `FileStore` (files.types.ts), chosen here by configuration.
 */
export function createFileStore({ config, clock }: { config: Config; clock: Clock }): FileStore {
  return createLocalDiskStore({ dir: config.FILES_DIR ?? path.join(config.DATA_DIR, 'files'), clock });
}

/**
 * The files module: uploads (content sniffed, metadata stripped, hashed, counted against the space of
 * unclaimed public uploads) and files the server generates (`keep`/`readKept`: rendered documents),
 * over one file store. Reports, the registry and documents use it through `services.files`; it is
 * wired once, in services.ts.
 */
export function createFilesService({ db, clock, config, store = createFileStore({ config, clock }) }: { db: Db; clock: Clock; config: Config; store?: FileStore }) {
  return {
    ...createUploads({ db, clock, store, maxUnclaimedPublicBytes: config.FILES_UNCLAIMED_MAX_MB * 1024 * 1024 }),
    ...createGeneratedFiles(store),
  };
}
export type FilesService = ReturnType<typeof createFilesService>;
