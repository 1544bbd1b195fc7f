import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import request from 'supertest';
import { assertError } from '../support/errors';
import { completeCourse, signInAdmin, signUp, startTestApp, type TestApp } from '../support/test-app';

describe('catalogue, enrolment, lessons and quizzes', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ redis: false });
  });
  afterAll(() => app.close());

  it('lists published courses with the contract fields, filtered by language, topic and words', async () => {
    const all = (await request(app.server).get('/api/courses').expect(200)).body;
    assert.deepEqual(all.map((c: { slug: string }) => c.slug).sort(), ['curso-de-prueba', 'sample-course']);
    const es = (await request(app.server).get('/api/courses?lang=es').expect(200)).body;
    assert.equal(es.length, 1);
    const c = es[0];
    assert.equal(c.slug, 'curso-de-prueba');
    assert.equal(c.language, 'es');
    assert.equal(c.moduleCount, 2);
    assert.equal(c.estimatedMinutes, 5);
    assert.deepEqual(c.topics, ['referral', 'protection']);
    assert.equal(typeof c.title, 'string');
    assert.equal(typeof c.summary, 'string');
    assert.deepEqual(c.translations, [{ language: 'en', slug: 'sample-course' }]);
    assert.equal((await request(app.server).get('/api/courses?topic=trafficking').expect(200)).body.length, 0);
    assert.equal((await request(app.server).get('/api/courses?topic=referral&lang=en').expect(200)).body.length, 1);
    assert.equal((await request(app.server).get('/api/courses?q=derivaci%C3%B3n').expect(200)).body[0].slug, 'curso-de-prueba');
    assert.equal((await request(app.server).get('/api/courses?q=nothing-like-this').expect(200)).body.length, 0);
    assertError(await request(app.server).get('/api/courses?lang=de'), 400, 'lang');
  });

  it('shows a course outline to anyone, and 404 for an unknown slug', async () => {
    const res = await request(app.server).get('/api/courses/sample-course').expect(200);
    assert.equal(res.body.title, 'Sample course on referral');
    assert.equal(res.body.modules.length, 2);
    assert.deepEqual(res.body.modules[0].items.map((i: { type: string }) => i.type), ['lesson', 'lesson', 'quiz']);
    assert.equal(res.body.enrollment, undefined);
    assertError(await request(app.server).get('/api/courses/no-such-course'), 404);
  });

  it('enrols once: 201 then 200 with the same enrollment, shared by the course translations', async () => {
    const { agent } = await signUp(app.server);
    const first = await agent.post('/api/courses/sample-course/enroll').expect(201);
    assert.equal(first.body.enrollment.status, 'active');
    assert.equal(first.body.enrollment.progress, 0);
    const again = await agent.post('/api/courses/sample-course/enroll').expect(200);
    assert.equal(again.body.enrollment.id, first.body.enrollment.id);
    const other = await agent.post('/api/courses/curso-de-prueba/enroll').expect(200);
    assert.equal(other.body.enrollment.id, first.body.enrollment.id);
    assertError(await agent.post('/api/courses/nope/enroll'), 404);
    assertError(await request(app.server).post('/api/courses/sample-course/enroll'), 401);
  });

  it('serves lessons with sanitised HTML and neighbours to enrolled learners only', async () => {
    const outline = (await request(app.server).get('/api/courses/sample-course').expect(200)).body;
    const [intro, details, check] = outline.modules[0].items;
    const { agent: outsider } = await signUp(app.server);
    assertError(await outsider.get(`/api/lessons/${intro.id}`), 403, 'Enrol');
    assertError(await request(app.server).get(`/api/lessons/${intro.id}`), 401);

    const { agent } = await signUp(app.server);
    await agent.post('/api/courses/sample-course/enroll').expect(201);
    const lesson = (await agent.get(`/api/lessons/${intro.id}`).expect(200)).body;
    assert.equal(lesson.title, 'Introduction');
    assert.match(lesson.html, /<h2[^>]*>What this course is for<\/h2>/);
    assert.match(lesson.html, /<strong>test<\/strong>/);
    assert.ok(lesson.html.includes(`href="/lessons/${details.id}"`), 'a link to another lesson points to its page');
    assert.equal(lesson.previous, undefined);
    assert.equal(lesson.next.id, details.id);
    assert.equal(lesson.completed, false);
    const second = (await agent.get(`/api/lessons/${details.id}`).expect(200)).body;
    assert.equal(second.previous.id, intro.id);
    assert.deepEqual(second.next, { id: check.id, type: 'quiz', title: 'Module 1 check' });

    assertError(await agent.get('/api/lessons/not-a-uuid'), 404);
    assertError(await agent.get('/api/lessons/00000000-0000-4000-8000-000000000000'), 404);
    assertError(await agent.get(`/api/lessons/${check.id}`), 404, 'Lesson');
    assertError(await agent.get(`/api/quizzes/${intro.id}`), 404, 'Quiz');
  });

  it('records lesson completion idempotently and reports progress', async () => {
    const outline = (await request(app.server).get('/api/courses/sample-course').expect(200)).body;
    const intro = outline.modules[0].items[0];
    const { agent } = await signUp(app.server);
    assertError(await agent.post(`/api/lessons/${intro.id}/complete`), 403);
    await agent.post('/api/courses/sample-course/enroll').expect(201);
    const first = (await agent.post(`/api/lessons/${intro.id}/complete`).expect(200)).body;
    assert.deepEqual(first, { progress: 20, completed: false });
    const again = (await agent.post(`/api/lessons/${intro.id}/complete`).expect(200)).body;
    assert.deepEqual(again, first);
    const course = (await agent.get('/api/courses/sample-course').expect(200)).body;
    assert.deepEqual(course.enrollment, { status: 'active', progress: 20 });
    assert.equal(course.modules[0].items[0].completed, true);
    // Progress is kept per item, so it shows in the other language too.
    const es = (await agent.get('/api/courses/curso-de-prueba').expect(200)).body;
    assert.equal(es.enrollment.progress, 20);
    assert.equal(es.modules[0].items[0].completed, true);
    const [{ count }] = await app.ds.query(`SELECT count(*)::int FROM item_progress`);
    assert.ok(count >= 1);
  });

  it('never sends quiz answers, scores a module check on the server and explains each chosen option', async () => {
    const outline = (await request(app.server).get('/api/courses/sample-course').expect(200)).body;
    const check = outline.modules[0].items[2];
    const { agent } = await signUp(app.server);
    await agent.post('/api/courses/sample-course/enroll').expect(201);
    const quiz = (await agent.get(`/api/quizzes/${check.id}`).expect(200)).body;
    assert.equal(quiz.kind, 'check');
    assert.equal(quiz.passingScore, 80);
    assert.equal(quiz.questions.length, 2);
    assert.deepEqual(quiz.questions.map((q: { kind: string }) => q.kind), ['truefalse', 'single']);
    assert.doesNotMatch(JSON.stringify(quiz), /correct|feedback/);

    const [tf, single] = quiz.questions;
    const byText = (q: { options: { id: string; text: string }[] }, text: string) => q.options.find((o) => o.text === text)!.id;
    const half = (await agent
      .post(`/api/quizzes/${check.id}/attempts`)
      .send({ answers: { [tf.id]: [byText(tf, 'True')], [single.id]: [byText(single, 'A letter from her consulate')] } })
      .expect(200)).body;
    assert.equal(half.score, 50);
    assert.equal(half.passed, false);
    assert.equal(half.feedback.length, 2);
    assert.equal(half.feedback[0].correct, true);
    assert.equal(half.feedback[1].correct, false);
    assert.equal(half.feedback[1].selected[0].feedback, 'No, no letter is needed.');

    const full = (await agent
      .post(`/api/quizzes/${check.id}/attempts`)
      .send({ answers: { [tf.id]: [byText(tf, 'True')], [single.id]: [byText(single, 'Her agreement')] } })
      .expect(200)).body;
    assert.equal(full.score, 100);
    assert.equal(full.passed, true);
    const after = (await agent.get(`/api/quizzes/${check.id}`).expect(200)).body;
    assert.equal(after.bestScore, 100);
    assert.equal(after.passed, true);
  });

  it('refuses malformed attempts with a 400 naming the problem, and stores nothing', async () => {
    const outline = (await request(app.server).get('/api/courses/sample-course').expect(200)).body;
    const final = outline.modules[0].items[2];
    const { agent } = await signUp(app.server);
    await agent.post('/api/courses/sample-course/enroll').expect(201);
    const quiz = (await agent.get(`/api/quizzes/${final.id}`).expect(200)).body;
    const [single] = quiz.questions;
    assertError(await agent.post(`/api/quizzes/${final.id}/attempts`).send({}), 400, 'answers');
    assertError(await agent.post(`/api/quizzes/${final.id}/attempts`).send({ answers: 'yes' }), 400, 'answers');
    assertError(await agent.post(`/api/quizzes/${final.id}/attempts`).send({ answers: { nope: ['x'] } }), 400, 'nope');
    assertError(await agent.post(`/api/quizzes/${final.id}/attempts`).send({ answers: { [single.id]: ['bogus'] } }), 400, 'unknown option');
    assertError(await agent.post(`/api/quizzes/${final.id}/attempts`).send({ answers: { [single.id]: [1] } }), 400, single.id);
    assertError(
      await agent.post(`/api/quizzes/${final.id}/attempts`).send({ answers: { [single.id]: single.options.map((o: { id: string }) => o.id) } }),
      400,
      'only one',
    );
    const mine = await app.ds.query(
      `SELECT 1 FROM quiz_attempts a JOIN enrollments e ON e.id = a.enrollment_id JOIN users u ON u.id = e.user_id WHERE u.email = $1`,
      [(await agent.get('/api/me')).body.email],
    );
    assert.equal(mine.length, 0, 'no refused answer sheet was stored');
  });

  it('completes the course when every lesson is done and every quiz passed, and lists it', async () => {
    const { agent } = await signUp(app.server);
    await agent.post('/api/courses/sample-course/enroll').expect(201);
    const last = await completeCourse(app, agent, 'sample-course');
    assert.equal(last.completed, true);
    assert.equal(last.progress, 100);
    const mine = (await agent.get('/api/me/enrollments').expect(200)).body;
    assert.equal(mine.length, 1);
    assert.equal(mine[0].course.slug, 'sample-course');
    assert.equal(mine[0].status, 'completed');
    assert.equal(mine[0].progress, 100);
    assert.ok(Date.parse(mine[0].completedAt));
  });

  it('lets authors and admins review a lesson without enrolling', async () => {
    const outline = (await request(app.server).get('/api/courses/sample-course').expect(200)).body;
    const admin = await signInAdmin(app.server);
    await admin.get(`/api/lessons/${outline.modules[0].items[0].id}`).expect(200);
  });
});
