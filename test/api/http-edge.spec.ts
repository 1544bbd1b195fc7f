import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import { strToU8, zipSync } from 'fflate';
import request from 'supertest';
import { assertError } from '../support/errors';
import { signInAdmin, signUp, startTestApp, type TestApp } from '../support/test-app';

/** Row counts of the tables a request could write to. */
async function counts(app: TestApp) {
  const [row] = await app.ds.query(
    `SELECT (SELECT count(*) FROM users)::int AS users, (SELECT count(*) FROM enrollments)::int AS enrollments,
            (SELECT count(*) FROM courses)::int AS courses, (SELECT count(*) FROM course_versions)::int AS versions,
            (SELECT count(*) FROM certificates)::int AS certificates, (SELECT count(*) FROM course_assets)::int AS assets,
            (SELECT string_agg(id::text || ':' || active::text, ',' ORDER BY id) FROM users) AS active,
            (SELECT string_agg(slug || ':' || coalesce(published_version_id::text, '-') || ':' || md5(draft::text), ',' ORDER BY slug) FROM courses) AS drafts`,
  );
  return row;
}

describe('the HTTP edge: limits, cross-site check, headers, data errors, CSV', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ redis: false });
  });
  afterAll(() => app.close());

  describe('input limits', () => {
    it('refuses JSON nested deeper than 64 levels with 400 while other requests keep flowing', async () => {
      const deep = '['.repeat(1024 * 1024);
      const [refused, ...others] = await Promise.all([
        request(app.server).post('/api/auth/login').set('Content-Type', 'application/json').send(deep),
        ...Array.from({ length: 5 }, () => request(app.server).get('/api/courses')),
      ]);
      // The 1 MB body is over the sign-in limit anyway; the same depth inside the limit is refused for its depth.
      assertError(refused, 413, '16 kB');
      for (const r of others) assert.equal(r.status, 200);
      const admin = await signInAdmin(app.server);
      const nested = '{"title":' + '['.repeat(65) + ']'.repeat(65) + '}';
      assertError(await admin.put('/api/admin/courses/sample-course').set('Content-Type', 'application/json').send(nested), 400, 'deeper than 64');
      const big = '['.repeat(1024 * 1024);
      const [deepDoc, ...alongside] = await Promise.all([
        admin.put('/api/admin/courses/sample-course').set('Content-Type', 'application/json').send(big),
        ...Array.from({ length: 5 }, () => request(app.server).get('/api/courses/sample-course')),
      ]);
      assertError(deepDoc, 400, 'deeper than 64');
      for (const r of alongside) assert.equal(r.status, 200);
      // Brackets inside strings are text, not nesting.
      const learner = await signUp(app.server);
      assertError(await learner.agent.post('/api/auth/login').send({ email: '['.repeat(200), password: '{'.repeat(200) }), 400);
    });

    it('limits bodies per route and names the limit', async () => {
      assertError(await request(app.server).post('/api/auth/login').send({ email: 'a@b.c', password: 'x'.repeat(17 * 1024) }), 413, '16 kB');
      const { agent } = await signUp(app.server);
      assertError(await agent.post('/api/quizzes/00000000-0000-4000-8000-000000000000/attempts').send({ answers: { a: 'x'.repeat(65 * 1024) } }), 413, '64 kB');
      const admin = await signInAdmin(app.server);
      assertError(await admin.patch('/api/admin/users/00000000-0000-4000-8000-000000000000').send({ role: 'x'.repeat(65 * 1024) }), 413, '64 kB');
      assertError(await admin.put('/api/admin/courses/sample-course').send({ title: 'x'.repeat(5 * 1024 * 1024) }), 413, '5 MB');
    });

    it('takes raw bodies only on the zip import and picture routes, and only from a signed-in user', async () => {
      const before = await counts(app);
      const zip = Buffer.from(zipSync({ 'a/es/course.yaml': strToU8('x: 1') }));
      assertError(await request(app.server).post('/api/admin/courses/import').set('Content-Type', 'application/zip').send(zip), 401);
      assertError(await request(app.server).post('/api/admin/courses/sample-course/assets').set('Content-Type', 'image/png').send(Buffer.alloc(3 * 1024 * 1024)), 401);
      const admin = await signInAdmin(app.server);
      assertError(await admin.post('/api/admin/courses/sample-course/assets').set('Content-Type', 'image/png').send(Buffer.alloc(3 * 1024 * 1024)), 413, '2 MB');
      assertError(await admin.put('/api/admin/courses/sample-course').set('Content-Type', 'application/octet-stream').send(Buffer.from('{}')), 415);
      assertError(await admin.patch('/api/admin/users/x').set('Content-Type', 'image/png').send(Buffer.from('{}')), 415);
      assert.deepEqual(await counts(app), before);
    });

    it('counts zip entries by their real inflated bytes and names broken zips', async () => {
      const admin = await signInAdmin(app.server);
      const before = await counts(app);
      const upload = (entries: Record<string, Uint8Array>) =>
        admin.post('/api/admin/courses/import').set('Content-Type', 'application/zip').send(Buffer.from(zipSync(entries, { level: 9 })));
      // 200 MB of zeros deflate to about 200 kB.
      assertError(await upload({ 'bomb/es/course.yaml': new Uint8Array(200 * 1024 * 1024) }), 413, 'more than 100 MB');
      assertError(await upload({ [`c/es/${'n'.repeat(300)}.md`]: strToU8('x') }), 400, 'longer than 255 bytes');
      assertError(await upload({ 'c/es/lessons': strToU8('x'), 'c/es/lessons/a.md': strToU8('y') }), 400, 'both a file and a folder');
      assertError(await upload({ [`${'d/'.repeat(2100)}x.md`]: strToU8('x') }), 400, 'longer than 1024 characters');
      assertError(await upload({ [`c/es/${'d/'.repeat(20)}x.md`]: strToU8('x') }), 400, 'more than 16 folders deep');
      assertError(await upload(Object.fromEntries(Array.from({ length: 2001 }, (_, i) => [`c/es/f${i}.md`, strToU8('x')]))), 413, 'more than 2000 entries');
      const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
      for (let i = 1; i < 12; i++) bomb.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
      assertError(await upload({ 'lol/es/course.yaml': strToU8(bomb.join('\n')) }), 400, 'alias');
      assert.deepEqual(await counts(app), before);
    });
  });

  describe('data errors become 400s that name the field', () => {
    it('refuses NUL and lone surrogates in bodies, paths and queries before they reach SQL', async () => {
      const before = await counts(app);
      assertError(await request(app.server).post('/api/auth/register').set('Content-Type', 'application/json').send('{"email":"a\\u0000@b.c","password":"correct horse battery"}'), 400, 'email');
      assertError(await request(app.server).post('/api/auth/register').set('Content-Type', 'application/json').send('{"email":"a@b.c","name":"\\ud800x","password":"correct horse battery"}'), 400, 'name');
      assertError(await request(app.server).get('/api/courses/%00'), 400, 'NUL');
      assertError(await request(app.server).get('/api/courses?q=%00'), 400, 'q');
      assert.deepEqual(await counts(app), before);
    });

    it('names from/to for dates that do not exist, active for null, topics for an object', async () => {
      const admin = await signInAdmin(app.server);
      for (const bad of ['2024-02-30', '0000-01-01', '2023-13-01']) {
        assertError(await admin.get(`/api/admin/reports/summary?from=${bad}`), 400, 'from');
        assertError(await admin.get(`/api/admin/reports/enrollments.csv?to=${bad}`), 400, 'to');
      }
      assert.equal((await admin.get('/api/admin/reports/summary?from=2024-02-29&to=2024-03-01')).status, 200);
      const { user } = await signUp(app.server);
      const before = await counts(app);
      assertError(await admin.patch(`/api/admin/users/${user.id}`).send({ active: null }), 400, 'active');
      assertError(await admin.patch(`/api/admin/users/${user.id}`).send({ role: null }), 400, 'role');
      const doc = (await admin.get('/api/admin/courses/sample-course').expect(200)).body;
      assertError(await admin.put('/api/admin/courses/sample-course').send({ ...doc, topics: [{ a: 1 }] }), 400, 'topics');
      assert.deepEqual(await counts(app), before);
    });
  });

  describe('PostgreSQL data errors in the exception filter', () => {
    it('turns the real errors of the database into 400s naming the column or the type', async () => {
      const { dataError } = await import('../../apps/api/dist/common/all-exceptions.filter.js');
      const errorOf = async (sql: string, params: unknown[] = []) => {
        try {
          await app.ds.query(sql, params);
        } catch (e) {
          return (e as { driverError: unknown }).driverError as Parameters<typeof dataError>[0];
        }
        assert.fail(`${sql} should fail`);
      };
      const cases: [string, unknown[], number, RegExp][] = [
        [`UPDATE users SET active = NULL WHERE email = $1`, ['admin@test.ecampus'], 400, /"active" is required/],
        [`SELECT $1::date`, ['0000-01-01'], 400, /date/],
        [`SELECT $1::date`, ['2024-02-30'], 400, /date/],
        [`SELECT $1::uuid`, ['nope'], 400, /uuid/],
        [`SELECT $1::int`, ['99999999999'], 400, /out of range/],
        [`SELECT $1::numeric(2,0)`, ['999'], 400, /out of range/],
        [`SELECT convert_from('\\x00'::bytea, 'UTF8')`, [], 400, /not valid text|cannot be stored/],
      ];
      for (const [sql, params, status, message] of cases) {
        const mapped = dataError(await errorOf(sql, params));
        assert.equal(mapped?.statusCode, status, sql);
        assert.match(mapped!.message, message, sql);
      }
    });
  });

  describe('cross-site requests (CSRF)', () => {
    it('refuses cross-site form and text posts with 403 and stores nothing; the same from this site works', async () => {
      const admin = await signInAdmin(app.server);
      const { agent, user } = await signUp(app.server);
      const outline = (await request(app.server).get('/api/courses/sample-course').expect(200)).body;
      const lesson = outline.modules[0].items[0].id;
      const evil = 'https://evil.example';
      const before = await counts(app);
      const attempts = [
        agent.post('/api/courses/sample-course/enroll').set('Origin', evil).set('Content-Type', 'text/plain').send('x'),
        agent.post('/api/courses/sample-course/enroll').set('Content-Type', 'application/x-www-form-urlencoded').send('a=1'),
        agent.post(`/api/lessons/${lesson}/complete`).set('Referer', `${evil}/page`).set('Content-Type', 'application/json').send('{}'),
        agent.post(`/api/lessons/${lesson}/complete`).set('Content-Type', 'multipart/form-data; boundary=x').send('--x--'),
        admin.post('/api/admin/courses/sample-course/publish').set('Origin', 'null').set('Content-Type', 'text/plain').send(''),
        admin.post('/api/admin/courses/sample-course/versions/1/restore').set('Sec-Fetch-Site', 'cross-site').set('Content-Type', 'application/json').send('{}'),
        admin.patch(`/api/admin/users/${user.id}`).set('Origin', evil).send({ active: false }),
        agent.post('/api/auth/logout').set('Origin', evil).set('Content-Type', 'text/plain').send('bye'),
        agent.post('/api/auth/logout').set('Content-Type', 'application/x-www-form-urlencoded').send('a=1'),
        admin.post('/api/admin/courses/sample-course/versions/1/restore').set('Origin', evil).set('Content-Type', 'text/plain').send('x'),
        admin.post('/api/admin/courses/sample-course/publish').set('Content-Type', 'multipart/form-data; boundary=x').send('--x--'),
      ];
      for (const res of await Promise.all(attempts)) assertError(res, 403, 'origin check');
      assert.deepEqual(await counts(app), before);
      // Still signed in: the logout was refused.
      await agent.get('/api/me').expect(200);

      const here = app.config.publicUrl;
      const enrolled = await agent.post('/api/courses/sample-course/enroll').set('Origin', here).send({});
      assert.equal(enrolled.status, 201, JSON.stringify(enrolled.body));
      assert.equal((await agent.post(`/api/lessons/${lesson}/complete`).set('Referer', `${here}/courses/sample-course`).send({})).status, 200);
      assert.equal((await admin.post('/api/admin/courses/sample-course/publish').set('Origin', here).send({})).status, 200);
      const restored = await admin.post('/api/admin/courses/sample-course/versions/1/restore').set('Origin', here).send({});
      assert.ok(restored.status === 200 || restored.status === 201, JSON.stringify(restored.body));
      assert.equal((await agent.post('/api/auth/logout').set('Origin', here)).status < 300, true);
      await agent.get('/api/me').expect(401);
    });
  });

  describe('headers', () => {
    it('sends security headers everywhere and no-store on personal answers', async () => {
      const home = await request(app.server).get('/api/courses').expect(200);
      const csp = String(home.headers['content-security-policy']);
      for (const part of ["default-src 'self'", "script-src 'self'", "worker-src 'self'", "frame-ancestors 'none'", "object-src 'none'"]) assert.ok(csp.includes(part), csp);
      assert.ok(!csp.includes('unsafe-inline'), csp);
      assert.equal(home.headers['x-content-type-options'], 'nosniff');
      assert.equal(home.headers['referrer-policy'], 'strict-origin-when-cross-origin');
      assert.equal(home.headers['strict-transport-security'], undefined);
      assert.notEqual(home.headers['cache-control'], 'no-store');
      const { agent } = await signUp(app.server);
      for (const path of ['/api/me', '/api/me/enrollments', '/api/me/certificates', '/api/courses/sample-course']) {
        assert.equal((await agent.get(path)).headers['cache-control'], 'no-store', path);
      }
      const admin = await signInAdmin(app.server);
      for (const path of ['/api/admin/users', '/api/admin/reports/enrollments.csv', '/api/admin/reports/summary']) {
        assert.equal((await admin.get(path).expect(200)).headers['cache-control'], 'no-store', path);
      }
      const login = await request(app.server).post('/api/auth/login').send({ email: 'no@one.org', password: 'wrong password' });
      assert.equal(login.headers['cache-control'], 'no-store');
      // The verify page keeps its inline styles through a hash, not 'unsafe-inline'.
      const verify = await request(app.server).get('/verify/NOSUCHCODE');
      const style = /<style>([\s\S]*?)<\/style>/.exec(verify.text)![1];
      const hash = createHash('sha256').update(style).digest('base64');
      assert.ok(String(verify.headers['content-security-policy']).includes(`style-src 'self' 'sha256-${hash}'`), verify.headers['content-security-policy']);
    });

    it('sends HSTS behind an HTTPS proxy (TRUST_PROXY)', async () => {
      const proxied = await startTestApp({ redis: false, overrides: { trustProxy: true } });
      try {
        const res = await request(proxied.server).get('/api/health');
        assert.match(String(res.headers['strict-transport-security']), /max-age=\d+/);
      } finally {
        await proxied.close();
      }
    });
  });

  describe('CSV', () => {
    it('escapes formulas in every cell', async () => {
      const { agent } = await signUp(app.server, { name: '=HYPERLINK("https://evil.example","click")', institution: '+SUM(A1)' });
      await agent.post('/api/courses/sample-course/enroll').expect((r) => assert.ok(r.status < 300));
      const admin = await signInAdmin(app.server);
      const csv = (await admin.get('/api/admin/reports/enrollments.csv').expect(200)).text;
      assert.ok(csv.includes(`"'=HYPERLINK(""https://evil.example"",""click"")"`), csv);
      assert.ok(csv.includes(`'+SUM(A1)`), csv);
      assert.ok(!/(^|,)=HYPERLINK/m.test(csv));
    });
  });
});
