import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { compression, defineAlgorithm } from 'vite-plugin-compression2';
import { constants } from 'node:zlib';
import { VitePWA } from 'vite-plugin-pwa';

// The API serves dist/ from the same origin; in development, Vite proxies /api and /verify to it.
const apiOrigin = process.env.API_ORIGIN ?? 'http://localhost:3000';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [
    react(),
    // Installable, and usable with no line: a web app manifest, and a service worker (src/sw.ts) that keeps the
    // learner's pages (not the studio's or admin pages: learners never need them) and the downloaded courses.
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src',
      filename: 'sw.ts',
      injectRegister: false,
      manifest: {
        id: '/',
        name: 'eCampus: cursos sobre gobernanza de la migración',
        short_name: 'eCampus',
        description: 'Cursos breves sobre gobernanza de la migración / short courses on migration governance',
        lang: 'es',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        background_color: '#ffffff',
        theme_color: '#0033A0',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      injectManifest: {
        globPatterns: ['index.html', 'favicon.svg', 'icons/icon-192.png', 'assets/*.{js,css}'],
        globIgnores: [
          '**/CourseEditorPage-*', '**/PreviewPage-*', '**/StudioHomePage-*', '**/studio-*', '**/browser-*', '**/*Admin*',
          '**/AuditPage-*', '**/ReportsPage-*', '**/CertificateSettingsPage-*', '**/OutboxPage-*',
        ],
        // Hashed names: the precache may reuse what the first visit already has in the HTTP cache.
        dontCacheBustURLsMatching: /^assets\//,
      },
    }),
    // Precompressed once at build, at the highest levels: the server sends .br or .gz as the browser accepts,
    // so a phone on a slow line downloads a third of the bytes and the server spends no CPU on it.
    compression({
      algorithms: [
        defineAlgorithm('brotliCompress', { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
        defineAlgorithm('gzip', { level: 9 }),
      ],
      threshold: 1024,
      exclude: [/manifest\.json$/],
    }),
  ],
  resolve: {
    alias: {
      // The app is written against React's API and runs on Preact 11's compat layer: 22 kB on the wire instead of
      // React's 71 kB, a second less on a 400 kbit/s line (bench/README.md, slow-line). Every browser suite runs on it.
      react: 'preact/compat',
      'react-dom/client': 'preact/compat/client',
      'react-dom': 'preact/compat',
      'react/jsx-runtime': 'preact/jsx-runtime',
      'react/jsx-dev-runtime': 'preact/jsx-dev-runtime',
      // The wire types, from source: no need to build libs/contracts first.
      '@ecampus/contracts': fileURLToPath(new URL('../../libs/contracts/src/index.ts', import.meta.url)),
      // The lesson renderer learners get from the API, from source too: the studio's live preview is the same code.
      '@ecampus/course-format/browser': fileURLToPath(new URL('../../libs/course-format/src/browser.ts', import.meta.url)),
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    reportCompressedSize: true,
    // Which files each page needs: the page-weight budget test reads it.
    manifest: true,
    rolldownOptions: {
      output: {
        codeSplitting: {
          // React and the router change far less often than the app: a chunk of their own stays
          // cached across deploys, which matters on slow connections.
          groups: [{ name: 'vendor', test: /[\\/]node_modules[\\/](preact|react-router|cookie|set-cookie-parser)[\\/]/ }],
        },
      },
    },
  },
  server: {
    proxy: {
      '/api': apiOrigin,
      '/verify': apiOrigin,
    },
  },
  preview: {
    proxy: {
      '/api': apiOrigin,
      '/verify': apiOrigin,
    },
  },
});
