import assert from 'node:assert/strict';
import { beforeAll, describe, test } from '@jest/globals';
import { useBrowserHarness } from '../support/browser';
import { ADMIN, completeCourse, signUp, waitFor } from '../support/test-app';

describe('reports in the browser', () => {
  const h = useBrowserHarness({ prefix: 'reports-' });
  beforeAll(async () => {
    for (const [i, country] of ['MX', 'MX', 'MX', 'GT'].entries()) {
      const { agent } = await signUp(h.app.server, { country, gender: i === 1 ? 'man' : 'woman' });
      await agent.post('/api/courses/curso-de-prueba/enroll').expect(201);
      if (i === 0) {
        await completeCourse(h.app, agent, 'curso-de-prueba');
        await waitFor(async () => (await agent.get('/api/me/certificates')).body[0]?.status === 'issued', 'certificate');
      }
    }
  });

  test('filters combine, rates have one decimal, course names follow the interface language, and both CSVs are offered', async () => {
    const page = await h.page({ as: ADMIN });
    await page.goto('/admin/reports');
    const form = page.getByRole('form', { name: 'Filtros del informe' });
    await form.getByLabel('País').selectOption('MX');
    await form.getByLabel('Género').fill('woman');
    await form.getByRole('button', { name: 'Mostrar el informe' }).click();
    await page.waitForURL(/country=MX/);
    const table = page.getByRole('table');
    const row = table.getByRole('row', { name: /México/ });
    await row.waitFor();
    // Two Mexican women enrolled, one completed: 50.0 %.
    assert.deepEqual(
      (await row.getByRole('cell').allInnerTexts()).map((s) => s.replace(/\s+/g, ' ').trim()),
      ['2', '1', '1', '1', '50,0 %'],
    );
    await page.getByText('1 de 2 completados').waitFor();
    const perLearner = await page.getByRole('link', { name: 'Descargar las inscripciones (CSV)' }).getAttribute('href');
    assert.match(perLearner ?? '', /^\/api\/admin\/reports\/enrollments\.csv\?/);
    assert.doesNotMatch(perLearner ?? '', /groupBy/);
    assert.match(perLearner ?? '', /country=MX/);
    assert.match((await page.getByRole('link', { name: 'Descargar este resumen (CSV)' }).getAttribute('href')) ?? '', /groupBy=country/);
    await h.look(page, 'filtered');

    await page.goto('/admin/reports?groupBy=course');
    await page.getByRole('row', { name: /Curso de prueba sobre derivación/ }).waitFor();
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('row', { name: /Sample course on referral/ }).waitFor();
  });
});
