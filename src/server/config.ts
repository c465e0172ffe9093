import path from 'node:path';
import { z } from 'zod';
import { checkPasswordPolicy } from '../shared/password-policy.js';

/** Validated, frozen runtime configuration. Parsed once at start; a bad value stops the process. */
export interface Config {
  readonly host: string;
  readonly port: number;
  readonly dataDir: string;
  /** PostgreSQL connection string; absent means the embedded SQLite database in dataDir. */
  readonly databaseUrl: string | undefined;
  readonly adminPassword: string | undefined;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  readonly sessionIdleMinutes: number;
  /** A session ends this long after login however active it is. */
  readonly sessionMaxHours: number;
  /** County whose real region tree is imported on the first start. */
  readonly districtCode: string;
  /** Requests per minute per client address on the login route. */
  readonly loginRateLimit: number;
  readonly trustProxy: boolean;
  /** Base64 32-byte master key for personal data; absent means data/lianxin.key. */
  readonly dataKey: string | undefined;
  /** Build the small demo district on the first start with an empty database. */
  readonly demo: boolean;
  /** Where text messages go: an SMS gateway's webhook; absent means the console (log) provider. */
  readonly smsWebhookUrl: string | undefined;
  /** Run the SLA sweeper and the notification outbox in this process. */
  readonly scheduler: boolean;
  /**
   * `LIANXIN_BENCH_ROUTES=1`, set only by the benchmarks: serves the baseline route of
   * http/bench-baseline.routes.ts. Never set in production; no route exists without it.
   */
  readonly benchRoutes: boolean;
  /**
   * A Chinese font for PDF reports: a .ttf/.otf file, or a collection as `file.ttc#PostScriptName`;
   * absent means the usual Debian/Ubuntu CJK fonts (fonts-wqy-zenhei, fonts-noto-cjk).
   */
  readonly pdfFont: string | undefined;
  /**
   * Whole-number look-ups (an ID number, a phone, a phone's last four) per account per hour: each
   * one can test a guess at a masked value, so they are counted, audited and capped.
   */
  readonly lookupsPerHour: number;
  /** Data rows an import file may have at most (a larger file is refused before it is read). */
  readonly importMaxRows: number;
  /**
   * Bearer token for GET /metrics; absent means /metrics answers only clients on this machine
   * (loopback, and no proxy forwarding for someone else).
   */
  readonly metricsToken: string | undefined;
  /**
   * Server processes `lianxin start` runs (node's cluster module, one port): more than one only on
   * PostgreSQL, where they share everything through the database (docs/operations.md).
   */
  readonly workers: number;
}

/** More processes than this only queue on the database's connections (each holds a pool of 10). */
export const MAX_WORKERS = 64;

const envSchema = z.object({
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  LIANXIN_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  LIANXIN_ADMIN_PASSWORD: z
    .string()
    .optional()
    .refine((value) => value === undefined || checkPasswordPolicy(value) === null, {
      message:
        'must be at least 10 characters, use three of: lower case, upper case, digits, symbols, and not be a common password',
    }),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LIANXIN_SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  LIANXIN_SESSION_MAX_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(30 * 24)
    .default(12),
  LIANXIN_DISTRICT: z
    .string()
    .regex(/^\d{6}$/, 'must be a six-digit county code')
    .default('230108'),
  LIANXIN_LOGIN_RATE_LIMIT: z.coerce.number().int().min(1).default(20),
  LIANXIN_TRUST_PROXY: z.enum(['0', '1', 'true', 'false']).default('0'),
  LIANXIN_DEMO: z.enum(['0', '1', 'true', 'false']).default('1'),
  LIANXIN_SMS_WEBHOOK_URL: z.url({ protocol: /^https?$/ }).optional(),
  LIANXIN_SCHEDULER: z.enum(['0', '1', 'true', 'false']).default('1'),
  LIANXIN_BENCH_ROUTES: z.enum(['0', '1']).default('0'),
  LIANXIN_PDF_FONT: z.string().optional(),
  LIANXIN_LOOKUPS_PER_HOUR: z.coerce.number().int().min(1).max(100_000).default(60),
  LIANXIN_IMPORT_MAX_ROWS: z.coerce.number().int().min(1).max(1_048_575).default(1_000_000),
  LIANXIN_METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  LIANXIN_WORKERS: z.coerce
    .number({ message: 'must be a whole number of processes, 1 or more' })
    .int('must be a whole number of processes, 1 or more')
    .min(1, 'must be a whole number of processes, 1 or more')
    .max(MAX_WORKERS, `must be at most ${MAX_WORKERS}`)
    .default(1),
  LIANXIN_DATA_KEY: z
    .string()
    .refine((value) => Buffer.from(value, 'base64').length === 32, 'must be 32 bytes in base64')
    .optional(),
});

export class ConfigError extends Error {}

/** Reads the environment; an empty string counts as unset so `DATABASE_URL= npm start` means SQLite. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return Object.freeze({
    host: e.HOST,
    port: e.PORT,
    dataDir: path.resolve(e.LIANXIN_DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    adminPassword: e.LIANXIN_ADMIN_PASSWORD,
    logLevel: e.LOG_LEVEL,
    sessionIdleMinutes: e.LIANXIN_SESSION_IDLE_MINUTES,
    sessionMaxHours: e.LIANXIN_SESSION_MAX_HOURS,
    districtCode: e.LIANXIN_DISTRICT,
    loginRateLimit: e.LIANXIN_LOGIN_RATE_LIMIT,
    trustProxy: e.LIANXIN_TRUST_PROXY === '1' || e.LIANXIN_TRUST_PROXY === 'true',
    dataKey: e.LIANXIN_DATA_KEY,
    demo: e.LIANXIN_DEMO === '1' || e.LIANXIN_DEMO === 'true',
    smsWebhookUrl: e.LIANXIN_SMS_WEBHOOK_URL,
    scheduler: e.LIANXIN_SCHEDULER === '1' || e.LIANXIN_SCHEDULER === 'true',
    benchRoutes: e.LIANXIN_BENCH_ROUTES === '1',
    pdfFont: e.LIANXIN_PDF_FONT,
    lookupsPerHour: e.LIANXIN_LOOKUPS_PER_HOUR,
    importMaxRows: e.LIANXIN_IMPORT_MAX_ROWS,
    metricsToken: e.LIANXIN_METRICS_TOKEN,
    workers: e.LIANXIN_WORKERS,
  });
}
