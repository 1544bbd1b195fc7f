import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createTestDatabase } from '../support/databases';
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
});

describe('npm run courses:import', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  before(async () => {
    db = await createTestDatabase();
  });
  after(() => db.drop());

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
