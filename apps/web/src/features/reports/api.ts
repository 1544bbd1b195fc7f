import type { ReportGroup, ReportSummaryDto } from '@ecampus/contracts';
import { http, withQuery } from '../../lib/http';
import { serverPages } from '../../routes';

export interface ReportFilters {
  groupBy: ReportGroup;
  from?: string;
  to?: string;
}

export function reportSummaryKey(filters: ReportFilters): string {
  return withQuery('/api/admin/reports/summary', { groupBy: filters.groupBy, from: filters.from, to: filters.to });
}

export function getReportSummary(filters: ReportFilters, signal?: AbortSignal): Promise<ReportSummaryDto> {
  return http(reportSummaryKey(filters), { signal });
}

/** The CSV download (a plain link: the browser saves the file). */
export function enrollmentsCsvUrl(filters: ReportFilters): string {
  const params = new URLSearchParams();
  params.set('groupBy', filters.groupBy);
  if (filters.from) params.set('from', filters.from);
  if (filters.to) params.set('to', filters.to);
  return serverPages.enrollmentsCsv(params.toString());
}
