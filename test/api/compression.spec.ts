import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import request from 'supertest';
import { startTestApp, type TestApp } from '../support/test-app';
import { ROOT } from '../support/env';

/** The biggest script of the built app, by the Vite manifest (the shared vendor chunk). */
function biggestScript(): string {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'apps/web/dist/.vite/manifest.json'), 'utf8')) as Record<string, { file: string }>;
  const files = [...new Set(Object.values(manifest).map((e) => e.file))].filter((f) => f.endsWith('.js'));
  const size = (f: string) => readFileSync(join(ROOT, 'apps/web/dist', f)).length;
  return files.sort((a, b) => size(b) - size(a))[0];
}

describe('compression and caching on a slow line', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ redis: false });
  });
  afterAll(() => app.close());

  it('serves the web app files precompressed at build: brotli or gzip as accepted, cached for a year', async () => {
    const file = `/${biggestScript()}`;
    const plain = await request(app.server).get(file).set('Accept-Encoding', 'identity').expect(200);
    assert.equal(plain.headers['content-encoding'], undefined);
    const br = await request(app.server).get(file).set('Accept-Encoding', 'gzip, deflate, br').buffer(true).parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => cb(null, Buffer.concat(chunks)));
    }).expect(200);
    assert.equal(br.headers['content-encoding'], 'br');
    assert.match(String(br.headers.vary), /Accept-Encoding/i);
    assert.match(String(br.headers['cache-control']), /immutable/);
    assert.match(String(br.headers['cache-control']), /max-age=31536000/);
    assert.match(String(br.headers['content-type']), /javascript/);
    assert.ok(Number(br.headers['content-length']) < Number(plain.headers['content-length']) / 2, 'brotli sends less than half the bytes');
    const gz = await request(app.server).get(file).set('Accept-Encoding', 'gzip').expect(200);
    assert.equal(gz.headers['content-encoding'], 'gzip');
    await request(app.server).get('/assets/no-such-file.js').expect(404);
  });

  it('compresses API JSON above a small size and answers 304 to a catalogue or outline the client already has', async () => {
    for (const path of ['/api/courses', '/api/courses/curso-de-prueba']) {
      const first = await request(app.server).get(path).set('Accept-Encoding', 'gzip').expect(200);
      const size = Buffer.byteLength(JSON.stringify(first.body));
      assert.equal(first.headers['content-encoding'], size > 1024 ? 'gzip' : undefined, `${path} (${size} bytes) is compressed above 1 kB`);
      const etag = first.headers.etag;
      assert.ok(etag, `${path} has an ETag`);
      const again = await request(app.server).get(path).set('If-None-Match', etag).expect(304);
      assert.equal(again.text, '');
    }
    const outline = await request(app.server).get('/api/courses/curso-de-prueba').set('Accept-Encoding', 'gzip').expect(200);
    assert.equal(outline.headers['content-encoding'], 'gzip', 'the outline, over 1 kB, is compressed');
    // Small answers are not worth compressing.
    const health = await request(app.server).get('/api/health').set('Accept-Encoding', 'gzip').expect(200);
    assert.equal(health.headers['content-encoding'], undefined);
  });

  it("names a page's own code and first read in its HTML, so a slow line fetches them beside the entry script", async () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'apps/web/dist/.vite/manifest.json'), 'utf8')) as Record<string, { file: string }>;
    const lessonChunk = manifest['src/features/lesson/LessonPage.tsx'].file;
    const lesson = await request(app.server).get('/lessons/9b2f0c1e-1111-4222-8333-944455556666').expect(200);
    assert.match(lesson.text, new RegExp(`<link rel="modulepreload" crossorigin href="/${lessonChunk}">`));
    assert.match(lesson.text, /<link rel="preload" as="fetch" crossorigin href="\/api\/lessons\/9b2f0c1e-1111-4222-8333-944455556666">/);
    assert.match(lesson.text, /<link rel="preload" as="fetch" crossorigin href="\/api\/me">/);
    assert.equal(lesson.headers['cache-control'], 'no-cache');
    // Path segments are echoed only as the browser sent them, percent-encoded: nothing in them becomes markup.
    const odd = await request(app.server).get('/lessons/%22%3E%3Cscript%3E').expect(200);
    assert.match(odd.text, /href="\/api\/lessons\/%22%3E%3Cscript%3E"/);
    assert.doesNotMatch(odd.text, /<script>/);
    const studio = await request(app.server).get('/studio').expect(200);
    assert.doesNotMatch(studio.text, /modulepreload" crossorigin href="\/assets\/LessonPage/);
  });
});
