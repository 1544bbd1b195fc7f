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
  const stop = async () => {
    await ctx.close();
    await db.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
