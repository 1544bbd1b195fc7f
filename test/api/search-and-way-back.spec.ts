import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import request from 'supertest';
import { assertError } from '../support/errors';
import { signUp, startTestApp, type TestApp } from '../support/test-app';

describe('search that forgives, and the way back into a course', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ redis: false });
  });
  afterAll(() => app.close());

  const slugs = async (query: string) => (await request(app.server).get(`/api/courses?${query}`).expect(200)).body.map((c: { slug: string }) => c.slug).sort();

  it('finds courses without accents or case, in titles, summaries and lesson text, every word required', async () => {
    // "derivación" is in the title; "consentimiento informado" only in a lesson's text.
    assert.deepEqual(await slugs('lang=es&q=DERIVACION'), ['curso-de-prueba']);
    assert.deepEqual(await slugs('lang=es&q=derivación'), ['curso-de-prueba']);
    assert.deepEqual(await slugs(`lang=es&q=${encodeURIComponent('consentimiento informado')}`), ['curso-de-prueba']);
    assert.deepEqual(await slugs(`lang=es&q=${encodeURIComponent('consentimiento submarino')}`), []);
    assert.deepEqual(await slugs('q=referral'), ['sample-course']);
    assert.deepEqual(await slugs(`q=${encodeURIComponent('%_')}`), []);
    assert.deepEqual(await slugs('lang=en&q=derivacion'), []);
  });

  it('searches inside a course: items holding the words, with a snippet for those who may read the lessons', async () => {
    const anonymous = (await request(app.server).get('/api/courses/curso-de-prueba/search?q=consentimiento').expect(200)).body;
    assert.ok(anonymous.length >= 1);
    assert.ok(anonymous.every((h: { snippet: string }) => h.snippet === ''), 'no lesson text for someone who cannot read the lessons');
    const { agent } = await signUp(app.server);
    await agent.post('/api/courses/curso-de-prueba/enroll').expect(201);
    const hits = (await agent.get('/api/courses/curso-de-prueba/search?q=CONSENTIMIENTO').expect(200)).body;
    assert.deepEqual(hits.map((h: { id: string }) => h.id), anonymous.map((h: { id: string }) => h.id));
    assert.equal(hits[0].type, 'lesson');
    assert.match(hits[0].snippet, /consentimiento informado/);
    assert.deepEqual((await agent.get('/api/courses/curso-de-prueba/search?q=submarino').expect(200)).body, []);
    assertError(await agent.get('/api/courses/curso-de-prueba/search'), 400, 'q');
    assertError(await agent.get(`/api/courses/curso-de-prueba/search?q=${'a'.repeat(201)}`), 400, 'q');
    assertError(await agent.get('/api/courses/no-such-course/search?q=x'), 404);
  });

  it('tells each enrolment the next item to do and the progress of every module', async () => {
    const { agent } = await signUp(app.server);
    await agent.post('/api/courses/curso-de-prueba/enroll').expect(201);
    const outline = (await agent.get('/api/courses/curso-de-prueba').expect(200)).body;
    const items = outline.modules.flatMap((m: { items: { id: string; type: string; title: string }[] }) => m.items);
    let [mine] = (await agent.get('/api/me/enrollments').expect(200)).body;
    assert.deepEqual(mine.next, { id: items[0].id, type: items[0].type, title: items[0].title });
    assert.deepEqual(mine.modules.map((m: { done: number }) => m.done), outline.modules.map(() => 0));
    assert.deepEqual(mine.modules.map((m: { total: number }) => m.total), outline.modules.map((m: { items: unknown[] }) => m.items.length));

    await agent.post(`/api/lessons/${items[0].id}/complete`).expect(200);
    [mine] = (await agent.get('/api/me/enrollments').expect(200)).body;
    assert.equal(mine.next.id, items[1].id);
    assert.equal(mine.modules[0].done, 1);
    assert.equal(mine.modules[0].title, outline.modules[0].title);
  });
});
