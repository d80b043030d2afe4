import type { Db } from '../../db/client';
import type { Clock } from '../../lib/clock';
import type { Secrets } from '../../lib/secrets';
import type { XlsxReadOptions } from '../../lib/xlsx/read-xlsx';
import type { DeadlinesService } from '../deadlines/deadlines.service';
import type { FilesService } from '../files/files.service';
import type { RectificationsService } from '../rectifications/rectifications.service';
import { createDrawService } from './draw.service';
import { createEntitiesService } from './entities.service';
import { createImportService } from './import.service';
import { createLookupService } from './lookup.service';
import { createPageService } from './page.service';
import { createRecordsService } from './records.service';
import { registerRegistryRectifications } from './registry-rectifications';

/** Wires the registry: entities, records (pledges, inspections, interviews; their rectification items in the rectifications module), the page, draws, xlsx import. */
export function createRegistryModule(deps: {
  db: Db; clock: Clock; secrets: Secrets; deadlines: DeadlinesService; files: FilesService; rectifications: RectificationsService; xlsx: XlsxReadOptions;
}) {
  registerRegistryRectifications(deps.rectifications);
  const entities = createEntitiesService(deps);
  const records = createRecordsService(deps);
  const page = createPageService({ db: deps.db, records, rectifications: deps.rectifications });
  return {
    entities, records, files: deps.files, page,
    draws: createDrawService({ ...deps, names: page.names }),
    lookup: createLookupService(deps),
    imports: createImportService(deps),
  };
}
export type RegistryModule = ReturnType<typeof createRegistryModule>;
