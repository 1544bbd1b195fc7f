import assert from 'node:assert/strict';
import { describe, test } from '@jest/globals';
import { PHONE, useBrowserHarness } from '../support/browser';
import { completeCourse, signUp, waitFor } from '../support/test-app';

describe('a returning learner on a phone, in Spanish', () => {
  const h = useBrowserHarness({ prefix: 'returning-' });

  test('signs in to "Mis cursos", continues where they left off, and ends with the certificate as the main button', async () => {
    const { agent, email, password } = await signUp(h.app.server, { name: 'Ana Lucía Xol' });
    await agent.post('/api/courses/curso-de-prueba/enroll').expect(201);
    const outline = (await agent.get('/api/courses/curso-de-prueba').expect(200)).body;
    const items = outline.modules.flatMap((m: { items: { id: string; type: string; title: string }[] }) => m.items);
    await agent.post(`/api/lessons/${items[0].id}/complete`).expect(200);

    const page = await h.page({ viewport: PHONE });
    await page.goto('/signin');
    await page.getByLabel('Correo electrónico').fill(email);
    await page.getByLabel('Contraseña', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Iniciar sesión' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mis cursos' }).waitFor();
    assert.equal(new URL(page.url()).pathname, '/my/courses');
    await page.getByText('Inscripción activa').first().waitFor();
    await h.look(page, 'my-courses');

    // One big way on: the next item, by name.
    await page.getByRole('link', { name: `Continuar: ${items[1].title}` }).click();
    await page.getByRole('heading', { level: 1, name: items[1].title }).waitFor();
    // The lesson has one forward control, and it marks the lesson done.
    assert.equal(await page.getByRole('link', { name: /Siguiente/ }).count(), 0, 'no second "next" that skips marking the lesson done');
    await page.getByRole('button', { name: /Marcar como completada/ }).click();
    await page.waitForURL((url) => url.pathname !== `/lessons/${items[1].id}`);
    const [mine] = (await agent.get('/api/me/enrollments').expect(200)).body;
    assert.equal(mine.next.id, items[2].id, 'the lesson was recorded as done');

    await completeCourse(h.app, agent, 'curso-de-prueba');
    await waitFor(async () => (await agent.get('/api/me/certificates').expect(200)).body[0]?.status === 'issued', 'the certificate');

    await page.goto('/courses/curso-de-prueba');
    const download = page.getByRole('link', { name: 'Descargar certificado' });
    await download.waitFor();
    assert.match((await download.getAttribute('href')) ?? '', /^\/api\/certificates\/.+\/pdf$/);
    // Enrolled: the outline comes before what the course is about.
    const outlineBox = await page.getByRole('heading', { level: 2, name: 'Contenido del curso' }).boundingBox();
    const aboutBox = await page.getByRole('heading', { level: 2, name: 'Sobre el curso' }).boundingBox();
    assert.ok(outlineBox && aboutBox && outlineBox.y < aboutBox.y, 'the outline is above the description');
    await h.look(page, 'course-completed');

    await page.goto('/my/courses');
    await page.getByRole('link', { name: 'Descargar certificado' }).waitFor();
    assert.equal(await page.getByRole('link', { name: /^Continuar/ }).count(), 0);
    await page.goto('/');
    await page.getByText('Completado').first().waitFor();
    await h.look(page, 'catalogue-with-status');
  });

  test('a search without accents finds the course, and other languages are shown apart', async () => {
    const page = await h.page({ viewport: PHONE });
    await page.goto('/?q=derivacion');
    await page.getByRole('link', { name: 'Curso de prueba sobre derivación' }).waitFor();
    await page.goto('/?q=referral');
    await page.getByRole('heading', { level: 2, name: 'También en otros idiomas' }).waitFor();
    await page.getByRole('link', { name: 'Sample course on referral' }).waitFor();
    await h.look(page, 'search-other-languages');
  });
});
