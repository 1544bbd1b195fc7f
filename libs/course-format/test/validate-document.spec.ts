import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import type { CourseDocument } from '@ecampus/contracts';
import { incompleteParts, validateCourseDocument } from '../src/index';

function validDoc(): CourseDocument {
  return {
    slug: 'referral-basics',
    translationKey: 'referral-basics',
    language: 'en',
    title: 'Case referral',
    summary: 'A short course.',
    audience: 'Front-line staff.',
    objectives: ['Refer a case.'],
    topics: ['referral'],
    estimatedMinutes: 30,
    glossary: [],
    references: [{ title: 'Handbook', publisher: 'Example', year: 2020, url: 'https://example.org' }],
    modules: [
      {
        key: 'm1',
        title: 'Identify',
        items: [
          { key: 'm1-needs', type: 'lesson', title: 'Needs', markdown: 'See [the pathway](m1-pathway.md).' },
          { key: 'm1-pathway', type: 'lesson', title: 'Pathway', markdown: '![Diagram](../images/flow.png)' },
          {
            key: 'm1-check',
            type: 'quiz',
            title: 'Check',
            passingScore: 80,
            questions: [
              {
                key: 'q1',
                kind: 'single',
                prompt: 'Who decides?',
                options: [
                  { text: 'The person', correct: true, feedback: 'Yes.' },
                  { text: 'The official', correct: false, feedback: 'No.' },
                ],
              },
            ],
          },
        ],
      },
    ],
  };
}

type Any = Record<string, any>;
const errorsOf = (input: unknown) => {
  const result = validateCourseDocument(input);
  assert.ok(!result.ok, 'expected the document to be refused');
  return result.errors;
};

describe('validateCourseDocument', () => {
  it('accepts a valid document as it is', () => {
    const result = validateCourseDocument(validDoc());
    assert.ok(result.ok, JSON.stringify(!result.ok && result.errors));
    assert.deepEqual(result.value, validDoc());
  });

  it('accepts and drops the read-only fields the API returns; keeps ids', () => {
    const doc: Any = {
      ...validDoc(),
      id: 'c1',
      status: 'published',
      version: 4,
      updatedAt: '2025-01-01T00:00:00Z',
      createdAt: '2024-01-01T00:00:00Z',
      publishedAt: null,
      publishedVersion: 3,
      owner: { name: 'Ana' },
      ownerId: 'u1',
      translations: [{ language: 'es', slug: 'derivacion' }],
    };
    doc.modules[0].id = 'mod-1';
    doc.modules[0].items[2].id = 'item-3';
    doc.modules[0].items[2].questions[0].id = 'q-1';
    doc.modules[0].items[2].questions[0].options[0].id = 'o-1';
    const result = validateCourseDocument(doc);
    assert.ok(result.ok, JSON.stringify(!result.ok && result.errors));
    const value: Any = result.value;
    for (const field of ['id', 'status', 'version', 'updatedAt', 'createdAt', 'publishedAt', 'publishedVersion', 'owner', 'ownerId', 'translations'])
      assert.ok(!(field in value), `${field} is dropped`);
    assert.equal(value.modules[0].id, 'mod-1');
    assert.equal(value.modules[0].items[2].id, 'item-3');
    assert.equal(value.modules[0].items[2].questions[0].id, 'q-1');
    assert.equal(value.modules[0].items[2].questions[0].options[0].id, 'o-1');
  });

  it('defaults the translation key to the slug', () => {
    const doc: Any = validDoc();
    delete doc.translationKey;
    const result = validateCourseDocument(doc);
    assert.ok(result.ok);
    assert.equal(result.value.translationKey, 'referral-basics');
  });

  it('names unknown fields at every level', () => {
    const doc: Any = { ...validDoc(), colour: 'red' };
    doc.modules[0].items[2].questions[0].options[1].hint = 'x';
    assert.deepEqual(errorsOf(doc), [
      { path: 'modules[0].items[2].questions[0].options[1].hint', message: 'unknown field "hint"' },
      { path: 'colour', message: 'unknown field "colour"' },
    ]);
  });

  it('names the question with no correct option', () => {
    const doc: Any = validDoc();
    doc.modules[0].items[2].questions[0].options[0].correct = false;
    assert.deepEqual(errorsOf(doc), [
      { path: 'modules[0].items[2].questions[0].options', message: 'a question needs at least one correct option' },
    ]);
  });

  it('refuses the other rules with clear paths', () => {
    const doc: Any = validDoc();
    doc.slug = 'Not A Slug';
    doc.estimatedMinutes = 601;
    doc.topics = ['cooking'];
    delete doc.summary;
    doc.title = 'x'.repeat(201);
    doc.modules.push({ key: 'm1', title: 'Again', items: [] });
    const quiz = doc.modules[0].items[2];
    quiz.passingScore = -1;
    quiz.questions[0].options[1].correct = true;
    delete quiz.questions[0].options[1].feedback;
    quiz.questions.push({ kind: 'truefalse', prompt: 'True?', options: [1, 2, 3].map((n) => ({ text: `${n}`, correct: n === 1, feedback: 'f' })) });
    doc.modules[0].items[0].markdown = 'Line one\n[broken](nowhere.md) <b>bold</b>';
    doc.modules[0].items[1].type = 'video';
    const errors = errorsOf(doc).map((e) => `${e.path}: ${e.message}`);
    for (const expected of [
      'slug: must be lowercase letters, digits and hyphens',
      'estimatedMinutes: must be between 5 and 600',
      'topics[0]: unknown topic "cooking"',
      'summary: missing required field "summary"',
      'title: must be at most 200 characters',
      'modules[1].items: a module needs at least one item',
      'modules[1].key: duplicate module key "m1" (also used by modules[0])',
      'modules[0].items[2].passingScore: must be between 0 and 100',
      'modules[0].items[2].questions[0].options[1].feedback: an option needs feedback',
      'modules[0].items[2].questions[0].options: a "single" question needs exactly one correct option (it has 2)',
      'modules[0].items[2].questions[1].options: a "truefalse" question needs exactly two options (it has 3)',
      'modules[0].items[0].markdown: line 2: broken link to "nowhere.md"',
      'modules[0].items[1].type: must be one of: lesson, quiz',
    ])
      assert.ok(errors.some((e) => e.startsWith(expected)), `expected "${expected}…" in:\n${errors.join('\n')}`);
    // Raw HTML is not refused from the API: the renderer escapes it, so it can never run.
    assert.ok(!errors.some((e) => e.includes('raw HTML')), errors.join('\n'));
  });

  it('enforces the size limits', () => {
    const doc: Any = validDoc();
    doc.summary = 'x'.repeat(1001);
    doc.modules[0].items[0].markdown = 'x'.repeat(200_001);
    doc.modules[0].items[2].questions[0].options = Array.from({ length: 11 }, (_, n) => ({ text: `${n}`, correct: n === 0, feedback: 'f' }));
    doc.modules[0].items.push(...Array.from({ length: 98 }, (_, n) => ({ type: 'lesson', title: `L${n}`, markdown: 'x' })));
    const errors = errorsOf(doc).map((e) => `${e.path}: ${e.message}`);
    assert.deepEqual(errors, [
      'summary: must be at most 1000 characters',
      'modules[0].items: can have at most 100 items',
    ]);
    doc.modules[0].items.splice(3);
    assert.deepEqual(
      errorsOf(doc).map((e) => `${e.path}: ${e.message}`),
      [
        'summary: must be at most 1000 characters',
        'modules[0].items[0].markdown: must be at most 200000 characters',
        'modules[0].items[2].questions[0].options: can have at most 10 options',
      ],
    );
    doc.modules = Array.from({ length: 51 }, (_, n) => ({ ...doc.modules[0], key: `m${n}` }));
    assert.ok(errorsOf(doc).some((e) => e.path === 'modules' && e.message === 'can have at most 50 modules'));
  });

  it('takes a cover picture with its description; null or none means no cover', () => {
    const withCover: Any = { ...validDoc(), cover: { image: 'images/cover.jpg', alt: 'Oficiales en un puesto fronterizo' } };
    const result = validateCourseDocument(withCover, { pictures: ['images/flow.png', 'images/cover.jpg'] });
    assert.ok(result.ok, JSON.stringify(!result.ok && result.errors));
    assert.deepEqual(result.value.cover, withCover.cover);
    const none = validateCourseDocument({ ...validDoc(), cover: null });
    assert.ok(none.ok);
    assert.ok(!('cover' in none.value), 'cover: null is dropped');
    assert.ok(!('cover' in (validateCourseDocument(validDoc()) as { value: object }).value));
  });

  it('refuses a cover that is not a picture of the course, or has no description', () => {
    const doc: Any = { ...validDoc(), cover: { image: 'images/missing.png', alt: 'A map' } };
    const result = validateCourseDocument(doc, { pictures: ['images/flow.png'] });
    assert.ok(!result.ok);
    assert.deepEqual(result.errors, [
      { path: 'cover.image', message: `"images/missing.png" is not one of this course's pictures: upload the picture first, then choose it as the cover` },
    ]);
    // Without the course's pictures, only the cover's form is checked.
    assert.ok(validateCourseDocument(doc).ok);
    const bad = (cover: unknown) => errorsOf({ ...validDoc(), cover }).map((e) => `${e.path}: ${e.message}`);
    assert.deepEqual(bad({ image: 'images/cover.jpg' }), ['cover.alt: a cover needs "alt": a description of the picture for people who cannot see it']);
    assert.deepEqual(bad({ image: 'images/cover.jpg', alt: '  ' }), ['cover.alt: a cover needs "alt": a description of the picture for people who cannot see it']);
    assert.deepEqual(bad({ image: '../secret/cover.jpg', alt: 'x' }), [
      'cover.image: must be the path of one of the course\'s pictures, "images/<file>" (e.g. "images/cover.jpg")',
    ]);
    assert.deepEqual(bad({ image: 'images/drawing.svg', alt: 'x' }), ['cover.image: must be a PNG, JPEG, WebP or GIF picture']);
    assert.deepEqual(bad({ image: 'images/c.png', alt: 'x', caption: 'y' }), ['cover.caption: unknown field "caption"']);
    assert.deepEqual(bad('images/c.png'), ['cover: must be an object (a set of fields)']);
  });

  it('takes a draft with no modules yet, or a module with no items, and says what publishing will need', () => {
    const empty = { ...validDoc(), modules: [] };
    assert.ok(validateCourseDocument(empty, { draft: true }).ok);
    assert.deepEqual(errorsOf(empty), [{ path: 'modules', message: 'a course needs at least one module' }]);
    const hollow = { ...validDoc(), modules: [{ title: 'Not written yet', items: [] }] };
    assert.ok(validateCourseDocument(hollow, { draft: true }).ok);
    assert.deepEqual(incompleteParts(hollow), ['modules[0].items: a module needs at least one item (lesson or quiz)']);
    assert.deepEqual(incompleteParts(validDoc()), []);
  });

  it('refuses what is not an object', () => {
    assert.deepEqual(errorsOf(null), [{ path: '', message: 'a course document must be a JSON object' }]);
    assert.deepEqual(errorsOf({ ...validDoc(), modules: 'none' }), [{ path: 'modules', message: 'must be a list' }]);
  });
});
