import assert from 'node:assert/strict';
import { beforeAll, describe, test } from '@jest/globals';
import request from 'supertest';
import { PHONE, useBrowserHarness } from '../support/browser';
import { ADMIN, signInAdmin, signUp } from '../support/test-app';

describe('the referral directory in the browser', () => {
  const h = useBrowserHarness({ prefix: 'directory-' });
  let admin: request.Agent;
  beforeAll(async () => {
    admin = await signInAdmin(h.app.server);
  });

  test('an admin adds a Guatemalan service on a phone (a wrong number is named at its field) and sees old entries flagged', async () => {
    await admin
      .post('/api/admin/directory')
      .send({ country: 'GT', kind: 'shelter', name: 'Albergue de prueba sin revisar', languages: ['es'], source: 'Written for this test only', verifiedAt: '2024-03-01' })
      .expect(201);
    const page = await h.page({ as: ADMIN, viewport: PHONE });
    await page.goto('/admin/directory');
    await page.getByRole('heading', { level: 1, name: 'Directorio de derivación: edición' }).waitFor();
    await page.getByText('1 servicio necesita una nueva comprobación.').waitFor();
    await page.getByText('Sin comprobar desde hace más de 12 meses').waitFor();

    await page.getByRole('button', { name: 'Agregar un servicio' }).click();
    const form = page.getByRole('form', { name: 'Agregar un servicio' });
    await form.getByLabel('País').selectOption('GT');
    await form.getByLabel('Tipo de servicio').selectOption('child-protection');
    await form.getByLabel('Nombre del servicio').fill('Servicio de protección de prueba');
    await form.getByLabel('Teléfono').fill('+52 55 1234 5678');
    await form.getByLabel('Fuente pública').fill('Written for this test only: not a real entry');
    await form.getByRole('button', { name: 'Guardar' }).click();
    await form.getByText(/phone must be a phone number of the entry's country/).waitFor();
    assert.equal(await form.getByLabel('Teléfono').getAttribute('aria-invalid'), 'true');
    await h.look(page, 'admin-form-error', { phone: false });

    await form.getByLabel('Teléfono').fill('1515');
    await form.getByRole('button', { name: 'Guardar' }).click();
    await page.getByRole('status').getByText('Se guardó «Servicio de protección de prueba».').waitFor();
    await page.getByRole('heading', { level: 2, name: 'Servicio de protección de prueba' }).waitFor();
    await h.look(page, 'admin');
    const stored = (await admin.get('/api/admin/directory?country=GT').expect(200)).body;
    assert.deepEqual(stored.map((e: { name: string }) => e.name).sort(), ['Albergue de prueba sin revisar', 'Servicio de protección de prueba']);
  });

  test('a Guatemalan learner opens the directory of Guatemala from a course page and can call from it', async () => {
    const { email, password } = await signUp(h.app.server, { country: 'GT' });
    await admin
      .post('/api/admin/directory')
      .send({ country: 'GT', kind: 'hotline', name: 'Línea de prueba', phone: '1570', hours: '24 horas', languages: ['es', 'en'], source: 'Written for this test only', verifiedAt: '2026-11-01' })
      .expect(201);
    const page = await h.page({ as: { email, password }, viewport: PHONE });
    await page.goto('/courses/sample-course');
    await page.getByRole('link', { name: 'Directorio de derivación: servicios de Guatemala' }).click();
    await page.getByRole('heading', { level: 1, name: 'Directorio de derivación' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Línea de prueba' }).waitFor();
    assert.equal(await page.getByRole('link', { name: 'Llamar al 1570' }).getAttribute('href'), 'tel:1570');
    const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Línea de prueba' }) });
    await card.getByText('Fuente: Written for this test only').waitFor();
    await card.getByText('Español, Inglés').waitFor();
    await h.look(page, 'learner');

    await page.getByLabel('Tipo de servicio').selectOption('hotline');
    await page.getByRole('button', { name: 'Mostrar' }).click();
    await page.getByRole('status').getByText('1 servicio en Guatemala').waitFor();
    await page.getByLabel('País').selectOption('BZ');
    await page.getByRole('button', { name: 'Mostrar' }).click();
    await page.getByText('Aún no hay servicios de Belice en el directorio.').waitFor();
  });
});
