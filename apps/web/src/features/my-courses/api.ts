import type { MyEnrollmentDto } from '@ecampus/contracts';
import { http } from '../../lib/http';

export const myEnrollmentsKey = '/api/me/enrollments';

export function getMyEnrollments(signal?: AbortSignal): Promise<MyEnrollmentDto[]> {
  return http(myEnrollmentsKey, { signal });
}
