import AxeBuilder from '@axe-core/playwright';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll } from '@jest/globals';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startTestApp, type TestApp } from './test-app';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-quic', '--no-first-run', '--disable-sync'],
  });
}

/** Fails on any WCAG 2.1 A/AA violation axe-core finds on the page as it is now. */
export async function assertAccessible(page: Page, what: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const summary = violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('\n    ')}`);
  assert.deepEqual(summary, [], `accessibility violations on ${what}:\n${summary.join('\n')}`);
}

export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1280, height: 900 };

export interface BrowserHarness {
  /** The app under test (listening; its url is the pages' base URL). */
  readonly app: TestApp;
  readonly browser: Browser;
  /** Where screenshots go. */
  readonly shots: string;
  /** A page in its own browser context (Spanish, desktop, unless told), signed in when `as` is given. */
  page(options?: { as?: { email: string; password: string }; locale?: string; viewport?: { width: number; height: number } }): Promise<Page>;
  /** Screenshots on desktop and phone, the WCAG 2.1 AA check on both, and no sideways scrolling on the phone. */
  look(page: Page, what: string, options?: { phone?: boolean; part?: string }): Promise<void>;
}

/**
 * A describe block's app, Chromium and pages: started before its tests, closed after them, and on a failure a
 * screenshot of every open page in `shots` (default /tmp/studio-shots, STUDIO_SCREENSHOTS_DIR overrides).
 */
export function useBrowserHarness(options: { prefix?: string; shots?: string } = {}): BrowserHarness {
  const shots = options.shots ?? process.env.STUDIO_SCREENSHOTS_DIR ?? '/tmp/studio-shots';
  const prefix = options.prefix ?? '';
  mkdirSync(shots, { recursive: true });
  let app: TestApp | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  // Anything the Content-Security-Policy blocked: the app must run under its policy untouched.
  const cspViolations: string[] = [];

  beforeAll(async () => {
    app = await startTestApp({ listen: true, redis: false });
    browser = await launchChromium();
  });
  afterEach(async () => {
    const blocked = cspViolations.splice(0);
    assert.deepEqual(blocked, [], `the Content-Security-Policy blocked something:\n${blocked.join('\n')}`);
    // Set by test/support/jest-environment.cjs when the test's body failed.
    if (!(globalThis as { testFailed?: boolean }).testFailed) return;
    let n = 0;
    for (const c of contexts) for (const p of c.pages()) await p.screenshot({ path: join(shots, `${prefix}failure-${++n}.png`), fullPage: true }).catch(() => undefined);
  });
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await app?.close();
  });

  return {
    get app() {
      return app!;
    },
    get browser() {
      return browser!;
    },
    shots,
    async page({ as, locale = 'es-MX', viewport = DESKTOP } = {}) {
      const context = await browser!.newContext({ baseURL: app!.url, locale, viewport });
      contexts.push(context);
      if (as) {
        const res = await context.request.post('/api/auth/login', { data: { email: as.email, password: as.password } });
        assert.equal(res.status(), 200, await res.text());
      }
      const page = await context.newPage();
      page.on('console', (m) => {
        if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) cspViolations.push(`${page.url()}: ${m.text()}`);
      });
      return page;
    },
    async look(page, what, { phone = true, part = '' } = {}) {
      const name = `${prefix}${what}`;
      await page.waitForLoadState('networkidle');
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: join(shots, `${name}-desktop.png`), fullPage: true });
      await assertAccessible(page, what);
      if (!phone) return;
      const size = page.viewportSize();
      await page.setViewportSize(PHONE);
      await page.waitForTimeout(100);
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: join(shots, `${name}-phone.png`), fullPage: true });
      // A close-up of the part that matters, at the phone's real size.
      if (part) await page.locator(part).first().screenshot({ path: join(shots, `${name}-phone-part.png`) });
      const overflow = await page.evaluate(() => {
        const wider = [...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > window.innerWidth + 0.5);
        const widest = wider.map((e) => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')}`).slice(-3);
        return { by: document.documentElement.scrollWidth - window.innerWidth, widest };
      });
      assert.ok(overflow.by <= 0, `${what} scrolls sideways by ${overflow.by}px on a 390px-wide phone: ${overflow.widest.join(', ')}`);
      await assertAccessible(page, `${what} (phone)`);
      if (size) await page.setViewportSize(size);
    },
  };
}
