// npm run courses:check [folder]: validates every course folder under ./courses, or the folder given (see courses/README.md).
import * as path from 'node:path';
import { estimateCourseTime, formatErrors, loadCourses } from '@ecampus/course-format';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

const dir = path.resolve(process.cwd(), process.argv[2] ?? 'courses');
const { courses, errors } = loadCourses(dir);
if (errors.length > 0) {
  process.stderr.write(`${formatErrors(errors)}\n`);
  process.exitCode = 1;
} else {
  for (const course of courses) {
    const [doc] = course.documents;
    const items = doc.modules.flatMap((m) => m.items);
    const lessons = items.filter((i) => i.type === 'lesson').length;
    const languages = course.documents.map((d) => d.language).join(', ');
    // The computed time of each language (FORMAT.md "Honest time"), beside the claimed one.
    const times = course.documents.map((d) => `${d.language} ${estimateCourseTime(d).minutes.toFixed(1)} (claims ${d.estimatedMinutes})`).join(', ');
    console.log(
      `✓ ${course.translationKey}: ${languages} — ${plural(doc.modules.length, 'module')}, ${plural(lessons, 'lesson')}, ${plural(items.length - lessons, 'quiz', 'quizzes')}; computed minutes: ${times}`,
    );
  }
  if (courses.length === 0) console.log(`no course folders in ${path.relative(process.cwd(), dir) || '.'}`);
}
