import assert from 'node:assert/strict';
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import pg from 'pg';
import { completeCourse, signUp, startTestApp, waitFor, type TestApp } from '../support/test-app';
import { ROOT } from '../support/env';

function startWorker(app: TestApp): ChildProcess {
  // Started with node itself: signals sent to an npm/npx wrapper would not reach it.
  return spawn(process.execPath, [join(ROOT, 'apps/api/dist/worker.js')], {
    env: {
      ...process.env,
      DATABASE_URL: app.config.databaseUrl,
      REDIS_URL: app.config.redisUrl,
      QUEUE_PREFIX: app.config.queuePrefix,
      PUBLIC_URL: app.config.publicUrl,
      LOG_LEVEL: 'silent',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
}

const count = async (app: TestApp, sql: string) => (await app.ds.query(sql))[0].n as number;

describe('the certificate worker as its own process', () => {
  let app: TestApp;
  let worker: ChildProcess | undefined;
  beforeAll(async () => {
    // The API queues jobs on Redis but runs no worker: only the separate process renders.
    app = await startTestApp({ redis: true, worker: false });
  });
  afterAll(async () => {
    worker?.kill('SIGKILL');
    await app.close();
  });

  it('renders a real PDF: the holder name with accents, the course, the code, and a QR code of the verify URL', async () => {
    worker = startWorker(app);
    const learner = await signUp(app.server, { name: 'Nguyễn Thị Minh Khai Ñandú' });
    await learner.agent.post('/api/courses/curso-de-prueba/enroll').expect(201);
    await completeCourse(app, learner.agent, 'curso-de-prueba');
    const cert = await waitFor(async () => {
      const [c] = (await learner.agent.get('/api/me/certificates').expect(200)).body;
      return c?.status === 'issued' && c;
    }, 'the worker to issue the certificate');
    const res = await learner.agent
      .get(`/api/certificates/${cert.code}/pdf`)
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      })
      .expect(200);
    const dir = mkdtempSync(join(tmpdir(), 'ecampus-cert-'));
    const pdf = join(dir, 'certificate.pdf');
    writeFileSync(pdf, res.body as Buffer);
    execFileSync('qpdf', ['--check', pdf], { stdio: 'ignore' });
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    assert.ok(text.includes('Nguyễn Thị Minh Khai Ñandú'), text);
    assert.ok(text.includes('Curso de prueba sobre derivación'), text);
    assert.ok(text.includes(cert.code), text);
    assert.match(text, /Certificado de finalización/);
    assert.match(text, /OIM/);
    execFileSync('pdftoppm', ['-png', '-r', '100', '-singlefile', pdf, join(dir, 'page')]);
    const qr = execFileSync('sh', ['-c', `zbarimg -q --raw ${join(dir, 'page.png')} 2>/dev/null`], { encoding: 'utf8' }).trim();
    // The QR opens the verify page and carries the signed token in its fragment (README, Certificates).
    assert.ok(qr.startsWith(`https://ecampus.test/verify/${cert.code}#v1.`), qr);
  });

  it('issues exactly one certificate and one PDF when the worker is killed with SIGKILL at a known point of issuing', async () => {
    const issued = () => count(app, `SELECT count(*)::int AS n FROM certificates WHERE status = 'issued'`);
    // Stop the worker cleanly: the certificates completed next wait in the queue.
    const stopped = new Promise((r) => worker!.once('exit', r));
    worker!.kill('SIGTERM');
    assert.equal(await stopped, 0);
    const learners = 16;
    for (let i = 0; i < learners; i++) {
      const l = await signUp(app.server, { name: `Persona Número ${i}` });
      await l.agent.post('/api/courses/sample-course/enroll').expect(201);
      await completeCourse(app, l.agent, 'sample-course');
    }
    const total = learners + 1;
    assert.equal(await issued(), 1);

    // The test holds the row lock of every pending certificate, so the worker renders its first PDFs and
    // then waits inside its transaction (SELECT … FOR UPDATE), before writing anything: a known point.
    const locker = new pg.Client({ connectionString: app.config.databaseUrl });
    await locker.connect();
    await locker.query('BEGIN');
    await locker.query(`SELECT id FROM certificates WHERE status = 'pending' FOR UPDATE`);
    worker = startWorker(app);
    await waitFor(
      async () =>
        (await count(
          app,
          `SELECT count(*)::int AS n FROM pg_stat_activity
            WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%FOR UPDATE%'`,
        )) > 0,
      'the worker to wait for the certificate row lock after rendering',
    );
    worker.kill('SIGKILL');
    await new Promise((r) => worker!.once('exit', r));
    await locker.query('ROLLBACK');
    await locker.end();
    assert.equal(await issued(), 1, 'nothing was written by the killed worker');
    assert.equal(await count(app, `SELECT count(*)::int AS n FROM certificate_files`), 1);

    // A new worker takes over the killed one's jobs (stalled) and the rest.
    worker = startWorker(app);
    await waitFor(async () => (await issued()) === total, 'a new worker to finish every certificate', 60_000);
    assert.equal(await count(app, `SELECT count(*)::int AS n FROM certificates`), total);
    assert.equal(await count(app, `SELECT count(*)::int AS n FROM certificate_files`), total);
    assert.equal(await count(app, `SELECT count(*)::int AS n FROM (SELECT user_id FROM certificates GROUP BY user_id HAVING count(*) > 1) d`), 0);
    assert.equal(await count(app, `SELECT count(*)::int AS n FROM certificates WHERE status = 'issued' AND issued_at IS NULL`), 0);
  });
});
