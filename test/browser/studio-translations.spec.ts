import assert from 'node:assert/strict';
import { beforeAll, describe, test } from '@jest/globals';
import request from 'supertest';
import { assertAccessible, useBrowserHarness } from '../support/browser';
import { ADMIN, signInAdmin, signUp } from '../support/test-app';

describe('linking a course to its translation in the studio', () => {
  const h = useBrowserHarness({ prefix: 'translations-' });
  let admin: request.Agent;
  beforeAll(async () => {
    admin = await signInAdmin(h.app.server);
  });

  test('links two courses as translations, and refuses to unlink one that learners have taken', async () => {
    // Two courses written apart: the same content in Spanish and in English, not yet linked.
    const sample = (await admin.get('/api/admin/courses/sample-course').expect(200)).body;
    const es = { ...sample, slug: 'acogida-en-albergues', translationKey: 'acogida-en-albergues', language: 'es', title: 'Acogida en albergues' };
    const en = { ...sample, slug: 'shelter-reception', translationKey: 'shelter-reception', language: 'en', title: 'Reception in shelters' };
    for (const doc of [es, en]) {
      await admin.post('/api/admin/courses').send(doc).expect(201);
      await admin.post(`/api/admin/courses/${doc.slug}/publish`).expect(200);
    }

    const page = await h.page({ as: ADMIN });
    await page.goto('/studio/courses/shelter-reception/translations');
    await page.getByRole('heading', { level: 1, name: 'Traducciones' }).waitFor();
    await page.getByLabel('Curso en otro idioma').selectOption('acogida-en-albergues');
    await page.getByRole('button', { name: 'Vincular', exact: true }).click();
    await page.getByRole('region', { name: 'Guardar el borrador' }).getByText('Vinculado.', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Guardar el borrador' }).click();
    await page.getByRole('link', { name: /Abrir Acogida en albergues en el editor/ }).waitFor();
    await page.getByText('Tiene todas las lecciones y cuestionarios de este curso.').waitFor();
    await assertAccessible(page, 'translations, linked');

    // Learners see one course in two languages, and switch between them.
    const linked = (await request(h.app.server).get('/api/courses/shelter-reception').expect(200)).body;
    assert.deepEqual(linked.translations.map((t: { slug: string }) => t.slug), ['acogida-en-albergues']);

    // A learner takes it; unlinking would now cut them off from their progress, so it is refused and nothing changes.
    const { agent: learner } = await signUp(h.app.server);
    await learner.post('/api/courses/shelter-reception/enroll').expect(201);
    await page.getByRole('button', { name: 'Desvincular de sus traducciones' }).click();
    await page.getByRole('button', { name: 'Guardar el borrador' }).click();
    await page.getByText(/learner is enrolled in this course's translation group/).first().waitFor();
    await assertAccessible(page, 'translations, unlink refused');
    const after = (await admin.get('/api/admin/courses/shelter-reception').expect(200)).body;
    assert.equal(after.translationKey, 'acogida-en-albergues');
    assert.equal((await learner.get('/api/courses/shelter-reception').expect(200)).body.enrollment?.status, 'active');
  });
});
