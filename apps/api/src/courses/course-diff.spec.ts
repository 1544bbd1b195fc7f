import { describe, expect, it } from '@jest/globals';
import type { CourseDocument } from '@ecampus/contracts';
import { describeChanges } from './course-diff';

const base = (): CourseDocument =>
  ({
    slug: 'curso',
    title: 'Curso',
    summary: 'Resumen',
    language: 'es',
    estimatedMinutes: 30,
    topics: ['referral'],
    objectives: ['Uno'],
    modules: [
      {
        id: 'm1',
        key: 'm1',
        title: 'Módulo 1',
        items: [
          { id: 'l1', key: 'l1', type: 'lesson', title: 'Lección 1', markdown: 'Texto' },
          { id: 'l2', key: 'l2', type: 'lesson', title: 'Lección 2', markdown: 'Más texto' },
        ],
      },
    ],
  }) as CourseDocument;

describe('the change log line of a save', () => {
  it('a new course, and a save that changes nothing', () => {
    expect(describeChanges(null, base())).toBe('created the course');
    expect(describeChanges(base(), base())).toBe('saved without changes');
  });

  it('names changed details, and items added, removed and edited by their titles', () => {
    const after = base();
    after.title = 'Curso nuevo';
    after.modules[0].items[1] = { ...after.modules[0].items[1], markdown: 'Otro texto' } as (typeof after.modules)[0]['items'][1];
    after.modules[0].items.shift();
    after.modules[0].items.push({ id: 'l3', key: 'l3', type: 'lesson', title: 'Lección 3', markdown: 'Nueva' } as (typeof after.modules)[0]['items'][0]);
    expect(describeChanges(base(), after)).toBe('changed title; added lesson "Lección 3"; removed lesson "Lección 1"; edited lesson "Lección 2"');
  });

  it('notices a new order on its own', () => {
    const after = base();
    after.modules[0].items.reverse();
    expect(describeChanges(base(), after)).toBe('reordered or renamed modules and items');
  });
});
