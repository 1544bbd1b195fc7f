import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { App } from './app/App';
import { LanguageProvider, initialLanguage } from './lib/i18n';
import './styles.css';

document.documentElement.lang = initialLanguage();

// The service worker keeps the learner's pages and downloaded courses for a phone with no line (src/sw.ts).
// Registered after the page has loaded, so its downloads never compete with the first paint on a slow line.
if ('serviceWorker' in navigator && import.meta.env.PROD) {
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => {
      // No service worker (private mode, an old browser): the app works online as before.
    });
  });
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <LanguageProvider>
      <BrowserRouter>
        <App />
      </BrowserRouter>
    </LanguageProvider>
  </StrictMode>,
);
