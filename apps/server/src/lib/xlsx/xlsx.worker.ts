import { parentPort, workerData } from 'node:worker_threads';
import { XlsxError, type XlsxLimits } from './limits';
import { readFirstSheet } from './sheet-reader';

/** Worker side of readSheetInWorker: reads the sheet and posts its rows in batches, then the end or the failure. */
const { file, limits } = workerData as { file: Uint8Array; limits: XlsxLimits };
const port = parentPort!;
readFirstSheet(Buffer.from(file.buffer, file.byteOffset, file.byteLength), limits, (rows) => port.postMessage({ type: 'rows', rows }))
  .then((end) => port.postMessage({ type: 'end', end }))
  .catch((err: unknown) => port.postMessage({
    type: 'error', kind: err instanceof XlsxError ? err.kind : 'malformed', message: ((err as Error)?.message ?? String(err)).slice(0, 300),
  }));
