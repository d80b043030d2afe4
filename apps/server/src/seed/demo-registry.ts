import { eq, inArray } from 'drizzle-orm';
import { jurisdictions, registryEntities, reports, roles, userRoles, users } from '../db/schema';
import type { AuthUser } from '../modules/auth/auth.types';
import { RECTIFICATION_SOURCE_TYPES } from '../modules/registry/registry-rectifications';
import type { Services } from '../services';

type Demo = { name: string; type: string; at: string; grade: 'key' | 'general' | 'watch'; url?: string; icpNo?: string; appId?: string; accountId?: string; operatorName?: string; tags?: string[] };
const ENTITIES: Demo[] = [
  { name: '示范本地生活网', type: 'website', at: '990100', grade: 'key', url: 'https://bbs.localsite.example', icpNo: '京ICP备99010001号-1', operatorName: '示范本地生活网络科技有限公司', tags: ['论坛', '生活服务'] },
  { name: '东湖发布', type: 'wechat_official', at: '990102', grade: 'general', accountId: 'donghu_fabu', operatorName: '东湖区融媒体中心', tags: ['政务'] },
  { name: '东湖吃喝玩乐', type: 'douyin', at: '990102', grade: 'watch', accountId: 'dh_chihe_2024', operatorName: '个人', tags: ['探店'] },
  { name: '湖滨街道便民小程序', type: 'mini_program', at: '990102001', grade: 'general', appId: 'wx99ab12cd34ef5601', operatorName: '湖滨街道办事处' },
  { name: '湖滨广场户外大屏', type: 'led_screen', at: '990102001', grade: 'key', operatorName: '示范广告传媒有限公司', tags: ['户外屏'] },
  { name: '东湖镇论坛', type: 'forum_group', at: '990102101', grade: 'watch', url: 'https://dhz.forum.example', operatorName: '东湖镇某网络工作室' },
  { name: '西山新闻网', type: 'website', at: '990103', grade: 'key', url: 'https://www.xishan-news.example', icpNo: '京ICP备99010302号', operatorName: '西山传媒集团', tags: ['新闻'] },
  { name: '西山二手交易', type: 'app', at: '990103', grade: 'general', appId: 'com.example.xishan.market', operatorName: '西山某科技有限公司', tags: ['电商'] },
  { name: '石门镇直播间', type: 'live_room', at: '990103101', grade: 'watch', accountId: 'shimen_live_88', operatorName: '个人主播' },
  { name: '南岭文旅', type: 'weibo', at: '990121', grade: 'general', accountId: '7788000121', operatorName: '南岭县文化和旅游局', tags: ['政务', '文旅'] },
  { name: '南岭头条', type: 'toutiao', at: '990121', grade: 'general', accountId: 'nanling_tt', operatorName: '南岭县某传媒工作室' },
  { name: '城关快手生活号', type: 'kuaishou', at: '990121101', grade: 'watch', accountId: 'cg_kuaishou_01', operatorName: '个人' },
];

/**
 * A dozen registry entities across the demo jurisdictions, a pledge, an inspection (a progress note on one
 * of its rectification items) and an interview,
 * made through the real services; the gambling demo report is linked to its platform. Demo only,
 * and only while the register is empty. Adds a second certified officer (inspections need two).
 */
export async function seedDemoRegistry(s: Services): Promise<number> {
  if ((await s.db.select({ id: registryEntities.id }).from(registryEntities).limit(1)).length > 0) return 0;
  const who = async (username: string): Promise<AuthUser> => {
    const [u] = await s.db.select({ id: users.id }).from(users).where(eq(users.username, username));
    return (await s.auth.repo.loadAuthUser(u!.id))!;
  };
  const analyst = await who('analyst');
  const enforcer = await who('enforcer');
  const [base] = await s.db.select().from(users).where(eq(users.username, 'enforcer'));
  const [second] = await s.db.insert(users).values({ username: 'enforcer2', displayName: '执法员 钱坤', unitId: base!.unitId, passwordHash: base!.passwordHash, passwordChangedAt: base!.passwordChangedAt, mustChangePassword: false })
    .onConflictDoNothing({ target: users.username }).returning();
  const [role] = await s.db.select().from(roles).where(eq(roles.code, 'enforcement'));
  if (second) await s.db.insert(userRoles).values({ userId: second.id, roleId: role!.id });
  const officers = [enforcer.id, second?.id ?? (await who('enforcer2')).id];
  const js = new Map((await s.db.select().from(jurisdictions).where(inArray(jurisdictions.code, [...new Set(ENTITIES.map((e) => e.at))]))).map((j) => [j.code, j.id]));
  const ids: string[] = [];
  for (const e of ENTITIES) {
    const row = await s.registry.entities.create(analyst, {
      name: e.name, type: e.type as never, url: e.url, icpNo: e.icpNo, appId: e.appId, accountId: e.accountId, operatorName: e.operatorName,
      operatorContact: { person: '联络人', phone: '13800000000' }, tags: e.tags ?? [], filings: [], jurisdictionId: js.get(e.at), grade: e.grade,
      gradeReason: e.grade === 'key' ? '用户量大、涉及公共信息传播' : undefined, confirmDuplicates: true,
    });
    ids.push(row.id);
  }
  const r = s.registry.records;
  await r.pledge(analyst, ids[0]!, { signedOn: '2026-01-15', signer: '法定代表人 陈某' });
  const inspection = await r.inspection(enforcer, ids[0]!, {
    inspectedOn: '2026-02-10', officerIds: officers, findings: '论坛版块存在赌博引流帖未及时清理；信息巡查记录不完整。',
    rectifications: [{ description: '清理赌博引流帖并完善关键词过滤', days: 10, unit: 'working_days' }, { description: '建立每日信息巡查台账', days: 15, unit: 'calendar_days' }],
  });
  // the operator reported progress on the first item; it stays open until the follow-up check
  const [first] = await s.rectifications.listFor(s.db, RECTIFICATION_SOURCE_TYPES.inspection, [inspection]);
  if (first) await r.progress(enforcer, first.id, '运营方反馈：已清理赌博引流帖 37 条，关键词过滤规则正在更新。');
  await r.interview(enforcer, ids[6]!, {
    heldOn: '2026-02-20', grounds: '网站转载未经核实的不实信息，造成不良影响。', persons: [{ name: '刘某', position: '总编辑' }], officerIds: officers,
    rectifications: [{ description: '健全转载审核制度并提交整改报告', days: 10, unit: 'working_days' }],
  });
  // the gambling demo report concerns the 本地生活网 forum
  const [gambling] = await s.db.select().from(reports).where(eq(reports.accountName, '彩票导师老王'));
  if (gambling) await s.reports.handling.assess(analyst, gambling.id, { severity: 4, entityRef: ids[0]!, note: '关联属地台账：示范本地生活网' });
  return ids.length;
}
