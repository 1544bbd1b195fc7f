import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import request from 'supertest';
import { assertError } from '../support/errors';
import { PROFILE, signInAdmin, signUp, startTestApp, type TestApp } from '../support/test-app';

describe('auth and profile', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ redis: false });
  });
  afterAll(() => app.close());

  it('registers with the reporting profile, signs in with an HttpOnly SameSite=Lax cookie, and /api/me answers', async () => {
    const agent = request.agent(app.server);
    const res = await agent
      .post('/api/auth/register')
      .send({ email: '  Ana.Lopez@Example.ORG ', password: 'a long password', ...PROFILE, country: 'mx' })
      .expect(201);
    assert.equal(res.body.user.email, 'ana.lopez@example.org');
    assert.equal(res.body.user.country, 'MX');
    assert.equal(res.body.user.role, 'learner');
    assert.equal(res.body.user.passwordHash, undefined);
    const cookie = String(res.headers['set-cookie']);
    assert.match(cookie, /ecampus\.sid=/);
    assert.match(cookie, /HttpOnly/i);
    assert.match(cookie, /SameSite=Lax/i);
    const me = await agent.get('/api/me').expect(200);
    assert.deepEqual(
      Object.keys(me.body).sort(),
      ['country', 'email', 'gender', 'id', 'institution', 'institutionType', 'language', 'name', 'position', 'role'],
    );
    assert.equal(me.body.institutionType, 'migration');
    const [row] = await app.ds.query(`SELECT password_hash FROM users WHERE email = 'ana.lopez@example.org'`);
    assert.match(row.password_hash, /^\$argon2id\$/);
  });

  it('refuses bad registrations with a 400 naming the field, and stores nothing', async () => {
    const base = { email: 'bad@example.org', password: 'a long password', ...PROFILE };
    const cases: [Record<string, unknown>, string][] = [
      [{ ...base, email: 'not-an-email' }, 'email'],
      [{ ...base, password: 'short' }, 'password'],
      [{ ...base, country: 'XX' }, 'country'],
      [{ ...base, country: 'MEX' }, 'country'],
      [{ ...base, institutionType: 'army' }, 'institutionType'],
      [{ ...base, language: 'de' }, 'language'],
      [{ ...base, name: '' }, 'name'],
      [{ ...base, institution: undefined }, 'institution'],
      [{ ...base, isAdmin: true }, 'isAdmin'],
      [{ ...base, role: 'admin' }, 'role'],
    ];
    for (const [body, field] of cases) assertError(await request(app.server).post('/api/auth/register').send(body), 400, field);
    const [{ count }] = await app.ds.query(`SELECT count(*)::int FROM users WHERE email = 'bad@example.org'`);
    assert.equal(count, 0);
  });

  it('answers malformed JSON with a 400, not a 500', async () => {
    const res = await request(app.server).post('/api/auth/register').set('Content-Type', 'application/json').send('{"email": ');
    assertError(res, 400, 'JSON');
  });

  it('gives 409 for an email that is taken, whatever its case', async () => {
    const { email } = await signUp(app.server);
    const res = await request(app.server).post('/api/auth/register').send({ email: email.toUpperCase(), password: 'another password', ...PROFILE });
    assertError(res, 409, 'already exists');
  });

  it('gives the same 401 for a wrong email and a wrong password', async () => {
    const { email } = await signUp(app.server);
    const wrongPassword = await request(app.server).post('/api/auth/login').send({ email, password: 'wrong password' });
    const wrongEmail = await request(app.server).post('/api/auth/login').send({ email: 'nobody@example.org', password: 'wrong password' });
    assertError(wrongPassword, 401);
    assertError(wrongEmail, 401);
    assert.deepEqual(wrongPassword.body, wrongEmail.body);
  });

  it('logs in and out; after logout the session no longer works', async () => {
    const { email, password } = await signUp(app.server);
    const agent = request.agent(app.server);
    const login = await agent.post('/api/auth/login').send({ email, password }).expect(200);
    assert.equal(login.body.user.email, email);
    await agent.get('/api/me').expect(200);
    await agent.post('/api/auth/logout').expect(204);
    assertError(await agent.get('/api/me'), 401);
  });

  it('keeps sessions in the database, so they survive a restart of the API', async () => {
    const { agent } = await signUp(app.server);
    const [{ count }] = await app.ds.query(`SELECT count(*)::int FROM sessions`);
    assert.ok(count > 0);
    await agent.get('/api/me').expect(200);
  });

  it('answers 401 to anonymous calls of signed-in routes', async () => {
    for (const path of ['/api/me', '/api/me/enrollments', '/api/me/certificates', '/api/admin/courses']) {
      assertError(await request(app.server).get(path), 401);
    }
  });

  it('answers 429 after too many failed sign-ins for one email', async () => {
    const { email } = await signUp(app.server);
    for (let i = 0; i < 10; i++) await request(app.server).post('/api/auth/login').send({ email, password: `wrong ${i}` }).expect(401);
    assertError(await request(app.server).post('/api/auth/login').send({ email, password: 'correct horse battery' }), 429);
  });

  it('signs in the first admin from ADMIN_EMAIL / ADMIN_PASSWORD', async () => {
    const admin = await signInAdmin(app.server);
    const me = await admin.get('/api/me').expect(200);
    assert.equal(me.body.role, 'admin');
  });
});
