import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The API serves dist/ from the same origin; in development, Vite proxies /api and /verify to it.
const apiOrigin = process.env.API_ORIGIN ?? 'http://localhost:3000';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  resolve: {
    alias: {
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
    rolldownOptions: {
      output: {
        codeSplitting: {
          // React and the router change far less often than the app: a chunk of their own stays
          // cached across deploys, which matters on slow connections.
          groups: [{ name: 'vendor', test: /[\\/]node_modules[\\/](react|react-dom|react-router|scheduler|cookie|set-cookie-parser)[\\/]/ }],
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
