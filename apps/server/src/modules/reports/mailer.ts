import { and, asc, eq, isNull, lt, lte, or } from 'drizzle-orm';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Logger } from 'pino';
import type { Config } from '../../config';
import type { Db, Queryable } from '../../db/client';
import { mailOutbox } from '../../db/schema';
import type { JobHandler } from '../../jobs/runner';
import { systemClock, type Clock } from '../../lib/clock';
import type { Secrets } from '../../lib/secrets';

export const MAIL_MAX_ATTEMPTS = 5;
/** Minutes before the next try after the 1st, 2nd, 3rd, 4th refusal: a mail gets about two and a half hours. */
export const MAIL_RETRY_MINUTES = [1, 5, 30, 120] as const;
/** Minutes before a mail is offered again to a server that could not be reached (the attempt is not counted). */
export const MAIL_UNREACHABLE_MINUTES = 2;
const minutesLater = (from: Date, minutes: number) => new Date(from.getTime() + minutes * 60_000);

export interface MailInput {
  to: string;
  subject: string;
  body: string;
  subjectType?: string | null;
  subjectId?: string | null;
  /** when it was queued; the database's time when absent */
  at?: Date;
}

/**
 * Queues a mail in the caller's transaction, so it is sent if and only if the change that caused
 * it commits. The address is sealed at rest like every reporter contact.
 */
export async function queueMail(tx: Queryable, secrets: Secrets, mail: MailInput): Promise<{ id: string }> {
  const [row] = await tx.insert(mailOutbox).values({
    toEnc: secrets.seal(mail.to.trim()),
    subject: mail.subject.replace(/[\r\n]+/g, ' ').trim(),
    body: mail.body,
    subjectType: mail.subjectType ?? null,
    subjectId: mail.subjectId ?? null,
    ...(mail.at ? { createdAt: mail.at } : {}),
  }).returning({ id: mailOutbox.id });
  return row!;
}

export type SendResult = { skipped: true } | { skipped: false; sent: number; failed: number; deferred: number };

/** Server replies quote the recipient ("550 <a@b.cn>: no such user"); errors are stored and logged without it. */
export const redactAddresses = (text: string) => text.replace(/[^\s<>"'(),;:]+@[^\s<>"'(),;:]+/g, '<address>');

/** nodemailer's codes for "could not talk to the server at all", as opposed to "it refused this mail". */
const CONNECTION_ERRORS = new Set(['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'EDNS', 'EAUTH', 'ETLS', 'ECONNREFUSED']);

interface SmtpError { code?: string; responseCode?: number; message?: string }

function transportFromUrl(url: string): Transporter {
  const u = new URL(url);
  const secure = u.protocol === 'smtps:';
  return nodemailer.createTransport({
    pool: true,
    maxConnections: 2,
    host: u.hostname,
    port: u.port ? Number(u.port) : secure ? 465 : 587,
    secure,
    auth: u.username ? { user: decodeURIComponent(u.username), pass: decodeURIComponent(u.password) } : undefined,
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 60_000,
    // we only ever send plain text we wrote; never let a message pull in files or URLs
    disableFileAccess: true,
    disableUrlAccess: true,
  });
}

/**
 * Sends the outbox through SMTP. Without SMTP_URL nothing is sent and mails wait in the outbox.
 * One batch at a time per process; across processes, run it only from the 'mail.send' job,
 * enqueued with a dedupe key, so two workers never send the same row.
 */
export function createMailer(deps: { db: Db; secrets: Secrets; config: Config; logger: Logger; clock?: Clock }) {
  const { db, secrets, config, logger } = deps;
  const clock = deps.clock ?? systemClock;
  const transport = config.SMTP_URL ? transportFromUrl(config.SMTP_URL) : null;
  let chain: Promise<unknown> = Promise.resolve();

  async function run(limit: number): Promise<SendResult> {
    if (!transport) return { skipped: true };
    const now = clock.now();
    const rows = await db.select().from(mailOutbox)
      .where(and(eq(mailOutbox.status, 'queued'), lt(mailOutbox.attempts, MAIL_MAX_ATTEMPTS),
        or(isNull(mailOutbox.nextAttemptAt), lte(mailOutbox.nextAttemptAt, now))))
      .orderBy(asc(mailOutbox.attempts), asc(mailOutbox.createdAt)).limit(limit);
    const result = { skipped: false as const, sent: 0, failed: 0, deferred: 0 };
    for (const row of rows) {
      const attempts = row.attempts + 1;
      const where = and(eq(mailOutbox.id, row.id), eq(mailOutbox.status, 'queued'));
      let to: string;
      try {
        to = secrets.open(row.toEnc);
      } catch {
        // sealed with another key: no retry can help
        await db.update(mailOutbox).set({ status: 'failed', attempts, lastError: 'address cannot be decrypted' }).where(where);
        result.failed++;
        continue;
      }
      try {
        await transport.sendMail({
          from: config.MAIL_FROM, to, subject: row.subject, text: row.body, headers: { 'Auto-Submitted': 'auto-generated' },
        });
        await db.update(mailOutbox).set({ status: 'sent', attempts, sentAt: clock.now(), lastError: null }).where(where);
        result.sent++;
      } catch (raw) {
        const err = raw as SmtpError;
        const lastError = redactAddresses([err.code, err.responseCode, err.message].filter(Boolean).join(' ')).slice(0, 500);
        if (err.code && CONNECTION_ERRORS.has(err.code)) {
          // the server is unreachable: not this mail's fault, so no attempt is counted; it waits a little,
          // and the rest of the batch is left for a later run (each run probes the server once)
          await db.update(mailOutbox).set({ lastError, nextAttemptAt: minutesLater(clock.now(), MAIL_UNREACHABLE_MINUTES) }).where(where);
          logger.warn({ mailId: row.id, attempts: row.attempts, code: err.code }, 'mail server unreachable');
          result.deferred++;
          break;
        }
        const gaveUp = attempts >= MAIL_MAX_ATTEMPTS;
        const nextAttemptAt = gaveUp ? null : minutesLater(clock.now(), MAIL_RETRY_MINUTES[attempts - 1] ?? MAIL_RETRY_MINUTES.at(-1)!);
        await db.update(mailOutbox).set({ status: gaveUp ? 'failed' : 'queued', attempts, lastError, nextAttemptAt }).where(where);
        logger.warn({ mailId: row.id, attempts, gaveUp, code: err.code, responseCode: err.responseCode }, 'mail not sent');
        if (gaveUp) result.failed++;
        else result.deferred++;
      }
    }
    return result;
  }

  /** Sends up to `limit` queued mails that are due, oldest and least-tried first. */
  function sendQueued(limit = 50): Promise<SendResult> {
    const next = chain.then(() => run(limit));
    chain = next.catch(() => undefined);
    return next;
  }

  return { sendQueued, enabled: transport !== null, close: () => transport?.close() };
}
export type Mailer = ReturnType<typeof createMailer>;

/** The 'mail.send' job: drains the outbox in batches; failures are recorded per mail, not thrown. */
export function mailJobHandler(mailer: Mailer, batch = 50, maxBatches = 20): JobHandler {
  return async (_job, ctx) => {
    const total = { sent: 0, failed: 0, deferred: 0 };
    for (let i = 0; i < maxBatches; i++) {
      const r = await mailer.sendQueued(batch);
      if (r.skipped) return ctx.setProgress({ skipped: true });
      total.sent += r.sent;
      total.failed += r.failed;
      total.deferred += r.deferred;
      if (r.deferred > 0 || r.sent + r.failed < batch) break;
    }
    await ctx.setProgress(total);
  };
}
