import AxeBuilder from '@axe-core/playwright';
import assert from 'node:assert/strict';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';

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

/** A page in a new browser context, signed in through the API (the session cookie, as the sign-in page sets it). */
export async function signedInPage(browser: Browser, baseURL: string, email: string, password: string, options: BrowserContextOptions = {}): Promise<Page> {
  const context = await browser.newContext({ baseURL, locale: 'es-MX', viewport: { width: 1280, height: 900 }, ...options });
  const res = await context.request.post('/api/auth/login', { data: { email, password } });
  assert.equal(res.status(), 200, await res.text());
  return context.newPage();
}
