import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import request from 'supertest';
import { MailDelivery, MailService, MailSweeper } from '../../apps/api/dist/mail/mail.service.js';
import { assertError } from '../support/errors';
import { linkToken, startSmtpServer } from '../support/smtp';
import { completeCourse, freePort, PROFILE, signIn, signInAdmin, signUp, startTestApp, waitFor, type TestApp } from '../support/test-app';

const NEW_PASSWORD = 'a new sentence to remember';

describe('account self-service with mail through a real SMTP server (BullMQ)', () => {
  let app: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  beforeAll(async () => {
    smtp = await startSmtpServer();
    app = await startTestApp({ redis: true, worker: true, overrides: { smtpUrl: smtp.url } });
  });
  afterAll(async () => {
    await app.close();
    await smtp.close();
  });

  it('refuses short and common passwords at registration, change and reset, naming the field', async () => {
    const base = { ...PROFILE, email: `weak.${Date.now()}@example.org` };
    assertError(await request(app.server).post('/api/auth/register').send({ ...base, password: 'short1' }), 400, 'password must be at least 10');
    assertError(await request(app.server).post('/api/auth/register').send({ ...base, password: 'password123' }), 400, 'password is one of the most common');
    assertError(await request(app.server).post('/api/auth/register').send({ ...base, password: '1234567890' }), 400, 'password');
    assertError(await request(app.server).post('/api/auth/register').send({ ...base, password: 'qwertyuiopasdf'.slice(0, 10) }), 400, 'password');
    assert.equal((await app.ds.query(`SELECT count(*)::int AS n FROM users WHERE email = $1`, [base.email]))[0].n, 0);
    const { agent, password } = await signUp(app.server);
    assertError(await agent.post('/api/me/password').send({ currentPassword: password, newPassword: 'iloveyou12' }), 400, 'newPassword');
    assertError(await request(app.server).post('/api/auth/reset-password').send({ token: 'x'.repeat(43), password: 'football12' }), 400, 'password');
  });

  it('mails a welcome in the learner’s language, text and HTML', async () => {
    const es = await signUp(app.server, { language: 'es' });
    const en = await signUp(app.server, { language: 'en' });
    const mailEs = await smtp.waitFor(es.email, /bienvenida/);
    const mailEn = await smtp.waitFor(en.email, /Welcome/);
    assert.match(mailEs.text, /María José Ñúñez/);
    assert.match(mailEs.html, /<a href="https:\/\/ecampus\.test\/"/);
    assert.match(mailEn.text, /Your eCampus account is ready/);
  });

  it('resets a forgotten password by a single-use link; the answer never tells whether the account exists', async () => {
    const { agent, email } = await signUp(app.server, { language: 'en' });
    const known = await request(app.server).post('/api/auth/forgot-password').send({ email: email.toUpperCase() }).expect(202);
    const unknown = await request(app.server).post('/api/auth/forgot-password').send({ email: 'nobody.here@example.org' }).expect(202);
    assert.deepEqual(known.body, unknown.body);
    assertError(await request(app.server).post('/api/auth/forgot-password').send({ email: 'not-an-email' }), 400, 'email');
    const mail = await smtp.waitFor(email, /Reset your eCampus password/);
    assert.match(mail.text, /expires in 1 hour/);
    const token = linkToken(mail.text, '/reset-password');
    // Only the hash is stored.
    assert.equal((await app.ds.query(`SELECT count(*)::int AS n FROM account_tokens WHERE token_hash = $1`, [token]))[0].n, 0);
    assertError(await request(app.server).post('/api/auth/reset-password').send({ token, password: 'short' }), 400, 'password');
    await request(app.server).post('/api/auth/reset-password').send({ token, password: NEW_PASSWORD }).expect(204);
    assertError(await agent.get('/api/me'), 401); // every session ended
    await signIn(app.server, email, NEW_PASSWORD);
    assertError(await request(app.server).post('/api/auth/login').send({ email, password: 'correct horse battery' }), 401);
    assertError(await request(app.server).post('/api/auth/reset-password').send({ token, password: 'yet another long one' }), 400, 'token');
    // An expired link is refused too.
    await request(app.server).post('/api/auth/forgot-password').send({ email }).expect(202);
    const second = await waitFor(async () => smtp.to(email).filter((m) => /Reset/.test(m.subject))[1], 'the second reset mail');
    await app.ds.query(`UPDATE account_tokens SET expires_at = now() - interval '1 minute' WHERE used_at IS NULL`);
    assertError(await request(app.server).post('/api/auth/reset-password').send({ token: linkToken(second.text, '/reset-password'), password: 'yet another long one' }), 400, 'token');
  });

  it('changes the password with the current one and ends the other sessions', async () => {
    const { agent, email, password } = await signUp(app.server);
    const other = await signIn(app.server, email, password);
    assertError(await agent.post('/api/me/password').send({ currentPassword: 'wrong password!!', newPassword: NEW_PASSWORD }), 400, 'currentPassword');
    await agent.post('/api/me/password').send({ currentPassword: password, newPassword: NEW_PASSWORD }).expect(204);
    await agent.get('/api/me').expect(200);
    assertError(await other.get('/api/me'), 401);
    await signIn(app.server, email, NEW_PASSWORD);
  });

  it('updates the profile, naming a bad field, and stores nothing on a bad one', async () => {
    const { agent } = await signUp(app.server);
    assertError(await agent.patch('/api/me').send({ country: 'XX' }), 400, 'country');
    assertError(await agent.patch('/api/me').send({ institutionType: 'bakery' }), 400, 'institutionType');
    assertError(await agent.patch('/api/me').send({ name: 'A', institution: 'Nueva institución' }), 400, 'name');
    assertError(await agent.patch('/api/me').send({ email: 'x@example.org' }), 400, 'email');
    assert.equal((await agent.get('/api/me').expect(200)).body.institution, PROFILE.institution);
    const user = (await agent.patch('/api/me').send({ institution: 'Dirección General de Migración', country: 'sv', position: '', language: 'en', remindersEnabled: false }).expect(200)).body;
    assert.equal(user.institution, 'Dirección General de Migración');
    assert.equal(user.country, 'SV');
    assert.equal(user.position, null);
    assert.equal(user.language, 'en');
    assert.deepEqual((await agent.get('/api/me/preferences').expect(200)).body, { remindersEnabled: false });
  });

  it('re-issues issued certificates under a corrected name; the old one is revoked and points to the new one', async () => {
    const learner = await signUp(app.server, { name: 'Maria Perez' });
    await learner.agent.post('/api/courses/sample-course/enroll').expect(201);
    await completeCourse(app, learner.agent, 'sample-course');
    const old = await waitFor(async () => (await learner.agent.get('/api/me/certificates')).body.find((c: { status: string }) => c.status === 'issued'), 'the first certificate');
    await smtp.waitFor(learner.email, new RegExp(`certificado`));
    await learner.agent.patch('/api/me').send({ name: 'María Pérez Gómez' }).expect(200);
    const v = (await request(app.server).get(`/api/verify/${old.code}`).expect(200)).body;
    assert.equal(v.status, 'revoked');
    assert.equal(v.valid, false);
    assert.equal(v.revokedReason, 'name corrected');
    assert.equal(v.holderName, 'Maria Perez');
    assert.ok(v.replacedByCode && v.replacedByCode !== old.code);
    const page = await request(app.server).get(`/verify/${old.code}`).expect(200);
    assert.ok(page.text.includes(`href="/verify/${v.replacedByCode}"`));
    const fresh = await waitFor(async () => {
      const r = (await request(app.server).get(`/api/verify/${v.replacedByCode}`).expect(200)).body;
      return r.status === 'issued' ? r : undefined;
    }, 'the new certificate');
    assert.equal(fresh.holderName, 'María Pérez Gómez');
    const mail = await waitFor(async () => smtp.to(learner.email).find((m) => m.text.includes(v.replacedByCode)), 'the mail of the new certificate');
    assert.ok(mail.text.includes(`https://ecampus.test/verify/${v.replacedByCode}`));
    // An admin corrects it again for the learner.
    const admin = await signInAdmin(app.server);
    assertError(await admin.patch(`/api/admin/users/${learner.user.id}`).send({ name: '' }), 400, 'name');
    await admin.patch(`/api/admin/users/${learner.user.id}`).send({ name: 'María Pérez-Gómez' }).expect(200);
    const byAdmin = (await request(app.server).get(`/api/verify/${v.replacedByCode}`).expect(200)).body;
    assert.equal(byAdmin.status, 'revoked');
    assert.ok(byAdmin.replacedByCode);
    const third = await waitFor(async () => {
      const r = (await request(app.server).get(`/api/verify/${byAdmin.replacedByCode}`).expect(200)).body;
      return r.status === 'issued' ? r : undefined;
    }, 'the third certificate');
    assert.equal(third.holderName, 'María Pérez-Gómez');
    const statuses = (await learner.agent.get('/api/me/certificates').expect(200)).body.map((c: { status: string }) => c.status).sort();
    assert.deepEqual(statuses, ['issued', 'revoked', 'revoked']);
  });

  it('changes the email only through the link mailed to the new address; a taken one is 409', async () => {
    const { agent, email, password } = await signUp(app.server, { language: 'en' });
    const other = await signUp(app.server);
    assertError(await agent.post('/api/me/email').send({ email: other.email, password }), 409);
    assertError(await agent.post('/api/me/email').send({ email: 'new@example.org', password: 'wrong password!!' }), 400, 'password');
    assertError(await agent.post('/api/me/email').send({ email: 'nope', password }), 400, 'email');
    const newEmail = `changed.${Date.now()}@example.org`;
    await agent.post('/api/me/email').send({ email: newEmail, password }).expect(202);
    assert.equal((await agent.get('/api/me').expect(200)).body.email, email);
    const mail = await smtp.waitFor(newEmail, /Confirm your new eCampus email/);
    const token = linkToken(mail.text, '/confirm-email');
    const res = await request(app.server).post('/api/me/email/confirm').send({ token }).expect(200);
    assert.equal(res.body.user.email, newEmail);
    assertError(await request(app.server).post('/api/me/email/confirm').send({ token }), 400, 'token');
    await signIn(app.server, newEmail, password);
  });

  it('exports the learner’s data and erases it on deletion; issued certificates stay verifiable', async () => {
    const learner = await signUp(app.server, { name: 'Ana Borrada' });
    await learner.agent.post('/api/courses/sample-course/enroll').expect(201);
    await completeCourse(app, learner.agent, 'sample-course');
    const cert = await waitFor(async () => (await learner.agent.get('/api/me/certificates')).body.find((c: { status: string }) => c.status === 'issued'), 'the certificate');
    const exp = await learner.agent.get('/api/me/export').expect(200);
    assert.match(String(exp.headers['content-disposition']), /attachment/);
    assert.equal(exp.body.profile.email, learner.email);
    assert.equal(exp.body.enrollments[0].courseSlug, 'sample-course');
    assert.ok(exp.body.progress.length > 0);
    assert.ok(exp.body.attempts.length > 0);
    assert.equal(exp.body.certificates[0].code, cert.code);
    assert.equal(exp.body.certificates[0].holderName, 'Ana Borrada');
    assertError(await learner.agent.delete('/api/me').send({ password: 'wrong password!!' }), 400, 'password');
    await learner.agent.delete('/api/me').send({ password: learner.password }).expect(204);
    assertError(await learner.agent.get('/api/me'), 401);
    assertError(await request(app.server).post('/api/auth/login').send({ email: learner.email, password: learner.password }), 401);
    const [row] = await app.ds.query(`SELECT email, name, institution, position, gender, active FROM users WHERE id = $1`, [learner.user.id]);
    assert.equal(row.name, '');
    assert.equal(row.institution, '');
    assert.equal(row.position, null);
    assert.equal(row.gender, null);
    assert.equal(row.active, false);
    assert.ok(!row.email.includes(learner.email.split('@')[0]));
    const [{ n }] = await app.ds.query(
      `SELECT (SELECT count(*) FROM item_progress p JOIN enrollments e ON e.id = p.enrollment_id WHERE e.user_id = $1)
            + (SELECT count(*) FROM quiz_attempts a JOIN enrollments e ON e.id = a.enrollment_id WHERE e.user_id = $1)
            + (SELECT count(*) FROM mail_messages WHERE user_id = $1 OR to_address = $2)
            + (SELECT count(*) FROM sessions WHERE sess->>'userId' = $3) AS n`,
      [learner.user.id, learner.email, String(learner.user.id)],
    );
    assert.equal(Number(n), 0);
    const v = (await request(app.server).get(`/api/verify/${cert.code}`).expect(200)).body;
    assert.equal(v.status, 'issued');
    assert.equal(v.holderName, 'Ana Borrada');
    // The address is free again.
    await request(app.server).post('/api/auth/register').send({ email: learner.email, password: 'correct horse battery', ...PROFILE }).expect(201);
  });

  it('sends a reminder after 14 days without progress, once per stall, unless turned off', async () => {
    const sweeper = app.nest.get(MailSweeper);
    const a = await signUp(app.server, { language: 'en' });
    const b = await signUp(app.server);
    for (const l of [a, b]) await l.agent.post('/api/courses/sample-course/enroll').expect(201);
    await b.agent.patch('/api/me').send({ remindersEnabled: false }).expect(200);
    await app.ds.query(`UPDATE enrollments SET enrolled_at = now() - interval '15 days' WHERE user_id IN ($1, $2)`, [a.user.id, b.user.id]);
    await sweeper.remind();
    await sweeper.remind();
    const mail = await smtp.waitFor(a.email, /Continue/);
    assert.match(mail.text, /turn them off in your profile: https:\/\/ecampus\.test\/profile/i);
    const rows = await app.ds.query(`SELECT to_address FROM mail_messages WHERE template = 'reminder' AND user_id IN ($1, $2)`, [a.user.id, b.user.id]);
    assert.deepEqual(rows, [{ to_address: a.email }]);
    // Progress, then a new stall, earns one new reminder.
    const doc = (await (await signInAdmin(app.server)).get('/api/admin/courses/sample-course').expect(200)).body;
    await a.agent.post(`/api/lessons/${doc.modules[0].items[0].id}/complete`).expect(200);
    assert.equal(await sweeper.remind(), 0);
    await app.ds.query(`UPDATE item_progress SET completed_at = now() - interval '14 days 12 hours' WHERE enrollment_id IN (SELECT id FROM enrollments WHERE user_id = $1)`, [a.user.id]);
    await sweeper.remind();
    await waitFor(async () => smtp.to(a.email).filter((m) => /Continue/.test(m.subject)).length === 2, 'the second reminder');
  });

  it('never sends a message twice, even when two deliveries race', async () => {
    const mail = app.nest.get(MailService);
    const delivery = app.nest.get(MailDelivery);
    const to = `race.${Date.now()}@example.org`;
    const id = await mail.write({ template: 'welcome', to, language: 'en', vars: { name: 'Race', link: 'https://ecampus.test/' } });
    const results = await Promise.all([delivery.deliver(id!), delivery.deliver(id!), delivery.deliver(id!)]);
    assert.deepEqual(results.sort(), ['sent', 'skipped', 'skipped']);
    await mail.send([id]);
    await app.nest.get(MailSweeper).sweep();
    await smtp.waitFor(to, /Welcome/);
    const [row] = await app.ds.query(`SELECT status, sent_at FROM mail_messages WHERE id = $1`, [id]);
    assert.equal(row.status, 'sent');
    // Whatever else the queue still does, the count stays one.
    await waitFor(async () => (await app.ds.query(`SELECT count(*)::int AS n FROM mail_messages WHERE status = 'pending'`))[0].n === 0, 'the queue to drain');
    assert.equal(smtp.to(to).length, 1);
  });
});

describe('mail without SMTP_URL goes to the admin outbox (in-process queue)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ redis: false });
  });
  afterAll(() => app.close());

  it('keeps every message for admins, newest first; learners get 403', async () => {
    const learner = await signUp(app.server, { language: 'es' });
    await request(app.server).post('/api/auth/forgot-password').send({ email: learner.email }).expect(202);
    const admin = await signInAdmin(app.server);
    const box = await waitFor(async () => {
      const list = (await admin.get('/api/admin/outbox').expect(200)).body as { to: string; subject: string; text: string; createdAt: string }[];
      const mine = list.filter((m) => m.to === learner.email);
      return mine.length === 2 ? mine : undefined;
    }, 'two messages in the outbox');
    assert.match(box[0].subject, /Restablecer su contraseña/);
    assert.match(box[1].subject, /bienvenida/);
    assert.ok(Date.parse(box[0].createdAt) >= Date.parse(box[1].createdAt));
    assert.match(box[0].text, /\/reset-password#token=/);
    await waitFor(async () => (await app.ds.query(`SELECT count(*)::int AS n FROM mail_messages WHERE status = 'outbox'`))[0].n >= 2, 'the messages to be kept');
    assertError(await learner.agent.get('/api/admin/outbox'), 403);
    assertError(await request(app.server).get('/api/admin/outbox'), 401);
    // The outbox link works like a mailed one.
    const token = box[0].text.match(/#token=([A-Za-z0-9_-]+)/)![1];
    await request(app.server).post('/api/auth/reset-password').send({ token, password: NEW_PASSWORD }).expect(204);
    await signIn(app.server, learner.email, NEW_PASSWORD);
  });

  it('mails at most five reset links an hour to one account, answering the same every time', async () => {
    const learner = await signUp(app.server);
    const bodies = new Set<string>();
    for (let i = 0; i < 7; i++) bodies.add(JSON.stringify((await request(app.server).post('/api/auth/forgot-password').send({ email: learner.email }).expect(202)).body));
    assert.equal(bodies.size, 1);
    const [{ n }] = await app.ds.query(`SELECT count(*)::int AS n FROM account_tokens WHERE user_id = $1`, [learner.user.id]);
    assert.equal(n, 5);
  });
});

describe('mail retries while the SMTP server is down (BullMQ)', () => {
  let app: TestApp;
  let port: number;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>> | undefined;
  beforeAll(async () => {
    port = await freePort();
    app = await startTestApp({ redis: true, worker: true, overrides: { smtpUrl: `smtp://127.0.0.1:${port}` } });
  });
  afterAll(async () => {
    await app.close();
    await smtp?.close();
  });

  it('keeps the message pending, retries, and sends it once when the server is back', async () => {
    const to = `retry.${Date.now()}@example.org`;
    const id = await app.nest.get(MailService).queueMail({ template: 'welcome', to, language: 'es', vars: { name: 'Reintento', link: 'https://ecampus.test/' } });
    const failed = await waitFor(async () => {
      const [row] = await app.ds.query(`SELECT status, attempts, last_error FROM mail_messages WHERE id = $1`, [id]);
      return row.attempts >= 1 ? row : undefined;
    }, 'a failed attempt');
    assert.equal(failed.status, 'pending');
    assert.ok(failed.last_error);
    smtp = await startSmtpServer(port);
    await smtp.waitFor(to, /bienvenida/);
    await waitFor(async () => (await app.ds.query(`SELECT status FROM mail_messages WHERE id = $1`, [id]))[0].status === 'sent', 'the message to be marked sent');
    await app.nest.get(MailSweeper).sweep();
    assert.equal(smtp.to(to).length, 1);
  });
});
