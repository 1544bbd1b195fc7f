import type { AdminCourseListItem, InstitutionType, ReportGroup, ReportSummaryDto } from '@ecampus/contracts';
import { http, withQuery } from '../../lib/http';
import type { UiLanguage } from '../../lib/i18n';
import { serverPages } from '../../routes';

/** What a report counts: any combination of these, and the grouping of the summary. */
export interface ReportFilters {
  groupBy: ReportGroup;
  from?: string;
  to?: string;
  country?: string;
  institutionType?: InstitutionType;
  /** A course's translation key. */
  course?: string;
  gender?: string;
}

const query = (f: ReportFilters, lang?: UiLanguage) => ({
  groupBy: f.groupBy, from: f.from, to: f.to, country: f.country, institutionType: f.institutionType, course: f.course, gender: f.gender, lang,
});

export function reportSummaryKey(filters: ReportFilters, lang: UiLanguage): string {
  return withQuery('/api/admin/reports/summary', query(filters, lang));
}

export function getReportSummary(filters: ReportFilters, lang: UiLanguage, signal?: AbortSignal): Promise<ReportSummaryDto> {
  return http(reportSummaryKey(filters, lang), { signal });
}

/** The downloads (plain links: the browser saves the file): one row per enrolment, or the summary's rows. */
export function enrollmentsCsvUrl(filters: ReportFilters, lang: UiLanguage, summary: boolean): string {
  const { groupBy, ...rest } = query(filters, lang);
  const url = withQuery('', summary ? { groupBy, ...rest } : rest);
  return serverPages.enrollmentsCsv(url.replace(/^\?/, ''));
}

export const COURSES_KEY = '/api/admin/courses';

export function getCourses(signal?: AbortSignal): Promise<AdminCourseListItem[]> {
  return http(COURSES_KEY, { signal });
}
