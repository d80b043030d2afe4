import { randomUUID } from 'node:crypto';
import { inArray } from 'drizzle-orm';
import type { BuiltinRole, JurisdictionLevel, UnitKind } from '@tianlang/contracts';
import type { Db, Tx } from '../db/client';
import { jurisdictions, roles, units, userRoles, users } from '../db/schema';
import { appendEvent } from '../modules/audit/events.service';
import { hashPassword } from '../lib/passwords';

interface J { code: string; name: string; children?: J[] }

/** 示范市: a fictional city (codes under the unused 99 prefix) with 3 districts and 2 towns each. */
const TREE: J = {
  code: '990100', name: '示范市', children: [
    { code: '990102', name: '东湖区', children: [{ code: '990102001', name: '湖滨街道' }, { code: '990102101', name: '东湖镇' }] },
    { code: '990103', name: '西山区', children: [{ code: '990103001', name: '西山街道' }, { code: '990103101', name: '石门镇' }] },
    { code: '990121', name: '南岭县', children: [{ code: '990121101', name: '城关镇' }, { code: '990121201', name: '南岭乡' }] },
  ],
};
const LEVELS: JurisdictionLevel[] = ['city', 'district', 'town', 'community'];

const UNITS: { name: string; shortName: string; kind: UnitKind; at: string }[] = [
  { name: '示范市委网信办', shortName: '市网信办', kind: 'office', at: '990100' },
  { name: '东湖区委网信办', shortName: '东湖区网信办', kind: 'office', at: '990102' },
  { name: '西山区委网信办', shortName: '西山区网信办', kind: 'office', at: '990103' },
  { name: '南岭县委网信办', shortName: '南岭县网信办', kind: 'office', at: '990121' },
  { name: '湖滨街道网格站', shortName: '湖滨街道', kind: 'office', at: '990102001' },
  { name: '市公安局网安支队', shortName: '网安支队', kind: 'department', at: '990100' },
  { name: '市市场监管局', shortName: '市场监管局', kind: 'department', at: '990100' },
  { name: '市卫健委', shortName: '卫健委', kind: 'department', at: '990100' },
  { name: '示范本地生活网', shortName: '本地生活网', kind: 'platform', at: '990100' },
  { name: '示范日报社', shortName: '示范日报', kind: 'alliance', at: '990100' },
  // 上级网信部门: outside the tree, receives transfers; without accounts here, its answers are entered by staff (代录回函)
  { name: '示范省委网信办', shortName: '省网信办', kind: 'superior_office', at: '990100' },
];

export const DEMO_USERS: { username: string; displayName: string; unit: string; role: BuiltinRole }[] = [
  { username: 'admin', displayName: '系统管理员', unit: '示范市委网信办', role: 'admin' },
  { username: 'intake', displayName: '受理员 李晓', unit: '示范市委网信办', role: 'intake' },
  { username: 'analyst', displayName: '研判员 王敏', unit: '示范市委网信办', role: 'analyst' },
  { username: 'handler', displayName: '处置员 张强', unit: '示范市委网信办', role: 'handler' },
  { username: 'enforcer', displayName: '执法员 刘洋', unit: '示范市委网信办', role: 'enforcement' },
  { username: 'legal', displayName: '法制审核 陈静', unit: '示范市委网信办', role: 'legal_reviewer' },
  { username: 'leader', displayName: '分管领导 赵明', unit: '示范市委网信办', role: 'leader' },
  { username: 'volunteer', displayName: '志愿者 孙悦', unit: '示范市委网信办', role: 'volunteer' },
  { username: 'police', displayName: '网安支队 周警官', unit: '市公安局网安支队', role: 'partner' },
  { username: 'platform', displayName: '平台联络员 吴婷', unit: '示范本地生活网', role: 'platform_liaison' },
  { username: 'alliance', displayName: '联盟成员 郑雪', unit: '示范日报社', role: 'alliance' },
  { username: 'dh_admin', displayName: '东湖区管理员', unit: '东湖区委网信办', role: 'admin' },
  { username: 'dh_intake', displayName: '东湖区受理员 何伟', unit: '东湖区委网信办', role: 'intake' },
];

async function insertTree(tx: Tx, node: J, parent: { id: string; path: string } | null, depth: number, now: Date, ids: Map<string, string>) {
  const id = randomUUID();
  const path = `${parent?.path ?? '/'}${id}/`;
  await tx.insert(jurisdictions).values({ id, parentId: parent?.id ?? null, code: node.code, name: node.name, level: LEVELS[depth]!, path, createdAt: now, updatedAt: now });
  await appendEvent(tx, { subjectType: 'jurisdiction', subjectId: id, action: 'jurisdiction.created', toState: 'active', payload: { code: node.code, name: node.name, source: 'demo-seed' }, at: now });
  ids.set(node.code, id);
  for (const child of node.children ?? []) await insertTree(tx, child, { id, path }, depth + 1, now, ids);
}

/** Demo data for `npm start` on a fresh embedded database. Skipped when any jurisdiction exists. */
export async function seedDemo(db: Db, now: Date, password: string): Promise<boolean> {
  if ((await db.select({ id: jurisdictions.id }).from(jurisdictions).limit(1)).length > 0) return false;
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    const jIds = new Map<string, string>();
    await insertTree(tx, TREE, null, 0, now, jIds);
    const unitIds = new Map<string, string>();
    for (const u of UNITS) {
      const id = randomUUID();
      unitIds.set(u.name, id);
      await tx.insert(units).values({ id, name: u.name, shortName: u.shortName, kind: u.kind, jurisdictionId: jIds.get(u.at)!, createdAt: now, updatedAt: now });
      await appendEvent(tx, { subjectType: 'unit', subjectId: id, action: 'unit.created', unitId: id, toState: 'active', payload: { name: u.name, kind: u.kind, source: 'demo-seed' }, at: now });
    }
    const roleRows = await tx.select().from(roles).where(inArray(roles.code, DEMO_USERS.map((u) => u.role)));
    for (const u of DEMO_USERS) {
      const id = randomUUID();
      const unitId = unitIds.get(u.unit)!;
      // the demo accounts share a published password and are exempt from changing it at first sign-in
      await tx.insert(users).values({ id, username: u.username, displayName: u.displayName, unitId, passwordHash, passwordChangedAt: now, mustChangePassword: false, createdAt: now, updatedAt: now });
      await tx.insert(userRoles).values({ userId: id, roleId: roleRows.find((r) => r.code === u.role)!.id });
      await appendEvent(tx, { subjectType: 'user', subjectId: id, action: 'user.created', unitId, toState: 'active', payload: { username: u.username, roles: [u.role], source: 'demo-seed' }, at: now });
    }
  });
  return true;
}
