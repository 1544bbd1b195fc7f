import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import request from 'supertest';
import { ROOT } from '../support/env';
import { assertError } from '../support/errors';
import { binary, png } from '../support/png';
import { signInAdmin, signUp, startTestApp, type TestApp } from '../support/test-app';

const COVER_ALT = 'Dos oficiales conversan con una familia en un puesto fronterizo';

describe('course cover pictures', () => {
  let app: TestApp;
  let admin: request.Agent;

  beforeAll(async () => {
    app = await startTestApp({ redis: false });
    admin = await signInAdmin(app.server);
  });
  afterAll(() => app.close());

  const draft = async (slug: string) => (await admin.get(`/api/admin/courses/${slug}`).expect(200)).body;
  const catalogueEntry = async (slug: string) =>
    ((await request(app.server).get('/api/courses?lang=').expect(200)).body as { slug: string; cover?: unknown }[]).find((c) => c.slug === slug)!;

  it('sets a cover on the draft; learners get it with its size once published, not before', async () => {
    const uploaded = (await admin.post('/api/admin/courses/curso-de-prueba/assets?filename=Portada del curso.png').set('Content-Type', 'image/png').send(png(64, 36)).expect(201))
      .body;
    assert.equal(uploaded.filename, 'portada-del-curso.png');
    const doc = await draft('curso-de-prueba');
    assert.ok(!('cover' in doc), 'no cover until one is chosen');
    const saved = (await admin.put('/api/admin/courses/curso-de-prueba').send({ ...doc, cover: { image: 'images/portada-del-curso.png', alt: COVER_ALT } }).expect(200)).body;
    assert.deepEqual(saved.cover, { image: 'images/portada-del-curso.png', alt: COVER_ALT });
    const changes = (await admin.get('/api/admin/courses/curso-de-prueba/changes').expect(200)).body;
    assert.equal(changes[0].summary, 'changed cover', 'the change log names the cover, and only it');

    assert.ok(!('cover' in (await catalogueEntry('curso-de-prueba'))), 'learners see the published version, which has no cover');
    assert.ok(!('cover' in (await request(app.server).get('/api/courses/curso-de-prueba').expect(200)).body));
    const preview = (await admin.get('/api/admin/courses/curso-de-prueba/preview').expect(200)).body;
    assert.deepEqual(preview.cover, { url: uploaded.url, alt: COVER_ALT, width: 64, height: 36 }, 'the preview shows the draft cover');

    await admin.post('/api/admin/courses/curso-de-prueba/publish').expect(200);
    const expected = { url: uploaded.url, alt: COVER_ALT, width: 64, height: 36 };
    assert.deepEqual((await catalogueEntry('curso-de-prueba')).cover, expected);
    assert.deepEqual((await request(app.server).get('/api/courses/curso-de-prueba').expect(200)).body.cover, expected);
    const picture = await request(app.server).get(expected.url).buffer(true).parse(binary).expect(200);
    assert.equal(picture.headers['content-type'], 'image/png');
    assert.ok(!('cover' in (await catalogueEntry('sample-course'))), 'a course without a cover has no cover field');

    // Removed (null or left out) and published: gone for learners too.
    await admin.put('/api/admin/courses/curso-de-prueba').send({ ...(await draft('curso-de-prueba')), cover: null }).expect(200);
    assert.ok(!('cover' in (await draft('curso-de-prueba'))));
    assert.deepEqual((await catalogueEntry('curso-de-prueba')).cover, expected, 'still published with the cover');
    await admin.post('/api/admin/courses/curso-de-prueba/publish').expect(200);
    assert.ok(!('cover' in (await catalogueEntry('curso-de-prueba'))));
  });

  it('refuses a cover that is not a picture of the course, or has no description, storing nothing', async () => {
    const before = await draft('sample-course');
    const changesBefore = (await admin.get('/api/admin/courses/sample-course/changes').expect(200)).body.length;
    const put = (cover: unknown) => admin.put('/api/admin/courses/sample-course').send({ ...before, title: 'Changed', cover });

    assertError(await put({ image: 'images/nowhere.png', alt: 'A map' }), 400, `cover.image: "images/nowhere.png" is not one of this course's pictures`);
    // A picture of another course is not one of this course's.
    const other = (await admin.post('/api/admin/courses/curso-de-prueba/assets?filename=solo-aqui.png').set('Content-Type', 'image/png').send(png(4, 4)).expect(201)).body;
    assertError(await put({ image: `images/${other.filename}`, alt: 'A map' }), 400, 'cover.image');
    assertError(await put({ image: 'images/nowhere.png' }), 400, 'cover.alt: a cover needs "alt"');
    assertError(await put({ image: 'images/x.svg', alt: 'x' }), 400, 'cover.image: must be a PNG, JPEG, WebP or GIF picture');
    assertError(await put({ image: '/etc/passwd', alt: 'x' }), 400, 'cover.image');
    assertError(await put('images/x.png'), 400, 'cover');
    assertError(await put({ image: 'images/x.png', alt: 'x', credit: 'me' }), 400, 'cover.credit');

    const after = await draft('sample-course');
    assert.equal(after.title, before.title, 'nothing was stored');
    assert.equal((await admin.get('/api/admin/courses/sample-course/changes').expect(200)).body.length, changesBefore);

    // A new course has no pictures yet: it cannot be created with a cover (upload it after creating the course).
    const { id: _id, ...copy } = before;
    const res = await admin.post('/api/admin/courses').send({ ...copy, slug: 'copy-with-cover', translationKey: 'copy-with-cover', cover: { image: 'images/portada.png', alt: 'x' } });
    assertError(res, 400, 'cover.image');
    assertError(await admin.get('/api/admin/courses/copy-with-cover'), 404);
  });

  it('lets only the course editors set its cover', async () => {
    const { agent } = await signUp(app.server);
    const doc = await draft('sample-course');
    assertError(await agent.put('/api/admin/courses/sample-course').send({ ...doc, cover: { image: 'images/a.png', alt: 'x' } }), 403);
  });
});

describe('course covers in course files', () => {
  let app: TestApp;
  let dir: string;

  beforeAll(async () => {
    // The sample course with a cover whose file name the server normalises (Portada.PNG → portada.png).
    dir = mkdtempSync(join(tmpdir(), 'ecampus-cover-'));
    cpSync(`${ROOT}/test/fixtures/courses`, dir, { recursive: true });
    const es = join(dir, 'sample-course/es');
    mkdirSync(join(es, 'images'));
    writeFileSync(join(es, 'images/Portada.PNG'), png(40, 20));
    const yaml = readFileSync(join(es, 'course.yaml'), 'utf8').replace('modules:\n', `cover:\n  image: images/Portada.PNG\n  alt: "${COVER_ALT}"\nmodules:\n`);
    writeFileSync(join(es, 'course.yaml'), yaml);
    app = await startTestApp({ redis: false, coursesDir: dir });
  });
  afterAll(async () => {
    await app?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('imports the cover with the picture, published for learners', async () => {
    const catalogue = (await request(app.server).get('/api/courses?lang=').expect(200)).body as { slug: string; cover?: { url: string } }[];
    const es = catalogue.find((c) => c.slug === 'curso-de-prueba')!;
    assert.deepEqual({ ...es.cover, url: undefined }, { url: undefined, alt: COVER_ALT, width: 40, height: 20 });
    assert.match(es.cover!.url, /^\/api\/assets\/[0-9a-f-]+\/portada\.png$/);
    await request(app.server).get(es.cover!.url).expect(200);
    assert.ok(!('cover' in catalogue.find((c) => c.slug === 'sample-course')!), 'the English course has none');
    const admin = await signInAdmin(app.server);
    assert.deepEqual((await admin.get('/api/admin/courses/curso-de-prueba').expect(200)).body.cover, { image: 'images/portada.png', alt: COVER_ALT });
  });
});
