import type { LessonDto } from '@ecampus/contracts';
import { http } from '../../lib/http';

export const lessonKey = (id: string) => `/api/lessons/${encodeURIComponent(id)}`;

export function getLesson(id: string, signal?: AbortSignal): Promise<LessonDto> {
  return http(lessonKey(id), { signal });
}

export function postLessonComplete(id: string): Promise<{ progress: number; completed: boolean }> {
  return http(`${lessonKey(id)}/complete`, { method: 'POST' });
}
