import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadCourses } from '../src/index';

export const FIXTURES = path.join(__dirname, 'fixtures', 'courses');
export const COURSE = 'referral-basics';

/** A copy of the valid fixture in a temporary folder, to break on purpose. */
export function brokenCopy() {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'course-format-'));
  fs.cpSync(FIXTURES, root, { recursive: true });
  const abs = (file: string) => path.join(root, COURSE, file);
  return {
    root,
    /** The file as loadCourses names it (relative to the current directory). */
    file: (file: string) => path.relative(process.cwd(), abs(file)),
    /** Replaces text in a file; fails if the text is not there, so the fixture cannot drift silently. */
    edit(file: string, from: string | RegExp, to: string) {
      const before = fs.readFileSync(abs(file), 'utf8');
      const after = before.replace(from, to);
      if (after === before) throw new Error(`${file} does not contain ${String(from)}`);
      fs.writeFileSync(abs(file), after);
    },
    write: (file: string, text: string) => {
      fs.mkdirSync(path.dirname(abs(file)), { recursive: true });
      fs.writeFileSync(abs(file), text);
    },
    remove: (file: string) => fs.rmSync(abs(file), { recursive: true }),
    load: () => loadCourses(root),
    cleanup: () => fs.rmSync(root, { recursive: true, force: true }),
  };
}
