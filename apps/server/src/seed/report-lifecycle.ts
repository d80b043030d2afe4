import { and, eq, isNull } from 'drizzle-orm';
import type { DisposalInput } from '@tianlang/contracts';
import type { Db } from '../db/client';
import { replyTemplates } from '../db/schema';
import type { AuthUser } from '../modules/auth/auth.types';
import { PUBLIC_ACTOR } from '../modules/reports/report-store';
import type { Services } from '../services';

const LEGAL_BASIS = [{ law: '《网络信息内容生态治理规定》', versionDate: '2019-12-15', article: '第六条' }];

/** A small deterministic generator (mulberry32), so generated data is the same on every run. */
export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, pick: <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]!, int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)) };
}

const POOL = '天地玄黄宇宙洪荒日月盈昃辰宿列张寒来暑往秋收冬藏闰余成岁律吕调阳云腾致雨露结为霜金生丽水玉出昆冈剑号巨阙珠称夜光果珍李柰菜重芥姜海咸河淡鳞潜羽翔龙师火帝鸟官人皇始制文字乃服衣裳推位让国有虞陶唐吊民伐罪周发殷汤坐朝问道垂拱平章';
/** Text unlike any other report's, so the intake's near-duplicate clustering leaves it alone. */
export const distinctText = (r: ReturnType<typeof rng>) => Array.from({ length: 48 }, () => r.pick([...POOL])).join('');

export type Step =
  | { do: 'accept' | 'complete' | 'close' } | { do: 'reject' } | { do: 'assess'; categoryCode?: string }
  | { do: 'order'; platformUnitId: string; answer?: 'done' | 'partial' | 'refused'; answerAfterMin?: number }
  | { do: 'account' } | { do: 'refer'; toUnitId: string; replyAfterMin?: number } | { do: 'no_violation' } | { do: 'reply' };

export interface Staff { intake: AuthUser; analyst: AuthUser; handler: AuthUser; partner?: AuthUser; liaison?: AuthUser }

/**
 * Walks generated reports through their lifecycle, for the statistics tests and the demo history.
 *
 * Submits a report at `at` and walks it through `steps`, each `minutes` after the previous one,
 * through the real services (events, clocks, sub-cases), moving the test clock as it goes.
 */
export async function driveReport(s: Services, clock: { set(d: Date): void }, staff: Staff, o: {
  at: Date; jurisdiction: { id: string; path: string }; officeUnitId: string; categoryCode: string; channel?: 'web' | 'mobile' | 'phone';
  platformName?: string; zoneCode?: string; text: string; steps: { after: number; step: Step }[]; reporter?: AuthUser;
}) {
  clock.set(o.at);
  const r = s.reports;
  const receipt = await r.intake.submit({ categoryCode: o.categoryCode, zoneCode: o.zoneCode, urls: [], platformName: o.platformName, accountName: `账号${o.text.slice(0, 6)}`, description: o.text },
    o.reporter
      ? { channel: 'trusted', actor: r.actorOf(o.reporter), jurisdiction: o.jurisdiction, officeUnitId: o.officeUnitId, reporterUserId: o.reporter.id }
      : { channel: o.channel ?? 'web', actor: PUBLIC_ACTOR, jurisdiction: o.jurisdiction, officeUnitId: o.officeUnitId });
  let t = o.at.getTime();
  const id = receipt.id;
  const basis = { legalBasis: LEGAL_BASIS, reasons: '经核查，该内容违反《网络信息内容生态治理规定》第六条。' };
  for (const { after, step } of o.steps) {
    t += after * 60_000;
    clock.set(new Date(t));
    switch (step.do) {
      case 'accept': await r.handling.accept(staff.intake, id, undefined); break;
      case 'reject': await r.handling.reject(staff.intake, id, 'insufficient_info', '举报内容不具体，无法核查。'); break;
      case 'assess': await r.handling.assess(staff.analyst, id, { severity: 3, note: '研判属实。', categoryCode: step.categoryCode }); break;
      case 'order': {
        await r.disposals.add(staff.handler, id, { kind: 'order_platform', platformUnitId: step.platformUnitId, measure: 'remove', requirement: '请删除该信息。', ...basis } as DisposalInput);
        if (step.answer && staff.liaison) {
          clock.set(new Date(t + (step.answerAfterMin ?? 60) * 60_000));
          const [order] = await r.orders.forReport(id);
          await r.orders.answer(staff.liaison, order!.id, { answer: step.answer, note: '已按要求处理。' });
          clock.set(new Date(t));
        }
        break;
      }
      case 'account': await r.disposals.add(staff.handler, id, { kind: 'account_action', measure: 'suspend', accountName: '涉事账号', ...basis } as DisposalInput); break;
      case 'refer': {
        await r.disposals.add(staff.handler, id, { kind: 'referral', toUnitId: step.toUnitId, transferKind: 'police', note: '请依法核查并函复。', ...basis } as DisposalInput);
        if (step.replyAfterMin !== undefined && staff.partner) {
          t += step.replyAfterMin * 60_000;
          clock.set(new Date(t));
          const [tr] = await r.transfers.forReport(id);
          await r.transfers.reply(staff.partner, tr!.id, '经核查已依法处理。');
        }
        break;
      }
      case 'no_violation': await r.disposals.add(staff.handler, id, { kind: 'no_violation', legalBasis: [], reasons: '经核查未发现违法违规情形。' } as DisposalInput); break;
      case 'complete': await r.disposals.complete(staff.handler, id); break;
      case 'reply': await r.replies.reply(staff.intake, id, { templateId: await templateId(s.db), values: {} }); break;
      case 'close': await r.handling.close(staff.intake, id); break;
    }
  }
  return receipt;
}

let template: string | undefined;
async function templateId(db: Db) {
  template ??= (await db.select({ id: replyTemplates.id }).from(replyTemplates).where(and(eq(replyTemplates.outcome, 'no_violation'), isNull(replyTemplates.jurisdictionId))).limit(1))[0]!.id;
  return template;
}
