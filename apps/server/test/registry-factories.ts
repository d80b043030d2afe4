import type { Db } from '../src/db/client';
import { buildJurisdiction, buildUnit, buildUser, buildWorld, uniq } from './factories';

/** The shared test world plus registry users: a district analyst, a town analyst, a sibling town, three officers. */
export async function buildRegistryWorld(db: Db) {
  const w = await buildWorld(db);
  const townA2 = await buildJurisdiction(db, { parent: w.districtA, level: 'town', name: uniq('乡') });
  const townOffice = await buildUnit(db, { jurisdictionId: w.townA.id });
  const town2Office = await buildUnit(db, { jurisdictionId: townA2.id });
  const u = {
    district: await buildUser(db, { unitId: w.officeA.id, roles: ['analyst'] }),
    districtB: await buildUser(db, { unitId: w.officeB.id, roles: ['analyst'] }),
    town: await buildUser(db, { unitId: townOffice.id, roles: ['analyst'] }),
    town2: await buildUser(db, { unitId: town2Office.id, roles: ['analyst'] }),
    intake: w.users.intakeA,
    officer1: await buildUser(db, { unitId: w.officeA.id, roles: ['enforcement'] }),
    officer2: await buildUser(db, { unitId: w.officeA.id, roles: ['enforcement'] }),
    officer3: await buildUser(db, { unitId: w.officeA.id, roles: ['enforcement'] }),
    officerB: await buildUser(db, { unitId: w.officeB.id, roles: ['enforcement'] }),
  };
  return { ...w, townA2, u };
}

let n = 0;
/** A valid website entity input with unique identifiers. */
export const websiteInput = (o: Record<string, unknown> = {}) => {
  const k = `${Date.now() % 1_000_000}${String(n++).padStart(3, '0')}`;
  return { name: uniq('示范网站'), type: 'website', url: `https://www.${uniq('s')}.example.cn/`, icpNo: `京ICP备${k.padStart(9, '1')}号`, grade: 'general', ...o };
};
