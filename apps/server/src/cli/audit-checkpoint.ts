import { configOrExit, createLogger, ensureMigrated, installAuditKeys, openConfiguredDb } from '../bootstrap';
import { systemClock } from '../lib/clock';
import { writeCheckpoint } from '../modules/audit/checkpoints';

/** Writes a signed checkpoint of the event log now (the server also writes one every AUDIT_CHECKPOINT_SECONDS). */
const config = configOrExit();
const handle = await openConfiguredDb(config);
await ensureMigrated(handle, false, createLogger(config));
const cp = await writeCheckpoint(handle.db, installAuditKeys(config), systemClock.now());
await handle.close();
console.log(cp
  ? `已写入审计检查点 checkpoint #${cp.id}: ${cp.eventCount} events in ${cp.chainCount} chains, up to event ${cp.highWater}`
  : '无新事件，未写检查点 / no events since the latest checkpoint');
