import { configOrExit, createLogger, ensureMigrated, installAuditKeys, openConfiguredDb } from '../bootstrap';
import { verifyChains, type CheckpointProblem } from '../modules/audit/log-verify';

const CHECKPOINT_HINTS: Record<CheckpointProblem['problem'], string> = {
  missing: ' — events exist but no signed checkpoint (removed, or never written: npm run audit:checkpoint)',
  bad_signature: ' — the checkpoint was altered or forged',
  broken_link: ' — the checkpoint before it was removed or altered',
  out_of_order: ' — checkpoints were reordered',
  event_count: ' — events it covers were removed',
  chain_count: ' — whole chains it covers were removed',
  heads_digest: ' — a chain it covers was truncated, removed or rewritten',
};

/**
 * Recomputes every event's hash and chain link and every signed checkpoint; exit code 1 if any row
 * was altered, re-hashed, removed or reordered, or a checkpoint was altered or removed.
 */
const config = configOrExit();
const handle = await openConfiguredDb(config);
await ensureMigrated(handle, false, createLogger(config));
const started = Date.now();
const r = await verifyChains(handle.db, {
  keys: installAuditKeys(config),
  onProgress: (n) => { if (process.stderr.isTTY) process.stderr.write(`\r已校验 checked ${n} events`); },
});
if (process.stderr.isTTY) process.stderr.write('\n');
await handle.close();
const anchored = r.latest
  ? `${r.checkpoints} checkpoint(s), the latest #${r.latest.id} (signature ${r.latest.signature.slice(0, 16)}…) of ${r.latest.createdAt.toISOString()} ` +
    `covering events up to id ${r.latest.highWater}; ` +
    `${r.unanchored} event(s) written since are verified by their chain links only`
  : 'no checkpoint';
if (r.problems.length === 0 && r.checkpointProblems.length === 0) {
  console.log(`审计链完整 OK: ${r.checked} events verified in ${Date.now() - started} ms; ${anchored}`);
} else {
  console.error(`审计链异常 TAMPERING DETECTED: ${r.problems.length + r.checkpointProblems.length} problem(s) in ${r.checked} events; ${anchored}`);
  for (const p of r.problems.slice(0, 50)) console.error(`  event ${p.eventId} ${p.subjectType}/${p.subjectId} #${p.seq}: ${p.problem}`);
  for (const p of r.checkpointProblems.slice(0, 50)) {
    const where = p.checkpointId ? `checkpoint #${p.checkpointId}` : 'log';
    console.error(`  ${where}: ${p.problem}${p.signed !== undefined ? ` (signed ${p.signed}, found ${p.found})` : ''}${CHECKPOINT_HINTS[p.problem]}`);
  }
  process.exit(1);
}
