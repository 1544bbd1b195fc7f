import type { BenchResult } from './run';
import { launchChromium, PHONE } from '../test/support/browser';
import { signUp, startTestApp } from '../test/support/test-app';

/*
 * A phone on a slow line (issue 10): 400 kbit/s each way and 400 ms round trips, emulated by Chromium, empty
 * cache every time. Measures the time from navigation to the first course card of the catalogue, and to the text
 * of a lesson opened by its address while signed in. Goal: ≤ 3 s each.
 */
const RUNS = Number(process.env.SLOW_LINE_RUNS ?? 5);
const LINE = { offline: false, latency: 400, downloadThroughput: (400 * 1000) / 8, uploadThroughput: (400 * 1000) / 8 };

function summarise(name: string, times: number[]): BenchResult {
  const sorted = [...times].sort((a, b) => a - b);
  const meanMs = sorted.reduce((s, t) => s + t, 0) / sorted.length;
  return { name, opsPerSec: 1000 / meanMs, meanMs, p95Ms: sorted[Math.ceil(sorted.length * 0.95) - 1], samples: sorted.length };
}

export async function run(): Promise<BenchResult[]> {
  const app = await startTestApp({ listen: true, redis: false });
  const browser = await launchChromium();
  try {
    const { agent, email, password } = await signUp(app.server);
    await agent.post('/api/courses/curso-de-prueba/enroll').expect(201);
    const course = (await agent.get('/api/courses/curso-de-prueba').expect(200)).body;
    const lesson = course.modules[0].items.find((i: { type: string }) => i.type === 'lesson');

    const timed = async (path: string, ready: (page: import('playwright-core').Page) => Promise<unknown>, signIn = false) => {
      const context = await browser.newContext({ baseURL: app.url, locale: 'es-MX', viewport: PHONE, isMobile: true });
      if (signIn) await context.request.post('/api/auth/login', { data: { email, password } });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
      await cdp.send('Network.emulateNetworkConditions', LINE);
      const start = Date.now();
      await page.goto(path, { waitUntil: 'commit' });
      await ready(page);
      const ms = Date.now() - start;
      await context.close();
      return ms;
    };

    const catalogue: number[] = [];
    const lessonText: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      catalogue.push(await timed('/', (page) => page.locator('.cards > li').first().waitFor({ timeout: 60_000 })));
      lessonText.push(
        await timed(`/lessons/${lesson.id}`, (page) => page.locator('article.lesson .prose p').first().waitFor({ timeout: 60_000 }), true),
      );
    }
    return [summarise('catalogue: first course card (400 kbit/s, 400 ms RTT)', catalogue), summarise('lesson text by its address, signed in', lessonText)];
  } finally {
    await browser.close();
    await app.close();
  }
}
