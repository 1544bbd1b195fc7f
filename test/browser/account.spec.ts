import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, test } from '@jest/globals';
import request from 'supertest';
import type { Browser, Page } from 'playwright-core';
import { assertAccessible, launchChromium, PHONE } from '../support/browser';
import { startSmtpServer } from '../support/smtp';
import { ADMIN, completeCourse, signUp, startTestApp, waitFor, type TestApp } from '../support/test-app';

describe('account self-service in Chromium on a phone, with a real SMTP server', () => {
  let app: TestApp;
  let browser: Browser;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    app = await startTestApp({ listen: true, redis: false, overrides: { smtpUrl: smtp.url } });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await smtp?.close();
  });

  async function phonePage(as?: { email: string; password: string }): Promise<Page> {
    const context = await browser.newContext({ baseURL: app.url, locale: 'es-MX', viewport: PHONE, isMobile: true, hasTouch: true });
    if (as) assert.equal((await context.request.post('/api/auth/login', { data: as })).status(), 200);
    return context.newPage();
  }

  const noSidewaysScroll = async (page: Page, what: string) => {
    const by = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(by <= 0, `${what} scrolls sideways by ${by}px`);
  };

  test('a forgotten password is reset through the mailed link, once', async () => {
    const learner = await signUp(app.server);
    const page = await phonePage();
    await page.goto('/signin');
    await page.getByRole('link', { name: '¿Olvidó su contraseña?' }).click();
    await page.getByLabel('Correo electrónico').fill(learner.email);
    await assertAccessible(page, 'forgot password');
    await page.getByRole('button', { name: 'Enviar el enlace' }).click();
    await page.getByText('Si hay una cuenta con ese correo').waitFor();
    await noSidewaysScroll(page, 'forgot password');

    const mail = await smtp.waitFor(learner.email, /Restablecer su contraseña/);
    const link = mail.text.match(/https?:\/\/\S+\/reset-password#token=[A-Za-z0-9_-]+/)![0];
    assert.ok(link.startsWith(app.url!));
    await page.goto(link);
    await page.getByRole('heading', { name: 'Elegir una contraseña nueva' }).waitFor();
    // A common password is refused, in Spanish.
    await page.getByLabel('Nueva contraseña').fill('password123');
    await page.getByRole('button', { name: 'Guardar la contraseña' }).click();
    await page.getByRole('alert').getByText('demasiado común').waitFor();
    await assertAccessible(page, 'reset password with an error');
    await page.getByLabel('Nueva contraseña').fill('una frase nueva y larga');
    await page.getByRole('button', { name: 'Guardar la contraseña' }).click();
    await page.getByText('Contraseña cambiada').waitFor();
    await assertAccessible(page, 'reset password done');

    await page.getByRole('link', { name: 'Iniciar sesión' }).last().click();
    await page.locator('#signin-email').fill(learner.email);
    await page.locator('#signin-password').fill('una frase nueva y larga');
    await page.locator('form').getByRole('button', { name: 'Iniciar sesión' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/signin'));

    // The same link a second time says it is used up.
    const again = await phonePage();
    await again.goto(link);
    await again.getByLabel('Nueva contraseña').fill('otra frase más larga');
    await again.getByRole('button', { name: 'Guardar la contraseña' }).click();
    await again.getByText('Este enlace ya se usó o venció.').waitFor();
    await again.getByRole('link', { name: 'Pida un enlace nuevo' }).waitFor();
  });

  test('correcting the name on the profile re-issues the certificate; the old verify page points to the new one', async () => {
    const learner = await signUp(app.server, { name: 'Jose Perez' });
    await learner.agent.post('/api/courses/sample-course/enroll').expect(201);
    await completeCourse(app, learner.agent, 'sample-course');
    const old = await waitFor(async () => (await learner.agent.get('/api/me/certificates')).body.find((c: { status: string }) => c.status === 'issued'), 'the certificate');

    const page = await phonePage({ email: learner.email, password: learner.password });
    await page.goto('/profile');
    await page.getByRole('heading', { level: 1, name: 'Mi perfil' }).waitFor();
    await page.waitForLoadState('networkidle');
    await assertAccessible(page, 'profile');
    await noSidewaysScroll(page, 'profile');
    await page.getByLabel('Nombre completo').fill('José Pérez Ramírez');
    await page.getByRole('button', { name: 'Guardar los cambios' }).click();
    await page.getByText('Sus certificados se están volviendo a emitir').waitFor();

    const v = (await request(app.server).get(`/api/verify/${old.code}`).expect(200)).body;
    assert.equal(v.status, 'revoked');
    assert.equal(v.revokedReason, 'name corrected');
    await waitFor(async () => (await request(app.server).get(`/api/verify/${v.replacedByCode}`)).body.status === 'issued', 'the new certificate');

    await page.goto(`/verify/${old.code}`);
    await page.getByText(/Certificado revocado|Revoked certificate/).waitFor(); // in the course's language
    await page.getByRole('link', { name: v.replacedByCode }).click();
    await page.getByText(/Certificado válido|Valid certificate/).waitFor();
    await page.getByText('José Pérez Ramírez').waitFor();
    await waitFor(async () => smtp.to(learner.email).some((m) => m.text.includes(`/verify/${v.replacedByCode}`)), 'the mail of the new certificate');
  });

  test('a new email is confirmed by opening the link mailed to it', async () => {
    const learner = await signUp(app.server);
    const page = await phonePage({ email: learner.email, password: learner.password });
    await page.goto('/profile');
    const newEmail = `nuevo.${Date.now()}@example.org`;
    await page.getByLabel('Nuevo correo electrónico').fill(newEmail);
    await page.locator('#email-password').fill(learner.password);
    await page.getByRole('button', { name: 'Cambiar el correo' }).click();
    await page.getByText(`Le enviamos un enlace a ${newEmail}`).waitFor();
    const mail = await smtp.waitFor(newEmail, /Confirme su nuevo correo/);
    await page.goto(mail.text.match(/https?:\/\/\S+\/confirm-email#token=[A-Za-z0-9_-]+/)![0]);
    await page.getByText(`Listo: su correo ahora es ${newEmail}.`).waitFor();
    await assertAccessible(page, 'email confirmed');
    assert.equal((await learner.agent.get('/api/me').expect(200)).body.email, newEmail);
  });

  test('admins read the mail in the outbox page', async () => {
    const page = await phonePage(ADMIN);
    await page.goto('/admin/outbox');
    await page.getByRole('heading', { level: 1, name: 'Correo saliente' }).waitFor();
    await page.locator('.outbox__item').first().waitFor();
    await page.waitForLoadState('networkidle');
    await assertAccessible(page, 'outbox');
    await noSidewaysScroll(page, 'outbox');
  });
});
