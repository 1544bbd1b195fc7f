import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterEach, describe, it } from '@jest/globals';
import { formatErrors, loadCourses, validateCourseDocument, type CourseFileError } from '../src/index';
import { brokenCopy, COURSE, FIXTURES } from './support';

/** Asserts exactly these errors: file and line exact, message by substring. */
function expectErrors(errors: CourseFileError[], expected: [file: string, line: number, message: string][]) {
  const report = `got:\n${formatErrors(errors)}`;
  for (const [file, line, message] of expected)
    assert.ok(
      errors.some((e) => e.file === file && e.line === line && e.message.includes(message)),
      `expected ${file}:${line}: …${message}…\n${report}`,
    );
  assert.equal(errors.length, expected.length, report);
}

describe('loadCourses: the valid fixture', () => {
  const { courses, errors } = loadCourses(FIXTURES);

  it('has no errors', () => assert.equal(formatErrors(errors), ''));

  it('returns one document per language in LANGUAGES order, without ids', () => {
    assert.equal(courses.length, 1);
    const [course] = courses;
    assert.equal(course.translationKey, COURSE);
    assert.equal(course.dir, path.join(FIXTURES, COURSE));
    assert.deepEqual(course.documents.map((d) => [d.language, d.slug, d.translationKey]), [
      ['es', 'derivacion-basica', COURSE],
      ['en', 'referral-basics', COURSE],
    ]);
    assert.ok(!JSON.stringify(course.documents).includes('"id"'));
  });

  it('fills keys on modules, items, questions and options', () => {
    const doc = courses[0].documents[0];
    assert.deepEqual(doc.modules.map((m) => [m.key, m.items.map((i) => `${i.type}:${i.key}`)]), [
      ['m1', ['lesson:m1-needs', 'lesson:m1-consent', 'quiz:m1-check']],
      ['m2', ['lesson:m2-pathway', 'quiz:final']],
    ]);
    const final = doc.modules[1].items[1];
    assert.equal(final.type, 'quiz');
    if (final.type !== 'quiz') return;
    assert.equal(final.passingScore, 70);
    assert.deepEqual(final.questions.map((q) => [q.key, q.kind, q.options.map((o) => o.key)]), [
      ['q1', 'single', ['q1-o1', 'q1-o2']],
      ['q2', 'multiple', ['q2-o1', 'q2-o2', 'q2-o3']],
      ['q3', 'truefalse', ['q3-o1', 'q3-o2']],
    ]);
    assert.deepEqual(final.questions[2].options[1], { key: 'q3-o2', text: 'Falso', correct: true, feedback: 'Correcto, hay que hacer seguimiento.' });
  });

  it('keeps the lesson body without front matter, links as written', () => {
    const lesson = courses[0].documents[0].modules[0].items[0];
    assert.equal(lesson.type, 'lesson');
    if (lesson.type !== 'lesson') return;
    assert.equal(lesson.title, 'Necesidades de protección');
    assert.ok(lesson.markdown.startsWith('## Qué observar'));
    assert.ok(lesson.markdown.includes('](m2-pathway.md)'));
    assert.ok(!lesson.markdown.includes('title:'));
  });

  it('lists the images of every language', () => {
    assert.deepEqual(
      courses[0].images.map((i) => [i.language, i.path, fs.existsSync(i.absPath)]),
      [
        ['es', 'images/referral-flow.png', true],
        ['en', 'images/referral-flow.png', true],
      ],
    );
  });

  it('produces documents that the API validator accepts unchanged', () => {
    for (const doc of courses[0].documents) {
      const result = validateCourseDocument(doc);
      assert.ok(result.ok, JSON.stringify(!result.ok && result.errors));
      assert.deepEqual(result.value, doc);
    }
  });
});

describe('loadCourses: broken copies', () => {
  let copy: ReturnType<typeof brokenCopy>;
  const broken = () => (copy = brokenCopy());
  afterEach(() => copy?.cleanup());

  it('a lesson missing in one translation', () => {
    const c = broken();
    c.edit('en/course.yaml', '      - lesson: m1-consent\n', '');
    c.remove('en/lessons/m1-consent.md');
    const { courses, errors } = c.load();
    expectErrors(errors, [[c.file('en/course.yaml'), 11, 'lesson "m1-consent" of module "m1" is missing in this translation (es has it)']]);
    assert.equal(courses.length, 0, 'a course with errors is not returned');
  });

  it('a question with no correct option (and so a mismatch with the other language)', () => {
    const c = broken();
    c.edit('es/quizzes/final.yaml', 'correct: true\n        feedback: Así es', 'correct: false\n        feedback: Así es');
    expectErrors(c.load().errors, [
      [c.file('es/quizzes/final.yaml'), 7, 'a question needs at least one correct option'],
      [c.file('en/quizzes/final.yaml'), 7, 'the correct options of question "q1" differ from es'],
    ]);
  });

  it('duplicate module keys', () => {
    const c = broken();
    c.edit('es/course.yaml', '  - key: m2', '  - key: m1');
    c.edit('en/course.yaml', '  - key: m2', '  - key: m1');
    expectErrors(c.load().errors, [
      [c.file('es/course.yaml'), 17, 'duplicate module key "m1" (also used at line 11)'],
      [c.file('en/course.yaml'), 17, 'duplicate module key "m1" (also used at line 11)'],
    ]);
  });

  it('duplicate question keys and duplicate slugs across courses', () => {
    const c = broken();
    c.edit('es/quizzes/final.yaml', '  - key: q3', '  - key: q2');
    c.edit('en/quizzes/final.yaml', '  - key: q3', '  - key: q2');
    fs.cpSync(path.join(c.root, COURSE), path.join(c.root, 'zz-copy'), { recursive: true });
    const copyFile = (f: string) => path.relative(process.cwd(), path.join(c.root, 'zz-copy', f));
    expectErrors(c.load().errors, [
      [c.file('es/quizzes/final.yaml'), 27, 'duplicate question key "q2" (also used by line 14)'],
      [c.file('en/quizzes/final.yaml'), 27, 'duplicate question key "q2"'],
      [copyFile('es/quizzes/final.yaml'), 27, 'duplicate question key "q2"'],
      [copyFile('en/quizzes/final.yaml'), 27, 'duplicate question key "q2"'],
      [copyFile('es/course.yaml'), 1, `slug "derivacion-basica" is already used by ${c.file('es/course.yaml')}`],
      [copyFile('en/course.yaml'), 1, 'slug "referral-basics" is already used'],
    ]);
  });

  it('a broken link to another lesson', () => {
    const c = broken();
    c.edit('es/lessons/m1-needs.md', '(m2-pathway.md)', '(m2-path.md)');
    expectErrors(c.load().errors, [[c.file('es/lessons/m1-needs.md'), 9, 'broken link to "m2-path.md"']]);
  });

  it('a broken picture and a picture without description', () => {
    const c = broken();
    c.edit('en/lessons/m2-pathway.md', 'referral-flow.png', 'referral-flow.jpg');
    c.edit('es/lessons/m2-pathway.md', '![Diagrama de la ruta de derivación]', '![ ]');
    expectErrors(c.load().errors, [
      [c.file('en/lessons/m2-pathway.md'), 10, 'broken picture "../images/referral-flow.jpg": images/referral-flow.jpg does not exist'],
      [c.file('es/lessons/m2-pathway.md'), 10, 'needs a description'],
    ]);
  });

  it('a cover: read with its description, its file must exist and be a picture', () => {
    const c = broken();
    c.edit('es/course.yaml', 'modules:\n', 'cover:\n  image: images/referral-flow.png\n  alt: Diagrama de la ruta de derivación\nmodules:\n');
    const { courses, errors } = c.load();
    assert.equal(formatErrors(errors), '');
    assert.deepEqual(courses[0].documents[0].cover, { image: 'images/referral-flow.png', alt: 'Diagrama de la ruta de derivación' });
    assert.ok(!('cover' in courses[0].documents[1]), 'each language has its own cover (or none)');
    const result = validateCourseDocument(courses[0].documents[0], { pictures: ['images/referral-flow.png'] });
    assert.ok(result.ok, 'the API validator accepts the document read from files');
  });

  it('a cover whose file is missing, one that is not a picture, one without a description', () => {
    const c = broken();
    c.edit('es/course.yaml', 'modules:\n', 'cover:\n  image: images/portada.jpg\n  alt: Portada\nmodules:\n');
    c.write('en/images/cover.png', 'this is text, not a picture');
    c.edit('en/course.yaml', 'modules:\n', 'cover:\n  image: images/cover.png\nmodules:\n');
    expectErrors(c.load().errors, [
      [c.file('es/course.yaml'), 11, 'cover: images/portada.jpg does not exist (put the picture in this language\'s images/ folder)'],
      [c.file('en/course.yaml'), 10, 'a cover needs "alt": a description of the picture for people who cannot see it'],
      [c.file('en/course.yaml'), 11, 'cover: images/cover.png is not a PNG, JPEG, WebP or GIF picture'],
    ]);
  });

  it('a cover that is an SVG or outside images/', () => {
    const c = broken();
    c.write('es/images/portada.svg', '<svg xmlns="http://www.w3.org/2000/svg"/>');
    c.edit('es/course.yaml', 'modules:\n', 'cover:\n  image: images/portada.svg\n  alt: Portada\nmodules:\n');
    c.edit('en/course.yaml', 'modules:\n', 'cover:\n  image: ../cover.png\n  alt: Cover\nmodules:\n');
    expectErrors(c.load().errors, [
      [c.file('es/course.yaml'), 11, 'must be a PNG, JPEG, WebP or GIF picture'],
      [c.file('en/course.yaml'), 11, 'must be the path of one of the course\'s pictures, "images/<file>"'],
    ]);
  });

  it('an unknown field', () => {
    const c = broken();
    c.edit('es/quizzes/m1-check.yaml', /(No hace falta.*\n)/, '$1        explanation: extra\n');
    c.edit('en/course.yaml', 'audience:', 'author: Someone\naudience:');
    expectErrors(c.load().errors, [
      [c.file('es/quizzes/m1-check.yaml'), 14, 'unknown field "explanation"'],
      [c.file('en/course.yaml'), 4, 'unknown field "author"'],
    ]);
  });

  it('a module with no items', () => {
    const c = broken();
    for (const lang of ['es', 'en']) c.edit(`${lang}/course.yaml`, '      - quiz: final\n', '      - quiz: final\n  - key: m3\n    title: Empty\n    items: []\n');
    expectErrors(c.load().errors, [
      [c.file('es/course.yaml'), 24, 'a module needs at least one item'],
      [c.file('en/course.yaml'), 24, 'a module needs at least one item'],
    ]);
  });

  it('a YAML syntax error', () => {
    const c = broken();
    c.edit('es/course.yaml', 'title: "Derivación de casos: lo esencial"', 'title: Derivación de casos: lo esencial');
    c.edit('en/quizzes/final.yaml', 'passingScore: 70\n', 'passingScore: 70\ntitle: Again\n');
    expectErrors(c.load().errors, [
      [c.file('es/course.yaml'), 2, 'YAML syntax error: Nested mappings are not allowed in compact mappings (put a text that contains ": " in quotes)'],
      [c.file('en/quizzes/final.yaml'), 3, 'YAML syntax error: Map keys must be unique (a field is written twice)'],
    ]);
  });

  it('missing and wrong values', () => {
    const c = broken();
    c.edit('es/course.yaml', 'estimatedMinutes: 5', 'estimatedMinutes: 700');
    c.edit('es/course.yaml', 'topics: [referral, protection]', 'topics: [referral, cooking]');
    c.edit('es/course.yaml', 'slug: derivacion-basica', 'slug: Derivación');
    c.edit('en/course.yaml', /summary: .*\n/, '');
    c.edit('en/quizzes/m1-check.yaml', 'passingScore: 50', 'passingScore: 150');
    c.edit('en/quizzes/final.yaml', '    kind: multiple', '    kind: several');
    expectErrors(c.load().errors, [
      [c.file('es/course.yaml'), 5, 'must be between 5 and 600'],
      [c.file('es/course.yaml'), 6, 'unknown topic "cooking"'],
      [c.file('es/course.yaml'), 1, 'must be lowercase letters, digits and hyphens'],
      [c.file('en/course.yaml'), 1, 'missing required field "summary"'],
      [c.file('en/quizzes/m1-check.yaml'), 2, 'must be between 0 and 100'],
      [c.file('en/quizzes/m1-check.yaml'), 2, 'passingScore differs from es (50)'],
      [c.file('en/quizzes/final.yaml'), 15, 'must be one of: single, multiple, truefalse'],
      [c.file('en/quizzes/final.yaml'), 15, 'question "q2" is "several" here but "multiple" in es'],
    ]);
  });

  it('an option without feedback, a single question with two correct options, a truefalse with three', () => {
    const c = broken();
    c.edit('en/quizzes/m1-check.yaml', '        feedback: A court order is not needed to refer.\n', '');
    for (const lang of ['es', 'en']) {
      c.edit(`${lang}/quizzes/final.yaml`, /correct: false(\n.*\n  - key: q2)/, 'correct: true$1');
      c.edit(`${lang}/quizzes/final.yaml`, /$/, '      - text: "?"\n        correct: false\n        feedback: "?"\n');
    }
    expectErrors(c.load().errors, [
      [c.file('en/quizzes/m1-check.yaml'), 11, 'an option needs feedback that explains why it is right or wrong'],
      [c.file('es/quizzes/final.yaml'), 7, 'a "single" question needs exactly one correct option (it has 2)'],
      [c.file('en/quizzes/final.yaml'), 7, 'a "single" question needs exactly one correct option (it has 2)'],
      [c.file('es/quizzes/final.yaml'), 30, 'a "truefalse" question needs exactly two options (it has 3)'],
      [c.file('en/quizzes/final.yaml'), 30, 'a "truefalse" question needs exactly two options (it has 3)'],
    ]);
  });

  it('a missing outline file, an unused lesson, raw HTML, an unknown language folder', () => {
    const c = broken();
    c.remove('es/quizzes/m1-check.yaml');
    c.write('en/lessons/m9-draft.md', '---\ntitle: Draft\n---\nText.\n');
    c.edit('en/lessons/m1-consent.md', '> Case:', '<div onclick="x()">Case</div>\n\n> Case:');
    c.write('de/course.yaml', 'slug: x\n');
    expectErrors(c.load().errors, [
      [c.file('es/course.yaml'), 16, 'quizzes/m1-check.yaml does not exist'],
      [c.file('en/lessons/m9-draft.md'), 1, 'this lesson is not used: the outline in course.yaml has no "lesson: m9-draft"'],
      [c.file('en/lessons/m1-consent.md'), 11, 'raw HTML is not allowed'],
      [c.file('de'), 1, 'unknown language folder "de"'],
    ]);
  });

  it('questions and options that differ between languages', () => {
    const c = broken();
    c.edit('en/quizzes/final.yaml', /  - key: q3[^]*$/, '');
    c.edit('en/quizzes/final.yaml', /      - text: Tourist[^]*?protection need\.\n/, '');
    expectErrors(c.load().errors, [
      [c.file('en/quizzes/final.yaml'), 3, 'question "q3" is missing in this translation (es has it)'],
      [c.file('en/quizzes/final.yaml'), 17, 'question "q2" has 2 options but 3 in es (options are matched by position)'],
    ]);
  });

  it('a module missing in one language, reported in the language that lacks it', () => {
    const c = broken();
    c.edit('es/course.yaml', /  - key: m2[^]*?(glossary:)/, '$1');
    c.remove('es/lessons/m2-pathway.md');
    c.remove('es/quizzes/final.yaml');
    expectErrors(c.load().errors, [
      [c.file('es/course.yaml'), 10, 'module "m2" is missing in this translation (en has it)'],
      [c.file('es/lessons/m1-needs.md'), 9, 'broken link to "m2-pathway.md": the course has no lesson "m2-pathway"'],
    ]);
  });
});
