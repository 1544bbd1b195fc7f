import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import request from 'supertest';
import { ROOT } from '../support/env';
import { completeCourse, signInAdmin, signUp, startTestApp, waitFor, type TestApp } from '../support/test-app';

/** Every course in courses/ is imported, published, and can be taken to a certificate in each language. */
describe('the course catalogue in courses/', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ redis: false, coursesDir: `${ROOT}/courses` });
  });
  afterAll(() => app.close());

  it('publishes every course in Spanish and English, linked as translations', async () => {
    const catalogue = (await request(app.server).get('/api/courses').expect(200)).body;
    const byKey = new Map<string, string[]>();
    const admin = await signInAdmin(app.server);
    for (const c of (await admin.get('/api/admin/courses').expect(200)).body) {
      byKey.set(c.translationKey, [...(byKey.get(c.translationKey) ?? []), c.language].sort());
    }
    assert.ok(byKey.size >= 2, 'at least two courses');
    for (const [key, langs] of byKey) assert.deepEqual(langs, ['en', 'es'], `${key} has Spanish and English`);
    assert.equal(catalogue.length, [...byKey.values()].flat().length);
    for (const c of catalogue) {
      assert.equal(c.translations.length, 1, `${c.slug} links to its translation`);
      // courses:check holds each claim within ±25 % of the time computed from the content (about 40 to 50 minutes
      // for these courses in 2026-12); this only guards against a course shrunk to nothing or bloated.
      assert.ok(c.estimatedMinutes >= 30 && c.estimatedMinutes <= 120, `${c.slug}: 30 to 120 minutes`);
      assert.ok(c.moduleCount >= 3 && c.moduleCount <= 5, `${c.slug}: 3 to 5 modules`);
    }
  });

  it('takes every course to an issued certificate in both languages, passing every quiz', async () => {
    const catalogue = (await request(app.server).get('/api/courses').expect(200)).body;
    for (const course of catalogue) {
      const learner = await signUp(app.server, { language: course.language });
      await learner.agent.post(`/api/courses/${course.slug}/enroll`).expect(201);
      const last = await completeCourse(app, learner.agent, course.slug);
      assert.deepEqual({ progress: last.progress, completed: last.completed }, { progress: 100, completed: true }, course.slug);
      const cert = await waitFor(async () => {
        const [c] = (await learner.agent.get('/api/me/certificates').expect(200)).body;
        return c?.status === 'issued' && c;
      }, `the certificate of ${course.slug}`);
      const verify = (await request(app.server).get(`/api/verify/${cert.code}`).expect(200)).body;
      assert.equal(verify.courseTitle, course.title);
      assert.ok(verify.hours >= 0.5);
    }
  });
});
