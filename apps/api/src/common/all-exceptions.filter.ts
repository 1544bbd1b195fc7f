import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { STATUS_CODES } from 'node:http';
import type { Response } from 'express';
import { QueryFailedError } from 'typeorm';
import { isServiceUnavailable } from './unavailable';

interface PgError {
  code?: string;
  column?: string;
  constraint?: string;
  message?: string;
}

// What PostgreSQL says about a value it cannot take (class 22 "data exception", class 23 integrity).
const DATA_ERRORS: Record<string, string> = {
  '22021': 'contains bytes that are not valid text (a NUL character or broken UTF-8)',
  '22P05': 'contains a character that cannot be stored (a NUL character or broken Unicode)',
  '22008': 'is a date or time out of range',
  '22007': 'is not a valid date or time',
  '22P02': 'has the wrong format',
  '22001': 'is too long',
  '22003': 'is a number out of range',
  '22004': 'must not be null',
  '22023': 'is not an allowed value',
  '22025': 'has a bad escape sequence',
  '2201B': 'is not a valid pattern',
  '22012': 'leads to a division by zero',
  '22026': 'has the wrong length',
  '22P03': 'has the wrong binary format',
  '2202E': 'has an index out of range',
  '22030': 'is a duplicate JSON key',
  '22032': 'is not valid JSON text',
  '23502': 'is required',
  '23514': 'is not allowed here',
};

/** PostgreSQL's data errors as 400s that name the field (column) when PostgreSQL tells it. */
export function dataError(e: PgError | undefined): { statusCode: number; message: string } | undefined {
  const code = e?.code;
  if (!code) return undefined;
  if (code === '23505') return { statusCode: 409, message: 'This already exists.' };
  if (code === '23503') return { statusCode: 409, message: 'This refers to something that does not exist (any more).' };
  const problem = DATA_ERRORS[code] ?? (code.startsWith('22') ? 'is not a valid value' : undefined);
  if (!problem) return undefined;
  // pg names the column for NOT NULL; for formats it names the type ("invalid input syntax for type uuid").
  const type = /for type ([\w ]+?)(?::|$)/.exec(e?.message ?? '')?.[1];
  const field = e?.column ? `"${e.column}"` : e?.constraint ? `"${e.constraint}"` : type ? `A value of type ${type}` : 'A value';
  return { statusCode: 400, message: `${field} ${problem}.` };
}

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
      const data = dataError(exception.driverError as PgError);
      if (data) return data;
    }
    // A pg error that reached us without TypeORM's wrapper.
    const raw = exception as PgError & { severity?: string };
    if (raw && typeof raw === 'object' && raw.severity && typeof raw.code === 'string') {
      const data = dataError(raw);
      if (data) return data;
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
