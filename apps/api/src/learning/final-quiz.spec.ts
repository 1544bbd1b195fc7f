import { describe, expect, it } from '@jest/globals';
import type { QuizDoc } from '@ecampus/contracts';
import { attemptWindow, drawServing, scoreServed, servingFits } from './final-quiz';

const hours = (h: number) => new Date(Date.UTC(2026, 0, 1) + h * 3600_000);
const policy = { maxFailedAttempts: 3, retryAfterHours: 24 };

function quiz(questions: number, draw?: number): QuizDoc {
  return {
    type: 'quiz',
    id: 'final',
    key: 'final',
    title: 'Final',
    kind: 'final',
    passingScore: 75,
    ...(draw ? { draw } : {}),
    questions: Array.from({ length: questions }, (_, i) => ({
      id: `q${i}`,
      key: `q${i}`,
      kind: 'single' as const,
      prompt: `Question ${i}`,
      options: [0, 1, 2].map((o) => ({ id: `q${i}-o${o}`, text: `Option ${o}`, correct: o === 0, feedback: `Why ${o}` })),
    })),
  } as QuizDoc;
}

describe('attemptWindow: failed attempts and the wait after the last allowed one', () => {
  it('counts down the attempts left before the limit', () => {
    expect(attemptWindow([], policy, hours(0))).toEqual({ attemptsLeft: 3, retryAt: undefined });
    expect(attemptWindow([hours(0), hours(1)], policy, hours(2))).toEqual({ attemptsLeft: 1, retryAt: undefined });
  });

  it('closes the quiz for retryAfterHours after the last allowed failure, then starts the count again', () => {
    const failures = [hours(0), hours(1), hours(2)];
    expect(attemptWindow(failures, policy, hours(3))).toEqual({ attemptsLeft: 0, retryAt: hours(26) });
    expect(attemptWindow(failures, policy, hours(26))).toEqual({ attemptsLeft: 3, retryAt: undefined });
    // A failure after the wait belongs to a new window.
    expect(attemptWindow([...failures, hours(30)], policy, hours(31))).toEqual({ attemptsLeft: 2, retryAt: undefined });
  });
});

describe('drawing and scoring a final quiz', () => {
  it('draws `draw` different questions with every option of each, and knows when a serving no longer fits the quiz', () => {
    const q = quiz(8, 5);
    for (let i = 0; i < 20; i++) {
      const served = drawServing(q);
      expect(served).toHaveLength(5);
      expect(new Set(served.map((s) => s.id)).size).toBe(5);
      for (const s of served) expect([...s.options].sort()).toEqual([`${s.id}-o0`, `${s.id}-o1`, `${s.id}-o2`]);
      expect(servingFits(q, served)).toBe(true);
    }
    // A new version without one of the served questions, or with other options for it, no longer fits.
    const served = drawServing(q);
    const withoutOne = { ...q, questions: q.questions.filter((x) => x.id !== served[0].id) } as QuizDoc;
    expect(servingFits(withoutOne, served)).toBe(false);
    const otherOptions = { ...q, questions: q.questions.map((x) => (x.id === served[0].id ? { ...x, options: x.options.slice(0, 2) } : x)) } as QuizDoc;
    expect(servingFits(otherOptions, served)).toBe(false);
    expect(servingFits(q, [])).toBe(false);
  });

  it('scores against what was served: unanswered served questions are wrong, answers to others are ignored', () => {
    const q = quiz(4, 4);
    const served = q.questions.map((x) => ({ id: x.id!, options: x.options.map((o) => o.id!) }));
    const chosen = new Map<string, string[]>([
      ['q0', ['q0-o0']],
      ['q1', ['q1-o0']],
      ['q2', ['q2-o1']],
    ]);
    const scored = scoreServed(q, served, chosen);
    expect(scored.score).toBe(50);
    expect(scored.passed).toBe(false);
    const all = new Map(q.questions.map((x) => [x.id!, [`${x.id}-o0`]]));
    expect(scoreServed(q, served, all)).toMatchObject({ score: 100, passed: true });
  });
});
