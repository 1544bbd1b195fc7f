import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { chownSync, mkdtempSync, rmSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Socket } from 'node:net';
import { ROOT } from '../support/env';
import { ADMIN, freePort, waitFor } from '../support/test-app';

/** How long the Redis outage of the fault tests lasts: 30 s in `npm test`, 20 minutes in `npm run test:slow`. */
export const OUTAGE_MS = Number(process.env.FAULT_OUTAGE_SECONDS ?? 30) * 1000;

/** A process of ours with its output kept, to count log lines and show it when a test fails. */
export interface Proc {
  child: ChildProcess;
  output: () => string;
  lines: () => number;
  exited: Promise<number | null>;
}

export function spawnNode(script: string, env: NodeJS.ProcessEnv): Proc {
  // Started with node itself: signals sent to an npm/npx wrapper would not reach it.
  const child = spawn(process.execPath, [join(ROOT, script)], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, exited, output: () => output, lines: () => output.split('\n').length - 1 };
}

/** Resolves with the exit code, or fails if the process is still running after `ms`. */
export async function exitCode(proc: Proc, ms: number): Promise<number | null> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`still running ${ms} ms after the signal; output:\n${proc.output().slice(-3000)}`)), ms);
  });
  try {
    return await Promise.race([proc.exited, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export async function stopProc(proc: Proc | undefined): Promise<void> {
  if (!proc || proc.child.exitCode !== null || proc.child.signalCode !== null) return;
  proc.child.kill('SIGKILL');
  await proc.exited;
}

/** A private redis-server on its own free port (never the shared one), without persistence: a restart loses every job. */
export async function startRedis() {
  const port = await freePort();
  let proc: Proc | undefined;
  const redis = {
    port,
    url: `redis://127.0.0.1:${port}`,
    async start() {
      const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
      proc = { child, exited: new Promise((r) => child.once('exit', (c) => r(c))), output: () => '', lines: () => 0 };
      await waitFor(() => canConnect(port), `redis-server on port ${port}`, 10_000);
    },
    /** Redis hangs: the process is frozen (SIGSTOP), connections stay open, nothing answers. */
    freeze: () => void proc?.child.kill('SIGSTOP'),
    thaw: () => void proc?.child.kill('SIGCONT'),
    async stop() {
      if (!proc || proc.child.exitCode !== null) return;
      proc.child.kill('SIGCONT');
      proc.child.kill('SIGTERM');
      await proc.exited;
    },
  };
  await redis.start();
  return redis;
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = new Socket();
    s.once('connect', () => {
      s.destroy();
      resolve(true);
    });
    s.once('error', () => resolve(false));
    s.connect(port, '127.0.0.1');
  });
}

const PG_BIN = '/usr/lib/postgresql/15/bin';
const asPostgres = (cmd: string, args: string[]) => execFileSync('runuser', ['-u', 'postgres', '--', join(PG_BIN, cmd), ...args], { stdio: 'pipe' });

/** A private PostgreSQL 15 cluster in a temporary folder, on its own port (never the shared server). */
export async function startPostgres() {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'ecampus-pg-'));
  chmodSync(dir, 0o755);
  chownSync(dir, uid('postgres'), gid('postgres'));
  const data = join(dir, 'data');
  asPostgres('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync']);
  const opts = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=on`;
  const pg = {
    port,
    dataDir: data,
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    start: () => void asPostgres('pg_ctl', ['-D', data, '-o', opts, '-l', join(dir, 'log'), '-w', 'start']),
    /** `fast`: what a restart by an operator does (open sessions are ended, 57P01). */
    stop: () => void asPostgres('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']),
    remove() {
      try {
        pg.stop();
      } catch {
        // already stopped
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
  pg.start();
  return pg;
}

const uid = (user: string) => Number(execFileSync('id', ['-u', user], { encoding: 'utf8' }).trim());
const gid = (user: string) => Number(execFileSync('id', ['-g', user], { encoding: 'utf8' }).trim());

/** The environment of an API or worker process started the way production starts it. */
export function processEnv(opts: { databaseUrl: string; redisUrl?: string; prefix: string; port?: number; extra?: NodeJS.ProcessEnv }): NodeJS.ProcessEnv {
  return {
    DATABASE_URL: opts.databaseUrl,
    REDIS_URL: opts.redisUrl ?? '',
    QUEUE_PREFIX: opts.prefix,
    PORT: opts.port ? String(opts.port) : '0',
    PUBLIC_URL: opts.port ? `http://127.0.0.1:${opts.port}` : 'https://ecampus.test',
    COURSES_DIR: join(ROOT, 'test/fixtures/courses'),
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    LOG_LEVEL: 'info',
    CERTIFICATE_SWEEP_MS: '1000',
    CERTIFICATE_ATTEMPTS: '3',
    CERTIFICATE_BACKOFF_MS: '200',
    WORKER_HEARTBEAT_MS: '1000',
    ...opts.extra,
  };
}

/** `npm start` (apps/api/dist/main.js) on a free port; resolves once it listens. */
export async function startApi(env: NodeJS.ProcessEnv): Promise<Proc & { url: string }> {
  const port = Number(env.PORT);
  const proc = spawnNode('apps/api/dist/main.js', env);
  await waitFor(async () => {
    if (proc.child.exitCode !== null) throw new Error(`the API exited:\n${proc.output()}`);
    return proc.output().includes('eCampus is running');
  }, `the API to start; output so far:\n${proc.output()}`, 90_000);
  return Object.assign(proc, { url: `http://127.0.0.1:${port}` });
}

export function startWorker(env: NodeJS.ProcessEnv): Proc {
  return spawnNode('apps/api/dist/worker.js', env);
}
