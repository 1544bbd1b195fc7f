import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { AUDIT_TYPES, type AuditEventDto, type AuditType } from '@ecampus/contracts';
import { ErrorNotice } from '../../components/ErrorNotice';
import { PageHeading } from '../../components/PageHeading';
import { Skeleton } from '../../components/Skeleton';
import { useMessages } from '../../lib/i18n';
import { useResource } from '../../lib/resource';
import { auditKey, getAudit, type AuditFilters } from './api';
import { messages } from './messages';
import '../studio/studio.css';

const isType = (v: string | null): v is AuditType => v !== null && (AUDIT_TYPES as readonly string[]).includes(v);

/** Admins: the audit log, newest first, filtered by kind, 50 a page. */
export default function AuditPage() {
  const t = useMessages(messages);
  const [params, setParams] = useSearchParams();
  const typeParam = params.get('type');
  const page = Math.max(1, Number(params.get('page')) || 1);
  const filters: AuditFilters = { type: isType(typeParam) ? typeParam : undefined, page };
  const key = auditKey(filters);
  const audit = useResource(key, (signal) => getAudit(filters, signal));
  const pages = audit.data ? Math.max(1, Math.ceil(audit.data.total / audit.data.pageSize)) : 1;

  const apply = (next: AuditFilters) => {
    const search = new URLSearchParams();
    if (next.type) search.set('type', next.type);
    if (next.page && next.page > 1) search.set('page', String(next.page));
    setParams(search, { replace: true });
  };

  return (
    <div className="container page page--wide">
      <PageHeading>{t.title}</PageHeading>
      <p>{t.intro}</p>
      <TypeForm key={key} initial={filters.type} onApply={(type) => apply({ type, page: 1 })} />
      <p className="results-count" role="status">
        {audit.data ? t.results(audit.data.total) : '\u00a0'}
      </p>
      {audit.error ? (
        <ErrorNotice error={audit.error} onRetry={audit.reload} />
      ) : !audit.data ? (
        <Skeleton lines={6} className="skeleton--table" />
      ) : audit.data.events.length === 0 ? (
        <p className="notice">{t.empty}</p>
      ) : (
        <>
          <ul className="user-list audit-list" aria-label={t.caption}>
            {audit.data.events.map((e) => (
              <EventRow key={e.id} event={e} />
            ))}
          </ul>
          {pages > 1 ? (
            <nav className="actions" aria-label={t.pagination}>
              {page > 1 ? (
                <button type="button" className="button button--secondary" onClick={() => apply({ ...filters, page: page - 1 })}>
                  {t.previousPage}
                </button>
              ) : null}
              <span className="muted pagination__label">{t.pageOf(page, pages)}</span>
              {page < pages ? (
                <button type="button" className="button button--secondary" onClick={() => apply({ ...filters, page: page + 1 })}>
                  {t.nextPage}
                </button>
              ) : null}
            </nav>
          ) : null}
        </>
      )}
    </div>
  );
}

function TypeForm({ initial, onApply }: { initial?: AuditType; onApply: (type?: AuditType) => void }) {
  const t = useMessages(messages);
  const [type, setType] = useState<AuditType | ''>(initial ?? '');
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onApply(type || undefined);
  };
  return (
    <form className="filters users-filters" onSubmit={onSubmit}>
      <div className="field">
        <label className="field__label" htmlFor="audit-type">
          {t.typeFilter}
        </label>
        <select id="audit-type" className="select" value={type} onChange={(e) => setType(e.target.value as AuditType | '')}>
          <option value="">{t.allTypes}</option>
          {AUDIT_TYPES.map((ty) => (
            <option key={ty} value={ty}>
              {t.types[ty]}
            </option>
          ))}
        </select>
      </div>
      <div className="users-filters__submit">
        <button type="submit" className="button">
          {t.show}
        </button>
      </div>
    </form>
  );
}

function EventRow({ event }: { event: AuditEventDto }) {
  const t = useMessages(messages);
  const at = new Date(event.at);
  const details = Object.entries(event.detail)
    .filter(([, v]) => v !== null && v !== undefined && v !== '')
    .map(([k, v]) => `${k}: ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
    .join(' · ');
  return (
    <li className="user-row audit-row">
      <p className="user-row__who">
        <strong>{t.types[event.type] ?? event.type}</strong>{' '}
        <time dateTime={event.at}>{at.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' })}</time>
      </p>
      <dl className="audit-row__facts">
        <dt>{t.who}</dt>
        <dd>{event.actor?.email ?? t.nobody}</dd>
        {event.subject ? (
          <>
            <dt>{t.what}</dt>
            <dd className="audit-row__break">{event.subject}</dd>
          </>
        ) : null}
        {event.ip ? (
          <>
            <dt>{t.address}</dt>
            <dd>{event.ip}</dd>
          </>
        ) : null}
        {details ? (
          <>
            <dt>{t.details}</dt>
            <dd className="audit-row__break">{details}</dd>
          </>
        ) : null}
      </dl>
    </li>
  );
}
