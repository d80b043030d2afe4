/**
 * The load generator, in a worker thread so it has its own event loop (it still shares the two
 * cores with the server and PostgreSQL). Closed loop: each client keeps one request in flight on
 * its own keep-alive connection from its own loopback address (127.0.x.y), as distinct reporters do.
 */
import http from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';
import { createStream } from './gen';

export interface LoadOptions {
  port: number;
  clients: number;
  warmupMs: number;
  durationMs: number;
  seed: number;
  /** payloads generated before the clock starts */
  payloads: number;
}

export interface LoadResult {
  completed: number;
  errors: number;
  firstError: string | null;
  /** completed inside the measured window; latencies (ms) of those also started inside it */
  latencies: Float64Array;
  /** completions per second of the measured window */
  perSecond: number[];
  measuredMs: number;
  generated: number;
  generateMs: number;
}

const opts = workerData as LoadOptions;
const t0 = performance.now();
const stream = createStream({ seed: opts.seed, gap: opts.clients });
const bodies = Array.from({ length: opts.payloads }, () => {
  const { input } = stream.next();
  return JSON.stringify({ ...input, goodFaith: true, channel: 'web' });
});
const generateMs = performance.now() - t0;

function post(agent: http.Agent, localAddress: string, body: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({
      host: '127.0.0.1', port: opts.port, path: '/api/public/reports', method: 'POST', agent, localAddress,
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
    }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString() }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

async function run(): Promise<LoadResult> {
  let next = 0;
  let completed = 0;
  let errors = 0;
  let firstError: string | null = null;
  const latencies: number[] = [];
  const start = performance.now();
  const measureFrom = start + opts.warmupMs;
  const end = measureFrom + opts.durationMs;
  const perSecond = new Array<number>(Math.ceil(opts.durationMs / 1000)).fill(0);

  async function client(i: number) {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const localAddress = `127.0.${1 + (i >> 8)}.${(i & 255) + 1}`;
    while (performance.now() < end) {
      const body = bodies[next++ % bodies.length]!;
      const sent = performance.now();
      const res = await post(agent, localAddress, body);
      const done = performance.now();
      if (res.status !== 201) {
        errors++;
        firstError ??= `${res.status} ${res.text.slice(0, 300)}`;
      }
      if (done >= measureFrom && done < end) {
        completed++;
        perSecond[Math.floor((done - measureFrom) / 1000)]!++;
        if (sent >= measureFrom) latencies.push(done - sent);
      }
    }
    agent.destroy();
  }

  await Promise.all(Array.from({ length: opts.clients }, (_, i) => client(i)));
  if (next > bodies.length) firstError ??= `ran out of payloads (${next} > ${bodies.length}); raise PAYLOADS`;
  return { completed, errors, firstError, latencies: Float64Array.from(latencies), perSecond, measuredMs: opts.durationMs, generated: bodies.length, generateMs };
}

parentPort!.postMessage({ ready: true });
parentPort!.once('message', async () => {
  const result = await run();
  parentPort!.postMessage({ result }, [result.latencies.buffer as ArrayBuffer]);
});
