import type { ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router';
import { DIRECTORY_KINDS, type DirectoryEntryDto, type DirectoryKind } from '@ecampus/contracts';
import { ErrorNotice } from '../../components/ErrorNotice';
import { PageHeading } from '../../components/PageHeading';
import { Skeleton } from '../../components/Skeleton';
import { useFormat, useLanguage, useMessages } from '../../lib/i18n';
import { useResource } from '../../lib/resource';
import { routes } from '../../routes';
import { useAuth } from '../auth/auth-context';
import { countryOptions } from '../auth/countries';
import { directoryKey, getDirectory } from './api';
import { messages } from './messages';
import './directory.css';

const isKind = (value: string | null): value is DirectoryKind => value !== null && (DIRECTORY_KINDS as readonly string[]).includes(value);

/** Whom to call: the referral directory of one country, the learner's own by default. */
export default function DirectoryPage() {
  const t = useMessages(messages);
  const format = useFormat();
  const { lang } = useLanguage();
  const { user } = useAuth();
  const [params, setParams] = useSearchParams();
  const country = (params.get('country') ?? user?.country ?? 'MX').toUpperCase();
  const kindParam = params.get('kind');
  const kind = isKind(kindParam) ? kindParam : undefined;
  const entries = useResource(directoryKey(country, kind), (signal) => getDirectory(country, kind, signal));
  const { programme } = countryOptions(lang);
  const countries = programme.some((c) => c.code === country) ? programme : [...programme, { code: country, name: format.countryName(country) }];

  return (
    <div className="container page">
      <PageHeading>{t.title}</PageHeading>
      <p>{t.intro}</p>
      <form
        className="filters"
        onSubmit={(e) => {
          e.preventDefault();
          const data = new FormData(e.currentTarget);
          const next = new URLSearchParams({ country: String(data.get('country')) });
          if (data.get('kind')) next.set('kind', String(data.get('kind')));
          setParams(next, { replace: true });
        }}
      >
        <div className="filters__selects">
        <div className="field">
          <label className="field__label" htmlFor="directory-country">
            {t.country}
          </label>
          <select id="directory-country" className="select" name="country" defaultValue={country} key={country}>
            {countries.map((c) => (
              <option key={c.code} value={c.code}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="field__label" htmlFor="directory-kind">
            {t.kind}
          </label>
          <select id="directory-kind" className="select" name="kind" defaultValue={kind ?? ''} key={kind ?? ''}>
            <option value="">{t.allKinds}</option>
            {DIRECTORY_KINDS.map((k) => (
              <option key={k} value={k}>
                {t.kinds[k]}
              </option>
            ))}
          </select>
        </div>
        </div>
        <button type="submit" className="button">
          {t.show}
        </button>
      </form>
      {user?.role === 'admin' ? (
        <p>
          <Link to={routes.adminDirectory()}>{t.manage}</Link>
        </p>
      ) : null}
      <p className="results-count" role="status">
        {entries.data ? t.results(entries.data.length, format.countryName(country)) : '\u00a0'}
      </p>
      {entries.error ? (
        <ErrorNotice error={entries.error} onRetry={entries.reload} />
      ) : !entries.data ? (
        <Skeleton lines={4} />
      ) : entries.data.length === 0 ? (
        <p className="notice">{t.emptyHelp}</p>
      ) : (
        <ul className="directory-list" aria-label={t.list}>
          {entries.data.map((entry) => (
            <DirectoryEntryCard key={entry.id} entry={entry} />
          ))}
        </ul>
      )}
    </div>
  );
}

/** One service; `stale` (for admins) says why it needs checking again. */
export function DirectoryEntryCard({ entry, stale, children }: { entry: DirectoryEntryDto; stale?: string; children?: ReactNode }) {
  const t = useMessages(messages);
  const format = useFormat();
  return (
    <li className={`directory-entry${stale ? ' directory-entry--stale' : ''}`}>
      <h2 className="directory-entry__name">{entry.name}</h2>
      {stale ? <p className="badge badge--stale">{stale}</p> : null}
      <p className="directory-entry__kind muted">{t.kinds[entry.kind]}</p>
      {entry.phone ? (
        <p>
          <a className="button button--secondary directory-entry__call" href={`tel:${entry.phone.replace(/[^\d+]/g, '')}`}>
            {t.call(entry.phone)}
          </a>
        </p>
      ) : null}
      <dl className="meta">
        {entry.url ? (
          <div>
            <dt>{t.website}</dt>
            <dd>
              <a href={entry.url} rel="noopener noreferrer">
                {entry.url.replace(/^https?:\/\//, '')}
              </a>
            </dd>
          </div>
        ) : null}
        {entry.hours ? (
          <div>
            <dt>{t.hours}</dt>
            <dd>{entry.hours}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t.languages}</dt>
          <dd>{entry.languages.map((l) => format.languageName(l)).join(', ')}</dd>
        </div>
      </dl>
      <p className="directory-entry__source">
        {t.source}: {entry.source} · {t.verified(format.date(`${entry.verifiedAt}T12:00:00Z`))}
      </p>
      {children}
    </li>
  );
}
