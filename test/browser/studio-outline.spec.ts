import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from '@jest/globals';
import type { Locator, Page } from 'playwright-core';
import { assertAccessible, DESKTOP, PHONE, useBrowserHarness } from '../support/browser';
import { ADMIN, signInAdmin } from '../support/test-app';

// The English fixture course: module 1 has two lessons and a quiz, module 2 a lesson and a quiz.
const M1 = ['Introduction', 'Details', 'Module 1 check'];
const M2 = ['Referral', 'Final quiz'];

describe('dragging lessons and quizzes between modules, in Chromium', () => {
  // Screenshots of the outline while an item is dragged and after, for people to look at.
  const h = useBrowserHarness({ prefix: 'outline-' });

  /** The titles shown in each module, in order. */
  const outline = (page: Page) =>
    page.locator('.module-list > li').evaluateAll((modules) => modules.map((m) => [...m.querySelectorAll('.item-row__title')].map((a) => a.textContent ?? '')));
  const handle = (page: Page, name: string) => page.getByRole('button', { name: `Mover ${name}`, exact: true });
  const liveRegions = (page: Page) => page.locator('[aria-live]').allTextContents();
  /** Everything said through live regions since the page loaded (a later message replaces an earlier one). */
  const said = (page: Page) => page.evaluate(() => (window as unknown as { said: string[] }).said.join(' | '));

  async function center(locator: Locator) {
    const box = await locator.boundingBox();
    assert.ok(box, 'the element is on the page');
    return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  }

  test('an admin moves a quiz to the next module by keyboard and a lesson by pointer, and the saved outline has them there', async () => {
    const page = await h.page({ as: ADMIN, viewport: PHONE });
    await page.addInitScript(() => {
      const log: string[] = ((window as unknown as { said: string[] }).said = []);
      new MutationObserver((records) => {
        for (const r of records) {
          const region = (r.target instanceof Element ? r.target : r.target.parentElement)?.closest('[aria-live]');
          if (region?.textContent) log.push(region.textContent);
        }
      }).observe(document, { subtree: true, childList: true, characterData: true });
    });
    await page.goto('/studio/courses/sample-course');
    await page.getByRole('heading', { level: 2, name: 'Módulos, lecciones y cuestionarios' }).waitFor();
    await page.waitForLoadState('networkidle');
    assert.deepEqual(await outline(page), [M1, M2]);

    // ---- Keyboard, on a 390px phone: the quiz's handle, Space, ArrowDown until it is in module 2, Space.
    const quiz = handle(page, 'Cuestionario «Module 1 check»');
    await quiz.focus();
    await page.keyboard.press('Space');
    await page.waitForTimeout(200);
    assert.match((await liveRegions(page)).join(' '), /Ha tomado «Module 1 check», en la posición 3 de 3 del módulo 1\./);
    let presses = 0;
    while (!(await outline(page))[1].includes('Module 1 check')) {
      assert.ok(++presses <= 3, 'the quiz reaches module 2 within three presses');
      await page.keyboard.press('ArrowDown');
      await page.waitForTimeout(150);
    }
    assert.equal(presses, 1, 'from the end of module 1, one press down goes into module 2');
    assert.deepEqual(await outline(page), [M1.slice(0, 2), ['Module 1 check', ...M2]], 'shown first in module 2 while still held');
    assert.match((await liveRegions(page)).join(' '), /«Module 1 check» pasa al módulo 2, a la posición 1 de 3\./);
    // While held, the handle keeps the keyboard focus (visibly), and nothing is stored yet.
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('aria-label')), 'Mover Cuestionario «Module 1 check»');
    assert.equal(await page.evaluate(() => document.activeElement?.matches(':focus-visible')), true, 'the focus ring shows');
    assert.equal(await page.getByText('Cambios sin guardar').count(), 0, 'nothing changes until the drop');
    // Not full-page: that resizes the viewport, and a resize cancels a keyboard drag.
    await page.screenshot({ path: join(h.shots, 'outline-keyboard-mid-drag-phone.png') });
    await page.keyboard.press('Space');
    await page.getByText('Cambios sin guardar').waitFor();
    assert.deepEqual(await outline(page), [M1.slice(0, 2), ['Module 1 check', ...M2]]);
    assert.match((await liveRegions(page)).join(' '), /Ha soltado «Module 1 check» en el módulo 2, en la posición 1 de 3\./);
    await page.waitForFunction(() => document.activeElement?.getAttribute('aria-label') === 'Mover Cuestionario «Module 1 check»');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the outline scrolls sideways by ${overflow}px on a 390px phone`);
    await page.locator('.outline-editor').screenshot({ path: join(h.shots, 'outline-keyboard-after-phone.png') });

    // Escape puts a held item back where it was.
    await handle(page, 'Lección «Details»').focus();
    await page.keyboard.press('Space');
    await page.waitForTimeout(200);
    await page.keyboard.press('ArrowDown');
    await page.waitForTimeout(150);
    assert.deepEqual((await outline(page))[1].slice(0, 1), ['Details'], 'held in module 2');
    await page.keyboard.press('Escape');
    await page.waitForTimeout(150);
    assert.deepEqual(await outline(page), [M1.slice(0, 2), ['Module 1 check', ...M2]], 'back in module 1 after Escape');

    // ---- Pointer, on a desktop: the handle of "Introduction" pressed, moved in steps below module 2's last row
    // (onto its "add" buttons, inside the module but over no item), released: it goes to the end of module 2.
    await page.setViewportSize(DESKTOP);
    await page.waitForTimeout(100);
    const lesson = handle(page, 'Lección «Introduction»');
    await lesson.scrollIntoViewIfNeeded();
    const start = await center(lesson);
    await page.mouse.move(start.x, start.y);
    await page.mouse.down();
    await page.mouse.move(start.x, start.y + 10, { steps: 4 });
    const secondModule = page.locator('.module-list > li').nth(1);
    const addButtons = secondModule.locator('.module-card__add');
    // Positions are read again on the way, as the outline changes under the pointer.
    let aim = await center(secondModule.locator('.item-row').filter({ hasText: 'Referral' }));
    await page.mouse.move(start.x, aim.y, { steps: 20 });
    await page.waitForTimeout(200);
    assert.ok((await outline(page))[1].includes('Introduction'), 'the lesson is in module 2 while dragged');
    assert.match(await said(page), /«Introduction» pasa al módulo 2, a la posición \d de 4\./);
    aim = await center(addButtons);
    await page.mouse.move(start.x, aim.y, { steps: 10 });
    await page.waitForTimeout(200);
    aim = await center(addButtons);
    await page.mouse.move(start.x, aim.y, { steps: 4 });
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(h.shots, 'outline-pointer-mid-drag-desktop.png') });
    await page.mouse.up();
    await page.waitForTimeout(300);
    const expected = [['Details'], ['Module 1 check', 'Referral', 'Final quiz', 'Introduction']];
    assert.deepEqual(await outline(page), expected, 'dropped at the end of module 2');
    assert.match((await liveRegions(page)).join(' '), /Ha soltado «Introduction» en el módulo 2, en la posición 4 de 4\./);
    await page.locator('.outline-editor').screenshot({ path: join(h.shots, 'outline-pointer-after-desktop.png') });
    await assertAccessible(page, 'the outline after moving items between modules');
    await page.setViewportSize(PHONE);
    await page.waitForTimeout(100);
    await page.locator('.outline-editor').screenshot({ path: join(h.shots, 'outline-pointer-after-phone.png') });
    await assertAccessible(page, 'the outline after moving items between modules (phone)');
    await page.setViewportSize(DESKTOP);

    // ---- The final quiz must stay the course's last item: saving says so, naming it.
    await page.getByRole('button', { name: 'Guardar el borrador' }).first().click();
    await page.getByRole('alert').getByText('La evaluación final debe ser el último elemento del curso.').first().waitFor();
    // "Introduction" one place up, before the final quiz.
    const intro = handle(page, 'Lección «Introduction»');
    await intro.focus();
    await page.keyboard.press('Space');
    await page.waitForTimeout(200);
    await page.keyboard.press('ArrowUp');
    await page.waitForTimeout(150);
    await page.keyboard.press('Space');
    const fixed = [['Details'], ['Module 1 check', 'Referral', 'Introduction', 'Final quiz']];
    assert.deepEqual(await outline(page), fixed);

    // ---- Saved: the API has the new order.
    await page.getByRole('button', { name: 'Guardar el borrador' }).first().click();
    await page.getByRole('status').filter({ hasText: 'Borrador guardado.' }).waitFor();
    const api = await signInAdmin(h.app.server);
    const saved = (await api.get('/api/admin/courses/sample-course').expect(200)).body;
    assert.deepEqual(
      saved.modules.map((m: { items: { title: string }[] }) => m.items.map((i) => i.title)),
      fixed,
      'the saved draft has both items in module 2, the final quiz last',
    );
  });
});
