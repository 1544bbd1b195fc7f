import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import request from 'supertest';
import { assertError } from '../support/errors';
import { passQuiz, rightAnswers, signInAdmin, signUp, startTestApp, type TestApp } from '../support/test-app';

// The sample course (test/fixtures/courses): module 1 has two lessons and a check of 2 questions; module 2 a lesson
// and the final quiz, which asks 4 of a pool of 6 (passingScore 80, 3 failed attempts, then 24 hours).
type Option = { id: string; text: string; correct: boolean; feedback: string };
type Question = { id: string; key: string; kind: string; prompt: string; options: Option[] };
type Item = { id: string; type: string; title: string; questions?: Question[] };

describe('the final quiz: drawn, locked until the course is done, limited, reviewed after a pass', () => {
  let app: TestApp;
  let items: Item[];
  let final: Item;
  let check: Item;
  beforeAll(async () => {
    app = await startTestApp({ redis: false });
    const admin = await signInAdmin(app.server);
    const doc = (await admin.get('/api/admin/courses/sample-course').expect(200)).body;
    items = doc.modules.flatMap((m: { items: Item[] }) => m.items);
    final = items.find((i) => i.type === 'quiz' && i.title === 'Final quiz')!;
    check = items.find((i) => i.type === 'quiz' && i !== final)!;
  });
  afterAll(() => app.close());

  /** A learner enrolled with every lesson and the module check done: the final quiz is open. */
  async function ready() {
    const { agent } = await signUp(app.server);
    await agent.post('/api/courses/sample-course/enroll').expect(201);
    for (const item of items.filter((i) => i.type === 'lesson')) await agent.post(`/api/lessons/${item.id}/complete`).expect(200);
    await passQuiz(agent, check.id, check.questions!);
    return agent;
  }

  /** Wrong answers to every served question (the first wrong option of each). */
  const wrongAnswers = (served: { id: string }[]) =>
    Object.fromEntries(served.map((s) => [s.id, [final.questions!.find((q) => q.id === s.id)!.options.find((o) => !o.correct)!.id]]));

  it('is locked, in the outline and on its page, while lessons or checks remain; an attempt is 403 naming them', async () => {
    const { agent } = await signUp(app.server);
    await agent.post('/api/courses/sample-course/enroll').expect(201);
    const outline = (await agent.get('/api/courses/sample-course').expect(200)).body;
    const lastItem = outline.modules[1].items[1];
    assert.equal(lastItem.kind, 'final');
    assert.match(lastItem.locked.reason, /Still to do \(4\)/);
    assert.deepEqual(lastItem.locked.remaining.map((r: { id: string }) => r.id), items.filter((i) => i !== final).map((i) => i.id));
    assert.equal(outline.modules[0].items[2].kind, 'check');
    assert.equal(outline.modules[0].items[2].locked, undefined);

    const quiz = (await agent.get(`/api/quizzes/${final.id}`).expect(200)).body;
    assert.equal(quiz.kind, 'final');
    assert.deepEqual(quiz.questions, []);
    assert.match(quiz.locked.reason, /"Module 1 check"/);
    const refused = await agent.post(`/api/quizzes/${final.id}/attempts`).send({ answers: {} });
    assertError(refused, 403, '"Module 1 check"');

    // Lessons done, the check not yet: still locked, now naming only the check.
    for (const item of items.filter((i) => i.type === 'lesson')) await agent.post(`/api/lessons/${item.id}/complete`).expect(200);
    const still = (await agent.get(`/api/quizzes/${final.id}`).expect(200)).body;
    assert.deepEqual(still.locked.remaining.map((r: { title: string }) => r.title), ['Module 1 check']);
    const me = (await agent.get('/api/me').expect(200)).body;
    const [{ count }] = await app.ds.query(
      `SELECT count(*)::int FROM quiz_servings s JOIN enrollments e ON e.id = s.enrollment_id WHERE e.user_id = $1`,
      [me.id],
    );
    assert.equal(count, 0, 'nothing is served while the quiz is locked');
  });

  it('serves draw questions from the pool with shuffled options, the same set until it is answered, without answers', async () => {
    const served: string[][] = [];
    let shuffledSeen = false;
    for (let n = 0; n < 5; n++) {
      const agent = await ready();
      const quiz = (await agent.get(`/api/quizzes/${final.id}`).expect(200)).body;
      assert.equal(quiz.kind, 'final');
      assert.equal(quiz.attemptsLeft, 3);
      assert.equal(quiz.locked, undefined);
      assert.equal(quiz.questions.length, 4);
      assert.doesNotMatch(JSON.stringify(quiz), /correct|feedback/);
      for (const q of quiz.questions) {
        const pool = final.questions!.find((p) => p.id === q.id)!;
        assert.deepEqual(q.options.map((o: { id: string }) => o.id).sort(), pool.options.map((o) => o.id).sort());
        if (q.options.map((o: { id: string }) => o.id).join() !== pool.options.map((o) => o.id).join()) shuffledSeen = true;
      }
      const again = (await agent.get(`/api/quizzes/${final.id}`).expect(200)).body;
      assert.deepEqual(again.questions, quiz.questions, 'getting the quiz again does not re-roll it');
      served.push(quiz.questions.map((q: { id: string }) => q.id));
    }
    assert.ok(new Set(served.flat()).size > 4, 'different learners are served different draws from the pool');
    assert.ok(shuffledSeen, 'options are shuffled');
  });

  it('scores against what was served: other pool questions are ignored, unanswered ones are wrong', async () => {
    const agent = await ready();
    const quiz = (await agent.get(`/api/quizzes/${final.id}`).expect(200)).body;
    const servedIds = quiz.questions.map((q: { id: string }) => q.id);
    const notServed = final.questions!.filter((q) => !servedIds.includes(q.id));
    const right = await rightAnswers(agent, final.id, final.questions!);
    // Three served questions right, one left out; right answers to the unserved pool questions count for nothing.
    const answers: Record<string, string[]> = Object.fromEntries(Object.entries(right).slice(0, 3));
    for (const q of notServed) answers[q.id] = q.options.filter((o) => o.correct).map((o) => o.id);
    const res = (await agent.post(`/api/quizzes/${final.id}/attempts`).send({ answers }).expect(200)).body;
    assert.equal(res.score, 75);
    assert.equal(res.passed, false);
    assert.deepEqual(res.feedback.map((f: { questionId: string }) => f.questionId), servedIds);
    assert.deepEqual(res.feedback.map((f: { correct: boolean }) => f.correct), [true, true, true, false]);
    assert.equal(res.attemptsLeft, 2);
    assert.equal(res.retryAt, undefined);
  });

  it('after a failed attempt names the wrong questions with the chosen options’ feedback, never a right option not chosen', async () => {
    const agent = await ready();
    const quiz = (await agent.get(`/api/quizzes/${final.id}`).expect(200)).body;
    const answers = wrongAnswers(quiz.questions);
    const res = (await agent.post(`/api/quizzes/${final.id}/attempts`).send({ answers }).expect(200)).body;
    assert.equal(res.score, 0);
    assert.equal(res.review, undefined);
    const body = JSON.stringify(res);
    for (const q of final.questions!) {
      for (const o of q.options.filter((x) => x.correct)) {
        assert.ok(!body.includes(o.id), `the right option ${o.id} is not named`);
        assert.ok(!body.includes(JSON.stringify(o.feedback)), 'nor its feedback');
      }
    }
    for (const f of res.feedback) {
      assert.equal(f.correct, false);
      const chosen = answers[f.questionId][0];
      assert.deepEqual(f.selected, [{ optionId: chosen, feedback: final.questions!.flatMap((q) => q.options).find((o) => o.id === chosen)!.feedback }]);
    }
    // The next GET serves a new draw.
    const next = (await agent.get(`/api/quizzes/${final.id}`).expect(200)).body;
    assert.equal(next.attemptsLeft, 2);
    assert.equal(next.questions.length, 4);
  });

  it('opens a draw when an attempt comes without a GET, and scores against it', async () => {
    const agent = await ready();
    const res = (await agent.post(`/api/quizzes/${final.id}/attempts`).send({ answers: {} }).expect(200)).body;
    assert.equal(res.score, 0);
    assert.equal(res.feedback.length, 4);
    assert.equal(res.attemptsLeft, 2);
    const me = (await agent.get('/api/me').expect(200)).body;
    const rows = await app.ds.query(
      `SELECT s.closed_at IS NOT NULL AS closed, jsonb_array_length(s.questions) AS n FROM quiz_servings s
         JOIN quiz_attempts a ON a.id = s.attempt_id JOIN enrollments e ON e.id = a.enrollment_id WHERE e.user_id = $1`,
      [me.id],
    );
    assert.deepEqual(rows, [{ closed: true, n: 4 }]);
  });

  it('refuses a fourth failure with 429 and retryAt; after the wait the count starts again', async () => {
    const agent = await ready();
    let last: { attemptsLeft: number; retryAt?: string } | undefined;
    for (let n = 0; n < 3; n++) {
      const quiz = (await agent.get(`/api/quizzes/${final.id}`).expect(200)).body;
      last = (await agent.post(`/api/quizzes/${final.id}/attempts`).send({ answers: wrongAnswers(quiz.questions) }).expect(200)).body;
      assert.equal(last!.attemptsLeft, 2 - n);
    }
    assert.ok(last!.retryAt);
    const refused = await agent.post(`/api/quizzes/${final.id}/attempts`).send({ answers: {} });
    assertError(refused, 429, 'try again after');
    assert.equal(refused.body.retryAt, last!.retryAt);
    const hours = (Date.parse(refused.body.retryAt) - Date.now()) / 3600_000;
    assert.ok(hours > 23 && hours <= 24, `retryAt is 24 hours after the last failure (${hours} h)`);
    const waiting = (await agent.get(`/api/quizzes/${final.id}`).expect(200)).body;
    assert.deepEqual([waiting.attemptsLeft, waiting.retryAt, waiting.questions], [0, last!.retryAt, []]);

    // The wait is over (the failures moved 25 hours back): three attempts again.
    const me = (await agent.get('/api/me').expect(200)).body;
    await app.ds.query(
      `UPDATE quiz_attempts SET created_at = created_at - interval '25 hours'
        WHERE enrollment_id IN (SELECT id FROM enrollments WHERE user_id = $1)`,
      [me.id],
    );
    const reopened = (await agent.get(`/api/quizzes/${final.id}`).expect(200)).body;
    assert.equal(reopened.attemptsLeft, 3);
    assert.equal(reopened.retryAt, undefined);
    assert.equal(reopened.questions.length, 4);
  });

  it('holds the limit under a burst of 20 parallel attempts', async () => {
    const agent = await ready();
    const quiz = (await agent.get(`/api/quizzes/${final.id}`).expect(200)).body;
    const answers = wrongAnswers(quiz.questions);
    const results = await Promise.all(Array.from({ length: 20 }, () => agent.post(`/api/quizzes/${final.id}/attempts`).send({ answers })));
    const statuses = results.map((r) => r.status).sort();
    assert.deepEqual(statuses, [...Array(3).fill(200), ...Array(17).fill(429)]);
    const me = (await agent.get('/api/me').expect(200)).body;
    const [{ count }] = await app.ds.query(
      `SELECT count(*)::int FROM quiz_attempts a JOIN enrollments e ON e.id = a.enrollment_id WHERE e.user_id = $1 AND a.item_id = $2`,
      [me.id, final.id],
    );
    assert.equal(count, 3);
  });

  it('after a pass opens the full review, completes the course with hours from the computed time, and takes no more attempts', async () => {
    const agent: request.Agent = await ready();
    const res = await passQuiz(agent, final.id, final.questions!);
    assert.equal(res.score, 100);
    assert.equal(res.completed, true);
    assert.equal(res.progress, 100);
    assert.equal(res.review.length, 4);
    for (const r of res.review) {
      const pool = final.questions!.find((q) => q.id === r.questionId)!;
      assert.equal(r.correct, true);
      assert.equal(r.prompt, pool.prompt);
      assert.deepEqual(
        [...r.options].sort((a: Option, b: Option) => a.id.localeCompare(b.id)).map((o: Option & { chosen: boolean }) => [o.id, o.correct, o.feedback, o.chosen]),
        [...pool.options].sort((a, b) => a.id.localeCompare(b.id)).map((o) => [o.id, o.correct, o.feedback, o.correct]),
      );
    }
    const quiz = (await agent.get(`/api/quizzes/${final.id}`).expect(200)).body;
    assert.equal(quiz.passed, true);
    assert.deepEqual(quiz.review, res.review);
    assert.deepEqual(quiz.questions.map((q: { id: string }) => q.id), res.review.map((r: { questionId: string }) => r.questionId));
    assertError(await agent.post(`/api/quizzes/${final.id}/attempts`).send({ answers: {} }), 409, 'passed');

    // Hours: the published version's computed minutes (5 for this course), rounded up to the half hour.
    const [{ computed_minutes }] = await app.ds.query(
      `SELECT v.computed_minutes FROM course_versions v JOIN courses c ON c.published_version_id = v.id WHERE c.slug = 'sample-course'`,
    );
    assert.equal(computed_minutes, 5);
    const me = (await agent.get('/api/me').expect(200)).body;
    const [cert] = await app.ds.query(`SELECT hours FROM certificates WHERE user_id = $1`, [me.id]);
    assert.equal(Number(cert.hours), 0.5);
  });

  it('documents the final quiz in the OpenAPI document: kind, locked, attemptsLeft, retryAt, review and the 429', async () => {
    const spec = (await request(app.server).get('/api/docs-json').expect(200)).body;
    const get = spec.paths['/api/quizzes/{id}'].get.responses['200'].content['application/json'].schema.properties;
    assert.deepEqual(['kind', 'locked', 'attemptsLeft', 'retryAt', 'review'].filter((f) => !get[f]), []);
    const post = spec.paths['/api/quizzes/{id}/attempts'].post.responses;
    assert.ok(post['429'].content['application/json'].schema.properties.retryAt);
    assert.ok(post['403'] && post['409']);
  });

  it('keeps module checks open, practice-style: unlimited failures with the chosen options’ feedback', async () => {
    const { agent } = await signUp(app.server);
    await agent.post('/api/courses/sample-course/enroll').expect(201);
    const q = check.questions![1];
    const wrong = q.options.find((o) => !o.correct)!;
    for (let n = 0; n < 5; n++) {
      const res = (await agent.post(`/api/quizzes/${check.id}/attempts`).send({ answers: { [q.id]: [wrong.id] } }).expect(200)).body;
      assert.equal(res.passed, false);
      assert.equal(res.attemptsLeft, undefined);
      assert.equal(res.feedback.length, 2);
      assert.equal(res.feedback[1].selected[0].feedback, wrong.feedback);
    }
  });
});

describe('the final quiz in the studio: kind, draw and attempt policy, validated like courses:check', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ redis: false });
  });
  afterAll(() => app.close());

  it('refuses a pool too small for the draw and a policy on a check, naming the place; keeps a valid policy', async () => {
    const admin = await signInAdmin(app.server);
    const doc = (await admin.get('/api/admin/courses/sample-course').expect(200)).body;
    const final = doc.modules[1].items[1];
    assert.deepEqual([final.kind, final.draw, final.maxFailedAttempts, final.retryAfterHours], ['final', 4, 3, 24]);

    const edited = (change: (d: typeof doc) => void) => {
      const copy = structuredClone(doc);
      change(copy);
      return admin.put('/api/admin/courses/sample-course').send(copy);
    };
    assertError(await edited((d) => (d.modules[1].items[1].draw = 5)), 400, 'modules[1].items[1].draw: final pool too small');
    assertError(await edited((d) => (d.modules[0].items[2].maxFailedAttempts = 2)), 400, 'modules[0].items[2].maxFailedAttempts');
    assertError(await edited((d) => (d.modules[0].items[2].kind = 'final')), 400, 'modules[0].items[2]');
    assertError(await edited((d) => (d.modules[1].items[1].retryAfterHours = 0)), 400, 'retryAfterHours');

    await edited((d) => Object.assign(d.modules[1].items[1], { draw: 3, maxFailedAttempts: 2, retryAfterHours: 48 })).expect(200);
    const saved = (await admin.get('/api/admin/courses/sample-course').expect(200)).body.modules[1].items[1];
    assert.deepEqual([saved.draw, saved.maxFailedAttempts, saved.retryAfterHours], [3, 2, 48]);

    // The preview serves a draw as a learner gets it, and reviews the answers; nothing is stored.
    const preview = (await admin.get(`/api/admin/courses/sample-course/preview/quizzes/${final.id}`).expect(200)).body;
    assert.equal(preview.kind, 'final');
    assert.equal(preview.questions.length, 3);
    assert.equal(preview.attemptsLeft, 2);
    const answers = Object.fromEntries(
      preview.questions.map((q: { id: string }) => [q.id, saved.questions.find((x: Question) => x.id === q.id).options.filter((o: Option) => o.correct).map((o: Option) => o.id)]),
    );
    const scored = (await admin.post(`/api/admin/courses/sample-course/preview/quizzes/${final.id}/attempts`).send({ answers }).expect(200)).body;
    assert.equal(scored.score, 100);
    assert.equal(scored.review.length, 3);
    const [{ count }] = await app.ds.query(`SELECT count(*)::int FROM quiz_servings`);
    assert.equal(count, 0);
  });
});
