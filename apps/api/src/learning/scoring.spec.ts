import { describe, expect, it } from '@jest/globals';
import { BadRequestException } from '@nestjs/common';
import type { QuizDoc } from '@ecampus/contracts';
import { checkAnswers, scoreAttempt } from './learning.service';

const check: QuizDoc = {
  type: 'quiz',
  id: 'check',
  key: 'check',
  title: 'Check',
  passingScore: 60,
  questions: [
    { id: 'a', key: 'a', kind: 'single', prompt: 'A', options: [{ id: 'a1', text: '1', correct: true, feedback: 'yes' }, { id: 'a2', text: '2', correct: false, feedback: 'no' }] },
    {
      id: 'b',
      key: 'b',
      kind: 'multiple',
      prompt: 'B',
      options: [{ id: 'b1', text: '1', correct: true, feedback: 'yes' }, { id: 'b2', text: '2', correct: true, feedback: 'yes too' }, { id: 'b3', text: '3', correct: false, feedback: 'no' }],
    },
    { id: 'c', key: 'c', kind: 'truefalse', prompt: 'C', options: [{ id: 'c1', text: 'True', correct: false, feedback: 'no' }, { id: 'c2', text: 'False', correct: true, feedback: 'yes' }] },
  ],
} as QuizDoc;

describe('scoring a module check on the server', () => {
  it('a question is right only when exactly its correct options are chosen', () => {
    expect(scoreAttempt(check, { a: ['a1'], b: ['b1', 'b2'], c: ['c2'] })).toMatchObject({ score: 100, passed: true });
    // Half of a multiple-answer question is wrong; an unanswered question is wrong.
    const r = scoreAttempt(check, { a: ['a1'], b: ['b1'] });
    expect(r.score).toBe(33);
    expect(r.passed).toBe(false);
    expect(r.feedback.map((f) => f.correct)).toEqual([true, false, false]);
    expect(r.feedback[1].selected).toEqual([{ optionId: 'b1', feedback: 'yes' }]);
  });

  it('passes at the passing score, rounding to whole percent', () => {
    expect(scoreAttempt(check, { a: ['a1'], c: ['c2'] })).toMatchObject({ score: 67, passed: true });
  });

  it('a duplicate option counts once; a single option may be sent as a string', () => {
    expect(checkAnswers(check, { a: 'a1', b: ['b1', 'b1'] })).toEqual(new Map([['a', ['a1']], ['b', ['b1']]]));
  });

  it('refuses unknown questions and options, two options for a single-answer question, and malformed lists, naming each', () => {
    let error: unknown;
    try {
      checkAnswers(check, { x: ['a1'], a: ['a1', 'a2'], b: ['b9'], c: [1] });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(BadRequestException);
    expect((error as BadRequestException).getResponse()).toMatchObject({
      message: ['answers.x: this quiz has no such question', 'answers.a: choose only one option', 'answers.b: unknown option b9', 'answers.c must be a list of option ids'],
    });
  });
});
