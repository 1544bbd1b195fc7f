import IORedis from 'ioredis';

/** Reconnects with a growing pause (0.5 s, 1 s, … at most 5 s) instead of hammering a dead server. */
const backoff = (times: number) => Math.min(500 * times, 5000);

/** For producers and health checks: every command fails at once while Redis is down, nothing hangs. */
export function redisConnection(url: string): IORedis {
  // commandTimeout: a frozen Redis (connected, not answering) must not hold a learner's request either.
  return new IORedis(url, { maxRetriesPerRequest: null, enableOfflineQueue: false, lazyConnect: false, retryStrategy: backoff, commandTimeout: 2000 });
}

/**
 * For a BullMQ Worker (BullMQ's own advice): commands wait in the offline queue while Redis is down and
 * run when it returns. With the producer's `enableOfflineQueue: false`, each of the worker's commands failed
 * at once with "Stream isn't writeable…", which BullMQ does not count as a connection error, so its fetch
 * loop retried without any pause, on promises alone: the event loop never reached HTTP requests, timers or
 * signal handlers, and every turn logged a line (issue 8).
 */
export function workerRedisConnection(url: string): IORedis {
  return new IORedis(url, { maxRetriesPerRequest: null, lazyConnect: false, retryStrategy: backoff });
}
