import { and, eq, inArray, isNull } from 'drizzle-orm';
import { reports, replyTemplates, units, users } from '../db/schema';
import type { AuthUser } from '../modules/auth/auth.types';
import { PUBLIC_ACTOR } from '../modules/reports/report-store';
import type { Services } from '../services';

const LAW = { law: '《网络信息内容生态治理规定》', versionDate: '2019-12-15', article: '第六条' };

/**
 * A handful of reports at every stage of the loop, made through the real services (so every one
 * has its events and clocks), for the demo database only and only while it has no reports.
 */
export async function seedDemoReports(s: Services): Promise<number> {
  if ((await s.db.select({ id: reports.id }).from(reports).limit(1)).length > 0) return 0;
  const who = async (username: string): Promise<AuthUser> => {
    const [u] = await s.db.select({ id: users.id }).from(users).where(eq(users.username, username));
    return (await s.auth.repo.loadAuthUser(u!.id))!;
  };
  const intake = await who('intake');
  const analyst = await who('analyst');
  const handler = await who('handler');
  const volunteer = await who('volunteer');
  const unitRows = await s.db.select({ id: units.id, name: units.name }).from(units).where(inArray(units.name, ['市公安局网安支队', '示范本地生活网']));
  const police = unitRows.find((u) => u.name === '市公安局网安支队')!;
  const platform = unitRows.find((u) => u.name === '示范本地生活网')!;
  const r = s.reports;
  const root = await r.taxonomy.rootJurisdiction();
  const submit = (o: { category: string; url?: string; platform?: string; account?: string; text: string; channel?: 'web' | 'mobile' }) =>
    r.intake.submit({ categoryCode: o.category, urls: o.url ? [o.url] : [], platformName: o.platform, accountName: o.account, description: o.text },
      { channel: o.channel ?? 'web', actor: PUBLIC_ACTOR, jurisdiction: root, officeUnitId: root.officeUnitId });

  const fresh = await submit({ category: 'fraud', url: 'https://weibo.com/7788990011/DemoFraud', platform: '微博', account: '官方退款客服', text: '该账号冒充电商平台客服，以“订单异常可退款”为由发布链接，诱导网民填写银行卡号和验证码。' });
  await submit({ category: 'fraud', url: 'http://m.weibo.com/7788990011/DemoFraud?from=timeline', platform: '微博', account: '官方退款客服', text: '冒充客服骗退款的微博，链接里要求输入验证码，我差点上当。', channel: 'mobile' });
  await submit({ category: 'rumor', platform: '本地生活网', account: '示范城事', text: '有帖子称“明天起全市停水三天”，配图是去年外地的停水通知，已在多个群里传播。' });

  const accepted = await submit({ category: 'gambling', url: 'https://bbs.localsite.example/t/5521', platform: '本地生活网', account: '彩票导师老王', text: '论坛帖子推广境外博彩网站，称“日赚千元、稳赚不赔”，留有联系方式拉人进群充值。' });
  await r.handling.accept(intake, accepted.id, '线索明确，予以受理');
  await r.handling.assess(analyst, accepted.id, { severity: 4, note: '赌博引流，内容仍在线，建议通知平台删除并移交公安。' });
  await r.disposals.add(handler, accepted.id, { kind: 'order_platform', platformUnitId: platform.id, measure: 'remove', requirement: '请于24小时内删除该帖并处置发帖账号，回复处置结果。', legalBasis: [LAW], reasons: '帖子推广网络赌博，属于《网络信息内容生态治理规定》第六条禁止的信息。' });
  await r.disposals.add(handler, accepted.id, { kind: 'referral', toUnitId: police.id, transferKind: 'police', note: '涉嫌开设赌场，请依法核查。', legalBasis: [LAW], reasons: '涉嫌违法犯罪，移交公安机关依法处理。' });

  const done = await submit({ category: 'vulgar', platform: '本地生活网', account: '夜聊频道', text: '直播间主播长时间以低俗语言和动作吸引打赏，直播间里有很多未成年人。' });
  await r.handling.accept(intake, done.id, undefined);
  await r.handling.assess(analyst, done.id, { severity: 2, note: '经查看回放，内容低俗但未达违法程度。' });
  await r.disposals.add(handler, done.id, { kind: 'no_violation', legalBasis: [], reasons: '经核查，直播内容未发现违反法律法规的情形，已提醒平台加强管理。' });
  await r.disposals.complete(handler, done.id);
  const [template] = await s.db.select().from(replyTemplates).where(and(eq(replyTemplates.outcome, 'no_violation'), isNull(replyTemplates.jurisdictionId))).limit(1);
  if (template) await r.replies.reply(intake, done.id, { templateId: template.id, values: {} });

  const rejected = await submit({ category: 'other', text: '我和邻居因为停车位吵架了，希望网信办处理一下他。' , account: '邻居' });
  await r.handling.reject(intake, rejected.id, 'personal_dispute', '属于邻里纠纷，不属于网络信息内容举报范围，建议通过社区调解。');

  await r.intake.submit({ categoryCode: 'cyberviolence', zoneCode: 'zone.cyberviolence', urls: ['https://www.douyin.com/video/7301000000000000001'], platformName: '抖音', accountName: '吃瓜群众甲', description: '多个账号在评论区对一名中学生进行人身攻击并公开其姓名和学校。' },
    { channel: 'trusted', actor: r.actorOf(volunteer), jurisdiction: { id: volunteer.jurisdictionId, path: volunteer.scopePath }, officeUnitId: volunteer.unitId, reporterUserId: volunteer.id });
  void fresh;
  return 7;
}
