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
  /** The referral directory shipped with the code, loaded into an empty database once. */
  directoryFile: string;
  webDir: string;
  adminEmail?: string;
  adminPassword?: string;
  sessionSecret?: string;
  /** Ed25519 private key (PKCS8 PEM or JWK JSON) that signs certificates; undefined: one kept in the database. */
  certificateSigningKey?: string;
  /** BullMQ key prefix; tests give each file its own. */
  queuePrefix: string;
  /** How often pending certificates without a job are queued again. */
  certificateSweepMs: number;
  /** BullMQ attempts per certificate job, and the first retry delay (doubled each time). */
  certificateAttempts: number;
  certificateBackoffMs: number;
  /** How often a BullMQ worker writes its heartbeat (shown by /api/health). */
  workerHeartbeatMs: number;
  trustProxy: boolean;
  /** smtp://… or smtps://… ; undefined means mail is kept in the admin outbox (GET /api/admin/outbox). */
  smtpUrl?: string;
  /** The From: of every message. */
  mailFrom: string;
  /** How often unsent mail is queued again, and how often stalled learners are looked for (0 = never). */
  mailSweepMs: number;
  reminderSweepMs: number;
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
    directoryFile: resolve(env.DIRECTORY_FILE ?? resolve(root, 'directory/referral-directory.yaml')),
    webDir: resolve(env.WEB_DIR ?? resolve(root, 'apps/web/dist')),
    adminEmail: env.ADMIN_EMAIL?.trim().toLowerCase() || undefined,
    adminPassword: env.ADMIN_PASSWORD || undefined,
    sessionSecret: env.SESSION_SECRET || undefined,
    certificateSigningKey: env.CERTIFICATE_SIGNING_KEY?.trim() || undefined,
    queuePrefix: env.QUEUE_PREFIX || 'ecampus',
    certificateSweepMs: int('CERTIFICATE_SWEEP_MS', env.CERTIFICATE_SWEEP_MS, 60_000),
    certificateAttempts: Math.max(1, int('CERTIFICATE_ATTEMPTS', env.CERTIFICATE_ATTEMPTS, 8)),
    certificateBackoffMs: int('CERTIFICATE_BACKOFF_MS', env.CERTIFICATE_BACKOFF_MS, 2000),
    workerHeartbeatMs: Math.max(100, int('WORKER_HEARTBEAT_MS', env.WORKER_HEARTBEAT_MS, 5000)),
    trustProxy: env.TRUST_PROXY === '1' || env.TRUST_PROXY === 'true',
    smtpUrl: url('SMTP_URL', env.SMTP_URL, ['smtp:', 'smtps:']),
    mailFrom: env.MAIL_FROM || 'eCampus <no-reply@ecampus.local>',
    mailSweepMs: int('MAIL_SWEEP_MS', env.MAIL_SWEEP_MS, 60_000),
    reminderSweepMs: int('REMINDER_SWEEP_MS', env.REMINDER_SWEEP_MS, 3_600_000),
    sessionMaxHours: positive('SESSION_MAX_HOURS', env.SESSION_MAX_HOURS, 12),
    sessionIdleMinutes: positive('SESSION_IDLE_MINUTES', env.SESSION_IDLE_MINUTES, 30),
    logLevel: env.LOG_LEVEL === 'silent' ? 'silent' : 'info',
    ...overrides,
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
