// The final quiz's assessment policy (issue 9): a draw from the pool per attempt with shuffled options, limited
// failed attempts with a wait, and feedback that never reveals a right option the learner did not choose.
import { randomInt } from 'node:crypto';
import type { QuestionDoc, QuizDoc, QuizDto, QuizReviewQuestionDto } from '@ecampus/contracts';
import { ATTEMPT_DEFAULTS } from '@ecampus/course-format';

/** What one attempt was served: the drawn questions in order, each with its options in the shuffled order. */
export type Served = { id: string; options: string[] }[];

export const isFinal = (quiz: QuizDoc) => quiz.kind === 'final';

export const policyOf = (quiz: QuizDoc) => ({
  maxFailedAttempts: quiz.maxFailedAttempts ?? ATTEMPT_DEFAULTS.maxFailedAttempts,
  retryAfterHours: quiz.retryAfterHours ?? ATTEMPT_DEFAULTS.retryAfterHours,
});

function shuffled<T>(list: T[]): T[] {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** Draws `draw` questions at random from the pool and shuffles every question's options. */
export function drawServing(quiz: QuizDoc): Served {
  const count = Math.min(quiz.draw ?? quiz.questions.length, quiz.questions.length);
  return shuffled(quiz.questions)
    .slice(0, count)
    .map((q) => ({ id: q.id!, options: shuffled(q.options.map((o) => o.id!)) }));
}

/** Whether a stored serving still matches the quiz (a new published version may have changed its questions). */
export function servingFits(quiz: QuizDoc, served: Served): boolean {
  const byId = new Map(quiz.questions.map((q) => [q.id!, q]));
  return (
    served.length > 0 &&
    served.every((s) => {
      const q = byId.get(s.id);
      return !!q && q.options.length === s.options.length && s.options.every((o) => q.options.some((x) => x.id === o));
    })
  );
}

/** The served questions as learners see them: in the served order, options shuffled, no answers. */
export function servedQuestions(quiz: QuizDoc, served: Served): QuizDto['questions'] {
  return served.map((s) => {
    const q = quiz.questions.find((x) => x.id === s.id)!;
    return {
      id: q.id!,
      prompt: q.prompt,
      kind: q.kind,
      options: s.options.map((id) => ({ id, text: q.options.find((o) => o.id === id)!.text })),
    };
  });
}

const isRight = (q: QuestionDoc, picked: string[]) => {
  const right = new Set(q.options.filter((o) => o.correct).map((o) => o.id!));
  return picked.length === right.size && picked.every((o) => right.has(o));
};

/**
 * Scores an answer sheet against what was served: answers to questions not served are ignored, served
 * questions left unanswered are wrong. Feedback gives, for each served question, whether it was right and the
 * feedback of the options the learner chose: never an option the learner did not choose.
 */
export function scoreServed(quiz: QuizDoc, served: Served, chosen: Map<string, string[]>) {
  const feedback = served.map((s) => {
    const q = quiz.questions.find((x) => x.id === s.id)!;
    const picked = chosen.get(s.id) ?? [];
    return {
      questionId: s.id,
      correct: isRight(q, picked),
      selected: picked.map((optionId) => ({ optionId, feedback: q.options.find((o) => o.id === optionId)!.feedback })),
    };
  });
  const score = served.length ? Math.round((100 * feedback.filter((f) => f.correct).length) / served.length) : 0;
  const answers = Object.fromEntries(served.map((s) => [s.id, chosen.get(s.id) ?? []]));
  return { feedback, score, passed: score >= quiz.passingScore, answers };
}

/** The full review of a passed attempt: every served question, every option with its correct flag and feedback. */
export function reviewOf(quiz: QuizDoc, served: Served, answers: Record<string, string[]>): QuizReviewQuestionDto[] {
  return served.flatMap((s) => {
    const q = quiz.questions.find((x) => x.id === s.id);
    if (!q) return [];
    const picked = answers[s.id] ?? [];
    return [
      {
        questionId: s.id,
        prompt: q.prompt,
        kind: q.kind,
        correct: isRight(q, picked),
        options: s.options.flatMap((id) => {
          const o = q.options.find((x) => x.id === id);
          return o ? [{ id, text: o.text, correct: o.correct, feedback: o.feedback, chosen: picked.includes(id) }] : [];
        }),
      },
    ];
  });
}

/**
 * Failed attempts in the current window and, once they reach the limit, when the learner may try again. After
 * the wait the count starts again. `failures` are the times of the failed attempts, oldest first.
 */
export function attemptWindow(failures: Date[], policy: { maxFailedAttempts: number; retryAfterHours: number }, now = new Date()) {
  const wait = policy.retryAfterHours * 3600_000;
  let count = 0;
  let retryAt: Date | undefined;
  for (const at of failures) {
    if (retryAt && at >= retryAt) {
      count = 0;
      retryAt = undefined;
    }
    count++;
    if (count >= policy.maxFailedAttempts) retryAt = new Date(at.getTime() + wait);
  }
  if (retryAt && now >= retryAt) {
    count = 0;
    retryAt = undefined;
  }
  return { attemptsLeft: Math.max(0, policy.maxFailedAttempts - count), retryAt };
}
