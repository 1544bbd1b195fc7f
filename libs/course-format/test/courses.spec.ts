import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { it } from '@jest/globals';
import { formatErrors, loadCourses } from '../src/index';

// The real catalogue in the repository's courses/ folder.
const ROOT = path.resolve(__dirname, '../../../courses');
const folders = fs.readdirSync(ROOT).filter((n) => !n.startsWith('.') && fs.statSync(path.join(ROOT, n)).isDirectory());

it('every course in courses/ loads without errors, in Spanish and English', () => {
  assert.ok(folders.length >= 6, `the catalogue has ${folders.length} course folders, expected at least six`);
  const { courses, errors } = loadCourses(ROOT);
  assert.equal(formatErrors(errors), '');
  assert.equal(courses.length, folders.length);
  for (const course of courses) {
    assert.deepEqual(
      course.documents.map((d) => d.language).sort(),
      ['en', 'es'],
      `${course.translationKey} is not in both Spanish and English`,
    );
  }
});
