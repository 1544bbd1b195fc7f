import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import request from 'supertest';
import { assertError } from '../support/errors';
import { completeCourse, signInAdmin, signUp, startTestApp, waitFor, type TestApp } from '../support/test-app';

const NEW_COURSE = {
  slug: 'derechos-laborales',
  language: 'es',
  title: 'Derechos laborales de las personas migrantes',
  summary: 'Un curso corto escrito en el estudio.',
  audience: 'Inspectores del trabajo.',
  objectives: ['Conocer los derechos laborales básicos.'],
  topics: ['protection'],
  estimatedMinutes: 30,
  glossary: [],
  references: [],
  authors: ['Equipo de pruebas'],
  reviewers: ['Revisora de pruebas'],
  reviewedOn: '2026-12-01',
  contentVersion: '1.0',
  licence: 'CC BY-SA 4.0',
  modules: [
    {
      title: 'Módulo único',
      items: [
        { type: 'lesson', title: 'Derechos básicos', markdown: '## Derechos\n\nToda persona trabajadora tiene derechos.<script>alert(1)</script>' },
        {
          type: 'quiz',
          title: 'Comprobación',
          passingScore: 80,
          questions: [
            {
              kind: 'truefalse',
              prompt: 'Los derechos laborales dependen de la situación migratoria.',
              options: [
                { text: 'Verdadero', correct: false, feedback: 'No: los derechos humanos laborales protegen a todas las personas.' },
                { text: 'Falso', correct: true, feedback: 'Correcto.' },
              ],
            },
          ],
        },
      ],
    },
  ],
};

describe('authoring and publishing', () => {
  let app: TestApp;
  let admin: request.Agent;
  beforeAll(async () => {
    app = await startTestApp({ redis: false });
    admin = await signInAdmin(app.server);
  });
  afterAll(() => app.close());

  it('keeps learners out (403) and anonymous users out (401) of every authoring route', async () => {
    const { agent } = await signUp(app.server);
    const calls = [
      (a: request.Agent | request.SuperTest<request.Test>) => a.get('/api/admin/courses'),
      (a: request.Agent | request.SuperTest<request.Test>) => a.get('/api/admin/courses/sample-course'),
      (a: request.Agent | request.SuperTest<request.Test>) => a.post('/api/admin/courses').send(NEW_COURSE),
      (a: request.Agent | request.SuperTest<request.Test>) => a.put('/api/admin/courses/sample-course').send(NEW_COURSE),
      (a: request.Agent | request.SuperTest<request.Test>) => a.post('/api/admin/courses/sample-course/publish'),
      (a: request.Agent | request.SuperTest<request.Test>) => a.get('/api/admin/reports/summary'),
      (a: request.Agent | request.SuperTest<request.Test>) => a.get('/api/admin/reports/enrollments.csv'),
    ];
    for (const call of calls) {
      assertError(await call(agent), 403);
      assertError(await call(request(app.server)), 401);
    }
  });

  it('lists every course and returns a draft as one document with Markdown and correct flags', async () => {
    const list = (await admin.get('/api/admin/courses').expect(200)).body;
    assert.deepEqual(list.map((c: { slug: string }) => c.slug).sort(), ['curso-de-prueba', 'sample-course']);
    assert.ok(list.every((c: { status: string; updatedAt: string }) => c.status === 'published' && Date.parse(c.updatedAt)));
    const doc = (await admin.get('/api/admin/courses/sample-course').expect(200)).body;
    assert.equal(doc.modules[0].items[0].type, 'lesson');
    assert.match(doc.modules[0].items[0].markdown, /## What this course is for/);
    assert.equal(doc.modules[0].items[2].questions[0].options[0].correct, true);
    assert.equal(typeof doc.modules[0].items[2].questions[0].options[0].feedback, 'string');
    assertError(await admin.get('/api/admin/courses/nope'), 404);
  });

  it('creates a draft (server ids, 409 on a taken slug) that learners do not see until it is published', async () => {
    const created = await admin.post('/api/admin/courses').send({ ...NEW_COURSE, modules: NEW_COURSE.modules.map((m) => ({ ...m, id: 'client-id' })) }).expect(201);
    assert.equal(created.body.status, 'draft');
    assert.match(created.body.modules[0].id, /^[0-9a-f-]{36}$/);
    assert.match(created.body.modules[0].items[0].id, /^[0-9a-f-]{36}$/);
    assertError(await admin.post('/api/admin/courses').send(NEW_COURSE), 409, 'derechos-laborales');
    await request(app.server).get('/api/courses/derechos-laborales').expect(404);
    assert.ok(!(await request(app.server).get('/api/courses').expect(200)).body.some((c: { slug: string }) => c.slug === 'derechos-laborales'));

    // Publishing asks for the governance fields: 422 naming the missing one, and nothing is published.
    const current = (await admin.get('/api/admin/courses/derechos-laborales').expect(200)).body;
    assertError(await admin.put('/api/admin/courses/derechos-laborales').send({ ...current, reviewers: [] }), 400, 'reviewers');
    await admin.put('/api/admin/courses/derechos-laborales').send({ ...current, licence: undefined }).expect(200);
    assertError(await admin.post('/api/admin/courses/derechos-laborales/publish'), 422, 'licence');
    await request(app.server).get('/api/courses/derechos-laborales').expect(404);
    await admin.put('/api/admin/courses/derechos-laborales').send(current).expect(200);

    const published = (await admin.post('/api/admin/courses/derechos-laborales/publish').expect(200)).body;
    assert.equal(published.status, 'published');
    assert.equal(published.version, 1);
    const seen = (await request(app.server).get('/api/courses/derechos-laborales').expect(200)).body;
    assert.equal(seen.modules[0].items.length, 2);
    assert.deepEqual([seen.authors, seen.reviewers, seen.reviewedOn, seen.contentVersion, seen.licence], [
      ['Equipo de pruebas'], ['Revisora de pruebas'], '2026-12-01', '1.0', 'CC BY-SA 4.0',
    ]);
    const { agent } = await signUp(app.server);
    await agent.post('/api/courses/derechos-laborales/enroll').expect(201);
    const lesson = (await agent.get(`/api/lessons/${seen.modules[0].items[0].id}`).expect(200)).body;
    assert.doesNotMatch(lesson.html, /<script|alert\(1\)<\/script>/);
  });

  it('refuses invalid documents with 400 naming the place, and stores nothing', async () => {
    const before = (await admin.get('/api/admin/courses/sample-course').expect(200)).body;
    const broken = structuredClone(before);
    broken.modules[0].items[2].questions[0].options.forEach((o: { correct: boolean }) => (o.correct = false));
    assertError(await admin.put('/api/admin/courses/sample-course').send(broken), 400, 'modules[0].items[2].questions[0]');
    const unknownField = { ...before, colour: 'blue' };
    assertError(await admin.put('/api/admin/courses/sample-course').send(unknownField), 400, 'colour');
    assertError(await admin.post('/api/admin/courses').send({ ...NEW_COURSE, slug: 'Not A Slug' }), 400, 'slug');
    assertError(await admin.post('/api/admin/courses').send([]), 400);
    const after = (await admin.get('/api/admin/courses/sample-course').expect(200)).body;
    assert.deepEqual(after, before);
    assertError(await admin.put('/api/admin/courses/nope').send(before), 404);
  });

  it('saves a half-written draft, but neither publishes nor exports it until every module has an item', async () => {
    const { agent: learner } = await signUp(app.server);
    const before = (await request(app.server).get('/api/courses/curso-de-prueba').expect(200)).body;
    const draft = (await admin.get('/api/admin/courses/curso-de-prueba').expect(200)).body;
    const started = { ...draft, modules: [...draft.modules, { title: 'Por escribir', items: [] }] };
    await admin.put('/api/admin/courses/curso-de-prueba').send(started).expect(200);
    const last = draft.modules.length;
    assertError(await admin.post('/api/admin/courses/curso-de-prueba/publish'), 422, `modules[${last}].items: a module needs at least one item`);
    assertError(await admin.get('/api/admin/courses/curso-de-prueba/export.zip'), 422, `modules[${last}].items`);
    assert.deepEqual((await learner.get('/api/courses/curso-de-prueba').expect(200)).body.modules, before.modules, 'learners keep the published version');
    // A new course may start with no modules at all.
    await admin.post('/api/admin/courses').send({ ...NEW_COURSE, slug: 'solo-la-idea', modules: [] }).expect(201);
    assertError(await admin.post('/api/admin/courses/solo-la-idea/publish'), 422, 'modules: a course needs at least one module');
    await admin.put('/api/admin/courses/curso-de-prueba').send(draft).expect(200);
  });

  it('keeps a learner’s progress across a publish: completed items stay, removed ones stop counting', async () => {
    const { agent } = await signUp(app.server);
    await agent.post('/api/courses/sample-course/enroll').expect(201);
    const doc = (await admin.get('/api/admin/courses/sample-course').expect(200)).body;
    const [intro] = doc.modules[0].items;
    const referral = doc.modules[1].items[0];
    await agent.post(`/api/lessons/${intro.id}/complete`).expect(200);
    assert.equal((await agent.get('/api/courses/sample-course').expect(200)).body.enrollment.progress, 20);

    // Edit: the read-only fields come back as GET gave them; drop "referral", rename "intro", add a lesson.
    const edited = structuredClone(doc);
    edited.modules[1].items = edited.modules[1].items.filter((i: { id: string }) => i.id !== referral.id);
    edited.modules[0].items[0].title = 'Introduction (revised)';
    edited.modules[1].items.unshift({ type: 'lesson', title: 'A new lesson', markdown: 'New text.' });
    const saved = (await admin.put('/api/admin/courses/sample-course').send(edited).expect(200)).body;
    assert.equal(saved.modules[0].items[0].id, intro.id, 'an item with an id stays the same item');
    assert.equal(saved.hasUnpublishedChanges, true);
    // Not published yet: learners still see the old version.
    const before = (await agent.get('/api/courses/sample-course').expect(200)).body;
    assert.equal(before.modules[0].items[0].title, 'Introduction');
    await admin.post('/api/admin/courses/sample-course/publish').expect(200);
    const after = (await agent.get('/api/courses/sample-course').expect(200)).body;
    assert.equal(after.modules[0].items[0].title, 'Introduction (revised)');
    assert.equal(after.modules[0].items[0].completed, true);
    assert.equal(after.modules.flatMap((m: { items: unknown[] }) => m.items).length, 5);
    assert.equal(after.enrollment.progress, 20);
    assertError(await agent.get(`/api/lessons/${referral.id}`), 404);
  });
});

describe('reports', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ redis: false });
  });
  afterAll(() => app.close());

  it('counts enrolments, completions and certificates by country, institution type and course, and exports CSV', async () => {
    const admin = await signInAdmin(app.server);
    const mx = await signUp(app.server, { country: 'MX', institutionType: 'police', name: 'Pedro "Pico" Álvarez, Jr.' });
    const gt = await signUp(app.server, { country: 'GT', institutionType: 'health' });
    await mx.agent.post('/api/courses/sample-course/enroll').expect(201);
    await gt.agent.post('/api/courses/curso-de-prueba/enroll').expect(201);
    await completeCourse(app, mx.agent, 'sample-course');
    await waitFor(async () => (await mx.agent.get('/api/me/certificates')).body[0]?.status === 'issued', 'certificate');

    const byCountry = (await admin.get('/api/admin/reports/summary?groupBy=country').expect(200)).body;
    assert.equal(byCountry.groupBy, 'country');
    const row = (g: string, rows = byCountry.rows) => rows.find((r: { group: string }) => r.group === g);
    assert.deepEqual({ ...row('MX'), label: undefined }, { group: 'MX', label: undefined, enrollments: 1, inProgress: 0, completions: 1, certificates: 1 });
    assert.deepEqual({ ...row('GT'), label: undefined }, { group: 'GT', label: undefined, enrollments: 1, inProgress: 1, completions: 0, certificates: 0 });
    assert.deepEqual(byCountry.totals, { enrollments: 2, inProgress: 1, completions: 1, certificates: 1 });

    const byType = (await admin.get('/api/admin/reports/summary?groupBy=institutionType').expect(200)).body;
    assert.equal(row('police', byType.rows).completions, 1);
    const byCourse = (await admin.get('/api/admin/reports/summary?groupBy=course').expect(200)).body;
    assert.equal(byCourse.rows.length, 1, 'the two languages of a course count as one course');
    assert.equal(byCourse.rows[0].enrollments, 2);
    assert.equal(byCourse.rows[0].label, 'Curso de prueba sobre derivación');

    const future = (await admin.get('/api/admin/reports/summary?groupBy=country&from=2999-01-01').expect(200)).body;
    assert.deepEqual(future.rows, []);
    assertError(await admin.get('/api/admin/reports/summary?groupBy=planet'), 400, 'groupBy');
    assertError(await admin.get('/api/admin/reports/summary?from=yesterday'), 400, 'from');
    assertError(await admin.get('/api/admin/reports/summary?from=2026-05-01&to=2026-01-01'), 400, 'from');

    const csv = await admin.get('/api/admin/reports/enrollments.csv').expect(200);
    assert.match(csv.headers['content-type'], /^text\/csv; charset=utf-8/);
    const lines = csv.text.replace(/^\ufeff/, '').trim().split('\n');
    assert.equal(lines[0].split(',')[0], 'enrolled_at');
    assert.equal(lines.length, 3);
    assert.ok(csv.text.includes('"Pedro ""Pico"" Álvarez, Jr."'), 'names are quoted as CSV requires');
    const grouped = await admin.get('/api/admin/reports/enrollments.csv?groupBy=country').expect(200);
    assert.equal(grouped.text.replace(/^\ufeff/, '').split('\n')[0], 'group,label,enrollments,inProgress,completions,certificates');
  });
});

describe('operations', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ redis: true });
  });
  afterAll(() => app.close());

  it('reports health with the database and the queue', async () => {
    // The worker's first heartbeat is written as it starts.
    const body = await waitFor(async () => {
      const res = await request(app.server).get('/api/health').expect(200);
      return res.body.worker.status === 'up' && res.body;
    }, 'a worker heartbeat');
    const { worker, oldestPendingSeconds, ...contract } = body;
    assert.deepEqual(contract, { status: 'ok', db: 'up', queue: 'up' });
    assert.ok(Number.isFinite(worker.heartbeatAgeSeconds) && worker.heartbeatAgeSeconds < 60, JSON.stringify(worker));
    assert.equal(oldestPendingSeconds, null);
  });

  it('serves OpenAPI docs generated from the code, covering the contract routes', async () => {
    await request(app.server).get('/api/docs').expect(200).expect('Content-Type', /html/);
    const spec = (await request(app.server).get('/api/docs-json').expect(200)).body;
    for (const path of [
      '/api/auth/register', '/api/auth/login', '/api/auth/logout', '/api/me', '/api/courses', '/api/courses/{slug}',
      '/api/courses/{slug}/enroll', '/api/lessons/{id}', '/api/lessons/{id}/complete', '/api/quizzes/{id}',
      '/api/quizzes/{id}/attempts', '/api/me/enrollments', '/api/me/certificates', '/api/certificates/{code}/pdf',
      '/api/verify/{code}', '/api/admin/courses', '/api/admin/courses/{slug}', '/api/admin/courses/{slug}/publish',
      '/api/admin/reports/summary', '/api/admin/reports/enrollments.csv', '/api/admin/certificates/{code}/revoke', '/api/health',
    ]) {
      assert.ok(spec.paths[path], `${path} is documented`);
    }
  });

  it('answers unknown API routes with a JSON 404', async () => {
    const res = await request(app.server).get('/api/nothing-here');
    assertError(res, 404);
  });
});

describe('health when Redis is down', () => {
  let app: TestApp;
  beforeAll(async () => {
    // Nothing listens on port 1: the queue is down, the database is up.
    app = await startTestApp({ redis: true, worker: false, overrides: { redisUrl: 'redis://127.0.0.1:1' } });
  });
  afterAll(() => app.close());

  it('answers 503 naming the queue, and still serves the catalogue', async () => {
    const res = await request(app.server).get('/api/health').expect(503);
    assert.equal(res.body.status, 'error');
    assert.equal(res.body.db, 'up');
    assert.equal(res.body.queue, 'down');
    assert.match(res.body.message, /queue/);
    await request(app.server).get('/api/courses').expect(200);
  });
});
