import { and, asc, eq, gt, or } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { auditCheckpoints, events, type AuditCheckpointRow, type EventRow } from '../../db/schema';
import { addMod, digestHex, headTerm, signCheckpoint } from './checkpoints';
import { auditKeys, eventHash, type AuditKeys } from './event-hash';

export interface ChainProblem {
  eventId: string;
  subjectType: string;
  subjectId: string;
  seq: number;
  problem: 'hash_mismatch' | 'prev_hash_mismatch' | 'seq_gap' | 'unknown_hash_version' | 'unkeyed_after_anchor';
}

export interface CheckpointProblem {
  /** null: the log as a whole (no checkpoint at all) */
  checkpointId: string | null;
  problem: 'missing' | 'bad_signature' | 'broken_link' | 'out_of_order' | 'event_count' | 'chain_count' | 'heads_digest';
  signed?: string;
  found?: string;
}

export interface AuditVerification {
  checked: number;
  problems: ChainProblem[];
  checkpoints: number;
  latest: AuditCheckpointRow | null;
  checkpointProblems: CheckpointProblem[];
  /** events after the latest checkpoint: checked by their chain links only */
  unanchored: number;
}

/** Each checkpoint's signature, its link to the one before, and ascending high-water marks. */
function checkCheckpointLinks(cps: AuditCheckpointRow[], keys: AuditKeys): CheckpointProblem[] {
  const problems: CheckpointProblem[] = [];
  cps.forEach((c, i) => {
    const checkpointId = String(c.id);
    const { id: _id, signature, ...body } = c;
    if (signCheckpoint(keys, body) !== signature) problems.push({ checkpointId, problem: 'bad_signature' });
    const before = cps[i - 1];
    if (c.prevSignature !== (before?.signature ?? null)) problems.push({ checkpointId, problem: 'broken_link' });
    if (before && c.highWater <= before.highWater) problems.push({ checkpointId, problem: 'out_of_order' });
  });
  return problems;
}

/**
 * Adds up, per checkpoint, what the chains found now contribute (events, new chains, head terms), to
 * compare with what each checkpoint signed. A chain's head at a checkpoint is its events with ids up
 * to the checkpoint's high-water mark: their count and the hash of the one with the highest seq.
 */
function createTally(marks: bigint[], keys: AuditKeys) {
  const k = marks.length;
  const events = new Array<number>(k).fill(0);
  const chains = new Array<number>(k).fill(0);
  const digest = new Array<bigint>(k).fill(0n);
  let unanchored = 0;
  /** index of the first checkpoint covering the id; k when none does */
  const markOf = (id: bigint) => {
    let lo = 0;
    let hi = k;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (marks[mid]! >= id) hi = mid; else lo = mid + 1; }
    return lo;
  };
  return {
    addChain(subjectType: string, subjectId: string, rows: { id: bigint; seq: number; hash: string }[]) {
      const placed = rows.map((r) => ({ ...r, mark: markOf(r.id) })).sort((a, b) => a.mark - b.mark);
      let count = 0;
      let head: { seq: number; hash: string } | null = null;
      let term: bigint | null = null;
      for (let i = 0; i < placed.length;) {
        const mark = placed[i]!.mark;
        let n = 0;
        for (; i < placed.length && placed[i]!.mark === mark; i++, n++) {
          if (!head || placed[i]!.seq > head.seq) head = placed[i]!;
        }
        if (mark === k) { unanchored += n; continue; }
        count += n;
        events[mark]! += n;
        if (term === null) chains[mark]! += 1;
        else digest[mark] = addMod(digest[mark]!, -term);
        term = headTerm(keys, subjectType, subjectId, count, head!.hash);
        digest[mark] = addMod(digest[mark]!, term);
      }
    },
    compare(cps: AuditCheckpointRow[]): CheckpointProblem[] {
      const problems: CheckpointProblem[] = [];
      let ev = 0;
      let ch = 0;
      let dg = 0n;
      cps.forEach((c, i) => {
        ev += events[i]!;
        ch += chains[i]!;
        dg = addMod(dg, digest[i]!);
        const checkpointId = String(c.id);
        if (c.eventCount !== ev) problems.push({ checkpointId, problem: 'event_count', signed: String(c.eventCount), found: String(ev) });
        if (c.chainCount !== ch) problems.push({ checkpointId, problem: 'chain_count', signed: String(c.chainCount), found: String(ch) });
        if (c.headsDigest !== digestHex(dg)) problems.push({ checkpointId, problem: 'heads_digest' });
      });
      return problems;
    },
    unanchored: () => unanchored,
  };
}

/**
 * Verifies the whole event log in one walk of every chain in (subject, seq) order, in pages (memory
 * bounded by the longest chain): each row's hash (v1 plain, v2 keyed), each chain's links, and
 * every checkpoint's signature, event and chain counts and heads digest. Version 1 rows are only
 * accepted up to the first checkpoint, which anchored them.
 */
export async function verifyChains(
  db: Queryable,
  opts: { keys?: AuditKeys; pageSize?: number; onProgress?: (checked: number) => void } = {},
): Promise<AuditVerification> {
  const keys = opts.keys ?? auditKeys();
  const pageSize = opts.pageSize ?? 5000;
  const cps = await db.select().from(auditCheckpoints).orderBy(asc(auditCheckpoints.id));
  const checkpointProblems = checkCheckpointLinks(cps, keys);
  const ordered = !checkpointProblems.some((p) => p.problem === 'out_of_order');
  const tally = createTally(ordered ? cps.map((c) => c.highWater) : [], keys);
  const anchor = cps[0]?.highWater ?? null;
  const problems: ChainProblem[] = [];
  let checked = 0;
  let cursor: { t: string; s: string; q: number } | null = null;
  let prev: EventRow | null = null;
  let chain: { id: bigint; seq: number; hash: string }[] = [];
  for (;;) {
    const c: { t: string; s: string; q: number } | null = cursor;
    const page: EventRow[] = await db.select().from(events)
      .where(c ? or(gt(events.subjectType, c.t),
        and(eq(events.subjectType, c.t), gt(events.subjectId, c.s)),
        and(eq(events.subjectType, c.t), eq(events.subjectId, c.s), gt(events.seq, c.q))) : undefined)
      .orderBy(asc(events.subjectType), asc(events.subjectId), asc(events.seq))
      .limit(pageSize);
    for (const row of page) {
      const sameChain = prev && prev.subjectType === row.subjectType && prev.subjectId === row.subjectId;
      if (prev && !sameChain) { tally.addChain(prev.subjectType, prev.subjectId, chain); chain = []; }
      const expectedSeq = sameChain ? prev!.seq + 1 : 1;
      const expectedPrev = sameChain ? prev!.hash : null;
      const report = (problem: ChainProblem['problem']) => problems.push({
        eventId: String(row.id), subjectType: row.subjectType, subjectId: row.subjectId, seq: row.seq, problem,
      });
      if (row.seq !== expectedSeq) report('seq_gap');
      else if (row.prevHash !== expectedPrev) report('prev_hash_mismatch');
      const expected = eventHash(row, keys);
      if (expected === null) report('unknown_hash_version');
      else if (expected !== row.hash) report('hash_mismatch');
      if (row.hashVersion === 1 && anchor !== null && row.id > anchor) report('unkeyed_after_anchor');
      chain.push({ id: row.id, seq: row.seq, hash: row.hash });
      prev = row;
    }
    checked += page.length;
    opts.onProgress?.(checked);
    if (page.length < pageSize) break;
    const lastRow: EventRow = page[page.length - 1]!;
    cursor = { t: lastRow.subjectType, s: lastRow.subjectId, q: lastRow.seq };
  }
  if (prev) tally.addChain(prev.subjectType, prev.subjectId, chain);
  if (ordered) checkpointProblems.push(...tally.compare(cps));
  if (cps.length === 0 && checked > 0) checkpointProblems.push({ checkpointId: null, problem: 'missing' });
  return {
    checked, problems, checkpoints: cps.length, latest: cps[cps.length - 1] ?? null, checkpointProblems, unanchored: tally.unanchored(),
  };
}
