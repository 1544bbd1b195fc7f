import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from '../support/env';
import { describe, it } from '@jest/globals';
import { urlFromPdf } from '../../apps/api/dist/cli/certificates-verify.js';
import { useBrowserHarness } from '../support/browser';
import { binary } from '../support/png';
import { completeCourse, signInAdmin, signUp, waitFor } from '../support/test-app';

describe('verify page: the signature in the QR fragment is checked in the browser, also offline', () => {
  const h = useBrowserHarness({ prefix: 'verify-' });

  async function signedUrl(name: string): Promise<string> {
    const learner = await signUp(h.app.server, { name });
    await learner.agent.post('/api/courses/sample-course/enroll').expect(201);
    await completeCourse(h.app, learner.agent, 'sample-course');
    const code = await waitFor(async () => {
      const [c] = (await learner.agent.get('/api/me/certificates').expect(200)).body;
      return c?.status === 'issued' ? (c.code as string) : undefined;
    }, 'the certificate to be issued');
    const pdf: Buffer = (await learner.agent.get(`/api/certificates/${code}/pdf`).buffer(true).parse(binary).expect(200)).body;
    const url = urlFromPdf(pdf);
    assert.ok(url?.includes(`/verify/${code}#v1.`), String(url));
    return url!;
  }

  it('checks a QR URL online, then another certificate’s QR URL offline; a tampered fragment is not valid', async () => {
    const first = await signedUrl('Marta Online');
    const second = await signedUrl('Łukasz Offline');
    const page = await h.page({ locale: 'en-GB' });
    const sig = page.locator('#sig');

    await page.goto(first);
    await sig.filter({ hasText: /^Signature valid/ }).waitFor();
    await h.look(page, 'online', { part: '#sig' });
    // The service worker has the shell, the script, the keys and the revocation list once it is active.
    await page.waitForFunction(async () => {
      const reg = await navigator.serviceWorker.getRegistration('/verify/');
      if (!reg?.active) return false;
      const cached = await Promise.all(['/verify/', '/verify-assets/verify.js', '/.well-known/ecampus-certificate-keys.json', '/api/certificates/revocations'].map((u) => caches.match(u)));
      return cached.every(Boolean);
    });

    await page.context().setOffline(true);
    await page.goto('about:blank');
    await page.goto(second);
    await sig.filter({ hasText: /^Signature valid/ }).waitFor();
    const fields = await page.locator('#fields').innerText();
    assert.match(fields, /Łukasz Offline/);
    assert.match(fields, /Sample course on referral/);
    await h.look(page, 'offline', { part: '#sig' });

    const [base, token] = second.split('#');
    const [v1, payload, signature] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), n: 'Someone Else' })).toString('base64url');
    await page.goto('about:blank');
    await page.goto(`${base}#${v1}.${forged}.${signature}`);
    await sig.filter({ hasText: /^Signature not valid/ }).waitFor();
    assert.doesNotMatch(await page.locator('#fields').innerText(), /Someone Else/);
  });

  it('certificates:verify fetches the keys and the revocation list from the URL’s origin when given no files', async () => {
    const url = await signedUrl('Carmen Cli');
    // Spawned asynchronously: the server answering it runs in this process.
    const run = (arg: string) =>
      new Promise<{ code: number | null; out: string }>((resolve) => {
        const child = spawn(process.execPath, [join(ROOT, 'apps/api/dist/cli/certificates-verify.js'), arg]);
        let out = '';
        child.stdout.on('data', (d) => (out += d));
        child.stderr.on('data', (d) => (out += d));
        child.on('close', (code) => resolve({ code, out }));
      });
    const ok = await run(url);
    assert.equal(ok.code, 0, ok.out);
    assert.match(ok.out, /VALID: signature by key .*; not revoked/);
    const admin = await signInAdmin(h.app.server);
    const code = new URL(url).pathname.split('/').pop();
    await admin.post(`/api/admin/certificates/${code}/revoke`).send({ reason: 'Test of the revocation list.' }).expect(200);
    const revoked = await run(url);
    assert.equal(revoked.code, 1, revoked.out);
    assert.match(revoked.out, /revoked on/);
  });
});
