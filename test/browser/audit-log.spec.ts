import assert from 'node:assert/strict';
import { beforeAll, describe, test } from '@jest/globals';
import request from 'supertest';
import { useBrowserHarness } from '../support/browser';
import { ADMIN, signInAdmin, signUp } from '../support/test-app';

describe('the audit log page, in Chromium', () => {
  const h = useBrowserHarness({ prefix: 'audit-' });
  let admin: request.Agent;
  beforeAll(async () => {
    admin = await signInAdmin(h.app.server);
  });

  test('an admin finds it in the menu, filters by kind, in Spanish and English, on a phone; authors do not see it', async () => {
    const person = await signUp(h.app.server, { name: 'Rosa Revisada' });
    await request(h.app.server).post('/api/auth/login').send({ email: person.email, password: 'not her password' }).expect(401);
    await admin.patch(`/api/admin/users/${person.user.id}`).send({ role: 'author' }).expect(200);

    const page = await h.page({ as: ADMIN });
    await page.goto('/');
    await page.getByRole('navigation', { name: 'Navegación principal' }).getByRole('link', { name: 'Auditoría' }).click();
    await page.getByRole('heading', { level: 1, name: 'Registro de auditoría' }).waitFor();
    const events = page.getByRole('list', { name: 'Eventos' });
    await events.getByText('Cambio de rol').first().waitFor();
    await events.getByText('Inicio de sesión fallido').first().waitFor();
    await h.look(page, 'audit log', { part: '.audit-list' });

    await page.getByLabel('Tipo de evento').selectOption('role-changed');
    await page.getByRole('button', { name: 'Mostrar' }).click();
    await page.waitForURL(/type=role-changed/);
    await page.getByRole('status').getByText('1 evento').waitFor();
    assert.equal(await events.getByText('Inicio de sesión fallido').count(), 0);
    await events.getByText(`"from":"learner"`).or(events.getByText('from: learner')).first().waitFor();

    const english = await h.page({ as: ADMIN, locale: 'en-US' });
    await english.goto('/admin/audit');
    await english.getByRole('heading', { level: 1, name: 'Audit log' }).waitFor();
    await english.getByRole('list', { name: 'Events' }).getByText('Role changed').first().waitFor();

    // An author has no link to it, and the page refuses her.
    const author = await h.page({ as: person });
    await author.goto('/');
    await author.getByRole('navigation', { name: 'Navegación principal' }).getByRole('link', { name: 'Estudio' }).waitFor();
    assert.equal(await author.getByRole('link', { name: 'Auditoría' }).count(), 0);
  });
});
