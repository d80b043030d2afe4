import { configOrExit, createLogger, ensureMigrated, openConfiguredDb } from '../bootstrap';
import { verifyChains } from '../modules/audit/events.service';

/** Recomputes every event's hash chain; exit code 1 if any row was altered, removed or reordered. */
const config = configOrExit();
const handle = await openConfiguredDb(config);
await ensureMigrated(handle, false, createLogger(config));
const started = Date.now();
const { checked, problems } = await verifyChains(handle.db, {
  onProgress: (n) => { if (process.stderr.isTTY) process.stderr.write(`\r已校验 checked ${n} events`); },
});
if (process.stderr.isTTY) process.stderr.write('\n');
await handle.close();
if (problems.length === 0) {
  console.log(`审计链完整 OK: ${checked} events verified in ${Date.now() - started} ms`);
} else {
  console.error(`审计链异常 TAMPERING DETECTED: ${problems.length} problem(s) in ${checked} events`);
  for (const p of problems.slice(0, 50)) console.error(`  event ${p.eventId} ${p.subjectType}/${p.subjectId} #${p.seq}: ${p.problem}`);
  process.exit(1);
}
