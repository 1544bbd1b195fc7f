import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import request from 'supertest';
import { assertError } from '../support/errors';
import { signInAdmin, signUp, startTestApp, type TestApp } from '../support/test-app';

describe('two people working on the same course', () => {
  let app: TestApp;
  let admin: request.Agent;
  beforeAll(async () => {
    app = await startTestApp({ redis: false });
    admin = await signInAdmin(app.server);
  });
  afterAll(() => app.close());

  async function author(name: string, email?: string) {
    const a = await signUp(app.server, { name, ...(email ? { email } : {}) });
    await admin.patch(`/api/admin/users/${a.user.id}`).send({ role: 'author' }).expect(200);
    return a;
  }

  it('refuses with 412 a save made over a draft someone changed since, naming that change, and stores nothing', async () => {
    const opened = await admin.get('/api/admin/courses/sample-course').expect(200);
    const tag = opened.headers.etag;
    assert.match(tag, /^"[\w-]+"$/);
    assert.equal(opened.body.draftTag, tag);

    // A co-author saves first.
    const other = await author('Rosa Méndez');
    await admin.put('/api/admin/courses/sample-course/editors').send({ userIds: [other.user.id] }).expect(200);
    const theirs = (await other.agent.get('/api/admin/courses/sample-course').expect(200)).body;
    const saved = await other.agent
      .put('/api/admin/courses/sample-course')
      .set('If-Match', tag)
      .send({ ...theirs, summary: 'Their summary.' })
      .expect(200);
    assert.notEqual(saved.headers.etag, tag, 'a new draft, a new tag');
    assert.equal(saved.body.draftTag, saved.headers.etag);

    // The first save, made from the old draft, is refused and changes nothing.
    const stale = await admin.put('/api/admin/courses/sample-course').set('If-Match', tag).send({ ...opened.body, title: 'Mine' });
    assertError(stale, 412, /changed after you opened it.*Rosa Méndez/);
    const now = (await admin.get('/api/admin/courses/sample-course').expect(200)).body;
    assert.equal(now.summary, 'Their summary.');
    assert.notEqual(now.title, 'Mine');

    // Weak and listed tags are compared by value; `*` and no If-Match at all save as before (the contract's PUT).
    await admin.put('/api/admin/courses/sample-course').set('If-Match', `"x", W/${now.draftTag}`).send({ ...now, title: 'Mine, on the latest draft' }).expect(200);
    await admin.put('/api/admin/courses/sample-course').set('If-Match', '*').send({ ...now, title: 'Any draft' }).expect(200);
    await admin.put('/api/admin/courses/sample-course').send({ ...now, title: 'Last one wins without If-Match' }).expect(200);
    // The tag is read-only in the body: sending an old one back is ignored, not refused.
    await admin.put('/api/admin/courses/sample-course').send({ ...now, draftTag: tag }).expect(200);
  });

  it('stores and logs nothing for a save that changes nothing, and keeps the tag', async () => {
    const opened = await admin.get('/api/admin/courses/curso-de-prueba').expect(200);
    const changes = (await admin.get('/api/admin/courses/curso-de-prueba/changes').expect(200)).body.length;
    const same = await admin.put('/api/admin/courses/curso-de-prueba').set('If-Match', opened.headers.etag).send(opened.body).expect(200);
    assert.equal(same.headers.etag, opened.headers.etag);
    assert.equal((await admin.get('/api/admin/courses/curso-de-prueba/changes').expect(200)).body.length, changes, 'no change, no entry in the log');
  });

  it('refuses with 422 to move a course that learners have taken to another translation group, storing nothing', async () => {
    const { agent: learner } = await signUp(app.server);
    await learner.post('/api/courses/curso-de-prueba/enroll').expect(201);
    const doc = (await admin.get('/api/admin/courses/curso-de-prueba').expect(200)).body;
    const moved = await admin.put('/api/admin/courses/curso-de-prueba').send({ ...doc, translationKey: 'somewhere-else' });
    assertError(moved, 422, /^translationKey: 1 learner is enrolled/);
    assert.equal((await admin.get('/api/admin/courses/curso-de-prueba').expect(200)).body.translationKey, doc.translationKey);
    assert.equal((await learner.get('/api/courses/curso-de-prueba').expect(200)).body.enrollment.status, 'active', 'the learner keeps the course');
  });

  it('keeps links to a course working after its slug changes, until another course takes the old slug', async () => {
    const sample = (await admin.get('/api/admin/courses/sample-course').expect(200)).body;
    await admin.post('/api/admin/courses').send({ ...sample, slug: 'first-name', translationKey: 'first-name' }).expect(201);
    await admin.post('/api/admin/courses/first-name/publish').expect(200);
    const { agent: learner } = await signUp(app.server);
    await learner.post('/api/courses/first-name/enroll').expect(201);

    const draft = (await admin.get('/api/admin/courses/first-name').expect(200)).body;
    await admin.put('/api/admin/courses/first-name').send({ ...draft, slug: 'second-name' }).expect(200);
    // Before and after publishing, the old address and the new one open the same course, enrolment included.
    for (const phase of ['draft', 'published']) {
      for (const slug of ['first-name', 'second-name']) {
        const page = (await learner.get(`/api/courses/${slug}`).expect(200)).body;
        assert.equal(page.enrollment?.status, 'active', `${slug} (${phase})`);
      }
      await learner.post('/api/courses/first-name/enroll').expect(200);
      if (phase === 'draft') await admin.post('/api/admin/courses/second-name/publish').expect(200);
    }
    assert.equal((await learner.get('/api/courses/first-name').expect(200)).body.slug, 'second-name', 'it answers with its own slug');

    // Another course takes the old slug: from then on it means that course.
    await admin.post('/api/admin/courses').send({ ...sample, slug: 'first-name', translationKey: 'first-name-2', title: 'Another course' }).expect(201);
    assertError(await learner.get('/api/courses/first-name'), 404);
    await admin.post('/api/admin/courses/first-name/publish').expect(200);
    assert.equal((await learner.get('/api/courses/first-name').expect(200)).body.title, 'Another course');
    assert.equal((await learner.get('/api/courses/second-name').expect(200)).body.enrollment.status, 'active');
  });

  it('keeps the language of a published course; a course never published may still change it', async () => {
    const published = (await admin.get('/api/admin/courses/sample-course').expect(200)).body;
    assertError(await admin.put('/api/admin/courses/sample-course').send({ ...published, language: 'fr' }), 422, /^language: a published course keeps its language/);
    assert.equal((await admin.get('/api/admin/courses/sample-course').expect(200)).body.language, 'en');
    const sample = published;
    await admin.post('/api/admin/courses').send({ ...sample, slug: 'not-yet-out', translationKey: 'not-yet-out' }).expect(201);
    const draft = (await admin.get('/api/admin/courses/not-yet-out').expect(200)).body;
    await admin.put('/api/admin/courses/not-yet-out').send({ ...draft, language: 'fr' }).expect(200);
  });

  it('hands out the tag on publish and restore too, so the next save can carry it', async () => {
    const published = await admin.post('/api/admin/courses/sample-course/publish').expect(200);
    assert.equal(published.headers.etag, published.body.draftTag);
    const restored = await admin.post(`/api/admin/courses/sample-course/versions/${published.body.version}/restore`).expect(200);
    assert.equal(restored.headers.etag, restored.body.draftTag);
    await admin.put('/api/admin/courses/sample-course').set('If-Match', restored.headers.etag).send(restored.body).expect(200);
  });

  it('lets a course owner find authors to give it to, without listing learners or other users', async () => {
    const owner = await author('Owner Author');
    const colleague = await author('Colleague Núñez', `colleague.${Date.now()}@example.org`);
    await signUp(app.server, { name: 'Colleague Learner' });
    const doc = (await admin.get('/api/admin/courses/sample-course').expect(200)).body;
    await owner.agent.post('/api/admin/courses').send({ ...doc, slug: 'shared-course', translationKey: 'shared-course' }).expect(201);

    const found = (await owner.agent.get('/api/admin/courses/shared-course/editor-candidates?q=colleague').expect(200)).body;
    assert.deepEqual(
      found.map((u: { name: string; role: string }) => [u.name, u.role]),
      [['Colleague Núñez', 'author']],
      'authors match; the learner with the same name does not',
    );
    assert.deepEqual(Object.keys(found[0]).sort(), ['email', 'id', 'institution', 'name', 'role']);
    assert.equal((await owner.agent.get('/api/admin/courses/shared-course/editor-candidates?q=%25').expect(200)).body.length, 0, '% is a character, not a wildcard');
    await owner.agent.put('/api/admin/courses/shared-course/editors').send({ userIds: [found[0].id] }).expect(200);

    // Only who may choose editors may search: not the co-author, not another author, not a learner.
    assertError(await colleague.agent.get('/api/admin/courses/shared-course/editor-candidates?q=a'), 403, 'owner');
    const { agent: learner } = await signUp(app.server);
    assertError(await learner.get('/api/admin/courses/shared-course/editor-candidates'), 403);
    assertError(await request(app.server).get('/api/admin/courses/shared-course/editor-candidates'), 401);
    assertError(await admin.get('/api/admin/courses/no-such-course/editor-candidates'), 404);
    assert.ok((await admin.get('/api/admin/courses/shared-course/editor-candidates').expect(200)).body.length >= 2, 'an admin lists every author');
  });
});
