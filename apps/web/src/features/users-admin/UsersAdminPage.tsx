import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { ROLES, type Role } from '@ecampus/contracts';
import { ErrorNotice, describeError } from '../../components/ErrorNotice';
import { PageHeading } from '../../components/PageHeading';
import { Skeleton } from '../../components/Skeleton';
import { messages as sharedMessages } from '../../components/messages';
import { ApiError } from '../../lib/http';
import { useFormat, useMessages } from '../../lib/i18n';
import { invalidate, useResource } from '../../lib/resource';
import { useAuth } from '../auth/auth-context';
import { getUsers, patchUser, usersKey, type AdminUser, type UserFilters } from './api';
import { messages } from './messages';
import '../studio/studio.css';

const isRole = (value: string | null): value is Role => value !== null && (ROLES as readonly string[]).includes(value);

export default function UsersAdminPage() {
  const t = useMessages(messages);
  const [params, setParams] = useSearchParams();
  const roleParam = params.get('role');
  const page = Math.max(1, Number(params.get('page')) || 1);
  const filters: UserFilters = { q: params.get('q') ?? undefined, role: isRole(roleParam) ? roleParam : undefined, page };
  const key = usersKey(filters);
  const users = useResource(key, (signal) => getUsers(filters, signal));
  const [message, setMessage] = useState<{ text: string; error?: boolean } | null>(null);

  const apply = (next: UserFilters) => {
    const search = new URLSearchParams();
    if (next.q) search.set('q', next.q);
    if (next.role) search.set('role', next.role);
    if (next.page && next.page > 1) search.set('page', String(next.page));
    setParams(search, { replace: true });
  };

  const pages = users.data ? Math.max(1, Math.ceil(users.data.total / users.data.pageSize)) : 1;

  return (
    <div className="container page page--wide">
      <PageHeading>{t.title}</PageHeading>
      <p>{t.intro}</p>
      <SearchForm key={key} initial={filters} onApply={(f) => apply({ ...f, page: 1 })} />
      <p className="results-count" role="status">
        {users.data ? t.results(users.data.total) : '\u00a0'}
      </p>
      <p className={message?.error ? 'field__error' : 'savebar__message'} role={message?.error ? 'alert' : 'status'}>
        {message?.text ?? ''}
      </p>
      {users.error ? (
        <ErrorNotice error={users.error} onRetry={users.reload} />
      ) : !users.data ? (
        <Skeleton lines={6} className="skeleton--table" />
      ) : users.data.users.length === 0 ? (
        <p className="notice">{t.empty}</p>
      ) : (
        <>
          <ul className="user-list" aria-label={t.caption}>
            {users.data.users.map((u) => (
              <UserRow
                key={u.id}
                user={u}
                onChanged={(changed, text) => {
                  users.mutate({ ...users.data!, users: users.data!.users.map((x) => (x.id === changed.id ? changed : x)) });
                  invalidate('/api/admin/users');
                  setMessage({ text });
                }}
                onError={(text) => setMessage({ text, error: true })}
              />
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

function SearchForm({ initial, onApply }: { initial: UserFilters; onApply: (filters: UserFilters) => void }) {
  const t = useMessages(messages);
  const [q, setQ] = useState(initial.q ?? '');
  const [role, setRole] = useState<Role | ''>(initial.role ?? '');
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onApply({ q: q.trim() || undefined, role: role || undefined });
  };
  return (
    <form className="filters users-filters" role="search" onSubmit={onSubmit}>
      <div className="field">
        <label className="field__label" htmlFor="users-q">
          {t.searchLabel}
        </label>
        <input id="users-q" className="input" type="search" value={q} onChange={(e) => setQ(e.target.value)} />
      </div>
      <div className="field">
        <label className="field__label" htmlFor="users-role">
          {t.roleFilter}
        </label>
        <select id="users-role" className="select" value={role} onChange={(e) => setRole(e.target.value as Role | '')}>
          <option value="">{t.allRoles}</option>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t.roles[r]}
            </option>
          ))}
        </select>
      </div>
      <div className="users-filters__submit">
        <button type="submit" className="button">
          {t.search}
        </button>
      </div>
    </form>
  );
}

function UserRow({ user, onChanged, onError }: { user: AdminUser; onChanged: (user: AdminUser, message: string) => void; onError: (message: string) => void }) {
  const t = useMessages(messages);
  const shared = useMessages(sharedMessages);
  const format = useFormat();
  const { user: me } = useAuth();
  const [busy, setBusy] = useState(false);
  const self = me?.id === user.id;
  const roleId = `role-${user.id}`;

  const change = async (patch: { role?: Role; active?: boolean }) => {
    if (busy) return;
    setBusy(true);
    try {
      const updated = await patchUser(user.id, patch);
      onChanged(
        updated,
        patch.role ? t.roleChanged(updated.name, t.roles[updated.role]) : updated.active ? t.reactivated(updated.name) : t.deactivated(updated.name),
      );
    } catch (e) {
      onError(e instanceof ApiError && e.status === 409 ? t.yourself : describeError(e, shared));
    } finally {
      setBusy(false);
    }
  };

  return (
    <li className={`user-row${user.active ? '' : ' user-row--inactive'}`}>
      <div className="user-row__who">
        <p className="user-row__name">
          <strong>{user.name}</strong> {self ? <span className="muted">{t.you}</span> : null}
        </p>
        <p className="muted user-row__meta">
          <span className="code">{user.email}</span>
          <br />
          {user.institution} · {format.countryName(user.country)}
        </p>
      </div>
      <div className="user-row__role">
        <label className="field__label" htmlFor={roleId}>
          {t.role}
          <span className="visually-hidden"> {user.name}</span>
        </label>
        <select id={roleId} className="select" value={user.role} disabled={busy || self} onChange={(e) => change({ role: e.target.value as Role })}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t.roles[r]}
            </option>
          ))}
        </select>
      </div>
      <div className="user-row__state">
        <span className={`status ${user.active ? 'status--completed' : 'status--revoked'}`}>{user.active ? t.active : t.inactive}</span>
        {!self ? (
          <button
            type="button"
            className={`button button--small ${user.active ? 'button--danger-link' : 'button--secondary'}`}
            aria-label={user.active ? t.deactivateLabel(user.name) : t.reactivateLabel(user.name)}
            aria-disabled={busy}
            onClick={() => change({ active: !user.active })}
          >
            {user.active ? t.deactivate : t.reactivate}
          </button>
        ) : null}
      </div>
    </li>
  );
}
