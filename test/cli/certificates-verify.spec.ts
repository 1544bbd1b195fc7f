import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { generateKeyPairSync, sign } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, it } from '@jest/globals';
import { encodeToken, renderCertificatePdf, tokenPayload } from '@ecampus/certificate';
import { ROOT } from '../support/env';

const cli = (args: string[]) =>
  spawnSync(process.execPath, [join(ROOT, 'apps/api/dist/cli/certificates-verify.js'), ...args], { encoding: 'utf8' });

/** A key pair and a certificate PDF signed with it, exactly as the issuer makes them: no server involved. */
function keyAndJwks(dir: string, kid: string) {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const jwks = join(dir, `${kid}.json`);
  writeFileSync(jwks, JSON.stringify({ keys: [{ ...publicKey.export({ format: 'jwk' }), kid }] }));
  return { privateKey, jwks };
}

describe('npm run certificates:verify', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cert-cli-'));
  const fields = { code: '7K3M-Q9TR-X2HD-4WNB', holderName: 'Ana María Pérez', courseTitle: 'Protección internacional', hours: 6, completedAt: new Date('2026-11-20T10:00:00Z') };
  const key = keyAndJwks(dir, 'test-key-1');
  const other = keyAndJwks(dir, 'test-key-1-other');
  const verifyUrl = `https://ecampus.example/verify/${fields.code}`;
  const token = encodeToken(tokenPayload({ ...fields, kid: 'test-key-1' }), (d) => sign(null, d, key.privateKey));
  const pdfPath = join(dir, 'cert.pdf');
  const unsignedPath = join(dir, 'unsigned.pdf');

  beforeAll(async () => {
    writeFileSync(pdfPath, await renderCertificatePdf({ ...fields, language: 'es', verifyUrl, signedUrl: `${verifyUrl}#${token}` }));
    writeFileSync(unsignedPath, await renderCertificatePdf({ ...fields, language: 'es', verifyUrl }));
  });

  it('reads the signed URL from the PDF and exits 0 when the signature matches the JWKS file', () => {
    const res = cli([pdfPath, '--jwks', key.jwks]);
    assert.equal(res.status, 0, res.stdout + res.stderr);
    assert.match(res.stdout, /^VALID/);
    assert.match(res.stdout, /Ana María Pérez/);
    assert.match(res.stdout, /7K3M-Q9TR-X2HD-4WNB/);
  });

  it('checks a verify URL the same way', () => {
    assert.equal(cli([`${verifyUrl}#${token}`, '--jwks', key.jwks]).status, 0);
  });

  it('exits 1 for a changed field, a key it does not know, another certificate’s code, or a PDF without signature', () => {
    const [v1, payload, sig] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), h: 60 })).toString('base64url');
    const changed = cli([`${verifyUrl}#${v1}.${forged}.${sig}`, '--jwks', key.jwks]);
    assert.equal(changed.status, 1);
    assert.match(changed.stdout, /NOT VALID: the signature does not match/);
    // Same kid, different key (a forger publishing a look-alike set does not help: the verifier chooses the set).
    const wrongKey = JSON.parse(readFileSync(other.jwks, 'utf8'));
    wrongKey.keys[0].kid = 'test-key-1';
    writeFileSync(join(dir, 'wrong.json'), JSON.stringify(wrongKey));
    assert.equal(cli([pdfPath, '--jwks', join(dir, 'wrong.json')]).status, 1);
    assert.equal(cli([pdfPath, '--jwks', other.jwks]).status, 1);
    assert.equal(cli([`https://ecampus.example/verify/AAAA-BBBB-CCCC-DDDD#${token}`, '--jwks', key.jwks]).status, 1);
    const unsigned = cli([unsignedPath, '--jwks', key.jwks]);
    assert.equal(unsigned.status, 1);
    assert.match(unsigned.stderr + unsigned.stdout, /no signed verify URL|carries no signature/);
  });

  it('exits 1 when a signed revocation list names the code, 2 on bad usage', () => {
    const list = { token: encodeToken({ k: 'test-key-1', format: 'ecampus-revocations-v1', generatedAt: new Date().toISOString(), revoked: [{ code: fields.code, revokedAt: '2026-11-30T00:00:00.000Z' }] }, (d) => sign(null, d, key.privateKey)) };
    writeFileSync(join(dir, 'revoked.json'), JSON.stringify(list));
    const res = cli([pdfPath, '--jwks', key.jwks, '--revocations', join(dir, 'revoked.json')]);
    assert.equal(res.status, 1);
    assert.match(res.stdout, /revoked on 2026-11-30/);
    assert.equal(cli([]).status, 2);
  });
});
