import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createPrivateKey, sign } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from '@jest/globals';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import { encodeToken, renderCertificatePdf, tokenPayload, type CertificatePayload } from '../src';

/**
 * Visual regression: the certificate rendered to PNG (pdftoppm, 60 dpi) must match the committed reference within
 * a tolerance. After an intended change of the layout, look at the new picture and update the reference with
 *   UPDATE_REFERENCE=1 node test/run.mjs libs/certificate/test/visual.spec.ts
 * then commit libs/certificate/test/reference/*.png.
 */
const REFERENCE_DIR = join(__dirname, 'reference');
const dir = mkdtempSync(join(tmpdir(), 'cert-visual-'));
// A fixed test key (never used outside tests), so the signed URL, hence the QR, is the same on every run.
const KEY = createPrivateKey({ key: { kty: 'OKP', crv: 'Ed25519', d: 'nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A', x: '11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo' }, format: 'jwk' });

/** A signature-like stroke on a transparent background. */
function signaturePng(): Buffer {
  const img = new PNG({ width: 240, height: 60 });
  for (let x = 0; x < 240; x++) {
    const yc = 30 + 20 * Math.sin(x / 14) * Math.cos(x / 50);
    for (let y = 0; y < 60; y++) {
      const i = (y * 240 + x) * 4;
      const on = Math.abs(y - yc) < 2.2;
      img.data[i] = 20;
      img.data[i + 1] = 30;
      img.data[i + 2] = 90;
      img.data[i + 3] = on ? 255 : 0;
    }
  }
  return PNG.sync.write(img);
}

function payload(language: 'es' | 'en'): CertificatePayload {
  const fields = {
    code: '7K3M-Q9TR-X2HD-4WNB',
    holderName: 'Ana María Pérez Ñúñez',
    courseTitle: language === 'es' ? 'Protección internacional y derechos de las personas migrantes' : 'International protection and the rights of migrants',
    hours: 6,
    completedAt: new Date('2026-11-20T15:00:00Z'),
  };
  const verifyUrl = `https://ecampus.example/verify/${fields.code}`;
  const token = encodeToken(tokenPayload({ ...fields, kid: 'visual-test' }), (d) => sign(null, d, KEY));
  return {
    ...fields,
    language,
    verifyUrl,
    signedUrl: `${verifyUrl}#${token}`,
    signatory: {
      name: 'María Fernanda López Reyes',
      title: language === 'es' ? 'Coordinadora de Formación, OIM México' : 'Training Coordinator, IOM Mexico',
      programme: language === 'es' ? 'Programa Regional de Gobernanza Migratoria' : 'Regional Migration Governance Programme',
      signature: signaturePng(),
    },
  };
}

async function renderPng(p: CertificatePayload, name: string): Promise<PNG> {
  const pdf = join(dir, `${name}.pdf`);
  writeFileSync(pdf, await renderCertificatePdf(p));
  execFileSync('pdftoppm', ['-png', '-r', '60', '-singlefile', pdf, join(dir, name)]);
  return PNG.sync.read(readFileSync(join(dir, `${name}.png`)));
}

describe('certificate looks like the reference picture', () => {
  for (const language of ['es', 'en'] as const) {
    test(`${language}: signatory, programme and signed QR`, async () => {
      const actual = await renderPng(payload(language), `cert-${language}`);
      const reference = join(REFERENCE_DIR, `certificate-${language}.png`);
      if (process.env.UPDATE_REFERENCE === '1' || !existsSync(reference)) {
        assert.ok(process.env.UPDATE_REFERENCE === '1', `no reference ${reference}: run with UPDATE_REFERENCE=1 and commit it`);
        writeFileSync(reference, PNG.sync.write(actual));
      }
      const expected = PNG.sync.read(readFileSync(reference));
      assert.deepEqual([actual.width, actual.height], [expected.width, expected.height], 'same page size');
      const diff = new PNG({ width: expected.width, height: expected.height });
      const changed = pixelmatch(expected.data, actual.data, diff.data, expected.width, expected.height, { threshold: 0.1 });
      const share = changed / (expected.width * expected.height);
      if (share > 0.002) writeFileSync(join(dir, `diff-${language}.png`), PNG.sync.write(diff));
      // Font hinting may move a few anti-aliased pixels between poppler versions; a layout change moves thousands.
      assert.ok(share <= 0.002, `${changed} pixels (${(share * 100).toFixed(2)}%) differ from ${reference}; the difference is in ${join(dir, `diff-${language}.png`)}`);
    });
  }
});
