import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import { createTestDatabase } from '../support/databases';
import { signInAdmin, startTestApp } from '../support/test-app';
import { ROOT } from '../support/env';

const cli = (name: string, args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {}) =>
  spawnSync(process.execPath, [join(ROOT, `apps/api/dist/cli/${name}.js`), ...args], {
    cwd: opts.cwd ?? ROOT,
    env: { ...process.env, ...opts.env },
    encoding: 'utf8',
  });

describe('npm run courses:check', () => {
  it('passes on the course files and prints one line per course', () => {
    const res = cli('courses-check', []);
    assert.equal(res.status, 0, res.stderr);
    assert.match(res.stdout, /✓ trafficking-in-persons: es, en/);
    assert.match(res.stdout, /✓ psychosocial-care: es, en/);
  });

  it('fails with file:line: message and exit 1 on a broken course', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ecampus-check-'));
    cpSync(join(ROOT, 'test/fixtures/courses'), join(dir, 'courses'), { recursive: true });
    const quiz = join(dir, 'courses/sample-course/en/quizzes/m1-check.yaml');
    writeFileSync(quiz, readFileSync(quiz, 'utf8').replace('correct: true', 'correct: false'));
    const res = cli('courses-check', [], { cwd: dir });
    assert.equal(res.status, 1);
    assert.match(res.stderr, /^courses\/sample-course\/en\/quizzes\/m1-check\.yaml:\d+: .*correct/m);
  });

  it('names a cover whose picture is missing, at its line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ecampus-check-'));
    cpSync(join(ROOT, 'test/fixtures/courses'), join(dir, 'courses'), { recursive: true });
    const yaml = join(dir, 'courses/sample-course/es/course.yaml');
    writeFileSync(yaml, readFileSync(yaml, 'utf8').replace('modules:\n', 'cover:\n  image: images/portada.jpg\n  alt: Portada del curso\nmodules:\n'));
    const res = cli('courses-check', [], { cwd: dir });
    assert.equal(res.status, 1);
    assert.match(res.stderr, /^courses\/sample-course\/es\/course\.yaml:10: cover: images\/portada\.jpg does not exist/m);
  });
});

describe('npm run courses:check: assessment and honest time (FORMAT.md)', () => {
  it('names a final pool that is too small, the longest-option tell and a dishonest time, each at file:line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ecampus-check-'));
    cpSync(join(ROOT, 'test/fixtures/courses'), join(dir, 'courses'), { recursive: true });
    const edit = (file: string, from: string | RegExp, to: string) => {
      const abs = join(dir, 'courses/sample-course', file);
      const before = readFileSync(abs, 'utf8');
      assert.notEqual(before.replace(from, to), before, `${file} does not contain ${String(from)}`);
      writeFileSync(abs, before.replace(from, to));
    };
    for (const lang of ['es', 'en']) edit(`${lang}/quizzes/final.yaml`, 'draw: 4', 'draw: 5');
    edit('es/quizzes/m1-check.yaml', 'Una carta de su consulado', 'Carta');
    const res = cli('courses-check', [], { cwd: dir });
    assert.equal(res.status, 1);
    assert.match(res.stderr, /^courses\/sample-course\/es\/quizzes\/final\.yaml:4: final pool too small: a final quiz that asks 5 questions needs a pool of at least 8 \(1\.5 × draw\); it has 6$/m);
    assert.match(res.stderr, /^courses\/sample-course\/en\/quizzes\/final\.yaml:4: final pool too small/m);
    assert.match(res.stderr, /^courses\/sample-course\/es\/quizzes\/m1-check\.yaml:1: longest-option tell: in 1 of 1 single-choice questions the correct option is the longest \("q2"\)/m);
  });

  it('prints the computed time when estimatedMinutes is more than 25 % away from it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ecampus-check-'));
    cpSync(join(ROOT, 'test/fixtures/courses'), join(dir, 'courses'), { recursive: true });
    const yaml = join(dir, 'courses/sample-course/en/course.yaml');
    writeFileSync(yaml, readFileSync(yaml, 'utf8').replace('estimatedMinutes: 5', 'estimatedMinutes: 45'));
    const res = cli('courses-check', [], { cwd: dir });
    assert.equal(res.status, 1);
    assert.match(res.stderr, /^courses\/sample-course\/en\/course\.yaml:5: estimatedMinutes 45 is more than 25 % away from the computed time \d+\.\d minutes \(\d+ words \/ 230 per minute \+ 0\.75 × 6 questions/m);
  });
});

describe('npm run courses:import', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  it('imports and publishes, then changes nothing when run again on the same files', () => {
    const env = { DATABASE_URL: db.url, COURSES_DIR: join(ROOT, 'test/fixtures/courses'), LOG_LEVEL: 'silent' };
    const first = cli('courses-import', [], { env });
    assert.equal(first.status, 0, first.stderr);
    assert.match(first.stdout, /2 published, 0 unchanged/);
    const second = cli('courses-import', [], { env });
    assert.equal(second.status, 0, second.stderr);
    assert.match(second.stdout, /0 published, 2 unchanged/);
  });
});

describe('npm run courses:import after an author edited a course in the studio', () => {
  it('keeps the studio edit when the files change, and replaces it with --force', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ecampus-import-'));
    cpSync(join(ROOT, 'test/fixtures/courses'), dir, { recursive: true });
    const app = await startTestApp({ redis: false, coursesDir: dir });
    try {
      const admin = await signInAdmin(app.server);
      const doc = (await admin.get('/api/admin/courses/sample-course').expect(200)).body;
      doc.summary = 'Rewritten in the studio.';
      await admin.put('/api/admin/courses/sample-course').send(doc).expect(200);

      const yaml = join(dir, 'sample-course/en/course.yaml');
      writeFileSync(yaml, readFileSync(yaml, 'utf8').replace(/^title: .*$/m, 'title: Changed on disk'));
      const env = { DATABASE_URL: app.config.databaseUrl, COURSES_DIR: dir, LOG_LEVEL: 'silent' };

      const kept = cli('courses-import', [], { env });
      assert.equal(kept.status, 0, kept.stderr);
      assert.match(kept.stdout, /kept {7}sample-course/);
      assert.match(kept.stdout, /0 published, 1 unchanged, 1 kept/);
      let draft = (await admin.get('/api/admin/courses/sample-course').expect(200)).body;
      assert.equal(draft.summary, 'Rewritten in the studio.');
      assert.notEqual(draft.title, 'Changed on disk');

      const forced = cli('courses-import', ['--force'], { env });
      assert.equal(forced.status, 0, forced.stderr);
      assert.match(forced.stdout, /published {2}sample-course/);
      draft = (await admin.get('/api/admin/courses/sample-course').expect(200)).body;
      assert.equal(draft.title, 'Changed on disk');
      assert.notEqual(draft.summary, 'Rewritten in the studio.');
      const learnerView = (await admin.get('/api/courses/sample-course').expect(200)).body;
      assert.equal(learnerView.title, 'Changed on disk', 'the forced import is published');
    } finally {
      await app.close();
    }
  });
});
