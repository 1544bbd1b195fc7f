import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import request from 'supertest';
import { assertError } from '../support/errors';
import { rightAnswers, signInAdmin, signUp, startTestApp, type TestApp } from '../support/test-app';

type Item = { id: string; type: string; kind?: string };

describe('offline reading: what a course takes on the phone, and attempts that count once', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ redis: false });
  });
  afterAll(() => app.close());

  it('lists the outline, every lesson and module check with the bytes each takes, and leaves the final quiz to the line', async () => {
    assertError(await request(app.server).get('/api/courses/curso-de-prueba/offline'), 401);
    const { agent } = await signUp(app.server);
    assertError(await agent.get('/api/courses/curso-de-prueba/offline'), 403, /Enrol/);
    await agent.post('/api/courses/curso-de-prueba/enroll').expect(201);
    assertError(await agent.get('/api/courses/no-such-course/offline'), 404);

    const bundle = (await agent.get('/api/courses/curso-de-prueba/offline').expect(200)).body;
    const outline = (await agent.get('/api/courses/curso-de-prueba').expect(200)).body;
    const items: Item[] = outline.modules.flatMap((m: { items: Item[] }) => m.items);
    const finals = items.filter((i) => i.type === 'quiz' && i.kind === 'final');
    assert.ok(finals.length > 0, 'the sample course has a final quiz');
    assert.deepEqual(bundle.onlineOnly, finals.map((i) => i.id));
    assert.equal(bundle.slug, 'curso-de-prueba');
    assert.deepEqual(
      bundle.files.map((f: { url: string }) => f.url),
      [
        '/api/courses/curso-de-prueba',
        ...items.filter((i) => i.type === 'lesson' || (i.type === 'quiz' && i.kind !== 'final')).map((i) => `/api/${i.type === 'lesson' ? 'lessons' : 'quizzes'}/${i.id}`),
      ],
    );
    // Each size is what that read really is for this learner now, and the total is their sum.
    for (const file of bundle.files as { url: string; bytes: number }[]) {
      const res = await agent.get(file.url).set('Accept-Encoding', 'identity').expect(200);
      assert.equal(Buffer.byteLength(res.text), file.bytes, file.url);
    }
    assert.equal(bundle.bytes, bundle.files.reduce((sum: number, f: { bytes: number }) => sum + f.bytes, 0));

    // A new version changes what the copy is of.
    const admin = await signInAdmin(app.server);
    const doc = (await admin.get('/api/admin/courses/curso-de-prueba').expect(200)).body;
    await admin.put('/api/admin/courses/curso-de-prueba').send({ ...doc, summary: `${doc.summary} Revisado.` }).expect(200);
    await admin.post('/api/admin/courses/curso-de-prueba/publish').expect(200);
    const after = (await agent.get('/api/courses/curso-de-prueba/offline').expect(200)).body;
    assert.notEqual(after.version, bundle.version);
  });

  it('a module check sent again with the same client id is recorded once and answers the same', async () => {
    const { agent } = await signUp(app.server);
    await agent.post('/api/courses/curso-de-prueba/enroll').expect(201);
    const admin = await signInAdmin(app.server);
    const doc = (await admin.get('/api/admin/courses/curso-de-prueba').expect(200)).body;
    const check = doc.modules.flatMap((m: { items: { type: string; kind?: string }[] }) => m.items).find((i: { type: string; kind?: string }) => i.type === 'quiz' && i.kind !== 'final');
    const answers = await rightAnswers(agent, check.id, check.questions);
    const clientId = randomUUID();
    const count = async () =>
      (await app.ds.query(`SELECT count(*)::int AS n FROM quiz_attempts a JOIN enrollments e ON e.id = a.enrollment_id JOIN users u ON u.id = e.user_id WHERE a.item_id = $1 AND u.email = $2`, [check.id, (await agent.get('/api/me').expect(200)).body.email]))[0].n;

    const first = (await agent.post(`/api/quizzes/${check.id}/attempts`).send({ answers, clientId }).expect(200)).body;
    assert.equal(first.passed, true);
    // The replay (a phone that lost the answer of the first send), twice at once as well.
    const replays = await Promise.all([1, 2].map(() => agent.post(`/api/quizzes/${check.id}/attempts`).send({ answers, clientId }).expect(200)));
    for (const r of replays) {
      assert.equal(r.body.score, first.score);
      assert.equal(r.body.passed, first.passed);
    }
    assert.equal(await count(), 1, 'one attempt stored for one client id');

    // Without an id, every send is an attempt of its own, as before.
    await agent.post(`/api/quizzes/${check.id}/attempts`).send({ answers }).expect(200);
    assert.equal(await count(), 2);

    // A client id that is not a UUID is refused, naming it, and nothing is stored.
    assertError(await agent.post(`/api/quizzes/${check.id}/attempts`).send({ answers, clientId: 'abc' }), 400, 'clientId');
    assert.equal(await count(), 2);
  });

  it('serves the manifest, the icons and a service worker that a phone checks on every visit', async () => {
    const manifest = await request(app.server).get('/manifest.webmanifest').expect(200);
    assert.match(String(manifest.headers['content-type']), /manifest\+json/);
    const body = JSON.parse(manifest.text);
    assert.equal(body.display, 'standalone');
    for (const icon of body.icons as { src: string; sizes: string }[]) {
      const res = await request(app.server).get(icon.src).expect(200);
      assert.equal(res.headers['content-type'], 'image/png');
    }
    assert.ok(body.icons.some((i: { purpose?: string }) => i.purpose === 'maskable'));
    const sw = await request(app.server).get('/sw.js').expect(200);
    assert.match(String(sw.headers['content-type']), /javascript/);
    assert.equal(sw.headers['cache-control'], 'no-cache');
    assert.match(sw.text, /ecampus-offline-v1/);
    const html = await request(app.server).get('/').expect(200);
    assert.match(html.text, /<link rel="manifest" href="\/manifest.webmanifest">/);
  });
});
