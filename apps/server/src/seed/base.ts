import { sql } from 'drizzle-orm';
import { BUILTIN_ROLES, DEFAULT_ROLE_PERMISSIONS, type BuiltinRole } from '@tianlang/contracts';
import type { Db } from '../db/client';
import { calendarDays, reportCategories, rolePermissions, roles } from '../db/schema';
import { CALENDAR_2026, CALENDAR_2027_STATUTORY } from './calendar-data';
import { DEFAULT_TAXONOMY } from './taxonomy-data';
import { seedReplyTemplates } from './reply-templates';

export const ROLE_NAMES: Record<BuiltinRole, string> = {
  admin: '管理员', intake: '受理员', analyst: '研判员', handler: '处置员', partner: '协同部门',
  platform_liaison: '平台联络员', enforcement: '执法人员', legal_reviewer: '法制审核员', leader: '领导',
  alliance: '辟谣联盟成员', volunteer: '志愿者',
};

/**
 * What every installation needs (roles, taxonomy, the working-day calendar). Idempotent: existing
 * rows are left as admins edited them.
 */
export async function seedBase(db: Db, now: Date) {
  await db.transaction(async (tx) => {
    for (const code of BUILTIN_ROLES) {
      const [role] = await tx.insert(roles).values({ code, name: ROLE_NAMES[code], builtin: true, createdAt: now, updatedAt: now })
        .onConflictDoNothing({ target: roles.code }).returning();
      if (role) {
        const perms = DEFAULT_ROLE_PERMISSIONS[code];
        if (perms.length) await tx.insert(rolePermissions).values(perms.map((permission) => ({ roleId: role.id, permission })));
      }
    }
    await tx.insert(reportCategories).values(DEFAULT_TAXONOMY.map((c, i) => ({
      code: c.code, name: c.name, kind: c.kind, parentCode: c.parentCode ?? null, legalBasis: c.legalBasis, sort: i,
      createdAt: now, updatedAt: now,
    }))).onConflictDoNothing({ target: reportCategories.code });
    await tx.insert(calendarDays).values([...CALENDAR_2026, ...CALENDAR_2027_STATUTORY].map((d) => ({ ...d, updatedAt: now })))
      .onConflictDoNothing();
  });
  await seedReplyTemplates(db, now);
  const [row] = (await db.execute(sql`select count(*)::int as n from roles`) as unknown as { rows: { n: number }[] }).rows;
  return { roles: row?.n ?? 0 };
}
