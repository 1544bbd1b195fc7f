import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import request from 'supertest';
import { signUp, startTestApp, type TestApp } from '../support/test-app';

const preloads = (html: string) => [...html.matchAll(/<link rel="preload" as="fetch" crossorigin href="([^"]+)">/g)].map((m) => m[1].replace(/&amp;/g, '&'));

describe('a page names its first reads in its HTML, exactly as the app will ask them', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ redis: false });
  });
  afterAll(() => app.close());

  it('the catalogue: the interface language from its cookie, else Accept-Language, else Spanish; filters from the address', async () => {
    const page = async (path: string, headers: Record<string, string> = {}) => preloads((await request(app.server).get(path).set(headers).expect(200)).text);
    assert.deepEqual(await page('/'), ['/api/me', '/api/courses?lang=es']);
    assert.deepEqual(await page('/', { 'Accept-Language': 'en-US,en;q=0.9,es;q=0.8' }), ['/api/me', '/api/courses?lang=en']);
    assert.deepEqual(await page('/', { 'Accept-Language': 'fr-FR,en;q=0.5' }), ['/api/me', '/api/courses?lang=en']);
    assert.deepEqual(await page('/', { 'Accept-Language': 'en', Cookie: 'ecampus_lang=es' }), ['/api/me', '/api/courses?lang=es']);
    assert.deepEqual(await page('/', { Cookie: 'other=1; ecampus_lang=en' }), ['/api/me', '/api/courses?lang=en']);
    assert.deepEqual(await page('/', { Cookie: 'ecampus_lang=xx' }), ['/api/me', '/api/courses?lang=es']);
    assert.deepEqual(await page('/?lang=all'), ['/api/me', '/api/courses']);
    assert.deepEqual(await page('/?lang=fr&topic=trafficking'), ['/api/me', '/api/courses?lang=fr&topic=trafficking']);
    assert.deepEqual(await page(`/?q=${encodeURIComponent('víctima de trata')}&lang=zz`), ['/api/me', `/api/courses?lang=es&q=${new URLSearchParams({ q: 'víctima de trata' }).toString().slice(2)}`]);
    // Markup in the address never reaches the page.
    const hostile = (await request(app.server).get('/?q=%22%3E%3Cscript%3Ealert(1)%3C/script%3E').expect(200)).text;
    assert.doesNotMatch(hostile, /<script>alert/);
  });

  it('signed in, the catalogue also reads the learner\'s enrolments; a course and a lesson read their own data', async () => {
    const { agent } = await signUp(app.server);
    assert.deepEqual(preloads((await agent.get('/').expect(200)).text), ['/api/me', '/api/courses?lang=es', '/api/me/enrollments']);
    assert.deepEqual(preloads((await agent.get('/courses/curso-de-prueba').expect(200)).text), ['/api/me', '/api/courses/curso-de-prueba']);
  });
});
