import assert from 'node:assert/strict';
import { afterEach, describe, it } from '@jest/globals';
import type { CourseDocument, QuizDoc } from '@ecampus/contracts';
import {
  countWords,
  estimateCourseTime,
  estimateMinutes,
  formatErrors,
  longestOptionTell,
  trueFalseIssue,
  validateCourseDocument,
  missingGovernance,
  type CourseFileError,
} from '../src/index';
import { brokenCopy } from './support';

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

const copies: ReturnType<typeof brokenCopy>[] = [];
afterEach(() => copies.splice(0).forEach((c) => c.cleanup()));
const broken = () => {
  const c = brokenCopy();
  copies.push(c);
  return c;
};

// ~200 more words in each language, so that a final quiz of draw 2 keeps the fixture's 5 minutes honest.
const MORE_WORDS = `\n\n${'palabra '.repeat(200)}\n`;
/** The fixture's last quiz made a final quiz that asks 2 of its 3 questions. */
function withFinal(extra = '') {
  const c = broken();
  for (const lang of ['es', 'en']) {
    c.edit(`${lang}/quizzes/final.yaml`, /^passingScore: 70\n/m, `kind: final\npassingScore: 70\ndraw: 2\n${extra}`);
    c.edit(`${lang}/lessons/m2-pathway.md`, /$/, MORE_WORDS);
  }
  return c;
}

describe('courses:check: the assessment policy of a quiz', () => {
  it('accepts a final quiz whose pool holds 1.5 × draw, and gives it the default attempt policy', () => {
    const c = withFinal();
    const { errors, courses } = c.load();
    assert.equal(formatErrors(errors), '');
    const final = courses[0].documents[0].modules[1].items[1] as QuizDoc;
    assert.deepEqual([final.kind, final.draw, final.maxFailedAttempts, final.retryAfterHours], ['final', 2, 3, 24]);
    const check = courses[0].documents[0].modules[0].items[2] as QuizDoc;
    assert.deepEqual([check.kind, check.draw, check.maxFailedAttempts], ['check', undefined, undefined]);
  });

  it('reports a final pool that is too small at the line of draw', () => {
    const c = broken();
    for (const lang of ['es', 'en']) c.edit(`${lang}/quizzes/final.yaml`, /^passingScore: 70\n/m, 'kind: final\npassingScore: 70\ndraw: 3\n');
    expectErrors(c.load().errors, [
      [c.file('es/quizzes/final.yaml'), 4, 'final pool too small: a final quiz that asks 3 questions needs a pool of at least 5 (1.5 × draw); it has 3'],
      [c.file('en/quizzes/final.yaml'), 4, 'final pool too small'],
    ]);
  });

  it('asks a final quiz for draw, and keeps draw and the attempt policy to final quizzes', () => {
    const c = broken();
    for (const lang of ['es', 'en']) {
      c.edit(`${lang}/quizzes/final.yaml`, /^passingScore: 70\n/m, 'kind: final\npassingScore: 70\n');
      c.edit(`${lang}/quizzes/m1-check.yaml`, /^passingScore: 50\n/m, 'passingScore: 50\ndraw: 1\nmaxFailedAttempts: 2\n');
    }
    expectErrors(c.load().errors, [
      [c.file('es/quizzes/final.yaml'), 1, 'a final quiz needs "draw"'],
      [c.file('en/quizzes/final.yaml'), 1, 'a final quiz needs "draw"'],
      [c.file('es/quizzes/m1-check.yaml'), 3, '"draw" belongs to a final quiz only'],
      [c.file('es/quizzes/m1-check.yaml'), 4, '"maxFailedAttempts" belongs to a final quiz only'],
      [c.file('en/quizzes/m1-check.yaml'), 3, '"draw" belongs to a final quiz only'],
      [c.file('en/quizzes/m1-check.yaml'), 4, '"maxFailedAttempts" belongs to a final quiz only'],
    ]);
  });

  it('refuses a bad kind, draw or wait, and a policy that differs between languages', () => {
    const c = withFinal('retryAfterHours: 24\n');
    c.edit('en/quizzes/final.yaml', 'retryAfterHours: 24', 'retryAfterHours: 48');
    c.edit('es/quizzes/m1-check.yaml', /^passingScore: 50\n/m, 'kind: exam\npassingScore: 50\n');
    c.edit('es/quizzes/final.yaml', 'draw: 2', 'draw: 0');
    expectErrors(c.load().errors, [
      [c.file('es/quizzes/m1-check.yaml'), 2, 'must be one of: check, final'],
      [c.file('en/quizzes/m1-check.yaml'), 1, 'kind differs from es (exam)'],
      [c.file('es/quizzes/final.yaml'), 4, 'must be between 1 and 100'],
      [c.file('en/quizzes/final.yaml'), 4, 'draw differs from es (0)'],
      [c.file('en/quizzes/final.yaml'), 5, 'retryAfterHours differs from es (24)'],
    ]);
  });

  it('keeps the final quiz last, and one per course', () => {
    const c = broken();
    for (const lang of ['es', 'en']) {
      c.edit(`${lang}/quizzes/m1-check.yaml`, /^passingScore: 50\n/m, 'kind: final\npassingScore: 50\ndraw: 1\n');
      c.edit(`${lang}/lessons/m2-pathway.md`, /$/, MORE_WORDS);
    }
    expectErrors(c.load().errors, [
      [c.file('es/course.yaml'), 16, 'the final quiz must be the last item of the course'],
      [c.file('en/course.yaml'), 16, 'the final quiz must be the last item of the course'],
    ]);
  });
});

describe('courses:check: quality rules', () => {
  it('reports the longest-option tell at the quiz file, naming the questions', () => {
    const c = broken();
    c.edit('es/quizzes/m1-check.yaml', 'Una orden judicial firmada por un juez', 'Una orden');
    c.edit('en/quizzes/m1-check.yaml', 'A signed court order from a judge', 'An order');
    c.edit('es/quizzes/m1-check.yaml', 'El funcionario que atiende el caso', 'El funcionario');
    c.edit('en/quizzes/m1-check.yaml', 'The official who handles the case', 'The official');
    expectErrors(c.load().errors, [
      [c.file('es/quizzes/m1-check.yaml'), 1, 'longest-option tell: in 2 of 2 single-choice questions the correct option is the longest ("q1", "q2")'],
      [c.file('en/quizzes/m1-check.yaml'), 1, 'longest-option tell: in 2 of 2 single-choice questions'],
    ]);
  });

  it('reports more than one true/false question in five at course.yaml', () => {
    const c = broken();
    for (const lang of ['es', 'en']) c.edit(`${lang}/quizzes/final.yaml`, /key: q2\n    kind: multiple/, 'key: q2\n    kind: truefalse');
    const errors = c.load().errors.filter((e) => e.message.startsWith('too many true/false'));
    expectErrors(errors, [
      [c.file('es/course.yaml'), 1, 'too many true/false questions: 2 of 5 (at most one in five, here 1)'],
      [c.file('en/course.yaml'), 1, 'too many true/false questions: 2 of 5'],
    ]);
  });

  it('reports an estimatedMinutes more than 25 % away from the computed time, with the figure', () => {
    const c = broken();
    c.edit('es/course.yaml', 'estimatedMinutes: 5', 'estimatedMinutes: 45');
    expectErrors(c.load().errors, [
      [c.file('es/course.yaml'), 5, 'estimatedMinutes 45 is more than 25 % away from the computed time 4.1 minutes (75 words / 200 per minute + 0.75 × 5 questions'],
    ]);
  });

  it('requires the governance fields in course.yaml, and a real review date', () => {
    const c = broken();
    c.edit('es/course.yaml', /^licence: .*\n/m, '');
    c.edit('en/course.yaml', 'reviewedOn: 2026-12-03', 'reviewedOn: 2026-13-40');
    c.edit('en/course.yaml', 'reviewers: ["Equipo de pruebas de eCampus"]', 'reviewers: []');
    expectErrors(c.load().errors, [
      [c.file('es/course.yaml'), 1, 'missing required field "licence"'],
      [c.file('en/course.yaml'), 31, 'needs at least one reviewer'],
      [c.file('en/course.yaml'), 32, 'must be a real date'],
    ]);
  });

  it('carries the governance fields into the document', () => {
    const { courses } = broken().load();
    const doc = courses[0].documents[1];
    assert.deepEqual([doc.authors, doc.reviewers, doc.reviewedOn, doc.contentVersion, doc.licence], [
      ['Equipo de pruebas de eCampus'],
      ['Equipo de pruebas de eCampus'],
      '2026-12-03',
      '1.0',
      'CC BY-SA 4.0',
    ]);
  });
});

describe('the time estimate', () => {
  it('counts the words of the text, not the Markdown syntax or link targets', () => {
    assert.equal(countWords('# Título\n\nUn [enlace](https://example.org/a-b-c) y **negrita** — 12 %.\n\n- uno\n- dos\n\n| a | b |\n|---|---|\n| c | d |'), 12);
    assert.equal(countWords('![Diagrama del flujo](images/flow.png)'), 3);
  });

  it('reads 200 words a minute in Spanish, 230 in English, and counts draw for a final quiz', () => {
    const quiz = (kind: 'check' | 'final', n: number, draw?: number) =>
      ({ type: 'quiz', kind, draw, questions: Array.from({ length: n }, () => ({})) }) as const;
    const modules = [{ items: [{ type: 'lesson', markdown: 'palabra '.repeat(460) } as const, quiz('check', 4), quiz('final', 18, 12)] }];
    assert.deepEqual(estimateCourseTime({ language: 'es', modules }), { words: 460, questions: 16, mediaMinutes: 0, minutes: 2.3 + 12 });
    assert.equal(estimateCourseTime({ language: 'en', modules }).minutes, 2 + 12);
    assert.equal(estimateMinutes({ language: 'es', modules }), 15);
  });

  it('finds the longest-option tell and the true/false share', () => {
    const single = (right: string, wrong: string) => ({ kind: 'single', options: [{ text: right, correct: true }, { text: wrong, correct: false }] });
    assert.deepEqual(longestOptionTell([single('long answer', 'short'), single('same', 'same'), { key: 'k', ...single('longer one', 'x') }]), ['question 1', '"k"']);
    assert.deepEqual(longestOptionTell([single('long answer', 'short'), single('x', 'longer')]), []);
    assert.equal(trueFalseIssue([{ kind: 'truefalse' }, {}, {}, {}, {}]), undefined);
    assert.match(trueFalseIssue([{ kind: 'truefalse' }, { kind: 'truefalse' }, {}, {}, {}]) ?? '', /2 of 5/);
  });
});

describe('validateCourseDocument: the assessment policy and governance', () => {
  const doc = (): CourseDocument => ({
    slug: 'c',
    translationKey: 'c',
    language: 'en',
    title: 'C',
    summary: 'S',
    audience: 'A',
    objectives: ['O'],
    topics: ['referral'],
    estimatedMinutes: 30,
    glossary: [],
    references: [],
    modules: [
      {
        title: 'M',
        items: [
          { type: 'quiz', title: 'Final', kind: 'final', passingScore: 80, draw: 2, questions: [0, 1, 2].map((n) => question(n)) },
          { type: 'lesson', title: 'L', markdown: 'Text.' },
        ],
      },
    ],
  });
  const question = (n: number) => ({
    kind: 'single' as const,
    prompt: `Q${n}`,
    options: [
      { text: 'a', correct: true, feedback: 'Yes.' },
      { text: 'b', correct: false, feedback: 'No.' },
    ],
  });

  it('names a final quiz that is not last, a pool too small and a policy on a check', () => {
    const d = doc() as any;
    d.modules[0].items[0].draw = 3;
    d.modules[0].items.push({ type: 'quiz', title: 'Check', passingScore: 50, maxFailedAttempts: 2, questions: [question(9)] });
    const result = validateCourseDocument(d, { draft: true });
    assert.ok(!result.ok);
    assert.deepEqual(
      result.errors.map((e) => e.path),
      ['modules[0].items[0].draw', 'modules[0].items[2].maxFailedAttempts', 'modules[0].items[0].kind'],
    );
    assert.match(result.errors[0].message, /final pool too small/);
    assert.match(result.errors[2].message, /must be the last item/);
  });

  it('accepts the policy and governance fields, and lists the governance a publish needs', () => {
    const d = doc();
    d.modules[0].items.reverse();
    const result = validateCourseDocument({ ...d, authors: ['Team'], reviewedOn: '2026-12-03' });
    assert.ok(result.ok, JSON.stringify(!result.ok && result.errors));
    assert.equal((result.value.modules[0].items[1] as QuizDoc).draw, 2);
    assert.deepEqual(missingGovernance(result.value).map((m) => m.split(':')[0]), ['reviewers', 'contentVersion', 'licence']);
    const bad = validateCourseDocument({ ...d, reviewedOn: '03/12/2026' });
    assert.ok(!bad.ok);
    assert.deepEqual(bad.errors.map((e) => e.path), ['reviewedOn']);
  });
});
