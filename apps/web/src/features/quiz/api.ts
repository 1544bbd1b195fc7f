import type { AttemptResultDto, QuizDto } from '@ecampus/contracts';
import { http } from '../../lib/http';

export const quizKey = (id: string) => `/api/quizzes/${encodeURIComponent(id)}`;

export function getQuiz(id: string, signal?: AbortSignal): Promise<QuizDto> {
  return http(quizKey(id), { signal });
}

export function postAttempt(id: string, answers: Record<string, string[]>): Promise<AttemptResultDto> {
  return http(`${quizKey(id)}/attempts`, { method: 'POST', body: { answers } });
}
