import { BadRequestException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { REPORT_GROUPS, type ReportGroup, type ReportSummaryDto } from '@ecampus/contracts';

export interface ReportFilter {
  from: string | null;
  to: string | null;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A day that exists: 2024-02-30 and 0000-01-01 do not (JavaScript would roll them over, PostgreSQL refuses them). */
function isCalendarDate(v: string): boolean {
  if (!DATE.test(v) || v.startsWith('0000')) return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}

export function parseFilter(from?: string, to?: string): ReportFilter {
  for (const [name, v] of [['from', from], ['to', to]] as const) {
    if (v && (typeof v !== 'string' || !isCalendarDate(v))) {
      throw new BadRequestException(`${name} must be a real date written as YYYY-MM-DD (year 0001 to 9999)`);
    }
  }
  if (from && to && from > to) throw new BadRequestException('from must not be after to');
  return { from: from || null, to: to || null };
}

export function parseGroup(groupBy?: string): ReportGroup {
  const g = groupBy || 'course';
  if (!REPORT_GROUPS.includes(g as ReportGroup)) throw new BadRequestException(`groupBy must be one of: ${REPORT_GROUPS.join(', ')}`);
  return g as ReportGroup;
}

const GROUP_SQL: Record<ReportGroup, string> = {
  country: 'u.country',
  institutionType: 'u.institution_type',
  course: 'e.translation_key',
};

// An event counts when it falls inside [from, to] (whole days, UTC); open ends are unbounded.
const IN_RANGE = (col: string) => `(${col} >= coalesce($1::date, '-infinity'::date) AND ${col} < coalesce($2::date + 1, 'infinity'::date))`;

@Injectable()
export class ReportsService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async summary(groupBy: ReportGroup, f: ReportFilter): Promise<ReportSummaryDto> {
    const group = GROUP_SQL[groupBy];
    const rows: { group: string; enrollments: number; completions: number; certificates: number }[] = await this.ds.query(
      `SELECT ${group} AS "group",
              count(*) FILTER (WHERE ${IN_RANGE('e.enrolled_at')})::int AS enrollments,
              count(*) FILTER (WHERE e.status = 'completed' AND ${IN_RANGE('e.completed_at')})::int AS completions,
              count(c.id) FILTER (WHERE c.status = 'issued' AND ${IN_RANGE('c.issued_at')})::int AS certificates
         FROM enrollments e
         JOIN users u ON u.id = e.user_id
         LEFT JOIN certificates c ON c.enrollment_id = e.id
        GROUP BY 1
       HAVING count(*) FILTER (WHERE ${IN_RANGE('e.enrolled_at')} OR ${IN_RANGE('e.completed_at')} OR ${IN_RANGE('c.issued_at')}) > 0
        ORDER BY 2 DESC, 1`,
      [f.from, f.to],
    );
    const labels = groupBy === 'course' ? await this.courseTitles() : new Map<string, string>();
    const out = rows.map((r) => ({ ...r, label: labels.get(r.group) ?? r.group }));
    const totals = out.reduce(
      (t, r) => ({ enrollments: t.enrollments + r.enrollments, completions: t.completions + r.completions, certificates: t.certificates + r.certificates }),
      { enrollments: 0, completions: 0, certificates: 0 },
    );
    return { groupBy, from: f.from, to: f.to, rows: out, totals };
  }

  /** One title per course (its translations count as one course): Spanish first, then English, then any. */
  private async courseTitles(): Promise<Map<string, string>> {
    const rows: { translation_key: string; title: string }[] = await this.ds.query(
      `SELECT DISTINCT ON (translation_key) translation_key, coalesce(title, draft->>'title') AS title FROM courses
        ORDER BY translation_key, CASE language WHEN 'es' THEN 0 WHEN 'en' THEN 1 ELSE 2 END`,
    );
    return new Map(rows.map((r) => [r.translation_key, r.title]));
  }

  /** One row per enrolment that started, finished or got its certificate in the range. */
  enrollmentRows(f: ReportFilter): Promise<Record<string, unknown>[]> {
    return this.ds.query(
      `SELECT e.enrolled_at, e.completed_at, e.status, e.translation_key AS course, co.title AS course_title, co.language,
              u.name, u.email, u.country, u.institution, u.institution_type, u.position, u.gender,
              c.code AS certificate_code, c.status AS certificate_status, c.issued_at AS certificate_issued_at
         FROM enrollments e
         JOIN users u ON u.id = e.user_id
         JOIN courses co ON co.id = e.course_id
         LEFT JOIN certificates c ON c.enrollment_id = e.id
        WHERE ${IN_RANGE('e.enrolled_at')} OR ${IN_RANGE('e.completed_at')} OR ${IN_RANGE('c.issued_at')}
        ORDER BY e.enrolled_at`,
      [f.from, f.to],
    );
  }
}
