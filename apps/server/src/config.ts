import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { tmpdir } from 'node:os';
import { z } from 'zod';
import { parseCidr } from './lib/address-policy';

/** The repository root, so `./data` means the same folder whichever workspace npm started us in. */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** A comma-separated list of addresses or CIDR ranges, each checked. */
const cidrList = z.string().transform((v, ctx) => {
  const items = v.split(',').map((x) => x.trim()).filter(Boolean);
  for (const item of items) {
    try { parseCidr(item); } catch { ctx.addIssue({ code: 'custom', message: `not an address or CIDR range: ${item}` }); }
  }
  return items;
});

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

const ConfigSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** PostgreSQL connection string; when absent the embedded PGlite database in DATA_DIR is used. */
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must start with postgres://').optional(),
  DATA_DIR: z.string().default(path.join(REPO_ROOT, 'data')),
  WEB_DIST: z.string().default(path.join(REPO_ROOT, 'apps/web/dist')),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  COOKIE_SECURE: bool.default(false),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(12),
  /** failed sign-ins an account, and an address, may make before each further one brings a growing wait (1, 2, 4 … s) */
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  /** the longest wait an address is given after failed sign-ins (an account's wait stops at one minute) */
  LOGIN_LOCK_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(15),
  BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).max(50 * 1024 * 1024).default(256 * 1024),
  RATE_LIMIT_LOGIN_PER_MINUTE: z.coerce.number().int().min(1).default(20),
  JOBS_ENABLED: bool.default(true),
  JOBS_POLL_MS: z.coerce.number().int().min(50).default(1000),
  DEADLINE_SWEEP_SECONDS: z.coerce.number().int().min(5).default(60),
  /** how often the statistics rollup catches up with the event log */
  STATS_REFRESH_SECONDS: z.coerce.number().int().min(1).default(30),
  /**
   * How often a signed checkpoint of the event log is written (also at start-up and after migrating).
   * Events written after the latest checkpoint are protected by their chain links only, so this bounds
   * how long the newest events could be removed without a trace.
   */
  AUDIT_CHECKPOINT_SECONDS: z.coerce.number().int().min(10).max(24 * 3600).default(600),
  /**
   * 32 random bytes, base64: encrypts reporter contacts at rest and keys the HMACs (proof-of-work
   * challenges, address hashes). Required with DATABASE_URL; the embedded database keeps one in DATA_DIR.
   */
  SECRET_KEY: z.string().refine((v) => Buffer.from(v, 'base64').length === 32, 'must be 32 bytes, base64').optional(),
  /** Where uploaded files (report evidence, registry attachments) are stored, content-addressed; default DATA_DIR/files. */
  FILES_DIR: z.string().optional(),
  /** smtp://user:pass@host:port for replies to reporters; without it, mail stays queued in the outbox. */
  SMTP_URL: z.string().regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://').optional(),
  MAIL_FROM: z.string().default('天朗举报中心 <noreply@tianlang.invalid>'),
  /** Public base URL used in mails to reporters (the status page link). */
  PUBLIC_URL: z.string().regex(/^https?:\/\//).optional(),
  /** Code of the jurisdiction whose office receives public reports; default: the root of the tree. */
  PUBLIC_JURISDICTION_CODE: z.string().optional(),
  /** Who may frame the public report pages (CSP frame-ancestors), e.g. "https://*.example.com"; default any site. */
  EMBED_FRAME_ANCESTORS: z.string().regex(/^[^;,\r\n]+$/).default('*'),
  /** Requests per minute per address to the public report endpoints. */
  RATE_LIMIT_PUBLIC_PER_MINUTE: z.coerce.number().int().min(1).default(30),
  /** Submissions per address per hour before a proof of work is required. */
  PUBLIC_FREE_SUBMISSIONS_PER_HOUR: z.coerce.number().int().min(0).default(5),
  /**
   * Evidence megabytes per address per hour uploaded without proof of work; past it each upload
   * needs one, as submissions do past PUBLIC_FREE_SUBMISSIONS_PER_HOUR.
   */
  PUBLIC_FREE_UPLOAD_MB_PER_HOUR: z.coerce.number().int().min(0).default(100),
  /** Total megabytes of public uploads not (yet) part of a report; past it uploads are refused (503) until some are claimed or expire. */
  FILES_UNCLAIMED_MAX_MB: z.coerce.number().int().min(1).default(2048),
  /** Leading zero bits required of the proof of work (each bit doubles the work). */
  POW_DIFFICULTY: z.coerce.number().int().min(1).max(28).default(18),
  /**
   * Server-side fetches of URLs users give (feeds): private, loopback and other special addresses are
   * refused unless inside one of these ranges, e.g. "10.20.0.0/16,192.168.5.7" for feeds on the office network.
   */
  FETCH_ALLOW_PRIVATE_CIDRS: cidrList.default([]),
  /** The whole of one fetch (connect, redirects, headers and body) must finish within this time. */
  FETCH_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(15_000),
  /** Largest body of a fetch, counted after decompression. */
  FETCH_MAX_BYTES: z.coerce.number().int().min(1024).max(100 * 1024 * 1024).default(5_000_000),
  /**
   * Uploaded spreadsheets (registry and patrol imports) are read in a worker thread, stopped past
   * this many seconds and this much heap, so a slow or hostile file cannot stall the server.
   */
  IMPORT_PARSE_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(3600).default(120),
  IMPORT_PARSE_HEAP_MB: z.coerce.number().int().min(64).max(8192).default(512),
  /** Show demo accounts on the sign-in page (only ever for the embedded demo database). */
  DEMO_HINT: bool.optional(),
});

export type Config = z.infer<typeof ConfigSchema>;

/** How the import routes read uploaded xlsx files (lib/xlsx). */
export const xlsxReadOptions = (c: Config) => ({ timeoutMs: c.IMPORT_PARSE_TIMEOUT_SECONDS * 1000, maxHeapMb: c.IMPORT_PARSE_HEAP_MB });

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
  }
}

/** The only reader of process.env. Reports every problem at once. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  return parsed.data;
}

const TEST_SECRET_KEY = Buffer.alloc(32, 'tianlang-test').toString('base64');

/** A config for tests and tools: defaults plus overrides, without reading process.env. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    ...ConfigSchema.parse({ NODE_ENV: 'test', LOG_LEVEL: 'silent', JOBS_ENABLED: 'false' }),
    // one key for every test process: the workers share a database, whose keyed event hashes they
    // all verify (test databases are dropped after the run)
    SECRET_KEY: TEST_SECRET_KEY,
    FILES_DIR: path.join(tmpdir(), `tianlang-files-${process.pid}`),
    ...overrides,
  };
}
