import type { JurisdictionView } from '@tianlang/contracts';
import type { JurisdictionRow } from '../../db/schema';

export const jurisdictionView = (r: JurisdictionRow): JurisdictionView => ({
  id: r.id, parentId: r.parentId, code: r.code, name: r.name, level: r.level, sort: r.sort, active: r.active,
});
