import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import request from 'supertest';
import { assertError } from '../support/errors';
import { completeCourse, signInAdmin, signUp, startTestApp, waitFor, type TestApp } from '../support/test-app';

describe('certificates over BullMQ on Redis', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ redis: true, worker: true });
  });
  afterAll(() => app.close());

  async function certify() {
    const learner = await signUp(app.server, { name: 'Łukasz Ñúñez-Gómez' });
    await learner.agent.post('/api/courses/sample-course/enroll').expect(201);
    await completeCourse(app, learner.agent, 'sample-course');
    const cert = await waitFor(async () => {
      const list = (await learner.agent.get('/api/me/certificates').expect(200)).body;
      return list[0]?.status === 'issued' ? list[0] : undefined;
    }, 'the certificate to be issued');
    return { ...learner, cert };
  }

  it('issues exactly one certificate when a course is completed, with a readable code', async () => {
    const { agent, cert, user } = await certify();
    assert.match(cert.code, /^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
    assert.deepEqual(cert.course, { slug: 'sample-course', title: 'Sample course on referral' });
    assert.ok(Date.parse(cert.issuedAt));
    // Completing again, or re-sending the last quiz, does not make another one.
    const doc = (await (await signInAdmin(app.server)).get('/api/admin/courses/sample-course').expect(200)).body;
    await agent.post(`/api/lessons/${doc.modules[0].items[0].id}/complete`).expect(200);
    const rows = await app.ds.query(`SELECT status FROM certificates WHERE user_id = $1`, [user.id]);
    assert.deepEqual(rows, [{ status: 'issued' }]);
    const files = await app.ds.query(`SELECT count(*)::int AS n FROM certificate_files f JOIN certificates c ON c.id = f.certificate_id WHERE c.user_id = $1`, [user.id]);
    assert.equal(files[0].n, 1);
  });

  it('lets the holder and admins download the PDF; anyone else gets 404', async () => {
    const { agent, cert } = await certify();
    const pdf = await agent.get(`/api/certificates/${cert.code}/pdf`).buffer(true).parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => cb(null, Buffer.concat(chunks)));
    }).expect(200);
    assert.equal(pdf.headers['content-type'], 'application/pdf');
    assert.equal((pdf.body as Buffer).subarray(0, 5).toString(), '%PDF-');
    const admin = await signInAdmin(app.server);
    await admin.get(`/api/certificates/${cert.code}/pdf`).expect(200);
    const { agent: other } = await signUp(app.server);
    assertError(await other.get(`/api/certificates/${cert.code}/pdf`), 404);
    assertError(await request(app.server).get(`/api/certificates/${cert.code}/pdf`), 401);
    assertError(await agent.get('/api/certificates/0000-0000-0000-0000/pdf'), 404);
  });

  it('verifies publicly by API and by a server-rendered page; codes are forgiving about case and hyphens', async () => {
    const { cert } = await certify();
    const v = (await request(app.server).get(`/api/verify/${cert.code}`).expect(200)).body;
    assert.equal(v.valid, true);
    assert.equal(v.status, 'issued');
    assert.equal(v.holderName, 'Łukasz Ñúñez-Gómez');
    assert.equal(v.courseTitle, 'Sample course on referral');
    assert.equal(v.hours, 0.5); // the computed 5 minutes of the sample course, rounded up to the half hour
    assert.ok(Date.parse(v.issuedAt));
    const loose = cert.code.toLowerCase().replace(/-/g, '');
    assert.equal((await request(app.server).get(`/api/verify/${loose}`).expect(200)).body.code, cert.code);
    assertError(await request(app.server).get('/api/verify/ZZZZ-ZZZZ-ZZZZ-ZZZZ'), 404);
    assertError(await request(app.server).get('/api/verify/not-a-code'), 404);

    const page = await request(app.server).get(`/verify/${cert.code}`).expect(200);
    assert.match(page.headers['content-type'], /text\/html/);
    assert.ok(page.text.includes('Łukasz Ñúñez-Gómez'));
    assert.ok(page.text.includes('Valid certificate'));
    // Works without JavaScript: the result is in the HTML; the only script is the external signature check.
    assert.doesNotMatch(page.text, /<script(?![^>]*\bsrc="\/verify-assets\/verify\.js")/i);
    const missing = await request(app.server).get('/verify/ZZZZ-ZZZZ-ZZZZ-ZZZZ').expect(404);
    assert.match(missing.text, /no certificate|ningún certificado/i);
  });

  it('lets an admin revoke a certificate; anonymous, learners and authors cannot; verify then says revoked; who and why are kept', async () => {
    const { agent, cert } = await certify();
    assertError(await request(app.server).post(`/api/admin/certificates/${cert.code}/revoke`).send({ reason: 'I want to' }), 401);
    assertError(await agent.post(`/api/admin/certificates/${cert.code}/revoke`).send({ reason: 'I want to' }), 403);
    const admin = await signInAdmin(app.server);
    // An author, even one who owns courses, may not revoke: only admins.
    const author = await signUp(app.server, { name: 'Autora Sin Permiso' });
    await admin.patch(`/api/admin/users/${author.user.id}`).send({ role: 'author' }).expect(200);
    assertError(await author.agent.post(`/api/admin/certificates/${cert.code}/revoke`).send({ reason: 'I want to' }), 403, 'admins');
    assert.equal((await request(app.server).get(`/api/verify/${cert.code}`).expect(200)).body.status, 'issued', 'refused revocations change nothing');
    assertError(await admin.post(`/api/admin/certificates/${cert.code}/revoke`).send({}), 400, 'reason');
    assertError(await admin.post('/api/admin/certificates/ZZZZ-ZZZZ-ZZZZ-ZZZZ/revoke').send({ reason: 'Mistake' }), 404);
    await admin.post(`/api/admin/certificates/${cert.code}/revoke`).send({ reason: 'Issued to the wrong account' }).expect(200);
    const v = (await request(app.server).get(`/api/verify/${cert.code}`).expect(200)).body;
    assert.equal(v.valid, false);
    assert.equal(v.status, 'revoked');
    const page = await request(app.server).get(`/verify/${cert.code}`).expect(200);
    assert.match(page.text, /Revoked certificate/);
    assert.match(page.text, /Issued to the wrong account/);
    const mine = (await agent.get('/api/me/certificates').expect(200)).body;
    assert.equal(mine[0].status, 'revoked');
    // Recorded with who and why: on the certificate, and in the audit log admins read.
    const me = (await admin.get('/api/me').expect(200)).body;
    const [row] = await app.ds.query(`SELECT revoked_by, revoked_reason, revoked_at FROM certificates WHERE code = $1`, [cert.code]);
    assert.equal(row.revoked_by, me.id);
    assert.equal(row.revoked_reason, 'Issued to the wrong account');
    assert.ok(row.revoked_at);
    const audit = (await admin.get('/api/admin/audit?type=certificate-revoked').expect(200)).body;
    const event = audit.events.find((e: { subject: string }) => e.subject === cert.code);
    assert.ok(event, 'the revocation is in the audit log');
    assert.equal(event.actor.id, me.id);
    assert.equal(event.detail.reason, 'Issued to the wrong account');
  });

  it('queues again a pending certificate whose job was lost (crash between commit and enqueue)', async () => {
    const { user } = await signUp(app.server);
    const [course] = await app.ds.query(`SELECT id, translation_key FROM courses WHERE slug = 'sample-course'`);
    const [enrollment] = await app.ds.query(
      `INSERT INTO enrollments (user_id, translation_key, course_id, status, completed_at) VALUES ($1, $2, $3, 'completed', now()) RETURNING id`,
      [user.id, course.translation_key, course.id],
    );
    // A pending certificate with no job in Redis: only the sweeper can find it.
    await app.ds.query(
      `INSERT INTO certificates (code, user_id, enrollment_id, translation_key, course_id, holder_name, course_title, language, hours, completed_at)
       VALUES ('SWEP-T000-0000-0001', $1, $2, $3, $4, 'Ana Sweep', 'Sample course on referral', 'en', 1, now())`,
      [user.id, enrollment.id, course.translation_key, course.id],
    );
    await waitFor(async () => {
      const [row] = await app.ds.query(`SELECT status FROM certificates WHERE code = 'SWEP-T000-0000-0001'`);
      return row.status === 'issued';
    }, 'the swept certificate to be issued');
  });
});
