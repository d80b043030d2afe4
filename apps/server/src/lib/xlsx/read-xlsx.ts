import { fileURLToPath } from 'node:url';
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
export async function readSheetInWorker(buf: Buffer, opts: XlsxReadOptions, onRows: (rows: SheetRow[]) => boolean | void): Promise<SheetEnd> {
  const code = await workerCode();
  await acquire();
  try {
    return await runWorker(code, buf, opts, onRows);
  } finally {
    release();
  }
}

/** At most this many workbooks are read at once, each in its own worker; the others wait their turn (their timeout starts with it). */
export const MAX_READERS = 2;
let active = 0;
const waiting: (() => void)[] = [];
const acquire = async () => { if (active < MAX_READERS) active++; else await new Promise<void>((r) => waiting.push(r)); };
/** hands the slot straight to the next in line, so a newcomer cannot slip in between */
const release = () => { const next = waiting.shift(); if (next) next(); else active--; };
/** Workers reading now (tests). */
export const activeReaders = () => active;

function runWorker(code: string, buf: Buffer, opts: XlsxReadOptions, onRows: (rows: SheetRow[]) => boolean | void): Promise<SheetEnd> {
  const limits = { ...XLSX_LIMITS, ...opts.limits };
  return new Promise((resolve, reject) => {
    const worker = new Worker(code, {
      eval: true, workerData: { file: buf, limits },
      resourceLimits: { maxOldGenerationSizeMb: opts.maxHeapMb, maxYoungGenerationSizeMb: 32, stackSizeMb: 4 },
    });
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

let bundled: Promise<string> | undefined;
/**
 * The worker's code, bundled once per process with esbuild (which tsx brings): one script with
 * yauzl and saxes inlined, so a worker starts in milliseconds instead of loading a TypeScript
 * loader (and its esbuild process) each time, and runs the same from .ts sources or built .js.
 */
function workerCode(): Promise<string> {
  bundled ??= (async () => {
    const { build } = await import('esbuild');
    const here = import.meta.url;
    const entry = fileURLToPath(new URL(`./xlsx.worker${here.endsWith('.ts') ? '.ts' : '.js'}`, here));
    const out = await build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'cjs', target: 'node20', write: false, logLevel: 'silent' });
    return out.outputFiles[0]!.text;
  })();
  bundled.catch(() => { bundled = undefined; });
  return bundled;
}
