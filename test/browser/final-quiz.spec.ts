import assert from 'node:assert/strict';
import { describe, test } from '@jest/globals';
import type { Page } from 'playwright-core';
import { PHONE, useBrowserHarness } from '../support/browser';
import { ADMIN, passQuiz, signInAdmin, signUp } from '../support/test-app';

type Option = { id: string; correct: boolean };
type Item = { id: string; type: 'lesson' | 'quiz'; title: string; kind?: string; questions?: { id: string; options: Option[] }[] };

describe('the final assessment on a phone, in Spanish: locked, out of attempts, reviewed after a pass', () => {
  const h = useBrowserHarness({ prefix: 'final-' });

  /** The question ids the page shows (what the server served for this attempt). */
  const servedOnPage = (page: Page) =>
    page.locator('fieldset.question').evaluateAll((nodes) => nodes.map((n) => n.id.replace(/^question-/, '')));

  test('a learner meets the locked final quiz, fails it to the limit, waits, then passes and reads the review', async () => {
    const admin = await signInAdmin(h.app.server);
    const doc = (await admin.get('/api/admin/courses/curso-de-prueba').expect(200)).body as { modules: { items: Item[] }[] };
    const items = doc.modules.flatMap((m) => m.items);
    const final = items.find((i) => i.kind === 'final')!;
    const check = items.find((i) => i.type === 'quiz' && i !== final)!;
    const { agent, email, password, user } = await signUp(h.app.server, { language: 'es' });
    await agent.post('/api/courses/curso-de-prueba/enroll').expect(201);
    const page = await h.page({ as: { email, password }, viewport: PHONE });

    // ---- Locked: the outline says so, and the quiz page names what remains with links to it.
    await page.goto('/courses/curso-de-prueba');
    const lockedRow = page.locator('.outline__item--locked');
    await lockedRow.getByText('Bloqueada').waitFor();
    assert.match(await lockedRow.innerText(), /Se abre al completar todas las lecciones y comprobaciones \(faltan 4\)/);
    // The course page says who wrote and reviewed it, the content version and the licence.
    await page.getByText(/^Revisado por Equipo de pruebas de eCampus el 3 dic 2026$/).waitFor();
    await page.getByText('CC BY-SA 4.0').waitFor();
    await h.look(page, 'outline-locked');

    await page.goto(`/quizzes/${final.id}`);
    await page.getByRole('heading', { level: 2, name: 'La evaluación final aún no está abierta' }).waitFor();
    const remaining = page.getByRole('region', { name: 'La evaluación final aún no está abierta' }).getByRole('link');
    assert.deepEqual(await remaining.allInnerTexts(), items.filter((i) => i !== final).map((i) => i.title));
    assert.equal(await page.locator('fieldset.question').count(), 0, 'no question is shown while it is locked');
    await h.look(page, 'quiz-locked');
    await remaining.first().click();
    await page.waitForURL(`**/lessons/${items[0].id}`);

    // ---- The lessons and the module check done: the quiz opens with its draw and the attempts left.
    for (const item of items.filter((i) => i.type === 'lesson')) await agent.post(`/api/lessons/${item.id}/complete`).expect(200);
    await passQuiz(agent, check.id, check.questions!);
    await page.goto(`/quizzes/${final.id}`);
    await page.getByText('4 preguntas elegidas al azar', { exact: false }).waitFor();
    await page.getByText('Le quedan 3 intentos.', { exact: false }).waitFor();

    // A failed attempt: the wrong questions are named, with the explanation of the chosen answers only.
    const wrong = (id: string) => final.questions!.find((q) => q.id === id)!.options.find((o) => !o.correct)!.id;
    for (const id of await servedOnPage(page)) await page.locator(`#question-${id}-option-${wrong(id)}`).check();
    await page.getByRole('button', { name: 'Enviar respuestas' }).click();
    await page.getByText('Falló las preguntas 1, 2, 3 y 4.').waitFor();
    await page.getByText('Le quedan 2 intentos antes de una espera.').waitFor();
    for (const q of final.questions!) for (const o of q.options.filter((x) => x.correct)) assert.equal(await page.locator(`#question-${q.id}-option-${o.id}`).isChecked().catch(() => false), false);
    await h.look(page, 'quiz-failed');

    // Two more failures: the limit. The page says when the learner may try again.
    for (let n = 0; n < 2; n++) {
      const quiz = (await agent.get(`/api/quizzes/${final.id}`).expect(200)).body as { questions: { id: string }[] };
      const answers = Object.fromEntries(quiz.questions.map((q) => [q.id, [wrong(q.id)]]));
      await agent.post(`/api/quizzes/${final.id}/attempts`).send({ answers }).expect(200);
    }
    await page.reload();
    await page.getByRole('heading', { level: 2, name: 'Ha usado todos sus intentos' }).waitFor();
    assert.match(await page.locator('.notice').first().innerText(), /Podrá volver a intentarlo a partir del \d+ de \w+ de \d{4}/);
    await h.look(page, 'quiz-limit');

    // ---- The wait is over (the failures moved 25 hours back): a new draw, answered right, opens the review.
    await h.app.ds.query(
      `UPDATE quiz_attempts SET created_at = created_at - interval '25 hours' WHERE enrollment_id IN (SELECT id FROM enrollments WHERE user_id = $1)`,
      [user.id],
    );
    await page.reload();
    await page.getByText('Le quedan 3 intentos.', { exact: false }).waitFor();
    for (const id of await servedOnPage(page)) {
      for (const o of final.questions!.find((q) => q.id === id)!.options.filter((x) => x.correct)) await page.locator(`#question-${id}-option-${o.id}`).check();
    }
    await page.getByRole('button', { name: 'Enviar respuestas' }).click();
    await page.getByText('¡Aprobado! Buen trabajo.').waitFor();
    await page.getByRole('heading', { level: 2, name: 'Revisión de la evaluación' }).waitFor();
    assert.equal(await page.locator('.review-list > li').count(), 4);
    assert.ok((await page.getByText('Respuesta correcta', { exact: false }).count()) >= 4);
    await h.look(page, 'quiz-passed-review');

    // Coming back later shows the review of the passing attempt.
    await page.reload();
    await page.getByRole('heading', { level: 2, name: 'Revisión de la evaluación' }).waitFor();
    assert.equal(await page.locator('fieldset.question').count(), 0);
    await h.look(page, 'quiz-review-later');
  });

  test('an author sets the final quiz\'s draw and attempts in the studio; a pool too small is named before saving', async () => {
    const admin = await signInAdmin(h.app.server);
    const doc = (await admin.get('/api/admin/courses/curso-de-prueba').expect(200)).body as { modules: { items: Item[] }[] };
    const final = doc.modules.flatMap((m) => m.items).find((i) => i.kind === 'final')!;
    const page = await h.page({ as: ADMIN, viewport: PHONE });
    await page.goto(`/studio/courses/curso-de-prueba/items/${final.id}`);
    const kind = page.getByLabel('Tipo de cuestionario');
    await kind.waitFor();
    assert.equal(await kind.inputValue(), 'final');
    assert.equal(await page.getByLabel('Preguntas por intento').inputValue(), '4');
    assert.equal(await page.getByLabel('Intentos fallidos permitidos').inputValue(), '3');
    assert.equal(await page.getByLabel('Horas de espera').inputValue(), '24');

    await page.getByLabel('Preguntas por intento').fill('5');
    await page.getByRole('button', { name: 'Guardar el borrador' }).first().click();
    await page.getByRole('alert').getByText('Para sortear 5 preguntas el banco necesita al menos 8; tiene 6.', { exact: false }).first().waitFor();
    await h.look(page, 'studio-pool-too-small');

    await page.getByLabel('Preguntas por intento').fill('3');
    await page.getByLabel('Intentos fallidos permitidos').fill('2');
    await page.getByRole('button', { name: 'Guardar el borrador' }).first().click();
    await page.getByRole('status').filter({ hasText: 'Borrador guardado.' }).waitFor();
    const saved = (await admin.get('/api/admin/courses/curso-de-prueba').expect(200)).body.modules[1].items[1];
    assert.deepEqual([saved.kind, saved.draw, saved.maxFailedAttempts, saved.retryAfterHours], ['final', 3, 2, 24]);
  });
});
