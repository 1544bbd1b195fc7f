import { BadRequestException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { INSTITUTION_TYPES, LANGUAGES, REPORT_GROUPS, type InstitutionType, type Language, type ReportGroup, type ReportSummaryDto } from '@ecampus/contracts';

/** Which enrolments a report counts: a date range (whole UTC days) and any combination of profile and course. */
export interface ReportFilter {
  from: string | null;
  to: string | null;
  country: string | null;
  institutionType: InstitutionType | null;
  /** A course's translation key: its languages count as one course. */
  course: string | null;
  gender: string | null;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar day from year 2000 on: "2024-02-30" and "0000-01-01" are refused, not passed to SQL. */
function isDay(v: string): boolean {
  const d = new Date(`${v}T00:00:00Z`);
  return DATE.test(v) && !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v && d.getUTCFullYear() >= 2000;
}

export type ReportQuery = Partial<Record<'from' | 'to' | 'country' | 'institutionType' | 'course' | 'gender', unknown>>;

export function parseFilter(q: ReportQuery): ReportFilter {
  const text = (name: keyof ReportQuery, max = 100): string | null => {
    const v = q[name];
    if (v === undefined || v === '') return null;
    // Control characters have no place in a filter (and would end up in CSV file names).
    // eslint-disable-next-line no-control-regex
    if (typeof v !== 'string' || v.length > max || /[\u0000-\u001f]/.test(v)) throw new BadRequestException(`${name} must be a text of at most ${max} characters`);
    return v;
  };
  const from = text('from');
  const to = text('to');
  for (const [name, v] of [['from', from], ['to', to]] as const) {
    if (v && !isDay(v)) throw new BadRequestException(`${name} must be a real date written as YYYY-MM-DD`);
  }
  if (from && to && from > to) throw new BadRequestException('from must not be after to');
  const country = text('country')?.toUpperCase() ?? null;
  if (country && !/^[A-Z]{2}$/.test(country)) throw new BadRequestException('country must be an ISO 3166-1 alpha-2 code such as MX');
  const institutionType = text('institutionType');
  if (institutionType && !INSTITUTION_TYPES.includes(institutionType as InstitutionType)) {
    throw new BadRequestException(`institutionType must be one of: ${INSTITUTION_TYPES.join(', ')}`);
  }
  return { from, to, country, institutionType: institutionType as InstitutionType | null, course: text('course', 200), gender: text('gender', 40) };
}

export function parseLanguage(lang: unknown): Language {
  if (lang === undefined || lang === '') return 'es';
  if (typeof lang !== 'string' || !LANGUAGES.includes(lang as Language)) throw new BadRequestException(`lang must be one of: ${LANGUAGES.join(', ')}`);
  return lang as Language;
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
// The profile and course filters, $3–$6; a filter left out matches everything.
const MATCHES = `($3::text IS NULL OR u.country = $3) AND ($4::text IS NULL OR u.institution_type = $4)
  AND ($5::text IS NULL OR e.translation_key = $5) AND ($6::text IS NULL OR lower(u.gender) = lower($6))`;
const params = (f: ReportFilter) => [f.from, f.to, f.country, f.institutionType, f.course, f.gender];

@Injectable()
export class ReportsService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** `scope`: the translation groups to count (null: every one), from auth/policies.ts reportScope. */
  async summary(groupBy: ReportGroup, f: ReportFilter, lang: Language = 'es', scope: string[] | null = null): Promise<ReportSummaryDto> {
    const group = GROUP_SQL[groupBy];
    const rows: { group: string; enrollments: number; inProgress: number; completions: number; certificates: number }[] = await this.ds.query(
      `SELECT ${group} AS "group",
              count(*) FILTER (WHERE ${IN_RANGE('e.enrolled_at')})::int AS enrollments,
              count(*) FILTER (WHERE e.status = 'active' AND ${IN_RANGE('e.enrolled_at')})::int AS "inProgress",
              count(*) FILTER (WHERE e.status = 'completed' AND ${IN_RANGE('e.completed_at')})::int AS completions,
              count(c.id) FILTER (WHERE c.status = 'issued' AND ${IN_RANGE('c.issued_at')})::int AS certificates
         FROM enrollments e
         JOIN users u ON u.id = e.user_id
         LEFT JOIN LATERAL (
           -- The enrolment's latest certificate: a corrected name leaves the revoked one behind.
           SELECT id, code, status, issued_at FROM certificates WHERE enrollment_id = e.id ORDER BY created_at DESC LIMIT 1
         ) c ON true
        WHERE ${MATCHES} AND ($7::text[] IS NULL OR e.translation_key = ANY($7::text[]))
        GROUP BY 1
       HAVING count(*) FILTER (WHERE ${IN_RANGE('e.enrolled_at')} OR ${IN_RANGE('e.completed_at')} OR ${IN_RANGE('c.issued_at')}) > 0
        ORDER BY 2 DESC, 1`,
      [...params(f), scope],
    );
    const labels = groupBy === 'course' ? await this.courseTitles(lang) : new Map<string, string>();
    const out = rows.map((r) => ({ ...r, label: labels.get(r.group) ?? r.group }));
    const totals = out.reduce(
      (t, r) => ({
        enrollments: t.enrollments + r.enrollments,
        inProgress: t.inProgress + r.inProgress,
        completions: t.completions + r.completions,
        certificates: t.certificates + r.certificates,
      }),
      { enrollments: 0, inProgress: 0, completions: 0, certificates: 0 },
    );
    return { groupBy, from: f.from, to: f.to, rows: out, totals };
  }

  /** One title per course (its translations count as one course): in `lang` when it has one, else Spanish, English, any. */
  async courseTitles(lang: Language = 'es'): Promise<Map<string, string>> {
    const rows: { translation_key: string; title: string }[] = await this.ds.query(
      `SELECT DISTINCT ON (translation_key) translation_key, coalesce(title, draft->>'title') AS title FROM courses
        ORDER BY translation_key, CASE WHEN language = $1 THEN 0 WHEN language = 'es' THEN 1 WHEN language = 'en' THEN 2 ELSE 3 END`,
      [lang],
    );
    return new Map(rows.map((r) => [r.translation_key, r.title]));
  }

  /**
   * One row per enrolment that started, finished or got its certificate in the range, oldest first, read in pages
   * of `batch` (keyset on enrolled_at, id): the caller streams each page out, so memory stays flat however many
   * rows there are, and no connection is held between pages (the embedded database has only one).
   */
  async *enrollmentRows(f: ReportFilter, batch = 2000): AsyncGenerator<Record<string, unknown>[]> {
    let after: { at: string; id: string } | null = null;
    for (;;) {
      // The cursor keeps PostgreSQL's microseconds (a JS Date would round them and repeat or skip rows).
      const rows: (Record<string, unknown> & { cursor_at: string; id: string })[] = await this.ds.query(
        `SELECT e.id, e.enrolled_at::text AS cursor_at, e.enrolled_at, e.completed_at, e.status, e.translation_key AS course, co.title AS course_title, co.language,
                u.name, u.email, u.country, u.institution, u.institution_type, u.position, u.gender,
                c.code AS certificate_code, c.status AS certificate_status, c.issued_at AS certificate_issued_at
           FROM enrollments e
           JOIN users u ON u.id = e.user_id
           JOIN courses co ON co.id = e.course_id
           LEFT JOIN LATERAL (
           -- The enrolment's latest certificate: a corrected name leaves the revoked one behind.
           SELECT id, code, status, issued_at FROM certificates WHERE enrollment_id = e.id ORDER BY created_at DESC LIMIT 1
         ) c ON true
          WHERE (${IN_RANGE('e.enrolled_at')} OR ${IN_RANGE('e.completed_at')} OR ${IN_RANGE('c.issued_at')}) AND ${MATCHES}
            AND ($7::timestamptz IS NULL OR (e.enrolled_at, e.id) > ($7::timestamptz, $8::uuid))
          ORDER BY e.enrolled_at, e.id
          LIMIT ${batch}`,
        [...params(f), after?.at ?? null, after?.id ?? null],
      );
      if (rows.length) yield rows;
      if (rows.length < batch) return;
      const last = rows[rows.length - 1];
      after = { at: last.cursor_at, id: last.id };
    }
  }
}
