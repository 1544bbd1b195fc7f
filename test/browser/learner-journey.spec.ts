import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, test } from '@jest/globals';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { assertAccessible, launchChromium } from '../support/browser';
import { signInAdmin, startTestApp, type TestApp } from '../support/test-app';

// Screenshots of every page visited, for people to look at (SCREENSHOTS_DIR, default a temp folder).
const shots = process.env.SCREENSHOTS_DIR ?? mkdtempSync(join(tmpdir(), 'ecampus-journey-'));
mkdirSync(shots, { recursive: true });

type Option = { id: string; correct: boolean };
type Item = { id: string; type: 'lesson' | 'quiz'; title: string; questions?: { id: string; options: Option[] }[] };

describe('a learner in Chromium on a phone, in Spanish', () => {
  let app: TestApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let items: Item[];
  const cspViolations: string[] = [];

  beforeAll(async () => {
    app = await startTestApp({ listen: true, redis: true, worker: true });
    browser = await launchChromium();
    context = await browser.newContext({
      baseURL: app.url,
      locale: 'es-MX',
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      acceptDownloads: true,
    });
    page = await context.newPage();
    // The app must run under its Content-Security-Policy: anything blocked is logged to the console.
    page.on('console', (m) => {
      if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) cspViolations.push(`${page.url()}: ${m.text()}`);
    });
    // The answers are read as an admin would see them: the learner's API never sends them.
    const admin = await signInAdmin(app.server);
    const doc = (await admin.get('/api/admin/courses/curso-de-prueba').expect(200)).body as { modules: { items: Item[] }[] };
    items = doc.modules.flatMap((m) => m.items);
  });

  afterAll(async () => {
    assert.deepEqual(cspViolations, [], 'the Content-Security-Policy blocked something');
    await browser?.close();
    await app?.close();
  });

  const visit = async (what: string) => {
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: join(shots, `${what}.png`), fullPage: true });
    await assertAccessible(page, what);
    // Mobile-first: nothing wider than the phone's screen.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `${what} scrolls sideways by ${overflow}px on a 390px-wide phone`);
  };

  const openMenu = async () => {
    const menu = page.getByRole('button', { name: 'Menú' });
    if (await menu.isVisible()) {
      if ((await menu.getAttribute('aria-expanded')) !== 'true') await menu.click();
    }
  };

  test('signs up, completes a course, downloads the certificate and opens its verify page', async () => {
    await page.goto('/');
    await page.getByRole('heading', { level: 1 }).waitFor();
    assert.equal(await page.getAttribute('html', 'lang'), 'es', 'the browser language (es-MX) picks Spanish');
    await visit('01-catalogue');

    await openMenu();
    await page.getByRole('link', { name: 'Crear cuenta' }).first().click();
    await page.locator('#signup-name').waitFor();
    await visit('02-signup');

    // An empty form is refused on the page, naming every field.
    await page.getByRole('button', { name: 'Crear cuenta' }).click();
    const summary = page.getByRole('alert').first();
    await summary.waitFor();
    assert.match(await summary.innerText(), /nombre/i);

    const email = `ana.${Date.now()}@example.org`;
    await page.locator('#signup-name').fill('Łucja Núñez Peña');
    await page.locator('#signup-email').fill(email);
    await page.locator('#signup-password').fill('mi perro come mangos');
    await page.locator('#signup-country').selectOption('HN');
    await page.locator('#signup-institution').fill('Instituto Nacional de Migración de Honduras');
    await page.locator('#signup-institutionType').selectOption('migration');
    await page.getByRole('button', { name: 'Crear cuenta' }).click();
    await page.waitForURL((u) => !u.pathname.startsWith('/signup'));
    await openMenu();
    await page.getByRole('button', { name: 'Cerrar sesión' }).waitFor();

    await page.goto('/');
    await page.getByRole('link', { name: /Curso de prueba sobre derivación/ }).first().click();
    await page.waitForURL('**/courses/curso-de-prueba');
    await page.getByRole('heading', { level: 1, name: 'Curso de prueba sobre derivación' }).waitFor();
    await visit('03-course');

    await page.getByRole('button', { name: 'Inscribirme en el curso' }).click();
    await page.getByRole('link', { name: /Empezar el curso/ }).click();

    for (const [index, item] of items.entries()) {
      await page.waitForURL(`**/${item.type === 'quiz' ? 'quizzes' : 'lessons'}/${item.id}`);
      await page.getByRole('heading', { level: 1, name: item.title }).waitFor();
      if (index < 2 || item.type === 'quiz') await visit(`04-${index}-${item.type}`);
      const last = index === items.length - 1;
      if (item.type === 'lesson') {
        await page.getByRole('button', { name: /Marcar como completada/ }).click();
        continue;
      }
      // A quiz sent with a question unanswered is refused on the page, and nothing is scored.
      await page.getByRole('button', { name: 'Enviar respuestas' }).click();
      await page.getByText('Faltan respuestas').waitFor();
      // The final quiz shows a draw from its pool: answer the questions on the page.
      for (const q of item.questions!) {
        if ((await page.locator(`#question-${q.id}`).count()) === 0) continue;
        for (const option of q.options.filter((o) => o.correct)) await page.locator(`#question-${q.id}-option-${option.id}`).check();
      }
      await page.getByRole('button', { name: 'Enviar respuestas' }).click();
      await page.getByText('¡Aprobado! Buen trabajo.').waitFor();
      await visit(`05-${index}-quiz-result`);
      if (last) {
        await page.getByText('¡Ha completado el curso!', { exact: false }).waitFor();
        await page.locator('[role="progressbar"][aria-valuenow="100"]').waitFor();
        await page.getByRole('link', { name: 'Ver mis certificados' }).click();
      } else {
        await page.getByRole('link', { name: new RegExp(`Siguiente: ${items[index + 1].title}`) }).click();
      }
    }

    await page.waitForURL('**/my/certificates');
    await page.getByRole('heading', { level: 1, name: 'Mis certificados' }).waitFor();
    // The page follows the certificate from pending to issued without a reload.
    const download = page.getByRole('link', { name: /Descargar/ }).first();
    await download.waitFor({ timeout: 30_000 });
    await visit('06-my-certificates');

    const [pdfDownload] = await Promise.all([page.waitForEvent('download'), download.click()]);
    const pdfPath = join(shots, 'certificate.pdf');
    await pdfDownload.saveAs(pdfPath);
    const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
    assert.match(text, /Łucja Núñez Peña/);
    assert.match(text, /Certificado de finalización/);
    assert.match(text, /Curso de prueba sobre derivación/);
    // 150 dpi: the QR carries the signed token too (more modules), as a phone camera sees a printed page.
    execFileSync('pdftoppm', ['-png', '-r', '150', '-singlefile', pdfPath, join(shots, 'certificate')]);
    const qr = execFileSync('zbarimg', ['--quiet', '--raw', join(shots, 'certificate.png')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    assert.match(qr, new RegExp(`^${app.url}/verify/[A-Z0-9-]+#v1\\.[\\w-]+\\.[\\w-]+$`));

    // The verify page is what an employer opens from the QR code: served by the server, readable without JavaScript.
    const employer = await browser.newContext({ javaScriptEnabled: false, locale: 'es-MX', viewport: { width: 390, height: 844 } });
    const verifyPage = await employer.newPage();
    await verifyPage.goto(qr);
    const verifyText = await verifyPage.locator('body').innerText();
    assert.match(verifyText, /Łucja Núñez Peña/);
    assert.match(verifyText, /Curso de prueba sobre derivación/);
    assert.match(verifyText, /válido|valid/i);
    // The hours come from the time computed from the content (5 minutes here), rounded up to the half hour.
    assert.match(verifyText, /\b0,5 horas\b/);
    await verifyPage.screenshot({ path: join(shots, '07-verify.png'), fullPage: true });
    await employer.close();

    // The learner's own link opens the same page (axe needs JavaScript, so the check runs here).
    await page.getByRole('link', { name: /Página de verificación/ }).first().click();
    await page.waitForURL(qr.split('#')[0]); // the app's link has no signed fragment: the server page says it all
    await page.getByText('Łucja Núñez Peña').first().waitFor();
    await visit('08-verify-from-my-certificates');

    writeFileSync(join(shots, 'README.txt'), `Screenshots of the learner journey test, ${new Date().toISOString()}\n`);
  });
});
