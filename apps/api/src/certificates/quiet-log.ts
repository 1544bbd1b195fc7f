import { Logger } from '@nestjs/common';

/**
 * A logger for errors that repeat while a server is down: the first one of a kind is written, the rest
 * are counted and summed up at most once per interval, so an outage of an hour costs a few hundred lines,
 * not gigabytes (issue 8: a Redis outage once filled the disk with the same line).
 */
export class QuietLog {
  private readonly last = new Map<string, { at: number; suppressed: number }>();

  constructor(private readonly logger: Logger, private readonly intervalMs = 10_000) {}

  warn(kind: string, message: string): void {
    const now = Date.now();
    const seen = this.last.get(kind);
    if (seen && now - seen.at < this.intervalMs) {
      seen.suppressed++;
      return;
    }
    const more = seen?.suppressed ? ` (${seen.suppressed} more like it since the last report)` : '';
    this.last.set(kind, { at: now, suppressed: 0 });
    this.logger.warn(message + more);
  }

  /** The fault is over: the next error of this kind is written at once. */
  clear(kind: string): void {
    this.last.delete(kind);
  }
}

/** Resolves with the promise's value, or with `fallback` after `ms` (the promise is left to settle alone). */
export function within<T>(promise: Promise<T>, ms: number, fallback: T): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    promise.catch(() => fallback),
    new Promise<T>((resolve) => {
      timer = setTimeout(() => resolve(fallback), ms);
      timer.unref();
    }),
  ]).finally(() => clearTimeout(timer));
}
