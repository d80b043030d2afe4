import { hostname } from 'node:os';
import { and, eq, lte, sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { Db } from '../db/client';
import { jobs, type JobRow } from '../db/schema';
import type { Clock } from '../lib/clock';
import { errorText } from '../lib/error-log';

export type JobHandler = (job: JobRow, ctx: { setProgress(p: Record<string, unknown>): Promise<void> }) => Promise<void>;

export interface Recurring { kind: string; everySeconds: number }

/**
 * A job queue on the `jobs` table. Workers claim with FOR UPDATE SKIP LOCKED, so any number of
 * processes can share the table on PostgreSQL; PGlite has one connection and simply never contends.
 */
export function createJobRunner(opts: {
  db: Db; clock: Clock; logger: Logger; handlers: Record<string, JobHandler>; pollMs: number; recurring?: Recurring[];
}) {
  const { db, clock, logger, handlers } = opts;
  const workerId = `${hostname()}:${process.pid}`;
  let timer: NodeJS.Timeout | undefined;
  let running = false;
  let stopped = true;

  async function enqueue(kind: string, payload: Record<string, unknown> = {}, o: { runAt?: Date; dedupeKey?: string } = {}) {
    const [row] = await db.insert(jobs).values({
      kind, payload, runAt: o.runAt ?? clock.now(), dedupeKey: o.dedupeKey ?? null, createdAt: clock.now(),
    }).onConflictDoNothing({ target: jobs.dedupeKey, where: sql`status in ('queued', 'running')` }).returning();
    return row;
  }

  async function claim(): Promise<JobRow | undefined> {
    const now = clock.now();
    const rows = await db.execute(sql`
      update ${jobs} set status = 'running', locked_by = ${workerId}, locked_at = ${now}, attempts = attempts + 1
      where id = (select id from ${jobs} where status = 'queued' and run_at <= ${now}
                  order by run_at, id for update skip locked limit 1)
      returning id`);
    const id = ((rows as unknown as { rows: { id: string }[] }).rows)[0]?.id;
    if (!id) return undefined;
    return (await db.select().from(jobs).where(eq(jobs.id, BigInt(id))))[0];
  }

  async function finish(job: JobRow, error?: unknown) {
    const now = clock.now();
    const recurring = opts.recurring?.find((r) => r.kind === job.kind);
    if (!error) {
      await db.update(jobs).set({ status: 'done', finishedAt: now, lockedBy: null }).where(eq(jobs.id, job.id));
    } else {
      const retry = job.attempts < job.maxAttempts && !recurring;
      // exponential backoff: 2, 4, 8 … seconds
      const runAt = new Date(now.getTime() + 1000 * 2 ** job.attempts);
      await db.update(jobs).set({
        status: retry ? 'queued' : 'failed', runAt: retry ? runAt : job.runAt, lastError: errorText(error).slice(0, 4000),
        finishedAt: retry ? null : now, lockedBy: null,
      }).where(eq(jobs.id, job.id));
    }
    if (recurring) {
      await enqueue(recurring.kind, {}, { runAt: new Date(now.getTime() + recurring.everySeconds * 1000), dedupeKey: `recurring:${recurring.kind}` });
    }
  }

  /** Runs queued jobs until none is due; returns how many ran. */
  async function drain(max = 100): Promise<number> {
    let ran = 0;
    for (; ran < max; ran++) {
      const job = await claim();
      if (!job) break;
      const handler = handlers[job.kind];
      try {
        if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
        await handler(job, { setProgress: async (p) => { await db.update(jobs).set({ progress: p }).where(eq(jobs.id, job.id)); } });
        await finish(job);
      } catch (err) {
        logger.error({ err, jobId: String(job.id), kind: job.kind }, 'job failed');
        await finish(job, err);
      }
    }
    return ran;
  }

  /** Jobs left 'running' by a crashed worker are handed back after 10 minutes. */
  async function reclaimStale() {
    const cutoff = new Date(clock.now().getTime() - 10 * 60_000);
    await db.update(jobs).set({ status: 'queued', lockedBy: null })
      .where(and(eq(jobs.status, 'running'), lte(jobs.lockedAt, cutoff)));
  }

  async function tick() {
    if (running || stopped) return;
    running = true;
    try {
      await drain();
    } catch (err) {
      logger.error({ err }, 'job runner tick failed');
    } finally {
      running = false;
      if (!stopped) timer = setTimeout(tick, opts.pollMs);
    }
  }

  async function start() {
    stopped = false;
    await reclaimStale();
    for (const r of opts.recurring ?? []) await enqueue(r.kind, {}, { dedupeKey: `recurring:${r.kind}` });
    timer = setTimeout(tick, 0);
  }

  async function stop() {
    stopped = true;
    if (timer) clearTimeout(timer);
    while (running) await new Promise((r) => setTimeout(r, 20));
  }

  return { enqueue, drain, start, stop, reclaimStale };
}
export type JobRunner = ReturnType<typeof createJobRunner>;
