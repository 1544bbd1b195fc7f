import { resolve } from 'node:path';

/** Everything the processes read from the environment, parsed once; a bad value stops the boot. */
export interface AppConfig {
  port: number;
  publicUrl: string;
  /** postgres://… ; undefined means the embedded PGlite database in dataDir. */
  databaseUrl?: string;
  /** redis://… ; undefined means certificate jobs run in-process. */
  redisUrl?: string;
  dataDir: string;
  coursesDir: string;
  webDir: string;
  adminEmail?: string;
  adminPassword?: string;
  sessionSecret?: string;
  /** BullMQ key prefix; tests give each file its own. */
  queuePrefix: string;
  /** How often pending certificates without a job are queued again. */
  certificateSweepMs: number;
  trustProxy: boolean;
  /** A session ends this many hours after sign-in, however active (OWASP ASVS V3.3). */
  sessionMaxHours: number;
  /** …and after this many minutes without a request. */
  sessionIdleMinutes: number;
  logLevel: 'silent' | 'info';
}

function int(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer, got "${value}"`);
  return n;
}

function positive(name: string, value: string | undefined, fallback: number): number {
  const n = value === undefined || value === '' ? fallback : Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} must be a positive number, got "${value}"`);
  return n;
}

function url(name: string, value: string | undefined, protocols: string[]): string | undefined {
  if (!value) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    throw new Error(`${name} is not a valid URL: "${value}"`);
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new Error(`${name} must start with ${protocols.map((p) => p + '//').join(' or ')}`);
  }
  return value;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<AppConfig> = {}): AppConfig {
  const root = resolve(__dirname, '../../../..');
  const port = int('PORT', env.PORT, 3000);
  const publicUrl = (url('PUBLIC_URL', env.PUBLIC_URL, ['http:', 'https:']) ?? `http://localhost:${port}`).replace(/\/+$/, '');
  return {
    port,
    publicUrl,
    databaseUrl: url('DATABASE_URL', env.DATABASE_URL, ['postgres:', 'postgresql:']),
    redisUrl: url('REDIS_URL', env.REDIS_URL, ['redis:', 'rediss:']),
    dataDir: resolve(env.DATA_DIR ?? resolve(process.cwd(), 'data')),
    coursesDir: resolve(env.COURSES_DIR ?? resolve(root, 'courses')),
    webDir: resolve(env.WEB_DIR ?? resolve(root, 'apps/web/dist')),
    adminEmail: env.ADMIN_EMAIL?.trim().toLowerCase() || undefined,
    adminPassword: env.ADMIN_PASSWORD || undefined,
    sessionSecret: env.SESSION_SECRET || undefined,
    queuePrefix: env.QUEUE_PREFIX || 'ecampus',
    certificateSweepMs: int('CERTIFICATE_SWEEP_MS', env.CERTIFICATE_SWEEP_MS, 60_000),
    trustProxy: env.TRUST_PROXY === '1' || env.TRUST_PROXY === 'true',
    sessionMaxHours: positive('SESSION_MAX_HOURS', env.SESSION_MAX_HOURS, 12),
    sessionIdleMinutes: positive('SESSION_IDLE_MINUTES', env.SESSION_IDLE_MINUTES, 30),
    logLevel: env.LOG_LEVEL === 'silent' ? 'silent' : 'info',
    ...overrides,
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
