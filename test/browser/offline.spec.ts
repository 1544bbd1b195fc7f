import assert from 'node:assert/strict';
import { describe, test } from '@jest/globals';
import { PHONE, useBrowserHarness } from '../support/browser';
import { rightAnswers, signInAdmin, signUp, waitFor } from '../support/test-app';

type Item = { id: string; type: string; kind?: string; title: string };

describe('a learner with no connection, on a phone', () => {
  const h = useBrowserHarness({ prefix: 'offline-' });

  test('downloads a course (size first), reads it and does a module check offline, and what they did is sent once when the line is back', async () => {
    const { agent, email, password } = await signUp(h.app.server, { name: 'Rosa Chávez' });
    await agent.post('/api/courses/curso-de-prueba/enroll').expect(201);
    const outline = (await agent.get('/api/courses/curso-de-prueba').expect(200)).body;
    const items: Item[] = outline.modules.flatMap((m: { items: Item[] }) => m.items);
    const [lesson1, lesson2] = items.filter((i) => i.type === 'lesson');
    const check = items.find((i) => i.type === 'quiz' && i.kind !== 'final')!;
    const final = items.find((i) => i.kind === 'final')!;
    const admin = await signInAdmin(h.app.server);
    const doc = (await admin.get('/api/admin/courses/curso-de-prueba').expect(200)).body;
    const checkDoc = doc.modules.flatMap((m: { items: { id: string }[] }) => m.items).find((i: { id: string }) => i.id === check.id);
    const answers = await rightAnswers(agent, check.id, checkDoc.questions);

    const page = await h.page({ as: { email, password }, viewport: PHONE });
    await page.goto('/courses/curso-de-prueba');
    await page.getByRole('heading', { level: 2, name: 'Usar sin conexión' }).waitFor();
    // The service worker takes this page over once installed (clientsClaim).
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);

    await page.getByRole('button', { name: 'Ver cuánto ocupa' }).click();
    const size = page.getByText(/^Ocupará .+ en este teléfono: 3 lecciones y 1 evaluación de módulo/);
    await size.waitFor();
    await page.getByText('El examen final necesita conexión: no se guarda en el teléfono.').waitFor();
    await page.getByRole('button', { name: /^Descargar \(/ }).click();
    await page.getByText(/^Guardado en este teléfono \(/).waitFor();
    await h.look(page, 'course-saved', { part: '.offline-download' });

    await page.context().setOffline(true);
    await page.goto(`/lessons/${lesson1.id}`);
    await page.getByRole('heading', { level: 1, name: lesson1.title }).waitFor();
    await page.getByText('Sin conexión. Puede seguir con los cursos descargados en este teléfono.').waitFor();
    await page.getByRole('button', { name: /Marcar como completada/ }).click();
    await page.getByRole('heading', { level: 1, name: lesson2.title }).waitFor();
    await page.getByText('Una acción guardada en el teléfono se enviará cuando vuelva la conexión.').waitFor();
    await h.look(page, 'lesson-offline');

    await page.goto(`/quizzes/${check.id}`);
    await page.getByRole('heading', { level: 1, name: check.title }).waitFor();
    for (const optionIds of Object.values(answers)) for (const optionId of optionIds) await page.locator(`input[value="${optionId}"]`).check();
    await page.getByRole('button', { name: /Enviar/ }).click();
    await page.getByText(/^Sin conexión: sus respuestas quedaron guardadas en este teléfono/).waitFor();
    await page.getByText('2 acciones guardadas en el teléfono se enviarán cuando vuelva la conexión.').waitFor();

    await page.goto(`/quizzes/${final.id}`);
    await page.getByText(/el examen final siempre necesita conexión/).waitFor();
    await h.look(page, 'final-needs-line', { phone: false });

    // Nothing reached the server while offline.
    const before = (await agent.get('/api/me/enrollments').expect(200)).body[0];
    assert.equal(before.progress, 0);

    await page.context().setOffline(false);
    await page.getByText('Se enviaron las 2 acciones que estaban guardadas en el teléfono.').waitFor();
    await waitFor(async () => {
      const [e] = (await agent.get('/api/me/enrollments').expect(200)).body;
      return e.progress > 0 ? e : undefined;
    }, 'the queued actions on the server');
    const after = (await agent.get('/api/courses/curso-de-prueba').expect(200)).body;
    const done = after.modules.flatMap((m: { items: { id: string; completed: boolean }[] }) => m.items).filter((i: { completed: boolean }) => i.completed).map((i: { id: string }) => i.id);
    assert.deepEqual(done.sort(), [lesson1.id, check.id].sort(), 'the lesson done and the check passed offline, nothing else');
    const [{ n }] = await h.app.ds.query(`SELECT count(*)::int AS n FROM quiz_attempts WHERE item_id = $1`, [check.id]);
    assert.equal(n, 1, 'the check attempt was recorded once');
  });
});
