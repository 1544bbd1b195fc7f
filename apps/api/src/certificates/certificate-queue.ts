import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { Queue, Worker } from 'bullmq';
import IORedis from 'ioredis';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { CertificateIssuer } from './certificate-issuer';

export const CERTIFICATE_QUEUE = 'certificates';
export interface CertificateJob {
  certificateId: string;
}

/** Where certificate jobs go: BullMQ on Redis when REDIS_URL is set, otherwise this process. */
export abstract class CertificateQueue {
  abstract enqueue(certificateId: string): Promise<void>;
  abstract readonly mode: 'redis' | 'in-process';
  abstract ping(): Promise<boolean>;
}

export function redisConnection(url: string): IORedis {
  // BullMQ workers need maxRetriesPerRequest: null; health checks must not hang on a dead server.
  return new IORedis(url, { maxRetriesPerRequest: null, enableOfflineQueue: false, lazyConnect: false });
}

@Injectable()
export class BullCertificateQueue extends CertificateQueue implements OnApplicationShutdown {
  readonly mode = 'redis' as const;
  private readonly logger = new Logger('CertificateQueue');
  private readonly connection: IORedis;
  readonly queue: Queue<CertificateJob>;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    super();
    this.connection = redisConnection(config.redisUrl!);
    this.connection.on('error', () => undefined); // reported by ping() and by failed enqueues
    this.queue = new Queue<CertificateJob>(CERTIFICATE_QUEUE, { connection: this.connection, prefix: config.queuePrefix });
  }

  async enqueue(certificateId: string): Promise<void> {
    try {
      // The certificate id is the job id: adding it again while the job exists does nothing.
      await this.queue.add('render', { certificateId }, {
        jobId: certificateId,
        attempts: 8,
        backoff: { type: 'exponential', delay: 2000 },
        removeOnComplete: 1000,
        removeOnFail: 5000,
      });
    } catch (e) {
      this.logger.warn(`Could not queue certificate ${certificateId} (${(e as Error).message}); it will be queued again.`);
    }
  }

  async ping(): Promise<boolean> {
    try {
      return (await Promise.race([this.connection.ping(), new Promise((r) => setTimeout(() => r('timeout'), 1000))])) === 'PONG';
    } catch {
      return false;
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.queue.close().catch(() => undefined);
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

  async enqueue(certificateId: string): Promise<void> {
    if (this.waiting.has(certificateId) || this.closed) return;
    this.waiting.add(certificateId);
    this.chain = this.chain.then(() => this.run(certificateId));
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
  private readonly logger = new Logger('CertificateWorker');
  private worker?: Worker<CertificateJob>;
  private connection?: IORedis;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig, private readonly issuer: CertificateIssuer) {}

  onModuleInit(): void {
    this.connection = redisConnection(this.config.redisUrl!);
    this.connection.on('error', (e) => this.logger.warn(`Redis: ${e.message}`));
    this.worker = new Worker<CertificateJob>(CERTIFICATE_QUEUE, (job) => this.issuer.issue(job.data.certificateId), {
      connection: this.connection,
      prefix: this.config.queuePrefix,
      concurrency: 2,
      // A job whose worker died is picked up again after about ten seconds.
      lockDuration: 10_000,
      stalledInterval: 5_000,
    });
    this.worker.on('failed', (job, err) => this.logger.warn(`Job ${job?.id} failed: ${err.message}`));
    this.worker.on('error', (err) => this.logger.warn(`Worker: ${err.message}`));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.worker?.close().catch(() => undefined);
    this.connection?.disconnect();
  }
}

/** Queues again every pending certificate (a crash between commit and enqueue, Redis down): at start and periodically. */
@Injectable()
export class CertificateSweeper implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('CertificateSweeper');
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
      for (const id of ids) await this.queue.enqueue(id);
      return ids.length;
    } catch (e) {
      this.logger.warn(`Sweep failed: ${(e as Error).message}`);
      return 0;
    }
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }
}
