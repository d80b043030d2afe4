/**
 * Where the CPU went during a measured window: the whole machine (/proc/stat), this Node process
 * (all its threads) and every postgres process. Other work on the machine shows up as the gap
 * between the machine's busy share and ours, so a noisy run can be recognised as such.
 */
import { readdirSync, readFileSync } from 'node:fs';

export interface CpuSample { machineBusy: number; machineIdle: number; node: number; postgres: number; at: number }
export interface CpuUse {
  seconds: number;
  /** busy share of all cores */
  machineBusy: number;
  /** cores' worth of CPU used by this process and by postgres */
  nodeCores: number;
  postgresCores: number;
  /** cores' worth used by everything else on the machine (other processes, the kernel) */
  otherCores: number;
}

const CORES = readFileSync('/proc/stat', 'utf8').split('\n').filter((l) => /^cpu\d/.test(l)).length;

/** CPU ticks of every postgres process now, by pid (100 ticks a second on Linux). */
function postgresTicks(): Map<string, number> {
  const out = new Map<string, number>();
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      if (!stat.includes('(postgres)')) continue;
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      out.set(pid, Number(f[11]) + Number(f[12]));
    } catch {
      // the process ended while we looked
    }
  }
  return out;
}

/**
 * CPU seconds used by postgres since the first call. Backends and autovacuum workers come and go,
 * so the processes are sampled every 200 ms and their increments summed (a process that starts and
 * ends between two samples is missed).
 */
let seen: Map<string, number> | undefined;
let total = 0;
function postgresSeconds(): number {
  const now = postgresTicks();
  if (!seen) {
    seen = now;
    setInterval(postgresSeconds, 200).unref();
    return 0;
  }
  for (const [pid, ticks] of now) total += ticks - (seen.get(pid) ?? 0);
  seen = now;
  return total / 100;
}

export function cpuSample(): CpuSample {
  const f = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  const u = process.cpuUsage();
  return {
    machineIdle: (f[3]! + f[4]!) / 100, machineBusy: f.slice(0, 8).reduce((a, b) => a + b, 0) / 100 - (f[3]! + f[4]!) / 100,
    node: (u.user + u.system) / 1e6, postgres: postgresSeconds(), at: performance.now(),
  };
}

export function cpuSince(a: CpuSample, b: CpuSample = cpuSample()): CpuUse {
  const seconds = (b.at - a.at) / 1000;
  const busy = b.machineBusy - a.machineBusy;
  const idle = b.machineIdle - a.machineIdle;
  const node = b.node - a.node;
  const postgres = b.postgres - a.postgres;
  const r = (x: number) => Math.round(x * 100) / 100;
  return {
    seconds: r(seconds), machineBusy: r(busy / (busy + idle)), nodeCores: r(node / seconds), postgresCores: r(postgres / seconds),
    otherCores: r(Math.max(0, busy - node - postgres) / seconds),
  };
}

/** What else runs on the machine right now: cores' worth busy over `ms`, before we start. */
export async function background(ms = 3000): Promise<CpuUse> {
  const a = cpuSample();
  await new Promise((r) => setTimeout(r, ms));
  return cpuSince(a);
}

export const cores = () => CORES;
