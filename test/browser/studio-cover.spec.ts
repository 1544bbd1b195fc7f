import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from '@jest/globals';
import type { Page } from 'playwright-core';
import request from 'supertest';
import { DESKTOP, PHONE, useBrowserHarness } from '../support/browser';
import { png } from '../support/png';
import { ADMIN, signInAdmin } from '../support/test-app';

const SLUG = 'curso-de-prueba';
const TITLE = 'Curso de prueba sobre derivación';
const ALT = 'Una oficial de migración conversa con una familia en un puesto fronterizo';
const TERM = { term: 'Explotación', definition: 'Obtener un beneficio del trabajo o del cuerpo de otra persona por medio del abuso.' };
const REFERENCE = {
  title: 'Protocolo para prevenir, reprimir y sancionar la trata de personas',
  publisher: 'Naciones Unidas',
  year: '2000',
  url: 'https://www.ohchr.org/es/instruments-mechanisms/instruments/protocol-prevent-suppress-and-punish-trafficking-persons',
};

describe('the course cover, glossary and references, from the studio to the learner', () => {
  // Screenshots of the cover, glossary and references on a phone and on a desktop, for people to look at.
  const h = useBrowserHarness({ prefix: 'cover-' });
  const open = (viewport = DESKTOP, as?: { email: string; password: string }) => h.page({ viewport, as });
  const look = (page: Page, what: string) => h.look(page, what.replace(/^cover-/, ''));

  const heading = (page: Page) => page.getByRole('heading', { level: 1 });

  test('an author sets a cover, a glossary term and a reference; learners see them once published', async () => {
    const page = await open(DESKTOP, ADMIN);
    await page.goto(`/studio/courses/${SLUG}`);
    await heading(page).filter({ hasText: TITLE }).waitFor();
    const coverSection = page.getByRole('region', { name: 'Imagen de portada' });
    await coverSection.getByText('Este curso aún no tiene imagen de portada.').waitFor();

    // ---- The cover: a file that is not a picture is refused here; a big picture is made smaller before it goes.
    const file = coverSection.getByLabel('Archivo de la portada');
    await file.setInputFiles({ name: 'notas.txt', mimeType: 'text/plain', buffer: Buffer.from('hola') });
    await coverSection.getByRole('button', { name: 'Subir la portada' }).click();
    await coverSection.getByText('Ese archivo no es una imagen PNG, JPEG, WebP o GIF.').waitFor();
    await file.setInputFiles({ name: 'Frontera.png', mimeType: 'image/png', buffer: png(1600, 900) });
    await coverSection.getByRole('button', { name: 'Subir la portada' }).click();
    await page.getByRole('status').filter({ hasText: 'Portada subida.' }).waitFor();
    const description = coverSection.getByLabel('Descripción de la portada');
    await page.waitForFunction(() => document.activeElement?.id === 'f-course-coverAlt');
    const preview = coverSection.getByRole('img', { name: 'Imagen de portada actual' });
    await page.waitForFunction(() => (document.querySelector('.cover__image') as HTMLImageElement | null)?.naturalWidth === 1200);
    assert.deepEqual([await preview.getAttribute('width'), await preview.getAttribute('height')], ['1200', '675'], 'made 1200 pixels wide before uploading');
    const pictures = (await (await signInAdmin(h.app.server)).get(`/api/admin/courses/${SLUG}/assets`).expect(200)).body as { filename: string; contentType: string }[];
    assert.equal(pictures.length, 1);
    assert.match(pictures[0].filename, /^cover-[a-z0-9]+\.jpg$/);
    assert.equal(pictures[0].contentType, 'image/jpeg');

    // ---- Saving without the description is refused here, and says where.
    await page.getByRole('button', { name: 'Guardar el borrador' }).click();
    const summary = page.locator('.error-summary');
    const coverProblem = summary.getByRole('link', { name: /^Datos del curso: Escriba la descripción de la imagen de portada/ });
    await coverProblem.waitFor();
    await coverProblem.click();
    await page.waitForFunction(() => document.activeElement?.id === 'f-course-coverAlt');
    assert.equal(await description.getAttribute('aria-invalid'), 'true');
    await description.fill(ALT);

    // ---- The glossary: a new term, written and moved to the top; an empty one added and removed.
    const glossary = page.getByRole('region', { name: 'Glosario' });
    await glossary.getByRole('button', { name: 'Añadir un término' }).click();
    const term2 = glossary.getByRole('group', { name: 'Término 2' });
    await page.waitForFunction(() => document.activeElement?.id === 'f-course-glossary-1-term');
    await term2.getByLabel('Término', { exact: true }).fill(TERM.term);
    await term2.getByLabel('Definición').fill(TERM.definition);
    await glossary.getByRole('button', { name: 'Subir el término 2' }).click();
    const terms = () => glossary.locator('input[id$="-term"]').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
    assert.deepEqual(await terms(), [TERM.term, 'Derivación']);
    await page.waitForFunction(() => document.activeElement?.id === 'glossary-down-0', undefined, { timeout: 2000 });
    await glossary.getByRole('button', { name: 'Añadir un término' }).click();
    await glossary.getByRole('button', { name: 'Quitar el término 3' }).click();
    assert.deepEqual(await terms(), [TERM.term, 'Derivación']);

    // ---- A reference, with a year and an address the editor refuses first.
    const references = page.getByRole('region', { name: 'Referencias' });
    await references.getByRole('button', { name: 'Añadir una referencia' }).click();
    const ref2 = references.getByRole('group', { name: 'Referencia 2' });
    await ref2.getByLabel('Título de la fuente').fill(REFERENCE.title);
    await ref2.getByLabel('Institución o editorial').fill(REFERENCE.publisher);
    await ref2.getByLabel('Año').fill('1500');
    await ref2.getByLabel('Dirección web').fill('www.ohchr.org');
    await page.getByRole('button', { name: 'Guardar el borrador' }).click();
    await summary.getByRole('link', { name: 'Referencias › Referencia 2: El año debe ser un número entero entre 1800 y 2100.' }).waitFor();
    await summary.getByRole('link', { name: /^Referencias › Referencia 2: La dirección web debe empezar por https:\/\/ o http:\/\// }).waitFor();
    assert.equal(await summary.getByRole('listitem').count(), 2, 'only the year and the address are named');
    await ref2.getByText('El año debe ser un número entero entre 1800 y 2100.').waitFor();
    const stored = (await (await signInAdmin(h.app.server)).get(`/api/admin/courses/${SLUG}`).expect(200)).body;
    assert.ok(!('cover' in stored), 'nothing was sent while the editor refused');
    await ref2.getByLabel('Año').fill(REFERENCE.year);
    await ref2.getByLabel('Dirección web').fill(REFERENCE.url);
    await references.getByRole('button', { name: 'Bajar la referencia 1' }).click();
    await references.getByRole('button', { name: 'Subir la referencia 2' }).click();

    await page.getByRole('button', { name: 'Guardar el borrador' }).click();
    await page.getByRole('status').filter({ hasText: 'Borrador guardado.' }).waitFor();
    const saved = (await (await signInAdmin(h.app.server)).get(`/api/admin/courses/${SLUG}`).expect(200)).body;
    assert.deepEqual(saved.cover, { image: `images/${pictures[0].filename}`, alt: ALT });
    assert.deepEqual(saved.glossary[0], TERM);
    assert.equal(saved.glossary.length, 2);
    assert.deepEqual(saved.references[1], { ...REFERENCE, year: 2000 });
    await look(page, 'cover-01-studio-course');
    await page.locator('#f-course-cover').screenshot({ path: join(h.shots, 'cover-02-studio-cover-part.png') });

    // ---- Learners see nothing new until it is published.
    const before = (await request(h.app.server).get('/api/courses').expect(200)).body.find((c: { slug: string }) => c.slug === SLUG);
    assert.ok(!('cover' in before));
    await page.getByRole('button', { name: 'Publicar' }).click();
    await page.getByRole('dialog', { name: '¿Publicar el curso?' }).getByRole('button', { name: 'Sí, publicar' }).click();
    await page.getByRole('status').filter({ hasText: 'Publicado. Los participantes ya ven la versión 2.' }).waitFor();

    // ---- The catalogue on a desktop: the card shows the cover with its description, its space reserved.
    const learner = await open(DESKTOP);
    await learner.goto('/');
    await heading(learner).waitFor();
    const card = learner.locator('.course-card').filter({ hasText: TITLE });
    const cardCover = card.getByRole('img', { name: ALT });
    await cardCover.waitFor();
    assert.equal(await cardCover.getAttribute('loading'), 'lazy');
    assert.deepEqual([await cardCover.getAttribute('width'), await cardCover.getAttribute('height')], ['1200', '675']);
    await learner.waitForFunction(() => (document.querySelector('.card__cover') as HTMLImageElement | null)?.complete);
    const box = await cardCover.boundingBox();
    assert.ok(box && Math.abs(box.width / box.height - 16 / 9) < 0.05, `the card crops the cover to 16:9 (${box?.width}×${box?.height})`);
    await look(learner, 'cover-03-catalogue');

    // ---- The catalogue on a phone: no cover on the cards, and none downloaded.
    const phone = await open(PHONE);
    const covers: string[] = [];
    phone.on('request', (r) => {
      if (r.url().includes('/api/assets/')) covers.push(r.url());
    });
    await phone.goto('/');
    await phone.locator('.course-card').filter({ hasText: TITLE }).waitFor();
    await phone.waitForLoadState('networkidle');
    assert.equal(await phone.locator('.card__cover').first().isVisible(), false, 'no cover on a phone card');
    assert.deepEqual(covers, [], 'a phone downloads no cover from the catalogue');

    // ---- The course page: the cover, the new glossary term and the reference.
    await card.getByRole('link', { name: TITLE }).click();
    await heading(learner).filter({ hasText: TITLE }).waitFor();
    const pageCover = learner.locator('main').getByRole('img', { name: ALT });
    await pageCover.waitFor();
    assert.deepEqual([await pageCover.getAttribute('width'), await pageCover.getAttribute('height')], ['1200', '675']);
    await learner.getByText('Glosario', { exact: true }).click();
    await learner.getByRole('term').filter({ hasText: TERM.term }).waitFor();
    await learner.getByRole('definition').filter({ hasText: TERM.definition }).waitFor();
    await learner.getByText('Referencias', { exact: true }).click();
    const link = learner.getByRole('link', { name: REFERENCE.title });
    assert.equal(await link.getAttribute('href'), REFERENCE.url);
    await learner.getByText(`${REFERENCE.publisher}, ${REFERENCE.year}.`).waitFor();
    await look(learner, 'cover-04-course-page');

    // ---- On a phone, the course page shows the cover small: a low band that leaves the enrol button in sight.
    await phone.goto(`/courses/${SLUG}`);
    await heading(phone).filter({ hasText: TITLE }).waitFor();
    const phoneCover = await phone.locator('main').getByRole('img', { name: ALT }).boundingBox();
    assert.ok(phoneCover && phoneCover.height <= 160, `the cover is a low band on a phone (${phoneCover?.height}px high)`);
    assert.ok(await phone.getByRole('link', { name: 'Inicie sesión para inscribirse' }).isVisible());
  });

  test('the author removes the cover; once published, learners no longer see it', async () => {
    const page = await open(DESKTOP, ADMIN);
    await page.goto(`/studio/courses/${SLUG}`);
    await heading(page).filter({ hasText: TITLE }).waitFor();
    const coverSection = page.getByRole('region', { name: 'Imagen de portada' });
    await coverSection.getByRole('button', { name: 'Quitar la portada' }).click();
    await page.getByRole('status').filter({ hasText: 'Portada quitada.' }).waitFor();
    await coverSection.getByText('Este curso aún no tiene imagen de portada.').waitFor();
    await page.getByRole('button', { name: 'Guardar el borrador' }).click();
    await page.getByRole('status').filter({ hasText: 'Borrador guardado.' }).waitFor();
    await page.getByRole('button', { name: 'Publicar' }).click();
    await page.getByRole('dialog', { name: '¿Publicar el curso?' }).getByRole('button', { name: 'Sí, publicar' }).click();
    await page.getByRole('status').filter({ hasText: 'Publicado.' }).waitFor();
    const entry = (await request(h.app.server).get('/api/courses').expect(200)).body.find((c: { slug: string }) => c.slug === SLUG);
    assert.ok(!('cover' in entry));
    const learner = await open(DESKTOP);
    await learner.goto(`/courses/${SLUG}`);
    await heading(learner).filter({ hasText: TITLE }).waitFor();
    assert.equal(await learner.locator('.course-cover').count(), 0);
  });
});
