import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createWorkerContext, openDatabase } from './bootstrap';
import { loadConfig } from './config/app-config';

/** The certificate worker alone (production): `npm run start:worker` with DATABASE_URL and REDIS_URL. */
async function main() {
  const config = loadConfig();
  if (!config.redisUrl || !config.databaseUrl) {
    throw new Error('The worker runs apart only with DATABASE_URL and REDIS_URL set; without them `npm start` runs certificate jobs itself.');
  }
  const db = await openDatabase(config);
  const ctx = await createWorkerContext(config, db);
  const logger = new Logger('Worker');
  logger.log('Certificate worker started');
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.log(`${signal}: shutting down`);
    // Each step is bounded (Redis or the database may be gone); this is the last resort, under 10 s.
    setTimeout(() => {
      logger.error('Shutdown took too long; exiting anyway');
      process.exit(1);
    }, 9000).unref();
    await ctx.close().catch((e) => logger.error(e));
    await db.close().catch((e) => logger.error(e));
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
