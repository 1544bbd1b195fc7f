import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { REPORT_GROUPS, type ReportGroup, type ReportRowDto } from '@ecampus/contracts';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Field } from '../../components/Field';
import { PageHeading } from '../../components/PageHeading';
import { Skeleton } from '../../components/Skeleton';
import { useFormat, useMessages } from '../../lib/i18n';
import { useResource } from '../../lib/resource';
import { messages as authMessages } from '../auth/messages';
import { enrollmentsCsvUrl, getReportSummary, reportSummaryKey, type ReportFilters } from './api';
import { messages } from './messages';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function isGroup(value: string | null): value is ReportGroup {
  return value !== null && (REPORT_GROUPS as readonly string[]).includes(value);
}

export default function ReportsPage() {
  const t = useMessages(messages);
  const [params, setParams] = useSearchParams();
  const groupParam = params.get('groupBy');
  const filters: ReportFilters = {
    groupBy: isGroup(groupParam) ? groupParam : 'country',
    from: DATE.test(params.get('from') ?? '') ? params.get('from')! : undefined,
    to: DATE.test(params.get('to') ?? '') ? params.get('to')! : undefined,
  };
  const report = useResource(reportSummaryKey(filters), (signal) => getReportSummary(filters, signal));

  const apply = (next: ReportFilters) => {
    const search = new URLSearchParams({ groupBy: next.groupBy });
    if (next.from) search.set('from', next.from);
    if (next.to) search.set('to', next.to);
    setParams(search, { replace: true });
  };

  return (
    <div className="container page page--wide">
      <PageHeading>{t.title}</PageHeading>
      <p>{t.intro}</p>
      <ReportForm key={reportSummaryKey(filters)} initial={filters} onApply={apply} />
      <p>
        <a className="button button--secondary" href={enrollmentsCsvUrl(filters)} download>
          {t.downloadCsv}
        </a>
      </p>
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

function ReportForm({ initial, onApply }: { initial: ReportFilters; onApply: (filters: ReportFilters) => void }) {
  const t = useMessages(messages);
  const [groupBy, setGroupBy] = useState<ReportGroup>(initial.groupBy);
  const [from, setFrom] = useState(initial.from ?? '');
  const [to, setTo] = useState(initial.to ?? '');
  const [error, setError] = useState<string | undefined>();

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (from && to && to < from) {
      setError(t.invalidRange);
      return;
    }
    setError(undefined);
    onApply({ groupBy, from: from || undefined, to: to || undefined });
  };

  return (
    <form className="form report-form" onSubmit={onSubmit} aria-label={t.filters} noValidate>
      <Field id="report-group" label={t.groupBy}>
        {(control) => (
          <select {...control} className="select" value={groupBy} onChange={(e) => setGroupBy(e.target.value as ReportGroup)}>
            {REPORT_GROUPS.map((group) => (
              <option key={group} value={group}>
                {t.groups[group]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="report-from" label={t.from} hint={t.dateHint}>
        {(control) => <input {...control} className="input" type="date" value={from} max={to || undefined} onChange={(e) => setFrom(e.target.value)} />}
      </Field>
      <Field id="report-to" label={t.to} hint={t.dateHint} error={error}>
        {(control) => <input {...control} className="input" type="date" value={to} min={from || undefined} onChange={(e) => setTo(e.target.value)} />}
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

function ReportTable({ filters, rows, totals }: { filters: ReportFilters; rows: ReportRowDto[]; totals: Omit<ReportRowDto, 'group' | 'label'> }) {
  const t = useMessages(messages);
  const auth = useMessages(authMessages);
  const format = useFormat();

  const label = (row: ReportRowDto): string => {
    if (filters.groupBy === 'country') return format.countryName(row.group);
    if (filters.groupBy === 'institutionType') return (auth.institutionTypes as Record<string, string>)[row.group] ?? row.label;
    return row.label || row.group;
  };
  const rate = (row: { enrollments: number; completions: number }) =>
    row.enrollments > 0 ? format.percent((row.completions / row.enrollments) * 100) : '—';
  const range = `${filters.from ? t.rangeFrom(format.date(`${filters.from}T00:00:00`)) : ''}${filters.to ? t.rangeTo(format.date(`${filters.to}T00:00:00`)) : ''}`;

  if (rows.length === 0) return <p className="notice">{t.empty}</p>;

  return (
    <div className="table-wrap" role="region" aria-labelledby="report-caption" tabIndex={0}>
      <table className="table">
        <caption id="report-caption">{t.caption(t.groups[filters.groupBy], range)}</caption>
        <thead>
          <tr>
            <th scope="col">{t.groups[filters.groupBy]}</th>
            <th scope="col" className="num">{t.enrollments}</th>
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
            <td className="num">{format.number(totals.completions)}</td>
            <td className="num">{format.number(totals.certificates)}</td>
            <td className="num">{rate(totals)}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
