import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { CertificateQueue, workerHeartbeatAge } from '../certificates/certificate-queue';
import { within } from '../certificates/quiet-log';
import { APP_CONFIG, type AppConfig } from '../config/app-config';

/** Each check gets this long: health answers within about a second even when Redis or the database hangs. */
const CHECK_MS = 800;

@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly queue: CertificateQueue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @ApiOkResponse({
    description:
      '`{status: "ok", db: "up", queue: "up" | "in-process", worker: {status: "up" | "stale" | "none" | "in-process", heartbeatAgeSeconds}, ' +
      'oldestPendingSeconds}`. `worker` is the newest heartbeat of a BullMQ worker; `oldestPendingSeconds` is the age of the oldest ' +
      'certificate not yet issued (null when none waits). Only the database and the queue decide `status`.',
  })
  @ApiServiceUnavailableResponse({ description: 'A part is down; it is named.' })
  async health(@Res() res: Response): Promise<void> {
    const inProcess = this.queue.mode === 'in-process';
    const [facts, queueUp] = await Promise.all([
      within(this.facts(), CHECK_MS, null),
      inProcess ? Promise.resolve(true) : this.queue.ping(),
    ]);
    const db = facts ? 'up' : 'down';
    const queue = inProcess ? 'in-process' : queueUp ? 'up' : 'down';
    const ok = db === 'up' && queue !== 'down';
    const down = [db === 'down' && 'database', queue === 'down' && 'queue (Redis)'].filter(Boolean);
    const age = facts?.heartbeatAge ?? null;
    // Stale after three missed beats: the worker is gone or stuck.
    const stale = age !== null && age > (3 * this.config.workerHeartbeatMs) / 1000;
    const worker = inProcess
      ? { status: 'in-process' }
      : { status: !facts ? 'unknown' : age === null ? 'none' : stale ? 'stale' : 'up', heartbeatAgeSeconds: age === null ? null : round(age) };
    res.status(ok ? 200 : 503).json({
      status: ok ? 'ok' : 'error',
      db,
      queue,
      worker,
      oldestPendingSeconds: facts?.oldestPending == null ? null : round(facts.oldestPending),
      ...(ok ? {} : { statusCode: 503, error: 'Service Unavailable', message: `Down: ${down.join(', ')}` }),
    });
  }

  private async facts(): Promise<{ heartbeatAge: number | null; oldestPending: number | null }> {
    const [[row], heartbeatAge] = await Promise.all([
      this.ds.query(`SELECT extract(epoch from clock_timestamp() - min(created_at))::float8 AS oldest FROM certificates WHERE status = 'pending'`),
      workerHeartbeatAge(this.ds),
    ]);
    return { heartbeatAge, oldestPending: row?.oldest == null ? null : Number(row.oldest) };
  }
}

const round = (n: number) => Math.round(n * 10) / 10;
