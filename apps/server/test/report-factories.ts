import { randomBytes } from 'node:crypto';
import { and, count, eq } from 'drizzle-orm';
import type { ReportState } from '@tianlang/contracts';
import { maskContact, TRACKING_ALPHABET } from '@tianlang/core';
import type { Db } from '../src/db/client';
import { events, mailOutbox, notifications, reports, type ReportRow } from '../src/db/schema';
import type { Secrets } from '../src/lib/secrets';
import { uniq } from './factories';

const suffix = (n: number) => [...randomBytes(n)].map((b) => TRACKING_ALPHABET[b % TRACKING_ALPHABET.length]).join('');

export interface ReportOverrides extends Partial<Omit<ReportRow, 'contactEnc' | 'jurisdictionId' | 'jurisdictionPath'>> {
  jurisdiction: { id: string; path: string };
  /** sealed into contact_enc like the intake does (needs `secrets`) */
  contact?: { phone?: string; email?: string; shareWithPartners?: boolean };
  secrets?: Secrets;
}

/**
 * A report row in any state, straight into the table (no events, no clocks): for tests of later
 * stages that should not depend on the intake path.
 */
export async function buildReport(db: Db, o: ReportOverrides): Promise<ReportRow> {
  const { jurisdiction, contact, secrets, ...rest } = o;
  const sealed = contact && secrets ? {
    contactEnc: secrets.seal(JSON.stringify({ ...contact, shareWithPartners: !!contact.shareWithPartners })),
    contactMasked: maskContact(contact.phone ?? contact.email ?? ''),
    contactShareable: !!contact.shareWithPartners,
  } : {};
  const [row] = await db.insert(reports).values({
    trackingNo: `JB20261123${suffix(8)}`,
    queryCodeHash: randomBytes(32).toString('hex'),
    channel: 'web',
    state: 'assessing' as ReportState,
    categoryCode: 'fraud',
    urls: [`https://weibo.com/${uniq()}/post`],
    platformName: '微博',
    accountName: uniq('账号'),
    description: `${uniq('标记')} 该账号冒充客服发布退款链接，诱导网民填写银行卡信息。`,
    jurisdictionId: jurisdiction.id,
    jurisdictionPath: jurisdiction.path,
    submittedAt: new Date(),
    ...sealed,
    ...rest,
  }).returning();
  return row!;
}

export async function eventsOf(db: Db, subjectType: string, subjectId: string) {
  return db.select().from(events).where(and(eq(events.subjectType, subjectType), eq(events.subjectId, subjectId))).orderBy(events.seq);
}

export const allEvents = async (db: Db) => (await db.select({ n: count() }).from(events))[0]!.n;
export const allMail = async (db: Db) => (await db.select({ n: count() }).from(mailOutbox))[0]!.n;

export async function notificationsOf(db: Db, userId: string, kind: string) {
  return db.select().from(notifications).where(and(eq(notifications.userId, userId), eq(notifications.kind, kind)));
}

export const reportById = async (db: Db, id: string) => (await db.select().from(reports).where(eq(reports.id, id)))[0]!;

/** Legal basis entries as a handler picks them from the category. */
export const LEGAL_BASIS = [{ law: '《网络信息内容生态治理规定》', versionDate: '2020-03-01', article: '第六条' }];
