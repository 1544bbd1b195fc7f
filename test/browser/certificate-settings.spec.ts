import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from '@jest/globals';
import { useBrowserHarness } from '../support/browser';
import { png } from '../support/png';
import { ADMIN, signInAdmin } from '../support/test-app';

describe('admin certificate settings page', () => {
  const h = useBrowserHarness({ prefix: 'cert-settings-' });

  it('sets the signatory, the programme and the signature picture, accessible on desktop and phone', async () => {
    const page = await h.page({ as: ADMIN, locale: 'en-GB' });
    await page.goto('/admin/certificates');
    await page.getByRole('heading', { level: 1, name: 'Certificates' }).waitFor();
    await page.getByLabel('Name of the signatory').fill('María Fernanda López');
    await page.getByLabel('Title').fill('Training Coordinator, IOM Mexico');
    await page.getByLabel('Programme name').fill('Regional Migration Governance Programme');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();

    const file = join(mkdtempSync(join(tmpdir(), 'sig-')), 'signature.png');
    writeFileSync(file, png(120, 40));
    await page.getByLabel('Signature picture').setInputFiles(file);
    await page.getByRole('button', { name: 'Upload the picture' }).click();
    await page.getByRole('img', { name: 'Current signature' }).waitFor();
    await h.look(page, 'saved');

    const admin = await signInAdmin(h.app.server);
    const stored = (await admin.get('/api/admin/certificate-settings').expect(200)).body;
    assert.equal(stored.signatoryName, 'María Fernanda López');
    assert.equal(stored.programmeName, 'Regional Migration Governance Programme');
    assert.ok(stored.signatureId);
  });
});
