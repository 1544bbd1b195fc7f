import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import request from 'supertest';
import { tokenFromUrl, verifyToken, type CertificateTokenPayload, type Jwk } from '@ecampus/certificate';
import { urlFromPdf } from '../../apps/api/dist/cli/certificates-verify.js';
import { SigningKeysService } from '../../apps/api/dist/certificates/signing-keys.service.js';
import { binary, png } from '../support/png';
import { assertError } from '../support/errors';
import { completeCourse, signIn, signInAdmin, signUp, startTestApp, waitFor, type TestApp } from '../support/test-app';

describe('signed certificates: QR token, JWKS, revocation list, key rotation', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ redis: true, worker: true });
  });
  afterAll(() => app.close());

  async function certify(name = 'Łukasz Ñúñez-Gómez') {
    const learner = await signUp(app.server, { name });
    await learner.agent.post('/api/courses/sample-course/enroll').expect(201);
    await completeCourse(app, learner.agent, 'sample-course');
    const cert = await waitFor(async () => {
      const list = (await learner.agent.get('/api/me/certificates').expect(200)).body;
      return list[0]?.status === 'issued' ? list[0] : undefined;
    }, 'the certificate to be issued');
    const pdf: Buffer = (await learner.agent.get(`/api/certificates/${cert.code}/pdf`).buffer(true).parse(binary).expect(200)).body;
    return { ...learner, cert, pdf };
  }

  const jwks = async () => (await request(app.server).get('/.well-known/ecampus-certificate-keys.json').expect(200)).body as { keys: Jwk[] };

  it('publishes the Ed25519 public keys as a JWKS', async () => {
    const res = await request(app.server).get('/.well-known/ecampus-certificate-keys.json').expect(200);
    assert.match(res.headers['content-type'], /json/);
    const { keys } = JSON.parse(res.text);
    assert.equal(keys.length, 1);
    assert.equal(keys[0].kty, 'OKP');
    assert.equal(keys[0].crv, 'Ed25519');
    assert.match(keys[0].kid, /^[\w-]{16}$/);
    assert.equal(keys[0].d, undefined, 'the private part is never published');
  });

  it('puts a signed token of the certificate fields in the QR URL fragment, readable by zbarimg and from the PDF', async () => {
    const { cert, pdf } = await certify();
    const signedUrl = urlFromPdf(pdf);
    assert.ok(signedUrl, 'the PDF carries its signed verify URL');
    assert.ok(signedUrl.startsWith(`https://ecampus.test/verify/${cert.code}#v1.`), signedUrl);
    const check = verifyToken<CertificateTokenPayload>(tokenFromUrl(signedUrl)!, await jwks());
    assert.equal(check.valid, true);
    assert.ok(check.valid);
    assert.deepEqual({ ...check.payload, k: undefined }, { c: cert.code, n: 'Łukasz Ñúñez-Gómez', t: 'Sample course on referral', h: check.payload.h, d: check.payload.d, k: undefined });
    const v = (await request(app.server).get(`/api/verify/${cert.code}`).expect(200)).body;
    assert.equal(check.payload.h, v.hours);
    assert.match(check.payload.d, /^\d{4}-\d{2}-\d{2}$/);

    // The printed QR decodes to the same signed URL.
    const dir = mkdtempSync(join(tmpdir(), 'cert-qr-'));
    writeFileSync(join(dir, 'c.pdf'), pdf);
    execFileSync('pdftoppm', ['-r', '200', '-png', '-singlefile', join(dir, 'c.pdf'), join(dir, 'c')]);
    const decoded = execFileSync('zbarimg', ['--raw', '-q', join(dir, 'c.png')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    assert.equal(decoded, signedUrl);

    // Any change to a field breaks the signature.
    const [v1, payload, sig] = tokenFromUrl(signedUrl)!.split('.');
    const forged = Buffer.from(JSON.stringify({ ...check.payload, n: 'Someone Else' })).toString('base64url');
    assert.equal(verifyToken(`${v1}.${forged}.${sig}`, await jwks()).valid, false);
    const flipped = Buffer.from(sig, 'base64url');
    flipped[0] ^= 1;
    assert.equal(verifyToken(`${v1}.${payload}.${flipped.toString('base64url')}`, await jwks()).valid, false);
  });

  it('serves a signed list of every revoked code with its date', async () => {
    const { cert } = await certify('Ana Revocada');
    const before = (await request(app.server).get('/api/certificates/revocations').expect(200)).body;
    assert.equal(before.revoked.some((r: { code: string }) => r.code === cert.code), false);
    const admin = await signInAdmin(app.server);
    await admin.post(`/api/admin/certificates/${cert.code}/revoke`).send({ reason: 'Issued to the wrong account.' }).expect(200);
    // Revoked for another reason (e.g. a corrected name) is listed too: the list takes every revoked row.
    const { cert: other } = await certify('Name Typo');
    await app.ds.query(`UPDATE certificates SET status = 'revoked', revoked_at = now(), revoked_reason = 'name corrected' WHERE code = $1`, [other.code]);

    const list = (await request(app.server).get('/api/certificates/revocations').expect(200)).body;
    assert.equal(list.format, 'ecampus-revocations-v1');
    const checked = verifyToken<{ k: string; revoked: { code: string; revokedAt: string }[] }>(list.token, await jwks());
    assert.ok(checked.valid, 'the list is signed by a published key');
    assert.deepEqual(checked.payload.revoked, list.revoked);
    for (const code of [cert.code, other.code]) {
      const entry = list.revoked.find((r: { code: string }) => r.code === code);
      assert.ok(entry && Date.parse(entry.revokedAt), `${code} is listed with a date`);
    }
    const tampered = Buffer.from(JSON.stringify({ ...checked.payload, revoked: [] })).toString('base64url');
    const [v1, , sig] = list.token.split('.');
    assert.equal(verifyToken(`${v1}.${tampered}.${sig}`, await jwks()).valid, false);
  });

  it('rotates the key: new certificates use the new kid, older ones stay valid and their key stays listed', async () => {
    const { pdf: oldPdf } = await certify('Before Rotation');
    const before = await jwks();
    const service = new SigningKeysService(app.ds, app.config);
    const { kid, retired } = await service.rotate();
    assert.deepEqual(retired, before.keys.map((k) => k.kid));
    const afterKeys = await jwks();
    assert.deepEqual(afterKeys.keys.map((k) => k.kid).sort(), [kid, ...retired].sort());
    assert.equal(verifyToken(tokenFromUrl(urlFromPdf(oldPdf)!)!, afterKeys).valid, true);
    const { pdf } = await certify('After Rotation');
    const check = verifyToken<CertificateTokenPayload>(tokenFromUrl(urlFromPdf(pdf)!)!, afterKeys);
    assert.ok(check.valid);
    assert.equal(check.kid, kid);
  });

  it('answers /verify and /verify/ with a form to type a code, in Spanish and English; the page stays small', async () => {
    for (const path of ['/verify', '/verify/']) {
      const es = await request(app.server).get(path).set('Accept-Language', 'es').expect(200);
      assert.match(es.text, /Escriba el código del certificado/);
      assert.match(es.text, /<script src="\/verify-assets\/verify\.js" defer><\/script>/);
      const en = await request(app.server).get(path).set('Accept-Language', 'en').expect(200);
      assert.match(en.text, /Type the certificate code/);
    }
    const { cert } = await certify();
    const typed = await request(app.server).get(`/verify/go?code=${cert.code.toLowerCase()}`).expect(303);
    assert.equal(typed.headers.location, `/verify/${cert.code}`);
    const page = await request(app.server).get(`/verify/${cert.code}`).expect(200);
    assert.doesNotMatch(page.text, /<script>/, 'no inline script (CSP script-src self)');
    const js = await request(app.server).get('/verify-assets/verify.js').expect(200);
    assert.match(js.headers['content-type'], /javascript/);
    const sw = await request(app.server).get('/verify-assets/sw.js').expect(200);
    assert.equal(sw.headers['service-worker-allowed'], '/verify/');
    const jwksBody = (await request(app.server).get('/.well-known/ecampus-certificate-keys.json')).text;
    const total = Buffer.byteLength(page.text) + Buffer.byteLength(js.text) + Buffer.byteLength(sw.text) + Buffer.byteLength(jwksBody);
    assert.ok(total <= 30_000, `the verify page with its scripts and keys weighs ${total} bytes`);
    assertError(await request(app.server).get('/api/verify/0000-0000-0000-0000'), 404);
  });

  const pdfText = (pdf: Buffer) => {
    const dir = mkdtempSync(join(tmpdir(), 'cert-text-'));
    writeFileSync(join(dir, 'c.pdf'), pdf);
    return execFileSync('pdftotext', [join(dir, 'c.pdf'), '-'], { encoding: 'utf8' });
  };

  it('lets only admins set the signatory; certificates keep the signatory they were issued with', async () => {
    const admin = await signInAdmin(app.server);
    const learner = await signUp(app.server);
    assertError(await learner.agent.get('/api/admin/certificate-settings'), 403);
    assertError(await learner.agent.put('/api/admin/certificate-settings').send({ signatoryName: 'Me' }), 403);
    const author = await signUp(app.server);
    await admin.patch(`/api/admin/users/${author.user.id}`).send({ role: 'author' }).expect(200);
    const authorAgent = await signIn(app.server, author.email, author.password);
    assertError(await authorAgent.put('/api/admin/certificate-settings').send({ signatoryName: 'Me' }), 403);
    assertError(await authorAgent.put('/api/admin/certificate-settings/signature').set('Content-Type', 'image/png').send(png(40, 20)), 403);
    assertError(await request(app.server).get('/api/admin/certificate-settings'), 401);

    assertError(await admin.put('/api/admin/certificate-settings').send({ signatoryName: 'x'.repeat(121) }), 400, /signatoryName/);
    assertError(await admin.put('/api/admin/certificate-settings').send({ signatoryName: 'Ok', programmeName: 7 }), 400, /programmeName/);
    assertError(await admin.put('/api/admin/certificate-settings/signature').set('Content-Type', 'image/png').send(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>')), 415, /PNG or JPEG/);
    assertError(await admin.put('/api/admin/certificate-settings/signature').set('Content-Type', 'image/png').send(Buffer.concat([png(40, 20), Buffer.alloc(600 * 1024)])), 413, /512 kB/);
    assert.equal((await admin.get('/api/admin/certificate-settings').expect(200)).body.signatoryName, '', 'nothing stored by refused requests');

    const saved = (await admin.put('/api/admin/certificate-settings').send({ signatoryName: ' María Fernanda López ', signatoryTitle: 'Coordinadora de Formación', programmeName: 'Programa Regional de Gobernanza Migratoria' }).expect(200)).body;
    assert.equal(saved.signatoryName, 'María Fernanda López');
    const withPicture = (await admin.put('/api/admin/certificate-settings/signature').set('Content-Type', 'image/png').send(png(120, 40)).expect(200)).body;
    assert.ok(withPicture.signatureId);
    const picture = await admin.get('/api/admin/certificate-settings/signature').buffer(true).parse(binary).expect(200);
    assert.equal(picture.headers['content-type'], 'image/png');

    const { cert: first, pdf: firstPdf } = await certify('Primera Persona');
    const text = pdfText(firstPdf);
    for (const s of ['María Fernanda López', 'Coordinadora de Formación', 'Programa Regional de Gobernanza Migratoria']) assert.ok(text.includes(s), `the certificate shows ${s}`);

    await admin.put('/api/admin/certificate-settings').send({ signatoryName: 'Otra Firmante', signatoryTitle: 'Directora', programmeName: '' }).expect(200);
    const { pdf: secondPdf } = await certify('Segunda Persona');
    const second = pdfText(secondPdf);
    assert.ok(second.includes('Otra Firmante') && !second.includes('María Fernanda López'));
    // The first certificate keeps its signatory, on its row and in any later rendering of it.
    const [row] = await app.ds.query(`SELECT signatory FROM certificates WHERE code = $1`, [first.code]);
    assert.equal(row.signatory.name, 'María Fernanda López');
    assert.equal(row.signatory.signatureId, withPicture.signatureId);
  });
});
