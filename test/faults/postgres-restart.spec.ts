import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import pg from 'pg';
import request from 'supertest';
import { TEST_REDIS_URL } from '../support/env';
import { freePort, signInAdmin, signUp, waitFor } from '../support/test-app';
import { processEnv, startApi, startPostgres, stopProc, type Proc } from './support';

const run = promisify(execFile);
const pace = () => new Promise((r) => setTimeout(r, 100));

/**
 * PostgreSQL restarted (fast shutdown, as an operator does) while learners complete lessons, on a private
 * PostgreSQL 15 cluster this file creates: requests get 503 (never 500) while it is down, and every write the
 * API acknowledged is still there afterwards.
 */
describe('PostgreSQL restarted while learners work', () => {
  let cluster: Awaited<ReturnType<typeof startPostgres>>;
  let api: Proc & { url: string };
  beforeAll(async () => {
    cluster = await startPostgres();
    const env = processEnv({ databaseUrl: cluster.url, redisUrl: TEST_REDIS_URL, prefix: `pgrestart_${randomBytes(4).toString('hex')}`, port: await freePort() });
    api = await startApi(env);
  });
  afterAll(async () => {
    await stopProc(api);
    cluster.remove();
  });

  it('answers 503 while it is down and loses no acknowledged write', async () => {
    const admin = await signInAdmin(api.url);
    const doc = (await admin.get('/api/admin/courses/sample-course').expect(200)).body;
    const lessons: string[] = doc.modules.flatMap((m: { items: { type: string; id: string }[] }) => m.items).filter((i: { type: string }) => i.type === 'lesson').map((i: { id: string }) => i.id);
    assert.ok(lessons.length >= 2);
    const learners = [];
    for (let i = 0; i < 4; i++) {
      const l = await signUp(api.url, { name: `Aprendiz ${i}` });
      await l.agent.post('/api/courses/sample-course/enroll').expect(201);
      learners.push(l);
    }

    const acked: { email: string; lesson: string }[] = [];
    const statuses = new Map<number, number>();
    let bodiesOf503: unknown[] = [];
    let phase: 'before' | 'down' | 'after' = 'before';
    // Each learner completes every lesson once, retrying a refused request until it is acknowledged.
    const work = learners.map(async (l) => {
      for (const lesson of lessons) {
        for (;;) {
          // The first lesson is done before the restart; the rest wait until the database is stopped.
          if (lesson !== lessons[0] && phase === 'before') {
            await pace();
            continue;
          }
          const res = await l.agent.post(`/api/lessons/${lesson}/complete`).timeout(10_000);
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
          if (res.status === 200) {
            acked.push({ email: l.email, lesson });
            break;
          }
          assert.equal(res.status, 503, `a request during the restart got ${res.status}: ${JSON.stringify(res.body)}`);
          if (bodiesOf503.length < 3) bodiesOf503 = [...bodiesOf503, res.body];
          await pace();
        }
      }
    });

    await waitFor(async () => acked.length === learners.length, 'the first lesson of every learner');
    await run('runuser', ['-u', 'postgres', '--', '/usr/lib/postgresql/15/bin/pg_ctl', '-D', `${cluster.dataDir}`, '-m', 'fast', '-w', 'stop']);
    phase = 'down';
    await waitFor(async () => (statuses.get(503) ?? 0) >= 8, 'requests refused while the database is down');
    const health = await request(api.url).get('/api/health').timeout(5000);
    assert.equal(health.status, 503);
    assert.equal(health.body.db, 'down');
    assert.match(health.body.message, /database/);
    cluster.start();
    phase = 'after';
    await Promise.all(work);
    await waitFor(async () => (await request(api.url).get('/api/health')).status === 200, 'health after the restart');

    assert.deepEqual([...statuses.keys()].sort(), [200, 503]);
    for (const body of bodiesOf503) {
      assert.deepEqual(Object.keys(body as object).sort(), ['error', 'message', 'statusCode']);
      assert.equal((body as { error: string }).error, 'Service Unavailable');
    }
    assert.equal(acked.length, learners.length * lessons.length);
    const sql = new pg.Client({ connectionString: cluster.url });
    await sql.connect();
    try {
      const { rows } = await sql.query(
        `SELECT u.email, ci.id AS lesson FROM item_progress ip
           JOIN enrollments e ON e.id = ip.enrollment_id JOIN users u ON u.id = e.user_id
           JOIN course_items ci ON ci.key = ip.item_key AND ci.course_id = e.course_id`,
      );
      const stored = new Set(rows.map((r) => `${r.email} ${r.lesson}`));
      const lost = acked.filter((a) => !stored.has(`${a.email} ${a.lesson}`));
      assert.deepEqual(lost, [], 'acknowledged completions missing after the restart');
    } finally {
      await sql.end();
    }
  });
});
