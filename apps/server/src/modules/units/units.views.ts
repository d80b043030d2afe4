import type { UnitView } from '@tianlang/contracts';
import type { UnitListItem } from './units.repo';

export const unitView = (r: UnitListItem): UnitView => ({
  id: r.unit.id, name: r.unit.name, shortName: r.unit.shortName, kind: r.unit.kind,
  jurisdictionId: r.unit.jurisdictionId, jurisdictionName: r.jurisdictionName,
  contactPhone: r.unit.contactPhone, active: r.unit.active, userCount: Number(r.userCount ?? 0),
});
