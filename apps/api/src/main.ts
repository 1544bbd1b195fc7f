import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createHttpApp, openDatabase, prepareData } from './bootstrap';
import { loadConfig } from './config/app-config';

async function main() {
  const config = loadConfig();
  const logger = new Logger('eCampus');
  const db = await openDatabase(config);
  // With Redis, `npm start` also runs the worker here; production runs `npm run start:worker` apart.
  const runWorker = !config.redisUrl || process.env.START_WORKER !== 'false';
  const { app, close } = await createHttpApp(config, db, { worker: runWorker });
  const { admin } = await prepareData(app, config, { importCourses: 'if-empty' });

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
    await close().catch((e) => logger.error(e));
    await db.close().catch((e) => logger.error(e));
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  await app.listen(config.port);
  const lines = [
    `eCampus is running at ${config.publicUrl} (port ${config.port})`,
    `  database: ${db.embedded ? `embedded PostgreSQL (PGlite) in ${config.dataDir}` : 'PostgreSQL from DATABASE_URL'}`,
    `  certificate jobs: ${config.redisUrl ? `BullMQ on Redis${runWorker ? ', worker in this process' : ''}` : 'in-process (no REDIS_URL)'}`,
    `  API docs: ${config.publicUrl}/api/docs`,
  ];
  if (admin) {
    lines.push(`  admin login created: ${admin.email} / ${admin.generated ? admin.password : '(the ADMIN_PASSWORD you set)'}`);
    if (admin.generated) lines.push('  (this password is shown once: write it down)');
  }
  console.log(lines.join('\n'));
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
