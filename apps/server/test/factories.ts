import { randomUUID } from 'node:crypto';
import { inArray } from 'drizzle-orm';
import type { JurisdictionLevel, UnitKind } from '@tianlang/contracts';
import type { Db } from '../src/db/client';
import { jurisdictions, roles, units, userRoles, users } from '../src/db/schema';
import { hashPassword } from '../src/lib/passwords';

export const TEST_PASSWORD = 'Test-Passw0rd!';
let passwordHash: Promise<string> | undefined;
const hashed = () => (passwordHash ??= hashPassword(TEST_PASSWORD));

export const uniq = (prefix = '') => `${prefix}${randomUUID().replaceAll('-', '').slice(0, 10)}`;
const code = () => `T${randomUUID().replaceAll('-', '').slice(0, 11)}`;

export async function buildJurisdiction(db: Db, o: { parent?: { id: string; path: string }; level?: JurisdictionLevel; name?: string } = {}) {
  const id = randomUUID();
  const [row] = await db.insert(jurisdictions).values({
    id, parentId: o.parent?.id ?? null, code: code(), name: o.name ?? uniq('属地'),
    level: o.level ?? (o.parent ? 'district' : 'city'), path: `${o.parent?.path ?? '/'}${id}/`,
  }).returning();
  return row!;
}

export async function buildUnit(db: Db, o: { jurisdictionId: string; kind?: UnitKind; name?: string }) {
  const [row] = await db.insert(units).values({ name: o.name ?? uniq('单位'), kind: o.kind ?? 'office', jurisdictionId: o.jurisdictionId }).returning();
  return row!;
}

export async function buildUser(db: Db, o: { unitId: string; roles: string[]; username?: string; active?: boolean; mustChangePassword?: boolean }) {
  const [row] = await db.insert(users).values({
    username: o.username ?? uniq('u'), displayName: uniq('用户'), unitId: o.unitId, passwordHash: await hashed(), active: o.active ?? true,
    // a user set up directly, as if they had chosen their own password (the API's users must change it)
    mustChangePassword: o.mustChangePassword ?? false,
  }).returning();
  const roleRows = await db.select().from(roles).where(inArray(roles.code, o.roles));
  if (roleRows.length) await db.insert(userRoles).values(roleRows.map((r) => ({ userId: row!.id, roleId: r.id })));
  return row!;
}

/**
 * A small world of its own for each test file: a city with two districts (A has a town),
 * an office per level, and users with the roles tests need.
 */
export async function buildWorld(db: Db) {
  const city = await buildJurisdiction(db, { level: 'city', name: uniq('市') });
  const districtA = await buildJurisdiction(db, { parent: city, level: 'district', name: uniq('甲区') });
  const districtB = await buildJurisdiction(db, { parent: city, level: 'district', name: uniq('乙区') });
  const townA = await buildJurisdiction(db, { parent: districtA, level: 'town', name: uniq('镇') });
  const cityOffice = await buildUnit(db, { jurisdictionId: city.id });
  const officeA = await buildUnit(db, { jurisdictionId: districtA.id });
  const officeB = await buildUnit(db, { jurisdictionId: districtB.id });
  const police = await buildUnit(db, { jurisdictionId: city.id, kind: 'department' });
  const users = {
    cityAdmin: await buildUser(db, { unitId: cityOffice.id, roles: ['admin'] }),
    adminA: await buildUser(db, { unitId: officeA.id, roles: ['admin'] }),
    adminB: await buildUser(db, { unitId: officeB.id, roles: ['admin'] }),
    intakeA: await buildUser(db, { unitId: officeA.id, roles: ['intake'] }),
    leader: await buildUser(db, { unitId: cityOffice.id, roles: ['leader'] }),
    partner: await buildUser(db, { unitId: police.id, roles: ['partner'] }),
  };
  return { city, districtA, districtB, townA, cityOffice, officeA, officeB, police, users };
}
export type World = Awaited<ReturnType<typeof buildWorld>>;

