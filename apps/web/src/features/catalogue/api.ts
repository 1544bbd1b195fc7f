import type { CourseSummaryDto, Language } from '@ecampus/contracts';
import { http, withQuery } from '../../lib/http';

export interface CourseFilters {
  lang?: Language;
  topic?: string;
  q?: string;
}

export function coursesKey(filters: CourseFilters): string {
  return withQuery('/api/courses', { lang: filters.lang, topic: filters.topic, q: filters.q });
}

export function getCourses(filters: CourseFilters, signal?: AbortSignal): Promise<CourseSummaryDto[]> {
  return http(coursesKey(filters), { signal });
}
