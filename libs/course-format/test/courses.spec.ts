import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { it } from 'node:test';
import { formatErrors, loadCourses } from '../src/index';

// The real catalogue in the repository's courses/ folder.
const ROOT = path.resolve(__dirname, '../../../courses');
const folders = fs.existsSync(ROOT) ? fs.readdirSync(ROOT).filter((n) => !n.startsWith('.') && fs.statSync(path.join(ROOT, n)).isDirectory()) : [];

it('every course in courses/ loads without errors', { skip: folders.length === 0 && 'courses/ has no course folders yet' }, () => {
  const { courses, errors } = loadCourses(ROOT);
  assert.equal(formatErrors(errors), '');
  assert.equal(courses.length, folders.length);
});
