import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { XLSX_LIMITS, XlsxError, type XlsxFailure, type XlsxLimits } from './limits';
import type { SheetEnd, SheetRow } from './sheet-reader';
import { openZip } from './zip-reader';

export { XlsxError, XLSX_LIMITS, type XlsxLimits } from './limits';
export type { SheetCell, SheetEnd, SheetRow } from './sheet-reader';

export interface XlsxReadOptions {
  /** the worker is terminated past this */
  timeoutMs: number;
  /** the worker's old-generation heap; past it the worker dies, not the server */
  maxHeapMb: number;
  limits?: Partial<XlsxLimits>;
}

type FromWorker = { type: 'rows'; rows: SheetRow[] } | { type: 'end'; end: SheetEnd } | { type: 'error'; kind: XlsxFailure; message: string };

/**
 * Reads the first worksheet of an uploaded xlsx in a worker thread with a heap limit and a
 * timeout, so a slow or hostile file never blocks the server's event loop. Rows arrive on this
 * thread in batches through onRows (which may return false to stop reading); database work stays
 * here. Rejects with an XlsxError.
 */
export function readSheetInWorker(buf: Buffer, opts: XlsxReadOptions, onRows: (rows: SheetRow[]) => boolean | void): Promise<SheetEnd> {
  const limits = { ...XLSX_LIMITS, ...opts.limits };
  return new Promise((resolve, reject) => {
    const worker = startWorker({ file: buf, limits }, opts.maxHeapMb);
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      fn();
    };
    const timer = setTimeout(() => finish(() => reject(new XlsxError('timeout', `not read within ${opts.timeoutMs} ms`))), opts.timeoutMs);
    worker.on('message', (m: FromWorker) => {
      if (settled) return;
      if (m.type === 'rows') {
        let more: boolean | void;
        try { more = onRows(m.rows); } catch (err) { finish(() => reject(err)); return; }
        if (more === false) finish(() => resolve({ merges: [], truncated: true }));
      } else if (m.type === 'end') finish(() => resolve(m.end));
      else finish(() => reject(new XlsxError(m.kind, m.message)));
    });
    worker.on('error', (err: Error & { code?: string }) => finish(() => reject(err.code === 'ERR_WORKER_OUT_OF_MEMORY'
      ? new XlsxError('too_large', 'the workbook needs more memory than allowed') : new XlsxError('malformed', err.message))));
    worker.on('exit', (code) => finish(() => reject(new XlsxError('malformed', `reader exited with code ${code}`))));
  });
}

/** Checks only the zip's central directory (declared sizes and ratios), on this thread: cheap, and enough to refuse most bombs before anything is stored. */
export async function checkDeclaredSizes(buf: Buffer, limits: Partial<XlsxLimits> = {}): Promise<void> {
  if (buf.length < 4 || buf.readUInt32LE(0) !== 0x04034b50) return;
  try {
    (await openZip(buf, { ...XLSX_LIMITS, ...limits })).close();
  } catch (err) {
    if (err instanceof XlsxError && err.kind === 'too_large') throw err;
  }
}

const here = import.meta.url;
function startWorker(workerData: unknown, maxHeapMb: number): Worker {
  const resourceLimits = { maxOldGenerationSizeMb: maxHeapMb, maxYoungGenerationSizeMb: 32, stackSizeMb: 4 };
  if (!here.endsWith('.ts')) return new Worker(new URL('./xlsx.worker.js', here), { workerData, resourceLimits });
  // run from TypeScript (tsx, vitest): tsx's loader does not reach worker threads on Node 20, so register it there first
  const tsx = pathToFileURL(path.join(path.dirname(createRequire(here).resolve('tsx/package.json')), 'dist/esm/api/index.mjs')).href;
  const entry = new URL('./xlsx.worker.ts', here).href;
  return new Worker(`import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); })`, { eval: true, workerData, resourceLimits });
}
