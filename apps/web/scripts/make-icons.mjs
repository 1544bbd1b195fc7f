// Draws the installable app's icons (public/icons/*.png) from the same mark as favicon.svg, in Chromium.
// Run once after changing the mark: `node apps/web/scripts/make-icons.mjs` (needs /usr/bin/chromium or CHROMIUM_PATH).
import { chromium } from 'playwright-core';
import { fileURLToPath } from 'node:url';

const out = (name) => fileURLToPath(new URL(`../public/icons/${name}`, import.meta.url));
const mark = '<path d="M9 10h14v3H12.5v2.5H21v3h-8.5V21H23v3H9z" fill="#fff"/>';
// A plain icon: the favicon's rounded square. A maskable one: full bleed, the mark inside the central 60 % safe zone.
const plain = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#0033A0"/>${mark}</svg>`;
const maskable = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" fill="#0033A0"/><g transform="translate(16 16) scale(0.7) translate(-16 -17)">${mark}</g></svg>`;

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
for (const [name, svg, size] of [['icon-192.png', plain, 192], ['icon-512.png', plain, 512], ['icon-maskable-512.png', maskable, 512]]) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  await page.setContent(`<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`);
  await page.screenshot({ path: out(name), omitBackground: true });
  await page.close();
}
await browser.close();
