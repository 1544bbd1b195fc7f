import type { CourseDetailDto, EnrollmentStateDto } from '@ecampus/contracts';
import { http } from '../../lib/http';

export const courseKey = (slug: string) => `/api/courses/${encodeURIComponent(slug)}`;

export function getCourse(slug: string, signal?: AbortSignal): Promise<CourseDetailDto> {
  return http(courseKey(slug), { signal });
}

export function postEnroll(slug: string): Promise<{ enrollment: EnrollmentStateDto }> {
  return http(`${courseKey(slug)}/enroll`, { method: 'POST' });
}
