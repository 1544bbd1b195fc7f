import { describe, expect, it } from '@jest/globals';
import type { CourseDocument } from '@ecampus/contracts';
import { move, newLesson, placeItem, slugify, stepItem, toDocument, toModel, type CourseModel } from './model';

const doc = (): CourseDocument =>
  ({
    slug: 'curso',
    title: 'Curso',
    summary: 'Resumen',
    language: 'es',
    estimatedMinutes: 30,
    topics: ['referral'],
    objectives: ['Uno'],
    status: 'draft',
    version: 3,
    modules: [
      {
        id: 'm1',
        title: 'Uno',
        items: [
          { id: 'a', type: 'lesson', title: 'A', markdown: 'a' },
          { id: 'b', type: 'lesson', title: 'B', markdown: 'b' },
        ],
      },
      {
        id: 'm2',
        title: 'Dos',
        items: [
          {
            id: 'q',
            type: 'quiz',
            title: 'Q',
            passingScore: 70,
            questions: [{ id: 'q1', kind: 'single', prompt: '?', options: [{ id: 'o1', text: 'Sí', correct: true, feedback: 'Bien' }] }],
          },
        ],
      },
    ],
  }) as unknown as CourseDocument;

const titles = (m: CourseModel) => m.modules.map((x) => x.items.map((i) => i.title).join(''));

describe('the course editor\'s outline model', () => {
  it('round-trips a document: uids for the editor, none sent back, read-only fields left out', () => {
    const model = toModel(doc());
    expect(model.modules[0].items.map((i) => i.uid)).toEqual(['a', 'b']);
    const back = toDocument(model) as unknown as Record<string, unknown>;
    expect(back.status).toBeUndefined();
    expect(back.version).toBeUndefined();
    expect(JSON.stringify(back)).not.toContain('"uid"');
    const { status: _s, version: _v, ...rest } = doc() as unknown as Record<string, unknown>;
    expect(back).toEqual(rest);
  });

  it('keeps the uids of what was sent when the server answers with ids for new parts', () => {
    const model = toModel(doc());
    const added = { ...model, modules: [{ ...model.modules[0], items: [...model.modules[0].items, newLesson('C')] }, model.modules[1]] };
    const sentUid = added.modules[0].items[2].uid;
    const answer = toDocument(added);
    answer.modules[0].items[2].id = 'c-from-server';
    expect(toModel(answer, added).modules[0].items[2].uid).toBe(sentUid);
  });

  it('moves items within a module, across modules by drag and drop, and step by step over module edges', () => {
    const model = toModel(doc());
    expect(titles(placeItem(model, 'b', 'm1', 0))).toEqual(['BA', 'Q']);
    expect(titles(placeItem(model, 'a', 'm2', 1))).toEqual(['B', 'QA']);
    expect(placeItem(model, 'nope', 'm2', 0)).toBe(model);
    expect(titles(stepItem(model, 'b', 1))).toEqual(['A', 'BQ']);
    expect(titles(stepItem(model, 'q', -1))).toEqual(['ABQ', '']);
    expect(stepItem(model, 'a', -1)).toBe(model);
    expect(move([1, 2, 3], 0, 2)).toEqual([2, 3, 1]);
    expect(move([1, 2, 3], 0, 5)).toEqual([1, 2, 3]);
  });

  it('makes a slug the API accepts from a title with accents and signs', () => {
    expect(slugify('Trata de personas: módulo 1')).toBe('trata-de-personas-modulo-1');
    expect(slugify('  ¿Niñez migrante?  ')).toBe('ninez-migrante');
    expect(slugify('x'.repeat(100))).toHaveLength(80);
  });
});
