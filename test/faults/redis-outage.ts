import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import pg from 'pg';
import request from 'supertest';
import { createTestDatabase } from '../support/databases';
import { completeCourse, freePort, signInAdmin, signUp, waitFor } from '../support/test-app';
import { OUTAGE_MS, exitCode, processEnv, startApi, startRedis, startWorker, stopProc, type Proc } from './support';

const pace = () => new Promise((r) => setTimeout(r, 250));

/**
 * Redis stopped (and its data lost) while learners finish courses, then started again: the API keeps
 * answering, the log stays small, every certificate is issued once afterwards, and SIGTERM ends the
 * processes cleanly with Redis down. `mode` says where the BullMQ worker runs.
 */
export function redisOutage(mode: 'in-process' | 'separate') {
  describe(`Redis down for ${OUTAGE_MS / 1000} s during completions, worker ${mode === 'in-process' ? 'inside npm start' : 'as its own process'}`, () => {
    let redis: Awaited<ReturnType<typeof startRedis>>;
    let database: Awaited<ReturnType<typeof createTestDatabase>>;
    let sql: pg.Client;
    let api: Proc & { url: string };
    let worker: Proc | undefined;
    let env: NodeJS.ProcessEnv;
    const count = async (q: string) => (await sql.query(q)).rows[0].n as number;

    beforeAll(async () => {
      redis = await startRedis();
      database = await createTestDatabase();
      env = processEnv({
        databaseUrl: database.url,
        redisUrl: redis.url,
        prefix: database.name,
        port: await freePort(),
        extra: mode === 'separate' ? { START_WORKER: 'false' } : {},
      });
      api = await startApi(env);
      if (mode === 'separate') worker = startWorker(env);
      sql = new pg.Client({ connectionString: database.url });
      await sql.connect();
    });
    afterAll(async () => {
      await stopProc(api);
      await stopProc(worker);
      await redis.stop();
      await sql?.end();
      await database.drop();
    });

    it('keeps answering, logs little, issues every certificate once when Redis returns, and stops on SIGTERM', async () => {
      const health = () => request(api.url).get('/api/health').timeout(5000);
      const logLines = () => api.lines() + (worker?.lines() ?? 0);

      const learners = [];
      for (let i = 0; i < 8; i++) {
        const l = await signUp(api.url, { name: `Aprendiz ${i}` });
        await l.agent.post('/api/courses/sample-course/enroll').expect(201);
        learners.push(l);
      }
      const admin = await signInAdmin(api.url);
      const doc = (await admin.get('/api/admin/courses/sample-course').expect(200)).body;
      const lessonId = doc.modules.flatMap((m: { items: { type: string; id: string }[] }) => m.items).find((i: { type: string }) => i.type === 'lesson').id;

      // Before the fault: a certificate is issued and a worker beats.
      await completeCourse(api.url, learners[0].agent, 'sample-course');
      await waitFor(async () => (await count(`SELECT count(*)::int AS n FROM certificates WHERE status = 'issued'`)) === 1, 'the first certificate');
      const healthy = await waitFor(async () => {
        const r = await health();
        return r.status === 200 && r.body.worker?.status === 'up' && r.body;
      }, 'a healthy API with a live worker');
      assert.equal(healthy.queue, 'up');
      assert.equal(typeof healthy.worker.heartbeatAgeSeconds, 'number');
      assert.equal(healthy.oldestPendingSeconds, null);

      // Jobs in flight and waiting when Redis goes: the test locks certificate_files, so the worker renders two
      // PDFs and waits to write them while a third job waits in the queue (the queue is not "drained": the state
      // in which the old fail-fast worker connection made BullMQ spin and starve the process).
      const locker = new pg.Client({ connectionString: database.url });
      await locker.connect();
      await locker.query('BEGIN');
      await locker.query('LOCK TABLE certificate_files IN EXCLUSIVE MODE');
      for (const l of learners.slice(1, 4)) await completeCourse(api.url, l.agent, 'sample-course');
      await waitFor(
        async () => (await count(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`)) >= 2,
        'two jobs waiting to write their PDF',
      );

      // The fault.
      await redis.stop();
      const stoppedAt = Date.now();
      const linesBefore = logLines();
      await locker.query('ROLLBACK');
      await locker.end();
      await waitFor(async () => (await health()).status === 503, 'health to report the queue down');

      let done = 4;
      let answers = 0;
      let restarted = false;
      while (Date.now() - stoppedAt < OUTAGE_MS) {
        const h = await health();
        assert.equal(h.status, 503, JSON.stringify(h.body));
        assert.equal(h.body.queue, 'down');
        assert.equal(h.body.db, 'up');
        assert.match(h.body.message, /queue/);
        assert.equal(h.body.statusCode, 503);
        answers++;
        const lesson = await learners[answers % learners.length].agent.get(`/api/lessons/${lessonId}`).timeout(5000);
        assert.equal(lesson.status, 200);
        if (done < learners.length) {
          // Completing a course while the queue is down is acknowledged; the certificate waits.
          await completeCourse(api.url, learners[done++].agent, 'sample-course');
        } else if (mode === 'separate' && !restarted) {
          // SIGTERM to the worker while its Redis is down: a clean exit, then a new worker that waits for Redis.
          worker!.child.kill('SIGTERM');
          assert.equal(await exitCode(worker!, 10_000), 0, worker!.output());
          worker = startWorker(env);
          restarted = true;
        } else {
          await pace();
        }
      }
      assert.equal(done, learners.length, 'every learner finished during the outage');
      assert.equal(restarted, mode === 'separate', 'the separate worker was stopped with SIGTERM during the outage');
      // The two jobs that were writing finished in the database; BullMQ could not record it, which is harmless.
      const pending = await count(`SELECT count(*)::int AS n FROM certificates WHERE status = 'pending'`);
      assert.equal(pending, learners.length - 3);
      const during = (await health()).body;
      assert.ok(during.oldestPendingSeconds > 0, JSON.stringify(during));
      const outageSeconds = (Date.now() - stoppedAt) / 1000;
      const grown = logLines() - linesBefore;
      assert.ok(grown <= outageSeconds + 5, `${grown} log lines in ${outageSeconds} s:\n${api.output().slice(-4000)}\n${worker?.output().slice(-4000) ?? ''}`);

      // Redis returns, empty: the sweeper re-queues from the database.
      await redis.start();
      const returnedAt = Date.now();
      await waitFor(async () => (await health()).status === 200, 'health to recover', 30_000);
      await waitFor(
        async () => (await count(`SELECT count(*)::int AS n FROM certificates WHERE status = 'issued'`)) === learners.length,
        'every certificate to be issued after Redis returns',
        120_000,
      );
      // Figures for the README (not asserted: speed claims belong in benches).
      console.log(`outage ${outageSeconds.toFixed(1)} s, ${grown} log lines, last certificate issued ${((Date.now() - returnedAt) / 1000).toFixed(1)} s after Redis returned`);
      assert.equal(await count(`SELECT count(*)::int AS n FROM certificates`), learners.length);
      assert.equal(await count(`SELECT count(*)::int AS n FROM certificate_files`), learners.length);
      assert.equal(await count(`SELECT count(*)::int AS n FROM (SELECT user_id FROM certificates GROUP BY user_id HAVING count(*) > 1) d`), 0);
      const recovered = (await health()).body;
      assert.equal(recovered.oldestPendingSeconds, null);

      if (mode === 'separate') {
        // With Redis up, both processes stop cleanly too.
        worker!.child.kill('SIGTERM');
        assert.equal(await exitCode(worker!, 10_000), 0, worker!.output());
      }
      // SIGTERM to the API while its Redis is down.
      await redis.stop();
      await waitFor(async () => (await health()).status === 503, 'health to report the queue down again');
      api.child.kill('SIGTERM');
      assert.equal(await exitCode(api, 10_000), 0, api.output().slice(-4000));
    });
  });
}
