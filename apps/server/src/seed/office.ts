import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { jurisdictions, roles, units, userRoles, users } from '../db/schema';
import { appendEvent } from '../modules/audit/events.service';
import { AppError, assertThat } from '../lib/errors';
import { assertStrongPassword, hashPassword } from '../lib/passwords';
import { JurisdictionCodeSchema, UsernameSchema } from '@tianlang/contracts';

export interface OfficeSetup { cityCode: string; cityName: string; officeName: string; adminUsername: string; adminPassword: string }

/**
 * First start on an empty production database: the root jurisdiction, its 网信办 and one
 * administrator, who then builds the rest in the console. Refuses when a tree already exists.
 */
export async function setupOffice(db: Db, input: OfficeSetup, now: Date) {
  assertThat(JurisdictionCodeSchema.safeParse(input.cityCode).success, 'request.invalid', 'city code must be 6–12 letters or digits');
  assertThat(UsernameSchema.safeParse(input.adminUsername).success, 'request.invalid', 'username: lower-case letters, digits, _.-, 3–32');
  assertThat(input.cityName.trim() && input.officeName.trim(), 'request.invalid', 'names are required');
  assertStrongPassword(input.adminPassword, input.adminUsername);
  if ((await db.select({ id: jurisdictions.id }).from(jurisdictions).limit(1)).length > 0) {
    throw new AppError('resource.conflict', 'this database already has a jurisdiction tree');
  }
  const [adminRole] = await db.select().from(roles).where(eq(roles.code, 'admin'));
  assertThat(adminRole, 'server.unavailable', 'roles are not seeded; run the migration first');
  const passwordHash = await hashPassword(input.adminPassword);
  const ids = { jurisdiction: randomUUID(), unit: randomUUID(), user: randomUUID() };
  await db.transaction(async (tx) => {
    await tx.insert(jurisdictions).values({ id: ids.jurisdiction, code: input.cityCode, name: input.cityName.trim(), level: 'city', path: `/${ids.jurisdiction}/`, createdAt: now, updatedAt: now });
    await tx.insert(units).values({ id: ids.unit, name: input.officeName.trim(), kind: 'office', jurisdictionId: ids.jurisdiction, createdAt: now, updatedAt: now });
    await tx.insert(users).values({ id: ids.user, username: input.adminUsername, displayName: '系统管理员', unitId: ids.unit, passwordHash, mustChangePassword: true, createdAt: now, updatedAt: now });
    await tx.insert(userRoles).values({ userId: ids.user, roleId: adminRole.id });
    for (const [subjectType, subjectId, action] of [['jurisdiction', ids.jurisdiction, 'jurisdiction.created'], ['unit', ids.unit, 'unit.created'], ['user', ids.user, 'user.created']] as const) {
      await appendEvent(tx, { subjectType, subjectId, action, unitId: ids.unit, toState: 'active', payload: { source: 'setup' }, at: now });
    }
  });
  return ids;
}
