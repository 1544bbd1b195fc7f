import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { INSTITUTION_TYPES, REPORT_GROUPS, type AdminCourseListItem, type InstitutionType, type ReportGroup, type ReportRowDto } from '@ecampus/contracts';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Field } from '../../components/Field';
import { PageHeading } from '../../components/PageHeading';
import { Skeleton } from '../../components/Skeleton';
import { useFormat, useLanguage, useMessages } from '../../lib/i18n';
import { useResource } from '../../lib/resource';
import { countryOptions } from '../auth/countries';
import { messages as authMessages } from '../auth/messages';
import { COURSES_KEY, enrollmentsCsvUrl, getCourses, getReportSummary, reportSummaryKey, type ReportFilters } from './api';
import { messages } from './messages';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

const isGroup = (value: string | null): value is ReportGroup => value !== null && (REPORT_GROUPS as readonly string[]).includes(value);
const isType = (value: string | null): value is InstitutionType => value !== null && (INSTITUTION_TYPES as readonly string[]).includes(value);

/** The filters as the address holds them (so a report can be bookmarked and shared). */
function readFilters(params: URLSearchParams): ReportFilters {
  const text = (name: string) => params.get(name)?.trim() || undefined;
  const groupBy = params.get('groupBy');
  const type = params.get('institutionType');
  return {
    groupBy: isGroup(groupBy) ? groupBy : 'country',
    from: DATE.test(params.get('from') ?? '') ? params.get('from')! : undefined,
    to: DATE.test(params.get('to') ?? '') ? params.get('to')! : undefined,
    country: /^[A-Z]{2}$/.test(params.get('country') ?? '') ? params.get('country')! : undefined,
    institutionType: isType(type) ? type : undefined,
    course: text('course'),
    gender: text('gender'),
  };
}

/** One title per course (its languages count as one), in the interface's language when the course has it. */
function courseNames(courses: AdminCourseListItem[] | undefined, lang: string): Map<string, string> {
  const names = new Map<string, string>();
  for (const c of courses ?? []) if (!names.has(c.translationKey) || c.language === lang) names.set(c.translationKey, c.title);
  return names;
}

export default function ReportsPage() {
  const t = useMessages(messages);
  const { lang } = useLanguage();
  const [params, setParams] = useSearchParams();
  const filters = readFilters(params);
  const report = useResource(reportSummaryKey(filters, lang), (signal) => getReportSummary(filters, lang, signal));
  const courses = useResource(COURSES_KEY, getCourses);
  const names = courseNames(courses.data, lang);

  const apply = (next: ReportFilters) => {
    const search = new URLSearchParams();
    for (const [k, v] of Object.entries(next)) if (v) search.set(k, v);
    setParams(search, { replace: true });
  };

  return (
    <div className="container page page--wide">
      <PageHeading>{t.title}</PageHeading>
      <p>{t.intro}</p>
      <ReportForm key={reportSummaryKey(filters, lang)} initial={filters} courses={names} onApply={apply} />
      <div className="report-downloads">
        <p>
          <a className="button button--secondary" href={enrollmentsCsvUrl(filters, lang, false)} download>
            {t.downloadCsv}
          </a>
          <span className="muted report-downloads__hint">{t.downloadCsvHint}</span>
        </p>
        <p>
          <a className="button button--secondary" href={enrollmentsCsvUrl(filters, lang, true)} download>
            {t.downloadSummaryCsv}
          </a>
        </p>
      </div>
      {report.error ? (
        <ErrorNotice error={report.error} onRetry={report.reload} />
      ) : !report.data ? (
        <Skeleton lines={6} className="skeleton--table" />
      ) : (
        <ReportTable filters={filters} rows={report.data.rows} totals={report.data.totals} />
      )}
    </div>
  );
}

function ReportForm({ initial, courses, onApply }: { initial: ReportFilters; courses: Map<string, string>; onApply: (filters: ReportFilters) => void }) {
  const t = useMessages(messages);
  const auth = useMessages(authMessages);
  const { lang } = useLanguage();
  const [f, setF] = useState<ReportFilters>(initial);
  const [error, setError] = useState<string | undefined>();
  const set = <K extends keyof ReportFilters>(key: K, value: string) => setF({ ...f, [key]: value || undefined });
  const { programme, others } = countryOptions(lang);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (f.from && f.to && f.to < f.from) {
      setError(t.invalidRange);
      return;
    }
    setError(undefined);
    onApply(f);
  };

  return (
    <form className="form report-form" onSubmit={onSubmit} aria-label={t.filters} noValidate>
      <Field id="report-group" label={t.groupBy}>
        {(control) => (
          <select {...control} className="select" value={f.groupBy} onChange={(e) => set('groupBy', e.target.value)}>
            {REPORT_GROUPS.map((group) => (
              <option key={group} value={group}>
                {t.groups[group]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="report-country" label={t.country}>
        {(control) => (
          <select {...control} className="select" value={f.country ?? ''} onChange={(e) => set('country', e.target.value)}>
            <option value="">{t.any}</option>
            {[...programme, ...others].map((c) => (
              <option key={c.code} value={c.code}>
                {c.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="report-type" label={t.institutionType}>
        {(control) => (
          <select {...control} className="select" value={f.institutionType ?? ''} onChange={(e) => set('institutionType', e.target.value)}>
            <option value="">{t.any}</option>
            {INSTITUTION_TYPES.map((type) => (
              <option key={type} value={type}>
                {(auth.institutionTypes as Record<string, string>)[type] ?? type}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="report-course" label={t.course}>
        {(control) => (
          <select {...control} className="select" value={f.course ?? ''} onChange={(e) => set('course', e.target.value)}>
            <option value="">{t.any}</option>
            {[...courses].map(([key, title]) => (
              <option key={key} value={key}>
                {title}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="report-gender" label={t.gender} hint={t.genderHint}>
        {(control) => <input {...control} className="input" value={f.gender ?? ''} maxLength={40} onChange={(e) => set('gender', e.target.value)} />}
      </Field>
      <Field id="report-from" label={t.from} hint={t.dateHint}>
        {(control) => <input {...control} className="input" type="date" value={f.from ?? ''} max={f.to || undefined} onChange={(e) => set('from', e.target.value)} />}
      </Field>
      <Field id="report-to" label={t.to} hint={t.dateHint} error={error}>
        {(control) => <input {...control} className="input" type="date" value={f.to ?? ''} min={f.from || undefined} onChange={(e) => set('to', e.target.value)} />}
      </Field>
      {error ? (
        <p className="visually-hidden" role="alert">
          {error}
        </p>
      ) : null}
      <div className="report-form__submit">
        <button type="submit" className="button">
          {t.show}
        </button>
      </div>
    </form>
  );
}

type Counts = Omit<ReportRowDto, 'group' | 'label'>;

function ReportTable({ filters, rows, totals }: { filters: ReportFilters; rows: ReportRowDto[]; totals: Counts }) {
  const t = useMessages(messages);
  const auth = useMessages(authMessages);
  const format = useFormat();
  const { lang } = useLanguage();
  // One decimal: a 1-in-330 completion rate is 0.3 %, not "0 %".
  const percent = new Intl.NumberFormat(lang, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });

  const label = (row: ReportRowDto): string => {
    if (filters.groupBy === 'country') return format.countryName(row.group);
    if (filters.groupBy === 'institutionType') return (auth.institutionTypes as Record<string, string>)[row.group] ?? row.label;
    return row.label || row.group;
  };
  const rate = (row: Counts) => (row.enrollments > 0 ? percent.format(row.completions / row.enrollments) : '—');
  const range = `${filters.from ? t.rangeFrom(format.date(`${filters.from}T00:00:00`)) : ''}${filters.to ? t.rangeTo(format.date(`${filters.to}T00:00:00`)) : ''}`;

  if (rows.length === 0) return <p className="notice">{t.empty}</p>;
  const widest = Math.max(...rows.map((r) => r.enrollments), 1);

  return (
    <>
      <div className="table-wrap" role="region" aria-labelledby="report-caption" tabIndex={0}>
        <table className="table">
          <caption id="report-caption">{t.caption(t.groups[filters.groupBy], range)}</caption>
          <thead>
            <tr>
              <th scope="col">{t.groups[filters.groupBy]}</th>
              <th scope="col" className="num">{t.enrollments}</th>
              <th scope="col" className="num">{t.inProgress}</th>
              <th scope="col" className="num">{t.completions}</th>
              <th scope="col" className="num">{t.certificates}</th>
              <th scope="col" className="num">{t.completionRate}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.group}>
                <th scope="row">{label(row)}</th>
                <td className="num">{format.number(row.enrollments)}</td>
                <td className="num">{format.number(row.inProgress)}</td>
                <td className="num">{format.number(row.completions)}</td>
                <td className="num">{format.number(row.certificates)}</td>
                <td className="num">{rate(row)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t.total}</th>
              <td className="num">{format.number(totals.enrollments)}</td>
              <td className="num">{format.number(totals.inProgress)}</td>
              <td className="num">{format.number(totals.completions)}</td>
              <td className="num">{format.number(totals.certificates)}</td>
              <td className="num">{rate(totals)}</td>
            </tr>
          </tfoot>
        </table>
      </div>
      {/* A chart readable without colour: every bar is labelled with its numbers, the completed part is hatched. */}
      <figure className="report-chart">
        <figcaption>
          <strong>{t.chart}</strong> <span className="muted">{t.chartHint}</span>
        </figcaption>
        <ul className="report-chart__bars">
          {rows.map((row) => (
            <li key={row.group}>
              <span className="report-chart__label">{label(row)}</span>
              <span className="report-chart__bar" style={{ width: `${Math.max(2, (100 * row.enrollments) / widest)}%` }} aria-hidden="true">
                <span className="report-chart__done" style={{ width: `${row.enrollments ? (100 * row.completions) / row.enrollments : 0}%` }} />
              </span>
              <span className="report-chart__value">{t.completedOf(format.number(row.completions), format.number(row.enrollments))}</span>
            </li>
          ))}
        </ul>
      </figure>
    </>
  );
}
