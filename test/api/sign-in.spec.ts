import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import request from 'supertest';
import { loadConfig } from '../../apps/api/dist/config/app-config.js';
import { assertError } from '../support/errors';
import { signUp, startTestApp, waitFor, type TestApp } from '../support/test-app';

const login = (app: TestApp, email: string, password: string, forwardedFor?: string) => {
  const r = request(app.server).post('/api/auth/login');
  if (forwardedFor) r.set('X-Forwarded-For', forwardedFor);
  return r.send({ email, password });
};

const count = (statuses: number[], s: number) => statuses.filter((x) => x === s).length;

describe('sign-in throttling (atomic) and sessions', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ redis: false });
  });
  afterAll(() => app.close());

  it('prunes counters idle for a day and keys them by a primary key', async () => {
    await app.ds.query(
      `INSERT INTO login_throttle (key, attempts, window_start, updated_at) VALUES ('email:old@example.org', 3, now() - interval '3 days', now() - interval '3 days')`,
    );
    const { email, password } = await signUp(app.server);
    await login(app, email, password).expect(200);
    await waitFor(async () => (await app.ds.query(`SELECT 1 FROM login_throttle WHERE key = 'email:old@example.org'`)).length === 0, 'the old counter pruned');
    const [pk] = await app.ds.query(`SELECT indexdef FROM pg_indexes WHERE tablename = 'login_throttle' AND indexdef LIKE '%(key)%'`);
    assert.ok(pk, 'the counter is found by an index on its key');
    const old = await app.ds.query(`SELECT 1 FROM information_schema.tables WHERE table_name = 'login_failures'`);
    assert.equal(old.length, 0, 'the unpruned failure log is gone');
  });

  it('answers 429 with Retry-After to a burst of 200 parallel wrong passwords beyond the limit, and the right password then fails too', async () => {
    const { email, password } = await signUp(app.server);
    const burst = await Promise.all(Array.from({ length: 200 }, (_, i) => login(app, email, `wrong password ${i}`)));
    const statuses = burst.map((r) => r.status);
    assert.equal(count(statuses, 401), 10, 'exactly the limit is let through to the password check');
    assert.equal(count(statuses, 429), 190);
    const limited = burst.find((r) => r.status === 429)!;
    assertError(limited, 429, 'Too many');
    const retry = Number(limited.headers['retry-after']);
    assert.ok(Number.isInteger(retry) && retry > 0 && retry <= 15 * 60, `Retry-After in seconds: ${limited.headers['retry-after']}`);
    // One lockout started, recorded once in the audit log under a hash of the email; ten failures recorded.
    const hashed = 'sha256:' + createHash('sha256').update(email).digest('hex').slice(0, 32);
    const events = await app.ds.query(`SELECT type, count(*)::int AS n FROM audit_events WHERE subject = $1 GROUP BY type ORDER BY type`, [hashed]);
    assert.deepEqual(events, [{ type: 'sign-in-failed', n: 10 }, { type: 'sign-in-locked', n: 1 }]);

    // Once the limit is hit, a burst of 40 that contains the right password does not sign in.
    const second = await Promise.all(Array.from({ length: 40 }, (_, i) => login(app, email, i === 17 ? password : `guess ${i}`)));
    assert.equal(count(second.map((r) => r.status), 200), 0, 'no request of the burst signed in');
    assert.ok(second.every((r) => r.status === 429));
  });

  it('lets the right password through a burst below the limit once, and the same 401 for a wrong email and a wrong password', async () => {
    const { email, password } = await signUp(app.server);
    const burst = await Promise.all(Array.from({ length: 9 }, (_, i) => login(app, email, i === 4 ? password : `nope ${i}`)));
    assert.equal(count(burst.map((r) => r.status), 200), 1);
    const wrongEmail = await login(app, `nobody.${Date.now()}@example.org`, 'whatever it is');
    const wrongPassword = await login(app, email, 'whatever it is');
    assert.equal(wrongEmail.status, 401);
    assert.deepEqual(wrongEmail.body, wrongPassword.body);
  });

  it('makes each further lockout longer', async () => {
    const { email } = await signUp(app.server);
    for (let i = 0; i < 11; i++) await login(app, email, `wrong ${i}`);
    const first = Number((await login(app, email, 'wrong again')).headers['retry-after']);
    assert.ok(first > 14 * 60 && first <= 15 * 60, `first lockout about 15 minutes: ${first}`);
    // The lockout and its window are over (moved into the past, not waited for).
    await app.ds.query(
      `UPDATE login_throttle SET blocked_until = now() - interval '1 second', window_start = now() - interval '1 hour' WHERE key = $1`,
      [`email:${email}`],
    );
    const after = await login(app, email, 'wrong once more');
    assert.equal(after.status, 401, 'allowed again once the lockout is over');
    for (let i = 0; i < 10; i++) await login(app, email, `wrong ${i}`);
    const second = await login(app, email, 'wrong again');
    assertError(second, 429);
    const retry = Number(second.headers['retry-after']);
    assert.ok(retry > 29 * 60 && retry <= 30 * 60, `second lockout about 30 minutes: ${retry}`);
  });

  it('ends a session after the idle limit and after the absolute limit, and sets the cookie to the idle limit', async () => {
    const { agent, email, password } = await signUp(app.server);
    const res = await agent.post('/api/auth/login').send({ email, password }).expect(200);
    const cookie = String(res.headers['set-cookie']);
    const expires = Date.parse(/Expires=([^;]+)/.exec(cookie)![1]);
    assert.ok(Math.abs(expires - Date.now() - 30 * 60_000) < 5 * 60_000, `cookie lasts about 30 minutes idle: ${cookie}`);
    await agent.get('/api/me').expect(200);

    // Idle: the stored expiry passes (moved into the past rather than waited for).
    const [{ id }] = await app.ds.query(`SELECT id FROM users WHERE email = $1`, [email]);
    await app.ds.query(`UPDATE sessions SET expire = now() - interval '1 second' WHERE sess->>'userId' = $1`, [id]);
    assertError(await agent.get('/api/me'), 401);

    // Absolute: active all along, but signed in 13 hours ago.
    await agent.post('/api/auth/login').send({ email, password }).expect(200);
    await agent.get('/api/me').expect(200);
    await app.ds.query(
      `UPDATE sessions SET sess = jsonb_set(sess::jsonb, '{signedInAt}', to_jsonb((extract(epoch FROM now()) * 1000)::bigint - 13 * 3600 * 1000))::json
        WHERE sess->>'userId' = $1`,
      [id],
    );
    assertError(await agent.get('/api/me'), 401);
    assert.equal((await app.ds.query(`SELECT 1 FROM sessions WHERE sess->>'userId' = $1 AND expire > now()`, [id])).length, 0, 'the old session is deleted');
    // Eleven hours is still inside the limit.
    await agent.post('/api/auth/login').send({ email, password }).expect(200);
    await app.ds.query(
      `UPDATE sessions SET sess = jsonb_set(sess::jsonb, '{signedInAt}', to_jsonb((extract(epoch FROM now()) * 1000)::bigint - 11 * 3600 * 1000))::json
        WHERE sess->>'userId' = $1`,
      [id],
    );
    await agent.get('/api/me').expect(200);
  });

  it('limits one address across many emails, atomically, and a spoofed X-Forwarded-For does not dodge it without TRUST_PROXY', async () => {
    // The tests above came from this address too: start its count afresh.
    await app.ds.query(`DELETE FROM login_throttle WHERE key LIKE 'ip:%'`);
    const burst = await Promise.all(
      Array.from({ length: 300 }, (_, i) => login(app, `someone${i}.${Date.now()}@example.org`, 'a wrong password', `198.51.100.${i % 250}`)),
    );
    const statuses = burst.map((r) => r.status);
    assert.equal(count(statuses, 401), 100, 'the per-address limit holds under a parallel burst');
    assert.equal(count(statuses, 429), 200);
    // Another spoofed address still counts as this one.
    assertError(await login(app, `fresh.${Date.now()}@example.org`, 'x', '203.0.113.99'), 429);
  });

  it('reads SESSION_MAX_HOURS and SESSION_IDLE_MINUTES, refusing nonsense', () => {
    const c = loadConfig({ SESSION_MAX_HOURS: '8', SESSION_IDLE_MINUTES: '15' });
    assert.equal(c.sessionMaxHours, 8);
    assert.equal(c.sessionIdleMinutes, 15);
    const d = loadConfig({});
    assert.equal(d.sessionMaxHours, 12);
    assert.equal(d.sessionIdleMinutes, 30);
    assert.throws(() => loadConfig({ SESSION_IDLE_MINUTES: '0' }), /SESSION_IDLE_MINUTES/);
    assert.throws(() => loadConfig({ SESSION_MAX_HOURS: 'soon' }), /SESSION_MAX_HOURS/);
  });
});

describe('sign-in behind a trusted proxy (TRUST_PROXY)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ redis: false, overrides: { trustProxy: true } });
  });
  afterAll(() => app.close());

  it('counts per client address from X-Forwarded-For', async () => {
    const burst = await Promise.all(
      Array.from({ length: 110 }, (_, i) => login(app, `p${i}.${Date.now()}@example.org`, 'a wrong password', '203.0.113.5')),
    );
    assert.equal(count(burst.map((r) => r.status), 401), 100);
    assertError(await login(app, `q.${Date.now()}@example.org`, 'x', '203.0.113.5'), 429);
    // Another client behind the same proxy is not locked out.
    assertError(await login(app, `r.${Date.now()}@example.org`, 'x', '203.0.113.6'), 401);
    const [row] = await app.ds.query(`SELECT attempts FROM login_throttle WHERE key = 'ip:203.0.113.5'`);
    assert.ok(row.attempts >= 111);
  });
});
