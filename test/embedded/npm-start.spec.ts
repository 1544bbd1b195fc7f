import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import request from 'supertest';
import { ROOT } from '../support/env';
import { passQuiz, signIn, signUp, waitFor } from '../support/test-app';

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/**
 * What a new user meets first: `npm start` with no DATABASE_URL and no REDIS_URL, so embedded PostgreSQL
 * (PGlite) in DATA_DIR and in-process certificate jobs; the real course files imported on first start.
 */
describe('npm start with no servers (embedded PostgreSQL, in-process jobs)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ecampus-embedded-'));
  let port: number;
  let url: string;
  let proc: ChildProcess | undefined;
  let output = '';

  async function start() {
    const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'info' };
    for (const k of ['DATABASE_URL', 'REDIS_URL', 'ADMIN_EMAIL', 'ADMIN_PASSWORD', 'PUBLIC_URL']) delete env[k];
    proc = spawn(process.execPath, [join(ROOT, 'apps/api/dist/main.js')], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    proc.stdout!.on('data', (d) => (output += d));
    proc.stderr!.on('data', (d) => (output += d));
    await waitFor(async () => output.includes('eCampus is running'), `the server to start; output so far:\n${output}`, 90_000);
  }

  async function stop() {
    if (!proc || proc.exitCode !== null) return;
    const exited = new Promise((r) => proc!.once('exit', r));
    proc.kill('SIGTERM');
    await exited;
  }

  beforeAll(async () => {
    port = await freePort();
    url = `http://localhost:${port}`;
    await start();
  });
  afterAll(async () => {
    await stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('prints the URL and the generated admin login, and is healthy with the in-process queue', async () => {
    assert.match(output, new RegExp(`eCampus is running at ${url}`));
    const login = output.match(/admin login created: (\S+) \/ (\S+)/);
    assert.ok(login, output);
    const health = await request(url).get('/api/health').expect(200);
    assert.deepEqual(health.body, { status: 'ok', db: 'up', queue: 'in-process', worker: { status: 'in-process' }, oldestPendingSeconds: null });
    const admin = await signIn(url, login[1], login[2]);
    assert.equal((await admin.get('/api/me').expect(200)).body.role, 'admin');
  });

  it('serves the web app, imported the course files, and takes a learner to a certificate', async () => {
    const home = await request(url).get('/').expect(200);
    assert.match(home.text, /<div id="root">/);
    const catalogue = (await request(url).get('/api/courses').expect(200)).body;
    assert.ok(catalogue.length >= 4, `courses imported: ${catalogue.length}`);
    const slug = 'trafficking-in-persons';
    assert.ok(catalogue.some((c: { slug: string }) => c.slug === slug));

    const learner = await signUp(url, { name: 'Jean-Baptiste Désiré' });
    await learner.agent.post(`/api/courses/${slug}/enroll`).expect(201);
    const [, email, password] = output.match(/admin login created: (\S+) \/ (\S+)/)!;
    const admin = await signIn(url, email, password);
    const doc = (await admin.get(`/api/admin/courses/${slug}`).expect(200)).body;
    assert.ok(doc.modules.length >= 3);
    await completeWithAdminDoc(learner.agent, doc);
    const cert = await waitFor(async () => {
      const [c] = (await learner.agent.get('/api/me/certificates').expect(200)).body;
      return c?.status === 'issued' && c;
    }, 'the in-process job to issue the certificate');
    await learner.agent.get(`/api/certificates/${cert.code}/pdf`).expect(200).expect('Content-Type', 'application/pdf');
    const v = (await request(url).get(`/api/verify/${cert.code}`).expect(200)).body;
    assert.equal(v.holderName, 'Jean-Baptiste Désiré');

    // A restart keeps the data (and the session, stored in the database) and imports nothing twice.
    await stop();
    output = '';
    await start();
    assert.doesNotMatch(output, /admin login created/);
    assert.equal((await learner.agent.get('/api/me').expect(200)).body.email, learner.email);
    assert.equal((await learner.agent.get('/api/me/certificates').expect(200)).body[0].status, 'issued');
    assert.equal((await request(url).get('/api/courses').expect(200)).body.length, catalogue.length);
  });

  it('refuses a second process on the same data directory with a clear message', async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, PORT: String(await freePort()) };
    delete env.DATABASE_URL;
    const second = spawn(process.execPath, [join(ROOT, 'apps/api/dist/main.js')], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let text = '';
    second.stdout!.on('data', (d) => (text += d));
    second.stderr!.on('data', (d) => (text += d));
    const code = await new Promise((r) => second.once('exit', r));
    assert.equal(code, 1);
    assert.match(text, /in use by another eCampus process/);
  });
});

/** Lessons first (the final quiz opens after them and the checks), then each quiz answered as it was served. */
async function completeWithAdminDoc(learner: request.Agent, doc: { modules: { items: any[] }[] }) {
  const items = doc.modules.flatMap((m) => m.items);
  for (const item of items.filter((i) => i.type === 'lesson')) await learner.post(`/api/lessons/${item.id}/complete`).expect(200);
  for (const item of items.filter((i) => i.type === 'quiz')) assert.equal((await passQuiz(learner, item.id, item.questions)).passed, true);
}
