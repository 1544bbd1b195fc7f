import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import request from 'supertest';
import { assertError } from '../support/errors';
import { signInAdmin, signUp, startTestApp, type TestApp } from '../support/test-app';

const ENTRY = {
  country: 'gt',
  kind: 'child-protection',
  name: '  Procuraduría General de la Nación, Procuraduría de la Niñez y la Adolescencia  ',
  phone: '+502 2414 8787',
  url: 'https://www.pgn.gob.gt',
  hours: 'Lunes a viernes, 8:00 a 16:00',
  languages: ['es'],
  source: 'Fixture written for this test: not a real verified entry.',
  verifiedAt: '2026-11-30',
};

describe('referral directory', () => {
  let app: TestApp;
  let admin: request.Agent;
  const count = async () => Number((await app.ds.query(`SELECT count(*)::int AS n FROM directory_entries`))[0].n);

  beforeAll(async () => {
    app = await startTestApp({ redis: false });
    admin = await signInAdmin(app.server);
  });
  afterAll(() => app.close());

  it('ships the entries of directory/referral-directory.yaml, each with its source and check date, to anyone', async () => {
    const res = await request(app.server).get('/api/directory?country=mx').expect(200);
    assert.ok(res.body.length >= 1, 'the shipped file has at least one Mexican entry');
    for (const e of res.body) {
      assert.equal(e.country, 'MX');
      assert.ok(e.source.length > 10, 'every shipped entry names its source');
      assert.match(e.verifiedAt, /^\d{4}-\d{2}-\d{2}$/);
      assert.ok(Array.isArray(e.languages) && e.languages.length > 0);
    }
    const emergency = res.body.find((e: { phone?: string }) => e.phone === '911');
    assert.equal(emergency?.kind, 'hotline');
  });

  it('lets admins add, change and delete entries; learners see them at once, filtered by country and kind', async () => {
    const created = await admin.post('/api/admin/directory').send(ENTRY).expect(201);
    assert.equal(created.body.country, 'GT');
    assert.equal(created.body.name, 'Procuraduría General de la Nación, Procuraduría de la Niñez y la Adolescencia');
    assert.equal(created.body.stale, false);

    const { agent: learner } = await signUp(app.server);
    const gt = (await learner.get('/api/directory?country=GT').expect(200)).body;
    assert.deepEqual(
      gt.map((e: { id: string }) => e.id),
      [created.body.id],
    );
    assert.deepEqual(Object.keys(gt[0]).sort(), ['country', 'hours', 'id', 'kind', 'languages', 'name', 'phone', 'source', 'url', 'verifiedAt']);
    assert.equal((await request(app.server).get('/api/directory?country=GT&kind=hotline').expect(200)).body.length, 0);
    assert.equal((await request(app.server).get('/api/directory?country=GT&kind=child-protection').expect(200)).body.length, 1);

    const changed = await admin
      .put(`/api/admin/directory/${created.body.id}`)
      .send({ ...ENTRY, phone: '', hours: null, languages: ['es', 'en'] })
      .expect(200);
    assert.equal(changed.body.phone, undefined);
    assert.equal(changed.body.hours, undefined);
    assert.deepEqual(changed.body.languages, ['es', 'en']);

    await admin.delete(`/api/admin/directory/${created.body.id}`).expect(204);
    assertError(await admin.delete(`/api/admin/directory/${created.body.id}`), 404);
    assertError(await admin.put(`/api/admin/directory/${created.body.id}`).send(ENTRY), 404);
    assert.equal((await request(app.server).get('/api/directory?country=GT').expect(200)).body.length, 0);
  });

  it('flags to admins the entries not verified for 12 months, stale ones first', async () => {
    const old = await admin.post('/api/admin/directory').send({ ...ENTRY, verifiedAt: '2024-01-15' }).expect(201);
    assert.equal(old.body.stale, true);
    const all = (await admin.get('/api/admin/directory').expect(200)).body;
    assert.equal(all[0].id, old.body.id);
    const stale = (await admin.get('/api/admin/directory?stale=true').expect(200)).body;
    assert.deepEqual(stale.map((e: { id: string }) => e.id), [old.body.id]);
    assert.ok((await admin.get('/api/admin/directory?stale=false').expect(200)).body.every((e: { stale: boolean }) => !e.stale));
    await admin.delete(`/api/admin/directory/${old.body.id}`).expect(204);
  });

  it('refuses a bad country, kind, phone, address, language or date with a 400 naming it, and stores nothing', async () => {
    const before = await count();
    const cases: [Record<string, unknown>, string][] = [
      [{ country: 'XX' }, 'country'],
      [{ country: 'MEX' }, 'country'],
      [{ kind: 'police' }, 'kind'],
      [{ phone: '12' }, 'phone'],
      [{ phone: 'call us' }, 'phone'],
      [{ phone: '+52 55 1234 5678' }, 'phone'], // a Mexican number for a Guatemalan entry
      [{ url: 'javascript:alert(1)' }, 'url'],
      [{ url: 'www.example.org' }, 'url'],
      [{ languages: [] }, 'languages'],
      [{ languages: ['Spanish'] }, 'languages'],
      [{ languages: 'es' }, 'languages'],
      [{ verifiedAt: '2026-02-30' }, 'verifiedAt'],
      [{ verifiedAt: '3026-01-01' }, 'verifiedAt'],
      [{ verifiedAt: 20261130 }, 'verifiedAt'],
      [{ source: '' }, 'source'],
      [{ name: { es: 'x' } }, 'name'],
      [{ extra: true }, 'extra'],
    ];
    for (const [change, field] of cases) {
      assertError(await admin.post('/api/admin/directory').send({ ...ENTRY, ...change }), 400, field);
    }
    assertError(await request(app.server).get('/api/directory?country=Mexico'), 400, 'country');
    assertError(await request(app.server).get('/api/directory?kind=police'), 400, 'kind');
    assertError(await admin.get('/api/admin/directory?stale=maybe'), 400, 'stale');
    assertError(await admin.get('/api/admin/directory/not-a-uuid'), 404);
    assert.equal(await count(), before);
  });

  it('keeps the admin routes for admins: anonymous 401, learners and authors 403', async () => {
    assertError(await request(app.server).post('/api/admin/directory').send(ENTRY), 401);
    const { agent: learner } = await signUp(app.server);
    assertError(await learner.get('/api/admin/directory'), 403);
    assertError(await learner.post('/api/admin/directory').send(ENTRY), 403);
    const { agent: author, user } = await signUp(app.server);
    await admin.patch(`/api/admin/users/${user.id}`).send({ role: 'author' }).expect(200);
    assertError(await author.post('/api/admin/directory').send(ENTRY), 403);
  });

  it('loads the shipped file only once, and refuses a file entry that would be refused from an admin', async () => {
    const { DirectoryService, parseDirectoryFile } = await import('../../apps/api/dist/directory/directory.service.js');
    const dir = mkdtempSync(join(tmpdir(), 'ecampus-directory-'));
    const file = join(dir, 'directory.yaml');
    writeFileSync(file, `entries:\n  - country: CR\n    kind: hotline\n    name: Test entry\n    phone: "911"\n    languages: [es]\n    source: A source for this test only\n    verifiedAt: "2026-01-01"\n`);
    assert.equal(parseDirectoryFile(readFileSync(file, 'utf8')).length, 1);
    const before = await count();
    assert.equal(await new DirectoryService(app.ds).seedOnce(file), 0, 'seeded at the first start: deleted entries do not come back');
    assert.equal(await count(), before);
    assert.throws(
      () => parseDirectoryFile(`entries:\n  - country: CR\n    kind: hotline\n    name: Test\n    phone: "12"\n    languages: [es]\n    source: Some source\n    verifiedAt: "2026-01-01"\n`, 'x.yaml'),
      /x\.yaml: entry 1: phone/,
    );
  });
});
