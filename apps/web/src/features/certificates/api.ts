import type { MyCertificateDto } from '@ecampus/contracts';
import { http } from '../../lib/http';

export const myCertificatesKey = '/api/me/certificates';

export function getMyCertificates(signal?: AbortSignal): Promise<MyCertificateDto[]> {
  return http(myCertificatesKey, { signal });
}
