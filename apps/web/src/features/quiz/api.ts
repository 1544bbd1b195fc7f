import type { AttemptResultDto, QuizDto } from '@ecampus/contracts';
import { http } from '../../lib/http';

export const quizKey = (id: string) => `/api/quizzes/${encodeURIComponent(id)}`;

export function getQuiz(id: string, signal?: AbortSignal): Promise<QuizDto> {
  return http(quizKey(id), { signal });
}

/** `clientId`: the attempt's own id, so that sending it again (a check queued offline) records it once. */
export function postAttempt(id: string, answers: Record<string, string[]>, clientId?: string): Promise<AttemptResultDto> {
  return http(`${quizKey(id)}/attempts`, { method: 'POST', body: clientId ? { answers, clientId } : { answers } });
}
