/**
 * The verify page's only scripts, served by the API from `/verify-assets/` (the CSP allows `script-src 'self'`,
 * no inline script). Plain ES2020, no build step, a few kB each.
 *
 * verify.js: reads `#v1.<payload>.<sig>` from the address, checks the Ed25519 signature with WebCrypto against the
 * JWKS, looks the code up in the signed revocation list, and shows the result in `#sig`. Without a server (the
 * service worker gave it the `/verify/` shell), it also shows the certificate's fields from the token.
 * sw.js: scope /verify/; network first, and the cached shell, script, JWKS and revocation list when offline.
 */
export const JWKS_PATH = '/.well-known/ecampus-certificate-keys.json';
export const REVOCATIONS_PATH = '/api/certificates/revocations';

export const VERIFY_JS = String.raw`(function () {
  'use strict';
  var box = document.getElementById('sig');
  if (!box) return;
  if ('serviceWorker' in navigator) {
    navigator.serviceWorker.register('/verify-assets/sw.js', { scope: '/verify/' }).catch(function () {});
  }
  var token = location.hash.slice(1);
  if (!/^v1\.[\w-]+\.[\w-]+$/.test(token)) return;
  var t = box.dataset;
  function show(kind, text) {
    box.hidden = false;
    box.className = 'sig ' + kind;
    box.textContent = text;
  }
  function bytes(b64) {
    var s = atob(b64.replace(/-/g, '+').replace(/_/g, '/'));
    var out = new Uint8Array(s.length);
    for (var i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
    return out;
  }
  function getJson(path) {
    return fetch(path).then(function (r) { if (!r.ok) throw new Error(path); return r.json(); });
  }
  // Resolves to the payload if the token is signed by a key of the set, else null.
  function check(tok, jwks) {
    var parts = tok.split('.');
    var payload = JSON.parse(new TextDecoder().decode(bytes(parts[1])));
    var jwk = (jwks.keys || []).filter(function (k) { return k.kid === payload.k && k.crv === 'Ed25519'; })[0];
    if (!jwk) return Promise.resolve(null);
    return crypto.subtle
      .importKey('jwk', { kty: 'OKP', crv: 'Ed25519', x: jwk.x }, { name: 'Ed25519' }, false, ['verify'])
      .then(function (key) {
        return crypto.subtle.verify({ name: 'Ed25519' }, key, bytes(parts[2]), new TextEncoder().encode(parts[0] + '.' + parts[1]));
      })
      .then(function (ok) { return ok ? payload : null; });
  }
  function fill(p) {
    var dl = document.getElementById('fields');
    if (!dl || dl.dataset.server === '1') return;
    var rows = [[t.lHolder, p.n], [t.lCourse, p.t], [t.lHours, p.h + ' h'], [t.lDate, p.d], [t.lCode, p.c]];
    dl.textContent = '';
    rows.forEach(function (r) {
      var dt = document.createElement('dt'); dt.textContent = r[0];
      var dd = document.createElement('dd'); dd.textContent = r[1];
      dl.appendChild(dt); dl.appendChild(dd);
    });
    dl.hidden = false;
  }
  show('checking', t.checking);
  var code = decodeURIComponent(location.pathname.split('/').pop() || '').toUpperCase().replace(/[^0-9A-Z]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  getJson('${JWKS_PATH}')
    .then(function (jwks) {
      return check(token, jwks).then(function (p) {
        if (!p || (code && p.c.replace(/-/g, '') !== code)) return show('bad', t.invalid);
        fill(p);
        return getJson('${REVOCATIONS_PATH}')
          .then(function (list) { return check(list.token, jwks); })
          .catch(function () { return null; })
          .then(function (list) {
            var revoked = list && (list.revoked || []).some(function (r) { return r.code === p.c; });
            show(revoked ? 'bad' : 'ok', revoked ? t.revoked : t.valid);
          });
      });
    })
    .catch(function () { show('bad', t.unknown); });
})();
`;

export const SW_JS = String.raw`'use strict';
var CACHE = 'ecampus-verify-v1';
var SHELL = ['/verify/', '/verify-assets/verify.js', '${JWKS_PATH}', '${REVOCATIONS_PATH}'];
self.addEventListener('install', function (e) {
  e.waitUntil(caches.open(CACHE).then(function (c) { return c.addAll(SHELL); }).then(function () { return self.skipWaiting(); }));
});
self.addEventListener('activate', function (e) { e.waitUntil(self.clients.claim()); });
self.addEventListener('fetch', function (e) {
  var url = new URL(e.request.url);
  if (e.request.method !== 'GET' || url.origin !== location.origin) return;
  var isPage = e.request.mode === 'navigate' && url.pathname.indexOf('/verify/') === 0;
  if (!isPage && SHELL.indexOf(url.pathname) < 0) return;
  // Network first, so a revocation is seen as soon as there is a line; the cache only when there is none.
  e.respondWith(
    fetch(e.request)
      .then(function (res) {
        if (res.ok && !isPage) { var copy = res.clone(); caches.open(CACHE).then(function (c) { c.put(url.pathname, copy); }); }
        return res;
      })
      .catch(function () {
        return caches.match(isPage ? '/verify/' : url.pathname).then(function (hit) { return hit || Response.error(); });
      }),
  );
});
`;
