import { ConsoleLogger, Logger, LoggerService, ValidationPipe, type INestApplication, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import compression from 'compression';
import connectPgSimple from 'connect-pg-simple';
import expressStaticGzip from 'express-static-gzip';
import session from 'express-session';
import type { Express, NextFunction, Request, Response } from 'express';
import { existsSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { AppModule } from './app.module';
import { CertificatesService } from './certificates/certificates.service';
import { SigningKeysService } from './certificates/signing-keys.service';
import { mountVerifyRoutes } from './certificates/verify-routes';
import { AllExceptionsFilter } from './common/all-exceptions.filter';
import { addressGuard, bodyReader, crossSiteGuard, inlineStyleHashes, noStore, securityHeaders } from './common/http-edge';
import type { AppConfig } from './config/app-config';
import { CourseImportService } from './courses/course-import.service';
import { openDataSource } from './database/data-source';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './database/embedded-postgres';
import { DirectoryService } from './directory/directory.service';
import { UsersService } from './users/users.service';
import { PagePreloads, uiLanguageOf } from './web-app/page-preloads';
import { sessionLifetime } from './auth/session';

export const SESSION_COOKIE = 'ecampus.sid';

export interface Database {
  dataSource: DataSource;
  embedded?: EmbeddedPostgres;
  close(): Promise<void>;
}

/** The real PostgreSQL of DATABASE_URL, or the embedded one in DATA_DIR; migrated either way. */
export async function openDatabase(config: AppConfig): Promise<Database> {
  const embedded = config.databaseUrl ? undefined : await startEmbeddedPostgres(config.dataDir);
  try {
    const dataSource = await openDataSource(config.databaseUrl ?? embedded!.url, !!embedded);
    return {
      dataSource,
      embedded,
      async close() {
        if (dataSource.isInitialized) await dataSource.destroy();
        await embedded?.stop();
      },
    };
  } catch (e) {
    await embedded?.stop();
    throw e;
  }
}

/** Nest's logger without the start-up chatter (every route and module it loaded). */
class QuietLogger extends ConsoleLogger {
  log(message: unknown, context?: string) {
    if (context && ['RoutesResolver', 'RouterExplorer', 'InstanceLoader', 'NestFactory', 'NestApplication'].includes(context)) return;
    super.log(message, context);
  }
}

function logger(config: AppConfig): LoggerService {
  return new QuietLogger({ logLevels: config.logLevel === 'silent' ? ['error'] : ['log', 'warn', 'error'] });
}

async function sessionSecret(config: AppConfig, ds: DataSource): Promise<string> {
  if (config.sessionSecret) return config.sessionSecret;
  // Generated once and kept in the database, so every API instance signs cookies the same way.
  await ds.query(`INSERT INTO settings (key, value) VALUES ('session_secret', $1) ON CONFLICT (key) DO NOTHING`, [randomBytes(32).toString('hex')]);
  const [{ value }] = await ds.query(`SELECT value FROM settings WHERE key = 'session_secret'`);
  return value;
}

export interface HttpApp {
  app: NestExpressApplication;
  close(): Promise<void>;
}

/** The HTTP application: API under /api, the verify page, the built web app, OpenAPI docs. */
export async function createHttpApp(config: AppConfig, db: Database, opts: { worker: boolean }): Promise<HttpApp> {
  const app = await NestFactory.create<NestExpressApplication>(
    AppModule.register({ config, dataSource: db.dataSource, worker: opts.worker, http: true }),
    { logger: logger(config), bodyParser: false },
  );
  if (config.trustProxy) app.set('trust proxy', 1);
  app.disable('x-powered-by');
  // JSON, the verify page and CSV go out compressed above 1 kB; the web app's files are compressed at build.
  app.use(compression({ threshold: 1024 }));
  // The HTTP edge (common/http-edge.ts): headers, cross-site check, clean addresses; bodies after the session.
  app.use(securityHeaders({ trustProxy: config.trustProxy }), inlineStyleHashes(), crossSiteGuard(config.publicUrl), addressGuard());
  app.setGlobalPrefix('api');
  app.useGlobalFilters(new AllExceptionsFilter());
  app.useGlobalPipes(new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true }));

  const PgStore = connectPgSimple(session);
  const store = new PgStore({
    pool: (db.dataSource.driver as unknown as { master: Pool }).master,
    tableName: 'sessions',
    createTableIfMissing: false,
    pruneSessionInterval: 15 * 60,
  });
  app.use(
    session({
      store,
      name: SESSION_COOKIE,
      secret: await sessionSecret(config, db.dataSource),
      resave: false,
      saveUninitialized: false,
      rolling: true,
      cookie: { httpOnly: true, sameSite: 'lax', secure: 'auto', maxAge: config.sessionIdleMinutes * 60_000 },
    }),
  );
  app.use(sessionLifetime(config.sessionMaxHours));
  // Bodies are read per route limit, raw uploads only for a signed-in user; personal answers are not cached.
  app.use(noStore(), bodyReader());

  const docs = new DocumentBuilder()
    .setTitle('eCampus API')
    .setDescription('Courses, progress, quizzes, certificates and reports of eCampus. Errors are `{statusCode, error, message}`.')
    .setVersion('1')
    .addCookieAuth(SESSION_COOKIE)
    .build();
  SwaggerModule.setup('api/docs', app, () => SwaggerModule.createDocument(app, docs), { jsonDocumentUrl: 'api/docs-json' });

  const certificates = app.get(CertificatesService);
  mountVerifyRoutes(app.getHttpAdapter().getInstance() as Express, certificates, app.get(SigningKeysService));
  serveWebApp(app, config.webDir);
  await app.init();
  return {
    app,
    async close() {
      store.close();
      await app.close();
    },
  };
}

/** The built web app: hashed assets cached for a year, every other page path gets index.html. */
function serveWebApp(app: NestExpressApplication, webDir: string): void {
  const pages = new PagePreloads(webDir);
  // Hashed file names never change content: cached for a year, sent as the .br or .gz made at build when accepted.
  app.use(
    '/assets',
    expressStaticGzip(join(webDir, 'assets'), {
      enableBrotli: true,
      orderPreference: ['br', 'gz'],
      serveStatic: { immutable: true, maxAge: '365d', fallthrough: false },
    }),
  );
  app.useStaticAssets(webDir, {
    index: false,
    maxAge: '1h',
    // The service worker and the manifest name everything else: a phone checks them on every visit.
    setHeaders: (res, path) => {
      if (/(^|[\\/])(sw\.js|manifest\.webmanifest)$/.test(path)) res.setHeader('Cache-Control', 'no-cache');
    },
  });
  app.use((req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || req.path.startsWith('/api') || req.path.startsWith('/verify/') || req.path === '/verify') return next();
    const html = pages.html(req.path, {
      query: new URLSearchParams(req.originalUrl.split('?')[1] ?? ''),
      uiLanguage: uiLanguageOf(req.headers.cookie, req.headers['accept-language']),
      signedIn: Boolean(req.session?.userId),
    });
    if (html === null) return res.status(404).type('text').send('The web app is not built: run `npm run build`.');
    res.set('Cache-Control', 'no-cache').type('html').send(html);
  });
}

/** The worker process: no HTTP, only the BullMQ worker and the sweeper. */
export async function createWorkerContext(config: AppConfig, db: Database): Promise<INestApplicationContext> {
  const ctx = await NestFactory.createApplicationContext(
    AppModule.register({ config, dataSource: db.dataSource, worker: true, http: false }),
    { logger: logger(config) },
  );
  // No enableShutdownHooks(): worker.ts handles the signals itself, with bounded steps and exit code 0.
  return ctx;
}

/** First-start chores: an admin to sign in with, the course files when the catalogue is empty, the referral directory once. */
export async function prepareData(app: INestApplication, config: AppConfig, opts: { importCourses: 'if-empty' | 'always' | 'never' }) {
  const admin = await app.get(UsersService).ensureAdmin(config.adminEmail, config.adminPassword);
  if (opts.importCourses !== 'never') {
    const ds = app.get(DataSource);
    const [{ count }] = await ds.query(`SELECT count(*)::int AS count FROM courses`);
    if (opts.importCourses === 'always' || count === 0) {
      if (existsSync(config.coursesDir)) await app.get(CourseImportService).importAll(config.coursesDir, { skipInvalid: true });
      else new Logger('Courses').warn(`No course folder at ${config.coursesDir}`);
    }
  }
  await app.get(DirectoryService).seedOnce(config.directoryFile);
  return { admin };
}
