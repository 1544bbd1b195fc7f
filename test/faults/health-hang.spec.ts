import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import pg from 'pg';
import request from 'supertest';
import { completeCourse, signUp, startTestApp, waitFor, type TestApp } from '../support/test-app';
import { startRedis } from './support';

/**
 * /api/health must answer even when a server it checks hangs instead of refusing (a frozen Redis, a
 * database query stuck behind a lock): each check has its own timeout. The request timeout below only
 * detects a hang; it is far above the checks' 0.8 s.
 */
describe('health while Redis or the database hangs', () => {
  let redis: Awaited<ReturnType<typeof startRedis>>;
  let app: TestApp;
  beforeAll(async () => {
    redis = await startRedis();
    app = await startTestApp({ redis: true, overrides: { redisUrl: redis.url, workerHeartbeatMs: 500 } });
  });
  afterAll(async () => {
    redis.thaw();
    await app.close();
    await redis.stop();
  });

  it('answers 503 naming the part that hangs, then 200 when it is back', async () => {
    await waitFor(async () => (await request(app.server).get('/api/health')).body.worker?.status === 'up', 'a worker heartbeat');

    const learner = await signUp(app.server);
    await learner.agent.post('/api/courses/sample-course/enroll').expect(201);
    redis.freeze();
    try {
      const res = await request(app.server).get('/api/health').timeout(3000);
      assert.equal(res.status, 503);
      assert.equal(res.body.queue, 'down');
      assert.equal(res.body.db, 'up');
      assert.match(res.body.message, /queue/);
      await request(app.server).get('/api/courses').timeout(3000).expect(200);
      // Finishing a course is acknowledged: queuing its certificate gives up after the command timeout.
      await completeCourse(app, learner.agent, 'sample-course');
    } finally {
      redis.thaw();
    }
    await waitFor(async () => (await request(app.server).get('/api/health')).status === 200, 'health after Redis thaws');
    await waitFor(async () => (await app.ds.query(`SELECT status FROM certificates`))[0]?.status === 'issued', 'the certificate after Redis thaws');

    // The database hangs for health's queries: another session holds an exclusive lock on what they read.
    const locker = new pg.Client({ connectionString: app.config.databaseUrl });
    await locker.connect();
    try {
      await locker.query('BEGIN');
      await locker.query('LOCK TABLE settings, certificates IN ACCESS EXCLUSIVE MODE');
      const res = await request(app.server).get('/api/health').timeout(3000);
      assert.equal(res.status, 503);
      assert.equal(res.body.db, 'down');
      assert.equal(res.body.queue, 'up');
      assert.match(res.body.message, /database/);
    } finally {
      await locker.query('ROLLBACK');
      await locker.end();
    }
    const back = await waitFor(async () => {
      const r = await request(app.server).get('/api/health');
      return r.status === 200 && r.body;
    }, 'health after the lock is released');
    assert.equal(back.db, 'up');
  });
});
