import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import request from 'supertest';
import { assertError } from '../support/errors';
import { png } from '../support/png';
import { signInAdmin, signUp, startTestApp, type TestApp } from '../support/test-app';

type Agent = request.Agent | ReturnType<typeof request>;

/**
 * One rule set (apps/api/src/auth/policies.ts), checked per role: anonymous 401, learner 403, an author without
 * rights on the course 403, its owner and the authors it was given to allowed, admins allowed.
 */
describe('authorization: who may do what', () => {
  let app: TestApp;
  let admin: request.Agent;
  let learner: Awaited<ReturnType<typeof signUp>>;
  let owner: Awaited<ReturnType<typeof signUp>>;
  let given: Awaited<ReturnType<typeof signUp>>;
  let stranger: Awaited<ReturnType<typeof signUp>>;
  const SLUG = 'owned-course';
  let lessonId: string;

  beforeAll(async () => {
    app = await startTestApp({ redis: false });
    admin = await signInAdmin(app.server);
    learner = await signUp(app.server, { name: 'Lucía Aprendiz' });
    const author = async (name: string) => {
      const a = await signUp(app.server, { name });
      await admin.patch(`/api/admin/users/${a.user.id}`).send({ role: 'author' }).expect(200);
      return a;
    };
    owner = await author('Olga Dueña');
    given = await author('Gabriel Editor');
    stranger = await author('Esteban Ajeno');
    // The owner writes a course (a copy of the sample) and gives it to one other author.
    const sample = (await admin.get('/api/admin/courses/sample-course').expect(200)).body;
    const doc = { ...sample, slug: SLUG, translationKey: SLUG, title: 'Owned course' };
    const created = (await owner.agent.post('/api/admin/courses').send(doc).expect(201)).body;
    lessonId = created.modules[0].items.find((i: { type: string }) => i.type === 'lesson').id;
    await owner.agent.put(`/api/admin/courses/${SLUG}/editors`).send({ userIds: [given.user.id] }).expect(200);
    await owner.agent.post(`/api/admin/courses/${SLUG}/publish`).expect(200);
  });
  afterAll(() => app.close());

  const anonymous = () => request(app.server);

  // Routes that need edit rights on the course; each is tried by every role.
  const reads: [string, string][] = [
    ['draft', `/api/admin/courses/${SLUG}`],
    ['versions', `/api/admin/courses/${SLUG}/versions`],
    ['one version', `/api/admin/courses/${SLUG}/versions/1`],
    ['change log', `/api/admin/courses/${SLUG}/changes`],
    ['translations', `/api/admin/courses/${SLUG}/translations`],
    ['editors', `/api/admin/courses/${SLUG}/editors`],
    ['assets', `/api/admin/courses/${SLUG}/assets`],
    ['export.zip', `/api/admin/courses/${SLUG}/export.zip`],
    ['preview', `/api/admin/courses/${SLUG}/preview`],
    ['preview lesson', `/api/admin/courses/${SLUG}/preview/lessons/LESSON`],
  ];

  for (const [name, path] of reads) {
    it(`${name}: anonymous 401, learner 403, other author 403; owner, given author and admin 200`, async () => {
      const url = path.replace('LESSON', lessonId);
      assertError(await anonymous().get(url), 401);
      assertError(await learner.agent.get(url), 403);
      const refused = await stranger.agent.get(url);
      assertError(refused, 403, 'owner');
      assert.doesNotMatch(JSON.stringify(refused.body), /correct|markdown/, 'nothing of the draft leaks in the refusal');
      for (const who of [owner.agent, given.agent, admin] as Agent[]) {
        const res = await (who as request.Agent).get(url);
        assert.equal(res.status, 200, `${name} for an allowed user: ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
      }
    });
  }

  it('changing the draft, publishing, restoring and uploading pictures need edit rights too', async () => {
    const draft = (await owner.agent.get(`/api/admin/courses/${SLUG}`).expect(200)).body;
    const changes = (await admin.get(`/api/admin/courses/${SLUG}/changes`).expect(200)).body.length;
    const tries: [string, (a: request.Agent | ReturnType<typeof anonymous>) => request.Test][] = [
      ['PUT draft', (a) => a.put(`/api/admin/courses/${SLUG}`).send({ ...draft, title: 'Taken over' })],
      ['publish', (a) => a.post(`/api/admin/courses/${SLUG}/publish`)],
      ['restore', (a) => a.post(`/api/admin/courses/${SLUG}/versions/1/restore`)],
      ['upload', (a) => a.post(`/api/admin/courses/${SLUG}/assets?filename=x.png`).set('Content-Type', 'image/png').send(png(4, 4))],
      ['choose editors', (a) => a.put(`/api/admin/courses/${SLUG}/editors`).send({ userIds: [] })],
      ['editor candidates', (a) => a.get(`/api/admin/courses/${SLUG}/editor-candidates?q=a`)],
    ];
    for (const [name, send] of tries) {
      assertError(await send(anonymous()), 401, undefined);
      assertError(await send(learner.agent), 403);
      const res = await send(stranger.agent);
      assert.equal(res.status, 403, `${name} by an author without rights: ${res.status}`);
    }
    assert.equal((await admin.get(`/api/admin/courses/${SLUG}/changes`).expect(200)).body.length, changes, 'nothing was changed or logged');
    assert.equal((await admin.get(`/api/admin/courses/${SLUG}`).expect(200)).body.title, 'Owned course');

    // The given author edits, uploads, publishes and restores; only the owner and admins choose editors.
    await given.agent.put(`/api/admin/courses/${SLUG}`).send({ ...draft, summary: 'Edited by the given author.' }).expect(200);
    await given.agent.post(`/api/admin/courses/${SLUG}/assets?filename=g.png`).set('Content-Type', 'image/png').send(png(4, 4)).expect(201);
    await given.agent.post(`/api/admin/courses/${SLUG}/publish`).expect(200);
    await given.agent.post(`/api/admin/courses/${SLUG}/versions/1/restore`).expect(200);
    assertError(await given.agent.get(`/api/admin/courses/${SLUG}/editor-candidates`), 403, 'owner');
    assertError(await given.agent.put(`/api/admin/courses/${SLUG}/editors`).send({ userIds: [] }), 403, 'owner');
    await owner.agent.get(`/api/admin/courses/${SLUG}/editor-candidates`).expect(200);
    await admin.get(`/api/admin/courses/${SLUG}/editor-candidates`).expect(200);
    await admin.put(`/api/admin/courses/${SLUG}/editors`).send({ userIds: [given.user.id] }).expect(200);
    // An unknown course is 404 for anyone allowed in the studio.
    assertError(await stranger.agent.get('/api/admin/courses/no-such-course'), 404);
  });

  it('lists every course to authors with canEdit, and none of their contents', async () => {
    const list = (await stranger.agent.get('/api/admin/courses').expect(200)).body;
    const mine = list.find((c: { slug: string }) => c.slug === SLUG);
    assert.equal(mine.canEdit, false);
    assert.doesNotMatch(JSON.stringify(list), /"correct"|"markdown"|"modules"/);
    assert.equal((await owner.agent.get('/api/admin/courses').expect(200)).body.find((c: { slug: string }) => c.slug === SLUG).canEdit, true);
    assert.equal((await given.agent.get('/api/admin/courses').expect(200)).body.find((c: { slug: string }) => c.slug === SLUG).canEdit, true);
    assert.ok((await admin.get('/api/admin/courses').expect(200)).body.every((c: { canEdit: boolean }) => c.canEdit));
    assertError(await learner.agent.get('/api/admin/courses'), 403);
    assertError(await anonymous().get('/api/admin/courses'), 401);
  });

  it('gives learner-level CSV to admins only, and authors totals of the courses they edit only', async () => {
    // One learner in the sample course (not the owner's), another in the owner's course.
    await learner.agent.post('/api/courses/sample-course/enroll').expect(201);
    const other = await signUp(app.server, { name: 'Otro Aprendiz' });
    await other.agent.post(`/api/courses/${SLUG}/enroll`).expect(201);

    const csv = await admin.get('/api/admin/reports/enrollments.csv').expect(200);
    assert.ok(csv.text.includes(learner.email) && csv.text.includes(other.email), 'admins get one row per enrolment');
    for (const a of [owner.agent, given.agent, stranger.agent]) {
      const res = await a.get('/api/admin/reports/enrollments.csv');
      assertError(res, 403, 'admins');
      assert.ok(!JSON.stringify(res.body).includes('@example.org'));
    }
    assertError(await learner.agent.get('/api/admin/reports/enrollments.csv'), 403);
    assertError(await anonymous().get('/api/admin/reports/enrollments.csv'), 401);

    const all = (await admin.get('/api/admin/reports/summary?groupBy=course').expect(200)).body;
    assert.deepEqual(all.rows.map((r: { group: string }) => r.group).sort(), [SLUG, 'sample-course'].sort());
    const ownerView = (await owner.agent.get('/api/admin/reports/summary?groupBy=course').expect(200)).body;
    assert.deepEqual(ownerView.rows.map((r: { group: string }) => r.group), [SLUG]);
    assert.equal(ownerView.totals.enrollments, 1);
    const givenByCountry = (await given.agent.get('/api/admin/reports/summary?groupBy=country').expect(200)).body;
    assert.equal(givenByCountry.totals.enrollments, 1, 'other groupings count only the author’s courses too');
    const strangerView = (await stranger.agent.get('/api/admin/reports/summary').expect(200)).body;
    assert.equal(strangerView.rows.length, 0);
    assert.equal(strangerView.totals.enrollments, 0);

    const grouped = await owner.agent.get('/api/admin/reports/enrollments.csv?groupBy=course').expect(200);
    assert.match(grouped.text, new RegExp(SLUG));
    assert.doesNotMatch(grouped.text, /sample-course|@example\.org/);
    assertError(await learner.agent.get('/api/admin/reports/summary'), 403);
    assertError(await anonymous().get('/api/admin/reports/summary'), 401);
  });

  it('keeps an audit log that only admins read: sign-ins, failures, roles, deactivations, publishes, exports, downloads', async () => {
    const victim = await signUp(app.server, { name: 'Cuenta Cerrada' });
    await request(app.server).post('/api/auth/login').send({ email: victim.email, password: 'not the password' }).expect(401);
    await request(app.server).post('/api/auth/login').send({ email: victim.email, password: victim.password }).expect(200);
    await admin.patch(`/api/admin/users/${victim.user.id}`).send({ role: 'author' }).expect(200);
    await admin.patch(`/api/admin/users/${victim.user.id}`).send({ active: false }).expect(200);

    assertError(await anonymous().get('/api/admin/audit'), 401);
    for (const a of [learner.agent, owner.agent, stranger.agent]) assertError(await a.get('/api/admin/audit'), 403, 'admins');

    const page = (await admin.get('/api/admin/audit').expect(200)).body;
    assert.equal(page.page, 1);
    assert.ok(page.total >= page.events.length && page.events.length > 0);
    const times = page.events.map((e: { at: string }) => Date.parse(e.at));
    assert.deepEqual(times, [...times].sort((a, b) => b - a), 'newest first');
    assert.equal(res(page, 'account-deactivated', victim.user.id)?.detail.email, victim.email);
    assert.deepEqual(
      { from: res(page, 'role-changed', victim.user.id)?.detail.from, to: res(page, 'role-changed', victim.user.id)?.detail.to },
      { from: 'learner', to: 'author' },
    );
    const adminId = (await admin.get('/api/me').expect(200)).body.id;
    assert.equal(res(page, 'role-changed', victim.user.id)?.actor?.id, adminId);

    const signIns = (await admin.get('/api/admin/audit?type=sign-in').expect(200)).body.events;
    assert.ok(signIns.some((e: { actor: { id: string } }) => e.actor.id === victim.user.id));
    assert.ok(signIns.every((e: { type: string }) => e.type === 'sign-in'));
    const failed = (await admin.get('/api/admin/audit?type=sign-in-failed').expect(200)).body.events;
    assert.ok(failed.length >= 1);
    assert.match(failed[0].subject, /^sha256:[0-9a-f]{32}$/, 'a failed sign-in keeps a hash of the email, not the email');
    assert.ok(!JSON.stringify(failed).includes(victim.email));

    const published = (await admin.get('/api/admin/audit?type=course-published').expect(200)).body.events;
    assert.ok(published.some((e: { subject: string; actor: { id: string } }) => e.subject === SLUG && e.actor.id === owner.user.id));
    const exported = (await admin.get('/api/admin/audit?type=course-exported').expect(200)).body.events;
    assert.ok(exported.some((e: { subject: string; actor: { id: string } }) => e.subject === SLUG && e.actor.id === given.user.id));
    const downloads = (await admin.get('/api/admin/audit?type=report-downloaded').expect(200)).body.events;
    assert.ok(downloads.some((e: { detail: { groupBy: string | null } }) => e.detail.groupBy === null));
    assert.ok(downloads.some((e: { actor: { id: string }; detail: { groupBy: string | null } }) => e.actor.id === owner.user.id && e.detail.groupBy === 'course'));

    // Refused exports are not recorded as exports.
    assert.ok(!exported.some((e: { actor: { id: string } }) => e.actor.id === stranger.user.id));

    assertError(await admin.get('/api/admin/audit?type=nonsense'), 400, 'type');
    assertError(await admin.get('/api/admin/audit?page=0'), 400, 'page');
    assertError(await admin.get('/api/admin/audit?page=abc'), 400, 'page');
    assert.deepEqual((await admin.get('/api/admin/audit?page=999').expect(200)).body.events, []);
  });
});

function res(page: { events: { type: string; subject: string | null; actor: { id: string } | null; detail: Record<string, string> }[] }, type: string, subject: string) {
  return page.events.find((e) => e.type === type && e.subject === subject);
}
