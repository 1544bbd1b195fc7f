import request from 'supertest';
import type { DataSource } from 'typeorm';
import { createHttpApp, openDatabase, prepareData, type Database } from '../../apps/api/dist/bootstrap.js';
import { loadConfig, type AppConfig } from '../../apps/api/dist/config/app-config.js';
import { createTestDatabase } from './databases';
import { ROOT, TEST_REDIS_URL } from './env';

export const ADMIN = { email: 'admin@test.ecampus', password: 'admin-password-123' };

export interface TestApp {
  config: AppConfig;
  /** With `listen: true`, the address a browser can open. */
  url?: string;
  server: import('node:http').Server;
  ds: DataSource;
  db: Database;
  /** The Nest application, to reach a provider (e.g. run a sweep now). */
  nest: import('@nestjs/platform-express').NestExpressApplication;
  close(): Promise<void>;
}

/**
 * The API with its own database on the real PostgreSQL server and its own BullMQ prefix on the real Redis,
 * the sample course imported and an admin created. `redis: false` runs certificate jobs in-process.
 */
export async function startTestApp(
  opts: { redis?: boolean; worker?: boolean; coursesDir?: string; overrides?: Partial<AppConfig>; listen?: boolean } = {},
): Promise<TestApp> {
  // TEST_EMBEDDED=1 runs the suites on the embedded PGlite that `npm start` uses by default, each app in its own folder.
  const database = process.env.TEST_EMBEDDED === '1' ? await embeddedDatabase() : await createTestDatabase();
  const port = opts.listen ? await freePort() : 0;
  const config = loadConfig(
    { DATA_DIR: 'dataDir' in database ? database.dataDir : undefined },
    {
      databaseUrl: database.url,
      redisUrl: opts.redis === false ? undefined : TEST_REDIS_URL,
      queuePrefix: database.name,
      coursesDir: opts.coursesDir ?? `${ROOT}/test/fixtures/courses`,
      adminEmail: ADMIN.email,
      adminPassword: ADMIN.password,
      publicUrl: opts.listen ? `http://127.0.0.1:${port}` : 'https://ecampus.test',
      certificateSweepMs: 1000,
      logLevel: 'silent',
      ...opts.overrides,
    },
  );
  const db = await openDatabase(config);
  const http = await createHttpApp(config, db, { worker: opts.worker ?? true });
  await prepareData(http.app, config, { importCourses: 'always' });
  if (opts.listen) await http.app.listen(port, '127.0.0.1');
  return {
    config,
    url: opts.listen ? config.publicUrl : undefined,
    db,
    ds: db.dataSource,
    nest: http.app,
    server: http.app.getHttpServer(),
    async close() {
      await http.close();
      await db.close();
      await database.drop();
    },
  };
}

async function embeddedDatabase() {
  const { mkdtempSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join, basename } = await import('node:path');
  const dataDir = mkdtempSync(join(tmpdir(), 'ecampus-embedded-'));
  return {
    url: undefined,
    dataDir,
    name: basename(dataDir).replace(/[^a-z0-9]/gi, '_'),
    async drop() {
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function freePort(): Promise<number> {
  const { createServer } = await import('node:net');
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

let counter = 0;
export const PROFILE = {
  name: 'María José Ñúñez',
  country: 'GT',
  institution: 'Instituto Guatemalteco de Migración',
  institutionType: 'migration',
  position: 'Oficial de migración',
  gender: 'woman',
  language: 'es',
};

/** A signed-in agent for a new learner (or signs in an existing account). */
export async function signUp(server: Target, overrides: Record<string, unknown> = {}) {
  const agent = request.agent(server);
  const email = `learner${++counter}.${Date.now()}@example.org`;
  const body = { email, password: 'correct horse battery', ...PROFILE, ...overrides };
  const res = await agent.post('/api/auth/register').send(body).expect(201);
  return { agent, user: res.body.user, email: body.email as string, password: body.password as string };
}

type Target = TestApp['server'] | string;

export async function signIn(server: Target, email: string, password: string) {
  const agent = request.agent(server);
  await agent.post('/api/auth/login').send({ email, password }).expect(200);
  return agent;
}

export const signInAdmin = (server: Target) => signIn(server, ADMIN.email, ADMIN.password);

export async function waitFor<T>(fn: () => Promise<T | undefined | null | false>, what: string, timeoutMs = 30_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Completes every lesson and passes every quiz of a course, using the admin's view of the answers. Lessons
 * first (the final quiz opens once they and the module checks are done); each quiz is fetched before it is
 * answered, so the answers are for the questions the server served (a final quiz draws from its pool).
 */
export async function completeCourse(target: TestApp | Target, learner: request.Agent, slug: string) {
  const admin = await signInAdmin(typeof target === 'object' && 'server' in target ? target.server : target);
  const doc = (await admin.get(`/api/admin/courses/${slug}`).expect(200)).body;
  let last: { progress: number; completed: boolean } | undefined;
  const items = doc.modules.flatMap((m: { items: unknown[] }) => m.items) as { id: string; type: string; questions?: AdminQuestion[] }[];
  for (const item of items.filter((i) => i.type === 'lesson')) last = (await learner.post(`/api/lessons/${item.id}/complete`).expect(200)).body;
  for (const item of items.filter((i) => i.type === 'quiz')) {
    const res = await passQuiz(learner, item.id, item.questions!);
    last = res;
  }
  return last!;
}

type AdminQuestion = { id: string; options: { id: string; correct: boolean }[] };

/** The right answers to the questions the server serves now for this quiz (GET first, as a learner does). */
export async function rightAnswers(learner: request.Agent, quizId: string, questions: AdminQuestion[]) {
  const served = (await learner.get(`/api/quizzes/${quizId}`).expect(200)).body as { questions: { id: string }[] };
  return Object.fromEntries(
    served.questions.map((s) => {
      const q = questions.find((x) => x.id === s.id)!;
      return [q.id, q.options.filter((o) => o.correct).map((o) => o.id)];
    }),
  );
}

/** Passes a quiz with the right answers to what it serves. */
export async function passQuiz(learner: request.Agent, quizId: string, questions: AdminQuestion[]) {
  const answers = await rightAnswers(learner, quizId, questions);
  const res = (await learner.post(`/api/quizzes/${quizId}/attempts`).send({ answers }).expect(200)).body;
  if (!res.passed) throw new Error(`quiz ${quizId} not passed with the right answers`);
  return res;
}
