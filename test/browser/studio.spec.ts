import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from '@jest/globals';
import type { Page } from 'playwright-core';
import request from 'supertest';
import { assertAccessible, PHONE, useBrowserHarness } from '../support/browser';
import { binary, png } from '../support/png';
import { ADMIN, signInAdmin, signUp } from '../support/test-app';

const COURSE = {
  title: 'Identificación de víctimas de trata en frontera',
  slug: 'identificacion-de-victimas-de-trata-en-frontera',
  summary: 'Cómo reconocer señales de trata en un puesto fronterizo y a quién derivar a la persona.',
  audience: 'Oficiales de migración y policía de frontera.',
  objective: 'Reconocer tres señales de alerta de trata de personas.',
  module: 'Reconocer y derivar',
  lesson: 'Señales de alerta',
  quiz: 'Comprobación final',
};

describe('the authoring studio in Chromium', () => {
  // Screenshots of the studio's pages on a phone and on a desktop, for people to look at, in /tmp/studio-shots.
  const h = useBrowserHarness();
  const signedIn = (email: string, password: string, locale = 'es-MX', viewport?: { width: number; height: number }) =>
    h.page({ as: { email, password }, locale, viewport });
  const look = h.look;

  const heading = (page: Page) => page.getByRole('heading', { level: 1 });

  test('keeps learners out of the studio: no link, and a refusal at /studio', async () => {
    const learner = await signUp(h.app.server);
    const page = await signedIn(learner.email, learner.password);
    await page.goto('/');
    await heading(page).waitFor();
    assert.equal(await page.locator('#main-nav a[href="/studio"]').count(), 0, 'a learner gets no studio link');
    assert.equal(await page.locator('#main-nav a[href="/admin/users"]').count(), 0);
    await page.goto('/studio');
    await page.getByRole('heading', { level: 1, name: 'Acceso restringido' }).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Crear un curso nuevo' }).count(), 0);
    assert.equal(await page.getByRole('link', { name: 'Crear un curso nuevo' }).count(), 0);
    await page.goto('/studio/courses/sample-course');
    await page.getByRole('heading', { level: 1, name: 'Acceso restringido' }).waitFor();
  });

  test('an admin imports a course zip (errors shown as the server gives them), checks translations and gives an author access', async () => {
    const api = await signInAdmin(h.app.server);
    const zip = (await api.get('/api/admin/courses/sample-course/export.zip').buffer(true).parse(binary).expect(200)).body as Buffer;
    const page = await signedIn(ADMIN.email, ADMIN.password);
    await page.goto('/studio');
    await page.getByRole('link', { name: 'Curso de prueba' }).waitFor();
    const file = page.getByLabel('Archivo del curso (.zip)');
    const importButton = page.getByRole('button', { name: 'Importar el curso' });

    await file.setInputFiles({ name: 'notas.txt', mimeType: 'text/plain', buffer: Buffer.from('hola') });
    await importButton.click();
    await page.getByText('Ese archivo no es un .zip.').waitFor();

    await file.setInputFiles({ name: 'roto.zip', mimeType: 'application/zip', buffer: Buffer.from('not a zip at all') });
    await importButton.click();
    const failure = page.getByRole('alert').filter({ hasText: 'No se pudo importar el archivo. El servidor indica:' });
    await failure.getByText('The upload is not a readable zip file').waitFor();

    await file.setInputFiles({ name: 'sample-course.zip', mimeType: 'application/zip', buffer: zip });
    await importButton.click();
    const done = page.getByRole('status').filter({ hasText: 'Importación terminada:' });
    await done.getByText('borrador reemplazado').first().waitFor();
    assert.equal(await done.getByRole('listitem').count(), 2, 'both languages of the zip were imported');
    await look(page, '12-studio-home-import');

    // Translations: the English course and its Spanish version, with nothing missing.
    await page.goto('/studio/courses/sample-course/translations');
    await heading(page).filter({ hasText: 'Traducciones' }).waitFor();
    await page.getByRole('link', { name: /^Abrir Curso de prueba .* en el editor$/ }).waitFor();
    await page.getByText('Tiene todas las lecciones y cuestionarios de este curso.').waitFor();
    await look(page, '13-translations');

    // Editors: the admin finds an author and gives them the course.
    const author = await signUp(h.app.server, { name: 'Tomás Coautor' });
    await api.patch(`/api/admin/users/${author.user.id}`).send({ role: 'author' }).expect(200);
    await page.getByRole('link', { name: 'Personas editoras' }).click();
    await heading(page).filter({ hasText: 'Personas editoras' }).waitFor();
    await page.getByText('Nadie más tiene acceso a este curso.').waitFor();
    await page.getByLabel('Buscar por nombre, correo o institución').fill('Coautor');
    await page.getByRole('button', { name: 'Buscar', exact: true }).click();
    await page.getByRole('button', { name: 'Dar acceso a Tomás Coautor' }).click();
    await page.getByRole('status').filter({ hasText: 'Acceso actualizado.' }).waitFor();
    await page.getByRole('button', { name: 'Quitar el acceso de Tomás Coautor' }).waitFor();
    await look(page, '14-editors');
    const editors = (await api.get('/api/admin/courses/sample-course/editors').expect(200)).body;
    assert.deepEqual(editors.editors.map((e: { id: string }) => e.id), [author.user.id]);
  });

  test('an admin makes an author, who writes, checks, reorders and publishes a course that a learner completes', async () => {
    // ---- The admin gives a registered person the author role on the users page.
    const person = await signUp(h.app.server, { name: 'Rosa Autora Pérez', institution: 'Instituto Nacional de Migración', country: 'MX' });
    const admin = await signedIn(ADMIN.email, ADMIN.password);
    await admin.goto('/');
    await admin.locator('#main-nav a[href="/admin/users"]').click();
    await heading(admin).filter({ hasText: 'Usuarios' }).waitFor();
    await admin.getByLabel('Buscar personas').fill('Rosa Autora');
    await admin.getByRole('button', { name: 'Buscar' }).click();
    await admin.getByText('1 persona').waitFor();
    await look(admin, '01-users-admin');
    await admin.getByLabel('Rol Rosa Autora Pérez').selectOption('author');
    await admin.getByText('Rosa Autora Pérez ahora tiene el rol autor/a.').waitFor();
    const check = await signInAdmin(h.app.server);
    const listed = (await check.get(`/api/admin/users?q=${encodeURIComponent(person.email)}`).expect(200)).body;
    assert.equal(listed.users[0].role, 'author', 'the role change was stored');

    // ---- The author sees the studio in the menu, with the courses they may edit (none yet).
    const page = await signedIn(person.email, person.password);
    await page.goto('/');
    await page.locator('#main-nav a[href="/studio"]').click();
    await heading(page).filter({ hasText: 'Estudio de cursos' }).waitFor();
    await page.getByText('Todavía no tiene cursos para editar').waitFor();
    await look(page, '02-studio-home');

    // ---- A new course: details, one module, one lesson.
    await page.getByRole('link', { name: 'Crear un curso nuevo' }).click();
    await heading(page).filter({ hasText: 'Curso nuevo' }).waitFor();
    await page.getByLabel('Título', { exact: true }).fill(COURSE.title);
    assert.equal(await page.getByLabel('Dirección web').inputValue(), COURSE.slug, 'the address follows the title');
    await page.getByLabel('Resumen').fill(COURSE.summary);
    await page.getByLabel('Público destinatario').fill(COURSE.audience);
    await page.getByLabel('Objetivo 1').fill(COURSE.objective);
    await page.getByLabel('Trata de personas').check();
    // Who wrote and reviewed it: publishing asks for it.
    await page.getByLabel('Autoría', { exact: true }).fill('Rosa Autora Pérez; Equipo de formación');
    await page.getByLabel('Revisado por', { exact: true }).fill('Unidad de protección');
    await page.getByLabel('Fecha de la última revisión').fill('2026-12-01');
    await page.getByLabel('Versión del contenido').fill('1.0');
    await page.getByLabel('Licencia', { exact: true }).fill('CC BY-SA 4.0');
    await page.getByRole('button', { name: 'Añadir un módulo' }).click();
    const moduleTitle = page.getByLabel('Título del módulo 1');
    await moduleTitle.fill(COURSE.module);
    await look(page, '03-new-course');

    await page.getByRole('button', { name: 'Añadir una lección' }).click();
    await heading(page).filter({ hasText: 'Nueva lección' }).waitFor();
    await page.getByLabel('Título', { exact: true }).fill(COURSE.lesson);
    const markdown = page.getByLabel('Texto de la lección');
    await markdown.fill('## Qué observar\n\nUna persona que **no controla sus documentos** puede estar en situación de trata.\n\n- Señales de control\n- Deudas impuestas\n');
    const preview = page.getByRole('region', { name: 'Vista previa: así lo verán los participantes' });
    await preview.getByRole('heading', { level: 2, name: 'Qué observar' }).waitFor();
    assert.equal(await preview.locator('.prose strong').textContent(), 'no controla sus documentos', 'the live preview renders the Markdown');
    // Pictures need a saved course first.
    await page.getByText('Guarde el curso por primera vez para poder subir imágenes.').waitFor();
    await page.getByRole('button', { name: 'Guardar el borrador' }).click();
    await page.getByRole('status').filter({ hasText: 'Curso creado como borrador.' }).waitFor();
    await page.waitForURL(`**/studio/courses/${COURSE.slug}/items/**`);
    await heading(page).filter({ hasText: COURSE.lesson }).waitFor();

    // ---- A picture: checked here for type first, then uploaded and inserted where the cursor is.
    await page.getByLabel('Descripción de la imagen').fill('Mapa del puesto fronterizo');
    await page.getByLabel('Archivo de imagen').setInputFiles({ name: 'notas.txt', mimeType: 'text/plain', buffer: Buffer.from('no') });
    await page.getByRole('button', { name: 'Subir e insertar' }).click();
    await page.getByText('Ese archivo no es una imagen PNG, JPEG, WebP o GIF.').waitFor();
    await page.getByLabel('Archivo de imagen').setInputFiles({ name: 'Mapa frontera.png', mimeType: 'image/png', buffer: png(320, 160) });
    await page.getByRole('button', { name: 'Subir e insertar' }).click();
    await page.getByRole('status').filter({ hasText: 'mapa-frontera.png' }).waitFor();
    assert.match(await markdown.inputValue(), /!\[Mapa del puesto fronterizo\]\(\.\.\/images\/mapa-frontera\.png\)/);
    const img = preview.getByRole('img', { name: 'Mapa del puesto fronterizo' });
    await img.waitFor();
    assert.match((await img.getAttribute('src')) ?? '', /^\/api\/assets\/[0-9a-f-]+\/mapa-frontera\.png$/);
    await page.waitForFunction(() => (document.querySelector('.prose img') as HTMLImageElement | null)?.naturalWidth === 320);
    await look(page, '04-lesson-editor', { part: '.lesson-editor__preview' });

    // ---- A quiz: one single-choice and one true/false question.
    await page.getByRole('link', { name: 'Volver al contenido del curso' }).click();
    await heading(page).filter({ hasText: COURSE.title }).waitFor();
    await page.getByRole('button', { name: 'Añadir un cuestionario' }).click();
    await heading(page).filter({ hasText: 'Nuevo cuestionario' }).waitFor();
    await page.getByLabel('Título', { exact: true }).fill(COURSE.quiz);
    await page.getByRole('button', { name: 'Añadir una pregunta' }).click();
    await page.getByLabel('Enunciado de la pregunta').fill('¿Cuál de estas es una señal de alerta de trata?');
    await page.getByLabel('Texto de la respuesta 1').fill('Otra persona guarda sus documentos');
    await page.getByLabel('Explicación de la respuesta 1').fill('Sí: retener documentos es una forma de control.');
    await page.getByLabel('Texto de la respuesta 2').fill('Viaja con su familia');
    await page.getByLabel('Explicación de la respuesta 2').fill('No por sí solo: viajar en familia no indica trata.');
    await page.getByRole('button', { name: 'Añadir una pregunta' }).click();
    const second = page.getByRole('region', { name: 'Pregunta 2' });
    await second.getByLabel('Tipo de pregunta').selectOption('truefalse');
    assert.equal(await second.getByLabel('Texto de la respuesta 1').inputValue(), 'Verdadero', 'true/false answers come in the course language');
    await second.getByLabel('Enunciado de la pregunta').fill('La trata de personas requiere cruzar una frontera.');
    await second.getByLabel('Explicación de la respuesta 1').fill('No: la trata también ocurre dentro de un país.');
    await second.getByLabel('Explicación de la respuesta 2').fill('Correcto: no hace falta cruzar una frontera.');
    await second.getByLabel('La respuesta 2 es correcta').check();

    // Question 1 has no right answer: the editor refuses to save and says where.
    await page.getByRole('button', { name: 'Guardar el borrador' }).click();
    const summary = page.locator('.error-summary');
    await summary.waitFor();
    const problem = `Módulo 1 «${COURSE.module}» › Cuestionario «${COURSE.quiz}» › Pregunta 1: La pregunta no tiene ninguna respuesta marcada como correcta: marque al menos una.`;
    await summary.getByRole('link', { name: problem }).waitFor();
    assert.equal(await summary.getByRole('listitem').count(), 1, 'only the question without a right answer is named');
    assert.ok(await summary.evaluate((el) => el === document.activeElement), 'the summary takes focus');
    const first = page.getByRole('region', { name: 'Pregunta 1' });
    await first.getByText('La pregunta no tiene ninguna respuesta marcada como correcta').waitFor();
    await page.getByText('Cambios sin guardar').waitFor();
    await look(page, '05-quiz-builder-error');
    const stored = (await check.get(`/api/admin/courses/${COURSE.slug}`).expect(200)).body;
    assert.equal(stored.modules[0].items.length, 1, 'nothing was sent while the quiz was refused');

    // The summary's link leads to the answers; the author marks the right one and saves.
    await summary.getByRole('link', { name: problem }).click();
    assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'FIELDSET');
    await first.getByLabel('La respuesta 1 es correcta').check();
    await page.getByRole('button', { name: 'Guardar el borrador' }).click();
    await page.getByRole('status').filter({ hasText: 'Borrador guardado.' }).waitFor();
    await page.getByText('Todo guardado').waitFor();
    assert.equal(await summary.count(), 0);
    await look(page, '06-quiz-builder', { part: '.question-card' });

    // Leaving with unsaved changes asks first; staying keeps them.
    await page.getByLabel('Puntuación para aprobar (%)').fill('80');
    await page.locator('#main-nav a[href="/"]').click();
    const leave = page.getByRole('dialog', { name: '¿Salir sin guardar?' });
    await leave.getByRole('button', { name: 'Seguir editando' }).click();
    assert.match(page.url(), /\/items\//, 'still in the editor');
    assert.equal(await page.getByLabel('Puntuación para aprobar (%)').inputValue(), '80');

    // A problem only the server finds (a picture without a description) is shown at its place, by the path it names.
    await page.getByRole('link', { name: 'Volver al contenido del curso' }).click();
    await page.getByRole('link', { name: `Editar Lección «${COURSE.lesson}»` }).click();
    await heading(page).filter({ hasText: COURSE.lesson }).waitFor();
    const before = await markdown.inputValue();
    await markdown.fill(`${before}\n![](../images/mapa-frontera.png)\n`);
    await page.getByRole('button', { name: 'Guardar el borrador' }).click();
    const serverProblem = summary.getByRole('link', { name: new RegExp(`^Módulo 1 «${COURSE.module}» › Lección «${COURSE.lesson}»: Texto de la lección: line \\d+: picture .* needs a description`) });
    await serverProblem.waitFor();
    await page.locator('.field__error').filter({ hasText: 'needs a description' }).waitFor();
    assert.equal(await markdown.getAttribute('aria-invalid'), 'true');
    await markdown.fill(before);
    await page.getByRole('button', { name: 'Guardar el borrador' }).click();
    await page.getByRole('status').filter({ hasText: 'Borrador guardado.' }).waitFor();
    assert.equal((await check.get(`/api/admin/courses/${COURSE.slug}`).expect(200)).body.modules[0].items[1].passingScore, 80);

    // ---- Reorder by keyboard: the quiz's drag handle, Space, arrow up, Space.
    await page.getByRole('link', { name: 'Volver al contenido del curso' }).click();
    await heading(page).filter({ hasText: COURSE.title }).waitFor();
    const itemTitles = () => page.locator('.item-row__title').allTextContents();
    assert.deepEqual(await itemTitles(), [COURSE.lesson, COURSE.quiz]);
    const handle = page.getByRole('button', { name: `Mover Cuestionario «${COURSE.quiz}»` });
    await handle.focus();
    await page.keyboard.press('Space');
    await page.waitForTimeout(200);
    await page.keyboard.press('ArrowUp');
    await page.waitForTimeout(300);
    await page.keyboard.press('Space');
    await page.waitForFunction(
      ([quiz]) => document.querySelector('.item-row__title')?.textContent === quiz,
      [COURSE.quiz],
    );
    assert.deepEqual(await itemTitles(), [COURSE.quiz, COURSE.lesson], 'the quiz moved above the lesson');
    await page.getByText('Cambios sin guardar').waitFor();
    // And the buttons: the lesson down is a no-op at the end (disabled); moving the quiz down and up again restores the order.
    assert.ok(await page.getByRole('button', { name: `Bajar Lección «${COURSE.lesson}»` }).isDisabled());
    await page.getByRole('button', { name: `Bajar Cuestionario «${COURSE.quiz}»` }).click();
    assert.deepEqual(await itemTitles(), [COURSE.lesson, COURSE.quiz]);
    await page.getByRole('button', { name: `Subir Cuestionario «${COURSE.quiz}»` }).focus();
    await page.keyboard.press('Enter');
    assert.deepEqual(await itemTitles(), [COURSE.quiz, COURSE.lesson]);
    // "Move up" is now disabled (first item): focus goes to its pair, not to the page's top.
    await page.waitForFunction(() => document.activeElement?.textContent === 'Bajar');
    await look(page, '07-outline', { part: '.outline-editor' });
    await page.getByRole('button', { name: 'Guardar el borrador' }).click();
    await page.getByRole('status').filter({ hasText: 'Borrador guardado.' }).waitFor();
    const saved = (await check.get(`/api/admin/courses/${COURSE.slug}`).expect(200)).body;
    assert.deepEqual(
      saved.modules[0].items.map((i: { type: string }) => i.type),
      ['quiz', 'lesson'],
      'the new order was saved',
    );
    assert.equal(saved.status, 'draft');
    assert.equal((await request(h.app.server).get(`/api/courses/${COURSE.slug}`)).status, 404, 'learners do not see a draft');

    // ---- Publish, after a confirmation that says learners will see it.
    await page.getByRole('button', { name: 'Publicar' }).click();
    const dialog = page.getByRole('dialog', { name: '¿Publicar el curso?' });
    await dialog.getByText('Los participantes verán el borrador guardado').waitFor();
    await page.screenshot({ path: join(h.shots, '08-publish-dialog.png') });
    await assertAccessible(page, 'publish dialog');
    await dialog.getByRole('button', { name: 'Sí, publicar' }).click();
    await page.getByRole('status').filter({ hasText: 'Publicado. Los participantes ya ven la versión 1.' }).waitFor();
    await page.getByText('Los participantes ven la versión 1.').waitFor();

    // ---- Versions and the change log.
    await page.getByRole('link', { name: 'Versiones y cambios' }).click();
    await heading(page).filter({ hasText: 'Versiones y cambios' }).waitFor();
    await page.getByText('Versión 1', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Restaurar la versión 1 como borrador' }).waitFor();
    const log = page.getByRole('table', { name: 'Quién cambió qué y cuándo, lo más reciente primero' });
    await log.getByRole('row').nth(3).waitFor();
    assert.match((await log.getByRole('row').nth(1).textContent()) ?? '', /Rosa Autora Pérez.*Publicó/);
    await look(page, '09-versions-changes');

    // ---- The preview: the draft as a learner sees it, marked as a preview.
    await page.getByRole('link', { name: 'Ver como participante' }).click();
    await heading(page).filter({ hasText: COURSE.title }).waitFor();
    await page.getByText('Vista previa del borrador guardado.').waitFor();
    await page.getByRole('link', { name: COURSE.lesson }).click();
    await heading(page).filter({ hasText: COURSE.lesson }).waitFor();
    await page.getByRole('img', { name: 'Mapa del puesto fronterizo' }).waitFor();
    await look(page, '10-preview-lesson');
    const [{ n }] = await h.app.ds.query(`SELECT count(*)::int AS n FROM enrollments`);
    assert.equal(n, 0, 'previewing enrols nobody');

    // ---- A learner (another browser, in English) finds the course and completes it.
    const learner = await signUp(h.app.server, { language: 'en' });
    const lp = await signedIn(learner.email, learner.password, 'en-US', PHONE);
    await lp.goto('/');
    await lp.getByRole('heading', { level: 1 }).waitFor();
    assert.equal(await lp.locator('#main-nav a[href="/studio"]').count(), 0);
    // The catalogue starts with courses in the interface language (English); this one is in Spanish.
    await lp.getByLabel('Course language').selectOption({ label: 'All languages' });
    await lp.getByRole('searchbox').fill('trata en frontera');
    await lp.getByRole('searchbox').press('Enter');
    await lp.getByRole('link', { name: COURSE.title }).click();
    await heading(lp).filter({ hasText: COURSE.title }).waitFor();
    await lp.getByRole('button', { name: 'Enrol in the course' }).click();
    await lp.getByRole('link', { name: 'Start the course' }).click();
    await heading(lp).filter({ hasText: COURSE.quiz }).waitFor();
    await lp.getByLabel('Otra persona guarda sus documentos').check();
    await lp.getByLabel('Falso').check();
    await lp.getByRole('button', { name: 'Submit answers' }).click();
    await lp.getByText('Passed! Well done.').waitFor();
    await lp.getByRole('link', { name: `Next: ${COURSE.lesson}` }).click();
    await heading(lp).filter({ hasText: COURSE.lesson }).waitFor();
    await lp.getByRole('img', { name: 'Mapa del puesto fronterizo' }).waitFor();
    await lp.getByRole('button', { name: 'Mark as completed and return to the course' }).click();
    await lp.getByText('You have completed the course.').waitFor();
    await lp.screenshot({ path: join(h.shots, '11-learner-completed-phone.png'), fullPage: true });
    const enrollments = (await request(h.app.server).get('/api/me/enrollments').set('Cookie', (await lp.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ')).expect(200)).body;
    assert.equal(enrollments[0].course.slug, COURSE.slug);
    assert.equal(enrollments[0].status, 'completed');
  });
});
