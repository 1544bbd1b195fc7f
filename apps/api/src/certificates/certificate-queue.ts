import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { Queue, Worker } from 'bullmq';
import IORedis from 'ioredis';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { CertificateIssuer } from './certificate-issuer';
import { QuietLog, within } from './quiet-log';

export const CERTIFICATE_QUEUE = 'certificates';
export interface CertificateJob {
  certificateId: string;
}

/** Where certificate jobs go: BullMQ on Redis when REDIS_URL is set, otherwise this process. */
export abstract class CertificateQueue {
  /** False when the job could not be queued (Redis down): the sweeper queues it again later. */
  abstract enqueue(certificateId: string): Promise<boolean>;
  abstract readonly mode: 'redis' | 'in-process';
  abstract ping(): Promise<boolean>;
}

export { redisConnection, workerRedisConnection } from '../common/redis';
import { redisConnection, workerRedisConnection } from '../common/redis';

const HEARTBEAT_KEY = 'worker_heartbeat';

@Injectable()
export class BullCertificateQueue extends CertificateQueue implements OnApplicationShutdown {
  readonly mode = 'redis' as const;
  private readonly log = new QuietLog(new Logger('CertificateQueue'));
  private readonly connection: IORedis;
  readonly queue: Queue<CertificateJob>;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    super();
    this.connection = redisConnection(config.redisUrl!);
    this.connection.on('error', () => undefined); // reported by ping() and by failed enqueues
    this.queue = new Queue<CertificateJob>(CERTIFICATE_QUEUE, { connection: this.connection, prefix: config.queuePrefix });
    // Without a listener BullMQ prints every reconnection error in full (issue 8: the log grew without bound).
    this.queue.on('error', (e) => this.log.warn('redis', `Redis: ${e.message}`));
  }

  async enqueue(certificateId: string): Promise<boolean> {
    try {
      // The certificate id is the job id, and BullMQ ignores an add while a job of that id is kept in any
      // state: a job that failed all its attempts is retried, a finished one (the row is still pending, so
      // it finished without issuing) is removed and added again.
      const existing = await this.queue.getJob(certificateId);
      if (existing) {
        const state = await existing.getState();
        if (state === 'failed') {
          await existing.retry('failed');
          return true;
        }
        if (state !== 'completed' && state !== 'unknown') return true;
        await existing.remove();
      }
      await this.queue.add('render', { certificateId }, {
        jobId: certificateId,
        attempts: this.config.certificateAttempts,
        backoff: { type: 'exponential', delay: this.config.certificateBackoffMs },
        removeOnComplete: 1000,
        removeOnFail: 5000,
      });
      this.log.clear('enqueue');
      return true;
    } catch (e) {
      this.log.warn('enqueue', `Could not queue certificate ${certificateId} (${(e as Error).message}); it will be queued again.`);
      return false;
    }
  }

  async ping(): Promise<boolean> {
    return (await within(this.connection.ping(), 800, 'timeout')) === 'PONG';
  }

  async onApplicationShutdown(): Promise<void> {
    // Bounded: with Redis down, closing must not wait for it (and shutdown hooks run level after level).
    if (this.connection.status !== 'ready') this.connection.disconnect();
    await within(this.queue.close(), 2000, undefined);
    this.connection.disconnect();
  }
}

/** No Redis: jobs run one at a time in this process, retried with a growing delay if rendering fails. */
@Injectable()
export class InProcessCertificateQueue extends CertificateQueue implements OnApplicationShutdown {
  readonly mode = 'in-process' as const;
  private readonly logger = new Logger('CertificateQueue');
  private readonly waiting = new Set<string>();
  private chain: Promise<void> = Promise.resolve();
  private closed = false;

  constructor(private readonly issuer: CertificateIssuer) {
    super();
  }

  async enqueue(certificateId: string): Promise<boolean> {
    if (this.waiting.has(certificateId) || this.closed) return true;
    this.waiting.add(certificateId);
    this.chain = this.chain.then(() => this.run(certificateId));
    return true;
  }

  private async run(certificateId: string): Promise<void> {
    for (let attempt = 1; attempt <= 5 && !this.closed; attempt++) {
      try {
        await this.issuer.issue(certificateId);
        break;
      } catch (e) {
        this.logger.warn(`Certificate ${certificateId} failed (attempt ${attempt}): ${(e as Error).message}`);
        await new Promise((r) => setTimeout(r, 500 * 2 ** attempt));
      }
    }
    this.waiting.delete(certificateId);
  }

  async ping(): Promise<boolean> {
    return true;
  }

  /** Lets the job under way finish before the database closes. */
  async onApplicationShutdown(): Promise<void> {
    this.closed = true;
    await this.chain;
  }
}

/** The BullMQ worker: the second entry point (worker.ts), or inside `npm start` when REDIS_URL is set. */
@Injectable()
export class CertificateWorker implements OnModuleInit, OnApplicationShutdown {
  private readonly log = new QuietLog(new Logger('CertificateWorker'));
  private worker?: Worker<CertificateJob>;
  private connection?: IORedis;
  private heartbeat?: NodeJS.Timeout;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly issuer: CertificateIssuer,
    @InjectDataSource() private readonly ds: DataSource,
  ) {}

  onModuleInit(): void {
    // Its own connection, never the producer's fail-fast one (see workerRedisConnection).
    this.connection = workerRedisConnection(this.config.redisUrl!);
    this.connection.on('error', (e) => this.log.warn('redis', `Redis: ${e.message}`));
    this.connection.on('ready', () => this.log.clear('redis'));
    this.worker = new Worker<CertificateJob>(CERTIFICATE_QUEUE, (job) => this.issuer.issue(job.data.certificateId), {
      connection: this.connection,
      prefix: this.config.queuePrefix,
      concurrency: 2,
      // A job whose worker died is picked up again after about ten seconds.
      lockDuration: 10_000,
      stalledInterval: 5_000,
      // After an error BullMQ cannot class as a lost connection, wait this long before fetching again.
      runRetryDelay: 2_000,
    });
    this.worker.on('failed', (job, err) => this.log.warn('job', `Job ${job?.id} failed: ${err.message}`));
    this.worker.on('error', (err) => this.log.warn('worker', `Worker: ${err.message}`));
    void this.beat();
    this.heartbeat = setInterval(() => void this.beat(), this.config.workerHeartbeatMs);
    this.heartbeat.unref();
  }

  /** Liveness for /api/health, in the database so it is seen while Redis is down (the clock is the database's). */
  private async beat(): Promise<void> {
    try {
      await this.ds.query(
        `INSERT INTO settings (key, value) VALUES ($1, extract(epoch from clock_timestamp())::text)
         ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`,
        [HEARTBEAT_KEY],
      );
      this.log.clear('heartbeat');
    } catch (e) {
      this.log.warn('heartbeat', `Heartbeat not written: ${(e as Error).message}`);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.heartbeat);
    if (!this.worker) return;
    // A job under way gets a few seconds to finish; with Redis down, close() would wait for ever on the
    // commands parked in the offline queue, so the connections are dropped, which fails them and ends the loop.
    // Redis away: the job under way cannot be recorded anyway (the sweeper queues it again); drop everything
    // at once, since shutdown hooks run level after level and the process has 10 s in all.
    if (this.connection?.status !== 'ready') {
      this.connection?.disconnect();
      void this.worker.close().catch(() => undefined);
      await within(this.worker.disconnect(), 500, undefined);
      return;
    }
    const closed = this.worker.close();
    if ((await within(closed.then(() => true), 4000, false)) === false) {
      this.connection?.disconnect();
      await within(this.worker.disconnect(), 1000, undefined);
      await within(closed, 2000, undefined);
    }
    this.connection?.disconnect();
  }
}

/** Seconds since a worker last wrote its heartbeat, or null if none ever did. */
export async function workerHeartbeatAge(ds: DataSource): Promise<number | null> {
  const [row] = await ds.query(`SELECT extract(epoch from clock_timestamp()) - value::float8 AS age FROM settings WHERE key = $1`, [HEARTBEAT_KEY]);
  return row ? Math.max(0, Number(row.age)) : null;
}

/** Queues again every pending certificate (a crash between commit and enqueue, Redis down): at start and periodically. */
@Injectable()
export class CertificateSweeper implements OnModuleInit, OnApplicationShutdown {
  private readonly log = new QuietLog(new Logger('CertificateSweeper'));
  private timer?: NodeJS.Timeout;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly issuer: CertificateIssuer,
    private readonly queue: CertificateQueue,
  ) {}

  onModuleInit(): void {
    setImmediate(() => void this.sweep());
    if (this.config.certificateSweepMs > 0) {
      this.timer = setInterval(() => void this.sweep(), this.config.certificateSweepMs);
      this.timer.unref();
    }
  }

  async sweep(): Promise<number> {
    try {
      const ids = await this.issuer.pendingIds();
      let queued = 0;
      for (const id of ids) {
        // Redis is down: the rest would fail the same way; the next sweep tries again.
        if (!(await this.queue.enqueue(id))) break;
        queued++;
      }
      this.log.clear('sweep');
      return queued;
    } catch (e) {
      this.log.warn('sweep', `Sweep failed: ${(e as Error).message}`);
      return 0;
    }
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }
}
