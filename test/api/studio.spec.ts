import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import { strFromU8, unzipSync } from 'fflate';
import request from 'supertest';
import { ROOT } from '../support/env';
import { assertError } from '../support/errors';
import { binary, png } from '../support/png';
import { signInAdmin, signUp, startTestApp, type TestApp } from '../support/test-app';

// A picture 3 pixels wide and 2 high.
const PNG = png(3, 2);

describe('the authoring studio API', () => {
  let app: TestApp;
  let admin: request.Agent;

  async function author() {
    const u = await signUp(app.server);
    await admin.patch(`/api/admin/users/${u.user.id}`).send({ role: 'author' }).expect(200);
    return u;
  }

  beforeAll(async () => {
    app = await startTestApp({ redis: false });
    admin = await signInAdmin(app.server);
  });
  afterAll(() => app.close());

  it('lets admins list, search, promote and deactivate users; nobody else', async () => {
    const learner = await signUp(app.server, { name: 'Zacarías Único', institution: 'Albergue La Esperanza' });
    assertError(await learner.agent.get('/api/admin/users'), 403);
    const found = (await admin.get('/api/admin/users?q=esperanza').expect(200)).body;
    assert.equal(found.total, 1);
    assert.equal(found.users[0].name, 'Zacarías Único');
    assertError(await admin.get('/api/admin/users?role=king'), 400, 'role');
    assertError(await admin.patch(`/api/admin/users/${learner.user.id}`).send({ role: 'king' }), 400, 'role');
    assertError(await admin.patch('/api/admin/users/00000000-0000-4000-8000-000000000000').send({ role: 'author' }), 404);
    const promoted = (await admin.patch(`/api/admin/users/${learner.user.id}`).send({ role: 'author' }).expect(200)).body;
    assert.equal(promoted.role, 'author');
    assert.equal((await learner.agent.get('/api/me').expect(200)).body.role, 'author', 'a role change applies at once');
    await admin.patch(`/api/admin/users/${learner.user.id}`).send({ active: false }).expect(200);
    assertError(await learner.agent.get('/api/me'), 401);
    assertError(await request(app.server).post('/api/auth/login').send({ email: learner.email, password: learner.password }), 401);
    const me = (await admin.get('/api/me')).body;
    assertError(await admin.patch(`/api/admin/users/${me.id}`).send({ role: 'learner' }), 409);
  });

  it('lets an author edit the courses they own or were given, and no other', async () => {
    const owner = await author();
    const other = await author();
    const doc = (await admin.get('/api/admin/courses/sample-course').expect(200)).body;
    const mine = { ...structuredClone(doc), slug: 'owned-course', translationKey: 'owned-course' };
    const created = (await owner.agent.post('/api/admin/courses').send(mine).expect(201)).body;
    assert.equal(created.canEdit, true);
    const list = (await other.agent.get('/api/admin/courses').expect(200)).body;
    assert.equal(list.find((c: { slug: string }) => c.slug === 'owned-course').canEdit, false);
    assertError(await other.agent.put('/api/admin/courses/owned-course').send(created), 403);
    assertError(await other.agent.post('/api/admin/courses/owned-course/publish'), 403);
    assertError(await other.agent.put('/api/admin/courses/owned-course/editors').send({ userIds: [other.user.id] }), 403);
    const learner = await signUp(app.server);
    assertError(await owner.agent.put('/api/admin/courses/owned-course/editors').send({ userIds: [learner.user.id] }), 400, 'author role');
    assertError(await owner.agent.put('/api/admin/courses/owned-course/editors').send({ userIds: ['nope'] }), 400, 'userIds');
    const editors = (await owner.agent.put('/api/admin/courses/owned-course/editors').send({ userIds: [other.user.id] }).expect(200)).body;
    assert.deepEqual(editors.editors.map((e: { id: string }) => e.id), [other.user.id]);
    assert.equal(editors.owner.id, owner.user.id);
    await other.agent.put('/api/admin/courses/owned-course').send({ ...created, title: 'Edited by a co-author' }).expect(200);
    assertError(await other.agent.put('/api/admin/courses/sample-course').send(doc), 403);
  });

  it('keeps a change log and versions; an earlier version can be restored as the draft', async () => {
    const doc = (await admin.get('/api/admin/courses/curso-de-prueba').expect(200)).body;
    await admin.put('/api/admin/courses/curso-de-prueba').send({ ...doc, title: 'Título nuevo' }).expect(200);
    await admin.post('/api/admin/courses/curso-de-prueba/publish').expect(200);
    const versions = (await admin.get('/api/admin/courses/curso-de-prueba/versions').expect(200)).body;
    assert.deepEqual(versions.map((v: { number: number; current: boolean }) => [v.number, v.current]), [[2, true], [1, false]]);
    assert.equal(versions[0].publishedBy.name, 'eCampus Admin');
    assert.equal((await admin.get('/api/admin/courses/curso-de-prueba/versions/1').expect(200)).body.title, doc.title);
    assertError(await admin.get('/api/admin/courses/curso-de-prueba/versions/9'), 404);
    assertError(await admin.get('/api/admin/courses/curso-de-prueba/versions/abc'), 400, 'number');

    const restored = (await admin.post('/api/admin/courses/curso-de-prueba/versions/1/restore').expect(200)).body;
    assert.equal(restored.title, doc.title);
    assert.equal(restored.hasUnpublishedChanges, true);
    assert.equal((await request(app.server).get('/api/courses/curso-de-prueba').expect(200)).body.title, 'Título nuevo', 'learners still see v2');

    const changes = (await admin.get('/api/admin/courses/curso-de-prueba/changes').expect(200)).body;
    assert.deepEqual(changes.slice(0, 3).map((c: { action: string }) => c.action), ['restored', 'published', 'edited']);
    assert.match(changes[2].summary, /changed title/);
    assert.equal(changes[2].user.name, 'eCampus Admin');
    assert.ok(Date.parse(changes[0].at));
    assert.equal(changes.at(-1).action, 'imported');
  });

  it('shows which items a translation lacks', async () => {
    const doc = (await admin.get('/api/admin/courses/sample-course').expect(200)).body;
    doc.modules[1].items.unshift({ type: 'lesson', key: 'm2-extra', title: 'Only in English', markdown: 'Text.' });
    await admin.put('/api/admin/courses/sample-course').send(doc).expect(200);
    const [es] = (await admin.get('/api/admin/courses/sample-course/translations').expect(200)).body;
    assert.equal(es.language, 'es');
    assert.equal(es.slug, 'curso-de-prueba');
    assert.deepEqual(es.missing, [{ key: 'm2-extra', type: 'lesson', title: 'Only in English' }]);
    assert.deepEqual(es.extra, []);
    doc.modules[1].items.shift();
    await admin.put('/api/admin/courses/sample-course').send(doc).expect(200);
    assert.deepEqual((await admin.get('/api/admin/courses/sample-course/translations').expect(200)).body[0].missing, []);
  });

  it('stores pictures checked by type and size, and serves them to lessons', async () => {
    const res = await admin.post('/api/admin/courses/sample-course/assets?filename=Mapa de rutas.PNG').set('Content-Type', 'image/png').send(PNG).expect(201);
    assert.equal(res.body.filename, 'mapa-de-rutas.png');
    assert.equal(res.body.markdownPath, '../images/mapa-de-rutas.png');
    assert.deepEqual([res.body.width, res.body.height], [3, 2]);
    const got = await request(app.server).get(res.body.url).buffer(true).parse(binary).expect(200);
    assert.equal(got.headers['content-type'], 'image/png');
    assert.ok((got.body as Buffer).equals(PNG));
    assertError(await admin.post('/api/admin/courses/sample-course/assets').set('Content-Type', 'image/png').send(Buffer.from('<svg onload="x"/>')), 415);
    assertError(await admin.post('/api/admin/courses/sample-course/assets').set('Content-Type', 'image/png').send(Buffer.concat([PNG, Buffer.alloc(2 * 1024 * 1024)])), 413);
    const { agent } = await signUp(app.server);
    assertError(await agent.post('/api/admin/courses/sample-course/assets').set('Content-Type', 'image/png').send(PNG), 403);
    const list = (await admin.get('/api/admin/courses/sample-course/assets').expect(200)).body;
    assert.deepEqual(list.map((a: { filename: string }) => a.filename), ['mapa-de-rutas.png']);

    // A lesson that shows it: published, the learner's HTML points to the stored picture.
    const doc = (await admin.get('/api/admin/courses/sample-course').expect(200)).body;
    doc.modules[0].items[1].markdown += '\n\n![Mapa de rutas](../images/mapa-de-rutas.png)\n';
    await admin.put('/api/admin/courses/sample-course').send(doc).expect(200);
    const preview = (await admin.get(`/api/admin/courses/sample-course/preview/lessons/${doc.modules[0].items[1].id}`).expect(200)).body;
    // Its size goes with it, so the lesson keeps the picture's space while it loads.
    assert.ok(preview.html.includes(`src="${res.body.url}" alt="Mapa de rutas" width="3" height="2"`), preview.html);
    await admin.post('/api/admin/courses/sample-course/publish').expect(200);
    const { agent: learner } = await signUp(app.server);
    await learner.post('/api/courses/sample-course/enroll').expect(201);
    const lesson = (await learner.get(`/api/lessons/${doc.modules[0].items[1].id}`).expect(200)).body;
    assert.ok(lesson.html.includes(`width="3" height="2"`), lesson.html);
  });

  it('previews the draft as a learner would see it, storing nothing', async () => {
    const counts = async () =>
      (await app.ds.query(`SELECT (SELECT count(*) FROM quiz_attempts)::int AS attempts, (SELECT count(*) FROM enrollments)::int AS enrollments`))[0];
    const before = await counts();
    const doc = (await admin.get('/api/admin/courses/sample-course').expect(200)).body;
    const quiz = doc.modules[0].items[2];
    const page = (await admin.get('/api/admin/courses/sample-course/preview').expect(200)).body;
    assert.equal(page.modules.length, doc.modules.length);
    const q = (await admin.get(`/api/admin/courses/sample-course/preview/quizzes/${quiz.id}`).expect(200)).body;
    assert.doesNotMatch(JSON.stringify(q), /correct|feedback/);
    const right = (q: { options: { id: string; correct: boolean }[] }) => [q.options.find((o) => o.correct)!.id];
    const answers = Object.fromEntries(quiz.questions.map((x: { id: string; options: { id: string; correct: boolean }[] }) => [x.id, right(x)]));
    const attempt = (await admin.post(`/api/admin/courses/sample-course/preview/quizzes/${quiz.id}/attempts`).send({ answers }).expect(200)).body;
    assert.equal(attempt.score, 100);
    assert.deepEqual(await counts(), before, 'previewing stores no attempt, enrols nobody and counts in no report');
    const { agent } = await signUp(app.server);
    assertError(await agent.get('/api/admin/courses/sample-course/preview'), 403);
  });

  it('exports a course as a zip that courses:check accepts, and imports it back exactly', async () => {
    // With a cover picture: the picture travels in images/ and course.yaml names it with its description.
    const cover = (await admin.post('/api/admin/courses/curso-de-prueba/assets?filename=portada.png').set('Content-Type', 'image/png').send(png(48, 27)).expect(201)).body;
    const current = (await admin.get('/api/admin/courses/curso-de-prueba').expect(200)).body;
    const coverField = { image: `images/${cover.filename}`, alt: 'Portada: una oficial atiende a una familia migrante' };
    await admin.put('/api/admin/courses/curso-de-prueba').send({ ...current, cover: coverField }).expect(200);
    const before = (await admin.get('/api/admin/courses/curso-de-prueba').expect(200)).body;
    assert.deepEqual(before.cover, coverField);
    const zip = await admin.get('/api/admin/courses/curso-de-prueba/export.zip').buffer(true).parse(binary).expect(200);
    assert.equal(zip.headers['content-type'], 'application/zip');
    const files = unzipSync(new Uint8Array(zip.body as Buffer));
    assert.ok(files['sample-course/es/course.yaml'] && files['sample-course/en/course.yaml'], Object.keys(files).join(', '));
    assert.ok(files['sample-course/es/lessons/m1-intro.md']);
    assert.ok(Buffer.from(files['sample-course/es/images/portada.png']).equals(png(48, 27)), 'the cover picture is in the zip');
    assert.match(strFromU8(files['sample-course/es/course.yaml']), /\ncover:\n  image: images\/portada\.png\n  alt: "Portada: una oficial atiende a una familia migrante"\n/);
    assert.doesNotMatch(strFromU8(files['sample-course/en/course.yaml']), /cover:/, 'the English course has no cover');

    // The exported folder passes the command-line checker.
    const dir = mkdtempSync(join(tmpdir(), 'ecampus-export-'));
    for (const [name, data] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, 'courses', name)), { recursive: true });
      writeFileSync(join(dir, 'courses', name), data);
    }
    execFileSync(process.execPath, [join(ROOT, 'apps/api/dist/cli/courses-check.js')], { cwd: dir, stdio: 'pipe' });

    // Change the draft, then import the zip: the draft is what was exported, ids included.
    await admin.put('/api/admin/courses/curso-de-prueba').send({ ...before, title: 'Something else' }).expect(200);
    const imported = (await admin.post('/api/admin/courses/import').set('Content-Type', 'application/zip').send(zip.body).expect(201)).body;
    assert.deepEqual(imported.map((c: { slug: string; created: boolean }) => [c.slug, c.created]).sort(), [['curso-de-prueba', false], ['sample-course', false]]);
    const after = (await admin.get('/api/admin/courses/curso-de-prueba').expect(200)).body;
    const strip = (d: Record<string, unknown>) => ({ ...d, updatedAt: undefined, hasUnpublishedChanges: undefined });
    assert.deepEqual(strip(after), strip(before));
    // Removing the cover and importing the zip brings it back.
    await admin.put('/api/admin/courses/curso-de-prueba').send({ ...before, cover: null }).expect(200);
    await admin.post('/api/admin/courses/import').set('Content-Type', 'application/zip').send(zip.body).expect(201);
    assert.deepEqual(strip((await admin.get('/api/admin/courses/curso-de-prueba').expect(200)).body), strip(before));

    // Into another installation it creates drafts owned by the importer.
    const fresh = await startTestApp({ redis: false, coursesDir: `${ROOT}/test/fixtures/no-courses` });
    try {
      const otherAdmin = await signInAdmin(fresh.server);
      const created = (await otherAdmin.post('/api/admin/courses/import').set('Content-Type', 'application/zip').send(zip.body).expect(201)).body;
      assert.ok(created.every((c: { created: boolean }) => c.created));
      const copy = (await otherAdmin.get('/api/admin/courses/curso-de-prueba').expect(200)).body;
      assert.equal(copy.status, 'draft');
      assert.equal(copy.modules[0].items[0].markdown, before.modules[0].items[0].markdown);
      assert.deepEqual(copy.cover, before.cover);
      const pictures = (await otherAdmin.get('/api/admin/courses/curso-de-prueba/assets').expect(200)).body;
      assert.deepEqual(pictures.map((p: { filename: string; width: number; height: number }) => [p.filename, p.width, p.height]), [['portada.png', 48, 27]]);
      await otherAdmin.post('/api/admin/courses/curso-de-prueba/publish').expect(200);
      const learnerView = (await request(fresh.server).get('/api/courses/curso-de-prueba').expect(200)).body;
      assert.deepEqual(learnerView.cover, { url: pictures[0].url, alt: coverField.alt, width: 48, height: 27 });
    } finally {
      await fresh.close();
    }
  });

  it('refuses a broken zip with file:line errors, and a non-zip, storing nothing', async () => {
    const zip = (await admin.get('/api/admin/courses/sample-course/export.zip').buffer(true).parse(binary).expect(200)).body as Buffer;
    const files = unzipSync(new Uint8Array(zip));
    const { zipSync, strToU8, strFromU8 } = await import('fflate');
    // The zip carries the governance fields and the final quiz's policy.
    assert.match(strFromU8(files['sample-course/en/course.yaml']), /\nreviewedOn: 2026-12-03\n/);
    assert.match(strFromU8(files['sample-course/en/course.yaml']), /\nlicence: CC BY-SA 4\.0\n/);
    assert.match(strFromU8(files['sample-course/es/quizzes/final.yaml']), /^kind: final\n[\s\S]*\ndraw: 4\nmaxFailedAttempts: 3\nretryAfterHours: 24\n/m);
    files['sample-course/es/quizzes/final.yaml'] = strToU8(strFromU8(files['sample-course/es/quizzes/final.yaml']).replace(/correct: true/g, 'correct: false'));
    const broken = Buffer.from(zipSync(files));
    const res = await admin.post('/api/admin/courses/import').set('Content-Type', 'application/zip').send(broken);
    assertError(res, 400, /sample-course\/es\/quizzes\/final\.yaml:\d+: /);
    assertError(await admin.post('/api/admin/courses/import').set('Content-Type', 'application/zip').send(Buffer.from('not a zip')), 400, 'zip');
    assertError(await admin.post('/api/admin/courses/import').send({ zip: 'no' }), 415);
  });
});
