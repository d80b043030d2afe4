import { and, count, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../src/db/client';
import { events, reports } from '../src/db/schema';
import { uniq } from './factories';

/** A valid public submission; `mark` makes the text unique so it clusters only with what a test intends. */
export const publicReport = (o: Record<string, unknown> = {}) => ({
  categoryCode: 'fraud',
  urls: [`https://weibo.com/${uniq()}/post`],
  platformName: '微博',
  accountName: uniq('账号'),
  description: `${uniq('标记')} 该账号冒充客服发布退款链接，诱导网民填写银行卡信息，已有多人受骗。`,
  goodFaith: true,
  ...o,
});

export const submitPublic = (app: FastifyInstance, body: unknown, ip = '203.0.113.9') =>
  app.inject({ method: 'POST', url: '/api/public/reports', payload: body as object, remoteAddress: ip });

export async function reportByTracking(db: Db, trackingNo: string) {
  return (await db.select().from(reports).where(eq(reports.trackingNo, trackingNo)))[0]!;
}

export async function eventCount(db: Db, subjectId?: string) {
  return (await db.select({ n: count() }).from(events).where(subjectId ? and(eq(events.subjectType, 'report'), eq(events.subjectId, subjectId)) : undefined))[0]!.n;
}

export async function reportCount(db: Db) {
  return (await db.select({ n: count() }).from(reports))[0]!.n;
}
