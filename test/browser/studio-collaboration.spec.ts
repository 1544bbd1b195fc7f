import assert from 'node:assert/strict';
import { beforeAll, describe, test } from '@jest/globals';
import type { Page } from 'playwright-core';
import request from 'supertest';
import { assertAccessible, useBrowserHarness } from '../support/browser';
import { ADMIN, signInAdmin, signUp } from '../support/test-app';

describe('two authors on one course, in Chromium', () => {
  const h = useBrowserHarness({ prefix: 'collaboration-' });
  let admin: request.Agent;
  beforeAll(async () => {
    admin = await signInAdmin(h.app.server);
  });

  async function author(name: string, institution: string) {
    const person = await signUp(h.app.server, { name, institution });
    await admin.patch(`/api/admin/users/${person.user.id}`).send({ role: 'author' }).expect(200);
    return person;
  }

  const saveButton = (page: Page) => page.getByRole('button', { name: 'Guardar el borrador' });
  const saveBarSays = (page: Page, text: string) => page.getByRole('region', { name: 'Guardar el borrador' }).getByText(text).waitFor();
  /** The next save of the course; `over`: only one sent without If-Match (saving over someone's newer draft). */
  const saved = (page: Page, slug: string, { over = false } = {}) =>
    page.waitForResponse(
      (r) => r.request().method() === 'PUT' && r.url().endsWith(`/api/admin/courses/${slug}`) && (!over || r.request().headers()['if-match'] === undefined),
    );

  test('the owner gives the course to a co-author, and a save over the co-author’s newer draft asks first', async () => {
    const owner = await author('Lucía Propietaria', 'Ministerio de Salud');
    const coauthor = await author('Marta Coautora', 'Procuraduría de Protección de la Niñez');
    const doc = (await admin.get('/api/admin/courses/sample-course').expect(200)).body;
    await owner.agent.post('/api/admin/courses').send({ ...doc, slug: 'curso-compartido', translationKey: 'curso-compartido' }).expect(201);

    // The owner, an author (not an admin), finds the co-author by institution and gives her the course.
    const page = await h.page({ as: owner });
    await page.goto('/studio/courses/curso-compartido/editors');
    await page.getByRole('heading', { level: 1, name: 'Personas editoras' }).waitFor();
    await page.getByLabel('Buscar por nombre, correo o institución').fill('niñez');
    await page.getByRole('button', { name: 'Buscar', exact: true }).click();
    await page.getByRole('button', { name: 'Dar acceso a Marta Coautora' }).click();
    await page.getByRole('button', { name: 'Quitar el acceso de Marta Coautora' }).waitFor();
    await assertAccessible(page, 'editors panel of the owner');
    const editors = (await owner.agent.get('/api/admin/courses/curso-compartido/editors').expect(200)).body;
    assert.deepEqual(editors.editors.map((e: { id: string }) => e.id), [coauthor.user.id]);

    // The owner opens the course; meanwhile the co-author saves a new summary.
    await page.goto('/studio/courses/curso-compartido');
    const title = page.getByLabel('Título', { exact: true });
    await title.waitFor();
    const theirs = (await coauthor.agent.get('/api/admin/courses/curso-compartido').expect(200)).body;
    await coauthor.agent.put('/api/admin/courses/curso-compartido').send({ ...theirs, summary: 'Resumen de Marta.' }).expect(200);

    // The owner's save is stopped and explained; keeping on editing stores nothing.
    await title.fill('Título de Lucía');
    await saveButton(page).click();
    const dialog = page.getByRole('dialog', { name: 'Alguien guardó este curso mientras usted lo editaba' });
    await dialog.waitFor();
    await dialog.getByText('Marta Coautora').waitFor();
    await assertAccessible(page, 'the stale-draft question');
    await dialog.getByRole('button', { name: 'Seguir editando sin guardar' }).click();
    await saveBarSays(page, 'No se guardó nada. Sus cambios siguen en esta página.');
    let stored = (await admin.get('/api/admin/courses/curso-compartido').expect(200)).body;
    assert.equal(stored.summary, 'Resumen de Marta.');
    assert.notEqual(stored.title, 'Título de Lucía');
    assert.equal(await title.inputValue(), 'Título de Lucía', 'the owner’s edit is still on the page');

    // Asked again, the owner chooses to save over it.
    await saveButton(page).click();
    const overwrite = saved(page, 'curso-compartido', { over: true });
    await dialog.getByRole('button', { name: 'Guardar mis cambios de todos modos' }).click();
    assert.equal((await overwrite).status(), 200);
    await saveBarSays(page, 'Borrador guardado.');
    stored = (await admin.get('/api/admin/courses/curso-compartido').expect(200)).body;
    assert.equal(stored.title, 'Título de Lucía');

    // Having saved, the page holds the new draft: the next save goes through without a question.
    await title.fill('Título de Lucía, revisado');
    const next = saved(page, 'curso-compartido');
    await saveButton(page).click();
    assert.equal((await next).status(), 200);
    assert.equal(await dialog.isVisible(), false);
    stored = (await admin.get('/api/admin/courses/curso-compartido').expect(200)).body;
    assert.equal(stored.title, 'Título de Lucía, revisado');
  });

  test('work left unsaved by the back button is offered back on return, and saving it still respects newer work', async () => {
    const owner = await author('Pedro Olvidadizo', 'Cruz Roja');
    const coauthor = await author('Ana Puntual', 'Cruz Roja');
    const doc = (await admin.get('/api/admin/courses/sample-course').expect(200)).body;
    await owner.agent.post('/api/admin/courses').send({ ...doc, slug: 'curso-olvidado', translationKey: 'curso-olvidado' }).expect(201);
    await owner.agent.put('/api/admin/courses/curso-olvidado/editors').send({ userIds: [coauthor.user.id] }).expect(200);

    const page = await h.page({ as: owner });
    await page.goto('/studio');
    await page.getByRole('link', { name: doc.title }).and(page.locator('[href="/studio/courses/curso-olvidado"]')).click();
    const title = page.getByLabel('Título', { exact: true });
    await title.fill('Título que nunca se guardó');
    await page.waitForTimeout(800); // the copy is written shortly after typing stops
    await page.goBack(); // inside the app: no browser warning, the editor simply goes away
    await page.getByRole('heading', { level: 1, name: 'Estudio' }).waitFor();

    // Meanwhile the co-author saves.
    const theirs = (await coauthor.agent.get('/api/admin/courses/curso-olvidado').expect(200)).body;
    await coauthor.agent.put('/api/admin/courses/curso-olvidado').send({ ...theirs, summary: 'Resumen de Ana.' }).expect(200);

    await page.goForward();
    const offer = page.getByRole('region', { name: 'Hay cambios sin guardar de una visita anterior' });
    await offer.waitFor();
    assert.notEqual(await title.inputValue(), 'Título que nunca se guardó', 'nothing is applied before the author says so');
    await assertAccessible(page, 'the offer of unsaved work');
    await offer.getByRole('button', { name: 'Recuperar mis cambios' }).click();
    assert.equal(await title.inputValue(), 'Título que nunca se guardó');

    // The recovered work started from the draft before Ana's save: saving asks first.
    await saveButton(page).click();
    const dialog = page.getByRole('dialog', { name: 'Alguien guardó este curso mientras usted lo editaba' });
    await dialog.getByText('Ana Puntual').waitFor();
    const overwrite = saved(page, 'curso-olvidado', { over: true });
    await dialog.getByRole('button', { name: 'Guardar mis cambios de todos modos' }).click();
    assert.equal((await overwrite).status(), 200);
    assert.equal((await admin.get('/api/admin/courses/curso-olvidado').expect(200)).body.title, 'Título que nunca se guardó');

    // Saved, the copy is gone: coming back offers nothing.
    await page.reload();
    await title.waitFor();
    await page.waitForLoadState('networkidle');
    assert.equal(await offer.count(), 0);
  });

  test('a new course can be saved with its details alone; publishing then asks for a module with a lesson or quiz', async () => {
    const page = await h.page({ as: ADMIN });
    await page.goto('/studio/new');
    await page.getByLabel('Título', { exact: true }).fill('Derechos laborales de las personas trabajadoras migrantes');
    await page.getByLabel('Resumen').fill('Qué derechos laborales protegen a toda persona trabajadora, sea cual sea su situación migratoria.');
    await page.getByLabel('Público destinatario').fill('Inspección del trabajo y personal de albergues.');
    await page.getByLabel('Objetivo 1').fill('Explicar los derechos laborales básicos.');
    await page.getByLabel('Protección', { exact: true }).check();
    await saveButton(page).click();
    await page.waitForURL('**/studio/courses/derechos-laborales-de-las-personas-trabajadoras-migrantes');
    const stored = (await admin.get('/api/admin/courses/derechos-laborales-de-las-personas-trabajadoras-migrantes').expect(200)).body;
    assert.deepEqual(stored.modules, []);

    await page.getByRole('button', { name: 'Publicar' }).click();
    await page.getByRole('alert').getByText('El curso necesita al menos un módulo.').waitFor();
    await assertAccessible(page, 'publishing a course with no modules');
    assert.equal((await admin.get('/api/admin/courses/derechos-laborales-de-las-personas-trabajadoras-migrantes').expect(200)).body.status, 'draft');
  });
});
