import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { STATUS_CODES } from 'node:http';
import type { Response } from 'express';
import { QueryFailedError } from 'typeorm';
import { isServiceUnavailable } from './unavailable';

/** Every error leaves as `{statusCode, error, message}`; anything unexpected is logged and hidden behind a 500. */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    const { statusCode, message, extra } = this.describe(exception);
    // 503 (database briefly away) is expected during a restart: not one stack per request.
    if (statusCode >= 500 && statusCode !== 503) this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    if (res.headersSent) return;
    res.status(statusCode).json({ statusCode, error: STATUS_CODES[statusCode] ?? 'Error', message, ...extra });
  }

  private describe(exception: unknown): { statusCode: number; message: string | string[]; extra?: Record<string, unknown> } {
    if (exception instanceof HttpException) {
      const body = exception.getResponse();
      const message = typeof body === 'string' ? body : ((body as { message?: string | string[] }).message ?? exception.message);
      // Fields a route adds to the standard body (e.g. `retryAt` of a 429) pass through.
      const { statusCode: _s, error: _e, message: _m, ...extra } = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
      return { statusCode: exception.getStatus(), message, extra };
    }
    if (exception instanceof QueryFailedError) {
      const code = (exception.driverError as { code?: string }).code;
      if (code === '23505') return { statusCode: 409, message: 'This already exists.' };
      if (code === '22P02' || code === '22001' || code === '22003') return { statusCode: 400, message: 'A value has the wrong format.' };
    }
    // Errors raised by Express middleware such as the JSON body parser carry their own status.
    const e = exception as { status?: number; statusCode?: number; type?: string; message?: string };
    const status = e?.status ?? e?.statusCode;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      const message = e.type === 'entity.parse.failed' ? 'The request body is not valid JSON.' : (e.message ?? 'Bad request.');
      return { statusCode: status, message };
    }
    if (isServiceUnavailable(exception)) return { statusCode: 503, message: 'The service is briefly unavailable. Please try again in a moment.' };
    return { statusCode: 500, message: 'Something went wrong on our side. Please try again.' };
  }
}
