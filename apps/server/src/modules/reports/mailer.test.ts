import { createServer, type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import pino from 'pino';
import { SMTPServer } from 'smtp-server';
import { buildTestApp, type TestApp } from '../../../test/harness';
import { uniq } from '../../../test/factories';
import { mailOutbox, type JobRow } from '../../db/schema';
import { createSecrets } from '../../lib/secrets';
import { MAIL_MAX_ATTEMPTS, MAIL_RETRY_MINUTES, MAIL_UNREACHABLE_MINUTES, createMailer, mailJobHandler, queueMail, redactAddresses } from './mailer';

interface Received { from: string; to: string[]; raw: string }

let t: TestApp;
let smtp: SMTPServer;
let smtpPort: number;
const received: Received[] = [];
const logs: string[] = [];
const logger = pino({ level: 'debug' }, { write: (line: string) => { logs.push(line); } });
const secrets = createSecrets(Buffer.alloc(32, 9).toString('base64'));
const REFUSED = 'refused-';
// queued "long ago", so these come before mail other test files may have left in the shared outbox
const LONG_AGO = new Date('2000-01-01T00:00:00Z');

beforeAll(async () => {
  t = await buildTestApp();
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, cb) {
      if (address.address.startsWith(REFUSED)) return cb(Object.assign(new Error(`<${address.address}>: Recipient address rejected`), { responseCode: 550 }));
      cb();
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('latin1') });
        cb();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  smtpPort = (smtp.server.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
  await t.close();
});

const mailerFor = (SMTP_URL?: string) =>
  createMailer({ db: t.s.db, secrets, logger, clock: t.clock, config: { ...t.s.config, SMTP_URL, MAIL_FROM: '天朗举报中心 <noreply@tianlang.test>' } });
const queue = (to: string, subject = '您的举报已办结', body = '您好：您举报的内容已处置。查询码请妥善保管。') =>
  queueMail(t.s.db, secrets, { to, subject, body, subjectType: 'report', subjectId: uniq(), at: LONG_AGO });
const rowOf = async (id: string) => (await t.s.db.select().from(mailOutbox).where(eq(mailOutbox.id, id)))[0]!;
const address = (prefix = '') => `${prefix}${uniq('r')}@example.cn`;

/** Just enough MIME decoding for the messages nodemailer writes: unfolded headers, encoded words, QP or base64 bodies. */
function parse(raw: string) {
  const split = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const header = (name: string) => new RegExp(`^${name}: (.*)$`, 'im').exec(head)?.[1] ?? '';
  const utf8 = (latin1: string) => Buffer.from(latin1, 'latin1').toString('utf8');
  const qp = (s: string) => utf8(s.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16))));
  const words = (v: string) => v.replace(/=\?utf-8\?([BQ])\?([^?]*)\?=\s*/gi, (_, enc: string, text: string) =>
    enc.toUpperCase() === 'B' ? Buffer.from(text, 'base64').toString('utf8') : qp(text.replace(/_/g, ' ')));
  const body = raw.slice(split + 4);
  const cte = header('Content-Transfer-Encoding').toLowerCase();
  const text = cte === 'base64' ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8') : cte === 'quoted-printable' ? qp(body) : utf8(body);
  return { subject: words(header('Subject')), from: words(header('From')), to: header('To'), text: text.trim() };
}

describe('outbox', () => {
  it('seals the address at rest', async () => {
    const to = address();
    const { id } = await queue(to);
    const row = await rowOf(id);
    expect(row).toMatchObject({ status: 'queued', attempts: 0, subjectType: 'report', createdAt: LONG_AGO });
    expect(row.toEnc).not.toContain(to.split('@')[0]);
    expect(secrets.open(row.toEnc)).toBe(to);
  });

  it('keeps mail queued when no SMTP server is configured', async () => {
    const { id } = await queue(address());
    expect(await mailerFor(undefined).sendQueued()).toEqual({ skipped: true });
    expect(await rowOf(id)).toMatchObject({ status: 'queued', attempts: 0 });
  });
});

describe('sending', () => {
  it('delivers a queued mail and marks it sent, without logging the address', async () => {
    const to = address();
    const { id } = await queue(to, '举报 JB20250303ABCDEF 处理结果');
    const mailer = mailerFor(`smtp://127.0.0.1:${smtpPort}`);
    try {
      const result = await mailer.sendQueued(1000);
      expect(result).toMatchObject({ skipped: false });
      expect(await rowOf(id)).toMatchObject({ status: 'sent', attempts: 1, sentAt: t.clock.now(), lastError: null });
      const mail = received.find((m) => m.to.includes(to))!;
      expect(mail.from).toBe('noreply@tianlang.test');
      const parsed = parse(mail.raw);
      expect(parsed).toMatchObject({ subject: '举报 JB20250303ABCDEF 处理结果', text: '您好：您举报的内容已处置。查询码请妥善保管。' });
      expect(parsed.to).toContain(to);
      expect(parsed.from).toContain('天朗举报中心');
      expect(logs.join('')).not.toContain(to);
    } finally {
      mailer.close();
    }
  });

  it('records refusals without the address, waits longer after each, and gives up after five attempts', async () => {
    const to = address(REFUSED);
    const { id } = await queue(to);
    const mailer = mailerFor(`smtp://127.0.0.1:${smtpPort}`);
    try {
      await mailer.sendQueued(1000);
      const row = await rowOf(id);
      expect(row).toMatchObject({ status: 'queued', attempts: 1 });
      expect(row.lastError).toMatch(/550/);
      expect(row.lastError).not.toContain(to);
      expect(row.nextAttemptAt!.getTime() - t.clock.now().getTime()).toBe(MAIL_RETRY_MINUTES[0] * 60_000);
      // not due yet: a run right away leaves it alone
      await mailer.sendQueued(1000);
      expect((await rowOf(id)).attempts).toBe(1);
      for (let i = 1; i < MAIL_MAX_ATTEMPTS; i++) {
        t.clock.advance(MAIL_RETRY_MINUTES[i - 1]! * 60_000 - 1);
        await mailer.sendQueued(1000);
        expect((await rowOf(id)).attempts, `one millisecond early for try ${i + 1}`).toBe(i);
        t.clock.advance(1);
        await mailer.sendQueued(1000);
        expect((await rowOf(id)).attempts).toBe(i + 1);
      }
      expect(await rowOf(id)).toMatchObject({ status: 'failed', attempts: MAIL_MAX_ATTEMPTS, nextAttemptAt: null });
      t.clock.advance(24 * 3600_000);
      await mailer.sendQueued(1000);
      expect((await rowOf(id)).attempts).toBe(MAIL_MAX_ATTEMPTS);
      expect(received.some((m) => m.to.includes(to))).toBe(false);
      expect(logs.join('')).not.toContain(to);
    } finally {
      mailer.close();
    }
  });

  it('counts no attempt when the server cannot be reached, stops the batch there, and offers the mail again later', async () => {
    const closed = await freePort();
    const first = await queue(address());
    const second = await queue(address());
    const down = mailerFor(`smtp://127.0.0.1:${closed}`);
    try {
      expect(await down.sendQueued(1000)).toMatchObject({ skipped: false, sent: 0, deferred: 1 });
    } finally {
      down.close();
    }
    const rows = [await rowOf(first.id), await rowOf(second.id)];
    const tried = rows.filter((r) => r.lastError !== null);
    expect(tried).toHaveLength(1);
    expect(tried[0]).toMatchObject({ status: 'queued', attempts: 0 });
    expect(tried[0]!.lastError).toMatch(/ECONNECTION|ESOCKET|ECONNREFUSED/);
    expect(tried[0]!.nextAttemptAt!.getTime() - t.clock.now().getTime()).toBe(MAIL_UNREACHABLE_MINUTES * 60_000);
    expect(rows.filter((r) => r.lastError === null && r.attempts === 0)).toHaveLength(1);
    // the server is back and the wait is over: both go out, the first counted as one attempt
    t.clock.advance(MAIL_UNREACHABLE_MINUTES * 60_000);
    const up = mailerFor(`smtp://127.0.0.1:${smtpPort}`);
    try {
      await up.sendQueued(1000);
    } finally {
      up.close();
    }
    expect([(await rowOf(first.id)).status, (await rowOf(second.id)).status]).toEqual(['sent', 'sent']);
    expect((await rowOf(tried[0]!.id)).attempts).toBe(1);
  });

  it('runs as the mail.send job, reporting what it did', async () => {
    const to = address();
    const { id } = await queue(to);
    const mailer = mailerFor(`smtp://127.0.0.1:${smtpPort}`);
    const progress: Record<string, unknown>[] = [];
    try {
      await mailJobHandler(mailer)({ id: 1n, kind: 'mail.send', payload: {} } as JobRow, { setProgress: async (p) => { progress.push(p); } });
    } finally {
      mailer.close();
    }
    expect((await rowOf(id)).status).toBe('sent');
    expect(progress.at(-1)).toMatchObject({ sent: expect.any(Number), failed: expect.any(Number) });
    const idle: Record<string, unknown>[] = [];
    await mailJobHandler(mailerFor(undefined))({ id: 2n, kind: 'mail.send', payload: {} } as JobRow, { setProgress: async (p) => { idle.push(p); } });
    expect(idle).toEqual([{ skipped: true }]);
  });
});

it('redacts addresses from server replies', () => {
  expect(redactAddresses('550 5.1.1 <张三.li@例子.cn>: no such user; also bob@example.org.'))
    .toBe('550 5.1.1 <<address>>: no such user; also <address>');
});

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
