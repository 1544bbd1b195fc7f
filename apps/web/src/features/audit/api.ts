import type { AuditPageDto, AuditType } from '@ecampus/contracts';
import { http, withQuery } from '../../lib/http';

export interface AuditFilters {
  type?: AuditType;
  page?: number;
}

export const auditKey = (f: AuditFilters) =>
  withQuery('/api/admin/audit', { type: f.type, page: f.page && f.page > 1 ? String(f.page) : undefined });

export function getAudit(f: AuditFilters, signal?: AbortSignal): Promise<AuditPageDto> {
  return http(auditKey(f), { signal });
}
