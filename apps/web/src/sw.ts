/// <reference lib="webworker" />
// The service worker: the app shell for a phone with no line, and the courses the learner downloaded.
// Built by vite-plugin-pwa (injectManifest), which writes the list of the shell's files into __WB_MANIFEST.
import { clientsClaim } from 'workbox-core';
import { cleanupOutdatedCaches, matchPrecache, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { CacheFirst } from 'workbox-strategies';

declare const self: ServiceWorkerGlobalScope;

/** Where "download for offline" stores a course (src/lib/offline.ts writes it). */
const OFFLINE_CACHE = 'ecampus-offline-v1';

// The page that installed it is served by it at once: a learner may download a course and lose the line without reloading.
clientsClaim();
cleanupOutdatedCaches();
precacheAndRoute(self.__WB_MANIFEST);

// Pages: always from the server when it answers (it names each page's code and data for a fast first paint);
// with no line, the app shell, which then reads from the downloaded courses.
registerRoute(
  new NavigationRoute(
    async ({ request }) => {
      try {
        return await fetch(request);
      } catch (error) {
        const shell = await matchPrecache('/index.html');
        if (shell) return shell;
        throw error;
      }
    },
    { denylist: [/^\/api\//, /^\/verify(\/|$)/, /^\/verify-assets\//] },
  ),
);

// Code the shell does not carry (the studio, admin pages): hashed names never change content.
registerRoute(({ url, request }) => request.method === 'GET' && url.origin === self.location.origin && url.pathname.startsWith('/assets/'), new CacheFirst({ cacheName: 'ecampus-assets' }));

// Reads of downloaded courses: the server first (fresh progress); with no line, the stored copy. A stored copy is
// refreshed whenever the server answers, so the phone keeps the latest state it has seen.
registerRoute(
  ({ url, request }) => request.method === 'GET' && url.origin === self.location.origin && url.pathname.startsWith('/api/'),
  async ({ request }) => {
    const cache = await caches.open(OFFLINE_CACHE);
    try {
      const response = await fetch(request);
      if (response.ok && (await cache.match(request, { ignoreVary: true, ignoreSearch: false }))) await cache.put(request, response.clone());
      return response;
    } catch (error) {
      const stored = await cache.match(request, { ignoreVary: true });
      if (stored) return stored;
      throw error;
    }
  },
);

self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') void self.skipWaiting();
});
