import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { CertificateQueue } from '../certificates/certificate-queue';

@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(@InjectDataSource() private readonly ds: DataSource, private readonly queue: CertificateQueue) {}

  @Get()
  @ApiOkResponse({ description: '`{status: "ok", db: "up", queue: "up" | "in-process"}`' })
  @ApiServiceUnavailableResponse({ description: 'A part is down; it is named.' })
  async health(@Res() res: Response): Promise<void> {
    const db = await Promise.race([
      this.ds.query('SELECT 1').then(() => 'up', () => 'down'),
      new Promise<string>((r) => setTimeout(() => r('down'), 2000)),
    ]);
    const queue = this.queue.mode === 'in-process' ? 'in-process' : (await this.queue.ping()) ? 'up' : 'down';
    const ok = db === 'up' && queue !== 'down';
    const down = [db === 'down' && 'database', queue === 'down' && 'queue (Redis)'].filter(Boolean);
    res.status(ok ? 200 : 503).json({
      status: ok ? 'ok' : 'error',
      db,
      queue,
      ...(ok ? {} : { statusCode: 503, error: 'Service Unavailable', message: `Down: ${down.join(', ')}` }),
    });
  }
}
