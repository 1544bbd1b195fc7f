import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import type request from 'supertest';
import { assertError } from '../support/errors';
import { completeCourse, signInAdmin, signUp, startTestApp, waitFor, type TestApp } from '../support/test-app';

/** The response body exactly as sent (supertest's text drops a byte order mark). */
async function raw(req: request.Test) {
  const res = await req.buffer(true).parse((r, cb) => {
    const chunks: Buffer[] = [];
    r.on('data', (c: Buffer) => chunks.push(c));
    r.on('end', () => cb(null, Buffer.concat(chunks)));
  });
  assert.equal(res.status, 200);
  return { headers: res.headers, text: (res.body as Buffer).toString('utf8') };
}

describe('reports people can use', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ redis: false });
    const people = [
      { country: 'MX', institutionType: 'police', gender: 'woman', name: '=HYPERLINK("http://evil.example","clic")' },
      { country: 'MX', institutionType: 'health', gender: 'man', name: 'José Ñandú' },
      { country: 'GT', institutionType: 'police', gender: 'Woman', name: 'Ixchel Cux' },
      { country: 'GT', institutionType: 'migration', gender: 'woman', name: 'Ana Pérez' },
    ];
    for (const [i, p] of people.entries()) {
      const { agent } = await signUp(app.server, p);
      await agent.post(`/api/courses/${i % 2 ? 'sample-course' : 'curso-de-prueba'}/enroll`).expect(201);
      if (i === 0) {
        await completeCourse(app, agent, 'curso-de-prueba');
        await waitFor(async () => (await agent.get('/api/me/certificates')).body[0]?.status === 'issued', 'certificate');
      }
    }
  });
  afterAll(() => app.close());

  it('combines filters: country × institution type × course × gender × dates, with enrolments in progress', async () => {
    const admin = await signInAdmin(app.server);
    const get = async (query: string) => (await admin.get(`/api/admin/reports/summary?${query}`).expect(200)).body;
    assert.deepEqual((await get('groupBy=country')).totals, { enrollments: 4, inProgress: 3, completions: 1, certificates: 1 });
    assert.deepEqual((await get('groupBy=country&country=mx')).totals, { enrollments: 2, inProgress: 1, completions: 1, certificates: 1 });
    assert.equal((await get('groupBy=country&country=MX&institutionType=police')).totals.enrollments, 1);
    assert.equal((await get('groupBy=institutionType&gender=WOMAN')).totals.enrollments, 3, 'gender is matched without case');
    assert.equal((await get('groupBy=country&gender=woman&institutionType=police')).rows.length, 2);
    // A course is its translation key: both languages of the sample course count.
    assert.equal((await get('groupBy=course&course=sample-course&country=GT')).totals.enrollments, 2);
    assert.equal((await get('groupBy=course&course=no-such-course')).rows.length, 0);
    assert.equal((await get('groupBy=country&from=2999-01-01')).rows.length, 0);
  });

  it('names courses in the language asked for', async () => {
    const admin = await signInAdmin(app.server);
    const es = (await admin.get('/api/admin/reports/summary?groupBy=course').expect(200)).body;
    const en = (await admin.get('/api/admin/reports/summary?groupBy=course&lang=en').expect(200)).body;
    assert.equal(es.rows[0].label, 'Curso de prueba sobre derivación');
    assert.equal(en.rows[0].label, 'Sample course on referral');
  });

  it('refuses bad filters with a 400 naming them', async () => {
    const admin = await signInAdmin(app.server);
    for (const [query, field] of [
      ['from=2024-02-30', 'from'],
      ['to=0000-01-01', 'to'],
      ['country=Mexico', 'country'],
      ['institutionType=navy', 'institutionType'],
      ['lang=de', 'lang'],
      [`gender=${'x'.repeat(41)}`, 'gender'],
      ['country=MX&country=GT', 'country'],
    ]) {
      assertError(await admin.get(`/api/admin/reports/summary?${query}`), 400, field);
      assertError(await admin.get(`/api/admin/reports/enrollments.csv?${query}`), 400, field);
    }
  });

  it('downloads one row per enrolment (BOM, header, formulas escaped) and the summary as a second file', async () => {
    const admin = await signInAdmin(app.server);
    const csv = await raw(admin.get('/api/admin/reports/enrollments.csv?country=MX'));
    assert.match(csv.headers['content-disposition'], /filename="enrollments\.csv"/);
    assert.ok(csv.text.startsWith('\ufeffenrolled_at,'), 'UTF-8 BOM then the header');
    const lines = csv.text.trim().split('\n');
    assert.equal(lines.length, 3, 'header + the two Mexican enrolments');
    assert.ok(csv.text.includes('José Ñandú'));
    assert.ok(!/,=HYPERLINK/.test(csv.text) && !/,"=HYPERLINK/.test(csv.text), 'a formula never starts a cell');
    assert.ok(csv.text.includes(`'=HYPERLINK`), 'the formula is escaped with a leading quote');
    const summary = await raw(admin.get('/api/admin/reports/enrollments.csv?groupBy=country'));
    assert.match(summary.headers['content-disposition'], /filename="enrollments-by-country\.csv"/);
    assert.equal(summary.text.split('\n')[0], '\ufeffgroup,label,enrollments,inProgress,completions,certificates');
  });

  it('reads enrolments in pages that neither repeat nor skip a row', async () => {
    const { ReportsService, parseFilter } = await import('../../apps/api/dist/reports/reports.service.js');
    const service = new ReportsService(app.ds);
    const seen: string[] = [];
    let pages = 0;
    for await (const page of service.enrollmentRows(parseFilter({}), 1)) {
      pages++;
      seen.push(...page.map((r) => String(r.id)));
    }
    assert.equal(pages, 4);
    assert.equal(new Set(seen).size, 4);
    const [{ n }] = await app.ds.query(`SELECT count(*)::int AS n FROM enrollments`);
    assert.equal(seen.length, n);
  });
});
