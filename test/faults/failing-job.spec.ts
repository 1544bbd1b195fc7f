import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import { Queue } from 'bullmq';
import IORedis from 'ioredis';
import { TEST_REDIS_URL } from '../support/env';
import { completeCourse, signUp, startTestApp, waitFor, type TestApp } from '../support/test-app';

/**
 * A certificate job that fails every attempt (the database refuses the write), then the fault is removed:
 * the job left in BullMQ's failed set must not keep the certificate pending for ever.
 */
describe('a certificate job that fails all its attempts', () => {
  let app: TestApp;
  let redis: IORedis;
  let queue: Queue;
  beforeAll(async () => {
    app = await startTestApp({ redis: true, worker: true, overrides: { certificateAttempts: 2, certificateBackoffMs: 100, certificateSweepMs: 1000 } });
    redis = new IORedis(TEST_REDIS_URL, { maxRetriesPerRequest: null });
    queue = new Queue('certificates', { connection: redis, prefix: app.config.queuePrefix });
  });
  afterAll(async () => {
    await queue.close();
    redis.disconnect();
    await app.close();
  });

  it('is issued once the fault is gone, exactly once', async () => {
    await app.ds.query(`
      CREATE FUNCTION refuse_certificate_files() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'injected fault: certificate_files refuses writes'; END $$`);
    await app.ds.query(`CREATE TRIGGER refuse BEFORE INSERT OR UPDATE ON certificate_files FOR EACH ROW EXECUTE FUNCTION refuse_certificate_files()`);

    const learner = await signUp(app.server, { name: 'Persona con Fallo' });
    await learner.agent.post('/api/courses/sample-course/enroll').expect(201);
    await completeCourse(app, learner.agent, 'sample-course');
    const [{ id }] = await app.ds.query(`SELECT id FROM certificates`);

    // Every attempt fails; the job ends in the failed set (where BullMQ ignores a plain re-add of its id).
    const failed = await waitFor(async () => {
      const job = await queue.getJob(id);
      return job && (await job.getState()) === 'failed' && job;
    }, 'the job to fail all its attempts');
    assert.equal(failed.attemptsMade, 2);
    assert.match(failed.failedReason, /injected fault/);
    assert.equal((await app.ds.query(`SELECT status FROM certificates WHERE id = $1`, [id]))[0].status, 'pending');

    await app.ds.query(`DROP TRIGGER refuse ON certificate_files`);
    const fixedAt = Date.now();
    await waitFor(
      async () => (await app.ds.query(`SELECT status FROM certificates WHERE id = $1`, [id]))[0].status === 'issued',
      'the certificate to be issued after the fault is removed',
      120_000,
    );
    console.log(`issued ${((Date.now() - fixedAt) / 1000).toFixed(1)} s after the fault was removed`);
    assert.equal((await app.ds.query(`SELECT count(*)::int AS n FROM certificates`))[0].n, 1);
    assert.equal((await app.ds.query(`SELECT count(*)::int AS n FROM certificate_files WHERE certificate_id = $1`, [id]))[0].n, 1);
    const health = (await (await import('supertest')).default(app.server).get('/api/health').expect(200)).body;
    assert.equal(health.oldestPendingSeconds, null);
  });
});
