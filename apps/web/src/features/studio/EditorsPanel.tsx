import { useState, type FormEvent } from 'react';
import { ErrorNotice, describeError } from '../../components/ErrorNotice';
import { PageHeading } from '../../components/PageHeading';
import { Skeleton } from '../../components/Skeleton';
import { messages as sharedMessages } from '../../components/messages';
import { useMessages } from '../../lib/i18n';
import { useResource } from '../../lib/resource';
import { useAuth } from '../auth/auth-context';
import { editorsKey, getEditorCandidates, getEditors, putEditors, type CourseEditors, type PersonRef } from './api';
import { useEditor } from './editor-context';
import { messages } from './messages';

export function EditorsPanel() {
  const t = useMessages(messages);
  const shared = useMessages(sharedMessages);
  const { saved } = useEditor();
  const { user } = useAuth();
  const slug = saved!.slug;
  const editors = useResource(editorsKey(slug), (signal) => getEditors(slug, signal));
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);

  const isAdmin = user?.role === 'admin';
  const manage = Boolean(editors.data && (isAdmin || (user && editors.data.owner?.id === user.id)));

  const change = async (ids: string[]) => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const result = await putEditors(slug, ids);
      editors.mutate(result);
      setMessage(t.editorsSaved);
    } catch (e) {
      setError(describeError(e, shared));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageHeading>{t.tabEditors}</PageHeading>
      <p>{t.editorsIntro}</p>
      {editors.error ? (
        <ErrorNotice error={editors.error} onRetry={editors.reload} />
      ) : !editors.data ? (
        <Skeleton lines={3} />
      ) : (
        <>
          <dl className="details">
            <div>
              <dt>{t.owner}</dt>
              <dd>{editors.data.owner ? `${editors.data.owner.name} (${editors.data.owner.email})` : t.noOwner}</dd>
            </div>
          </dl>
          <section className="studio-section" aria-labelledby="editors-heading">
            <h2 id="editors-heading">{t.editorsList}</h2>
            {editors.data.editors.length === 0 ? (
              <p className="muted">{t.noEditors}</p>
            ) : (
              <ul className="people-list">
                {editors.data.editors.map((person) => (
                  <li key={person.id} className="person">
                    <span>
                      <strong>{person.name}</strong> <span className="muted">{person.email}</span>
                    </span>
                    {manage ? (
                      <button
                        type="button"
                        className="button button--danger-link button--small"
                        aria-label={t.removeEditor(person.name)}
                        aria-disabled={busy}
                        onClick={() => change(editors.data!.editors.filter((e) => e.id !== person.id).map((e) => e.id))}
                      >
                        {t.remove}
                      </button>
                    ) : null}
                  </li>
                ))}
              </ul>
            )}
            <p className="savebar__message" role="status">
              {message}
            </p>
            {error ? (
              <p className="field__error" role="alert">
                {error}
              </p>
            ) : null}
          </section>
          {manage ? (
            <AddEditor slug={slug} current={editors.data} onAdd={(id) => change([...editors.data!.editors.map((e) => e.id), id])} />
          ) : (
            <p className="notice">{t.editorsOnlyOwner}</p>
          )}
        </>
      )}
    </>
  );
}

/** The owner or an admin finds authors by name or email. */
function AddEditor({ slug, current, onAdd }: { slug: string; current: CourseEditors; onAdd: (id: string) => void }) {
  const t = useMessages(messages);
  const [text, setText] = useState('');
  const [query, setQuery] = useState<string | null>(null);
  const found = useResource(query === null ? null : `/api/admin/courses/${encodeURIComponent(slug)}/editor-candidates?q=${encodeURIComponent(query)}`, (signal) =>
    getEditorCandidates(slug, query ?? '', signal),
  );
  const taken = new Set([current.owner?.id, ...current.editors.map((e) => e.id)]);
  const results: PersonRef[] = (found.data ?? []).filter((u) => !taken.has(u.id));

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setQuery(text.trim());
  };

  return (
    <section className="studio-section panel-box" aria-labelledby="add-editor-heading">
      <h2 id="add-editor-heading">{t.addEditorTitle}</h2>
      <p className="field__hint">{t.onlyAuthorsHint}</p>
      <form className="search" role="search" onSubmit={onSubmit}>
        <label className="field__label" htmlFor="editor-search">
          {t.searchPeople}
        </label>
        <div className="search__row">
          <input id="editor-search" className="input" type="search" value={text} onChange={(e) => setText(e.target.value)} />
          <button type="submit" className="button">
            {t.search}
          </button>
        </div>
      </form>
      {query === null ? null : found.error ? (
        <ErrorNotice error={found.error} onRetry={found.reload} />
      ) : !found.data ? (
        <Skeleton lines={2} />
      ) : results.length === 0 ? (
        <p className="muted" role="status">
          {t.noMatches}
        </p>
      ) : (
        <ul className="people-list">
          {results.map((u) => (
            <li key={u.id} className="person">
              <span>
                <strong>{u.name}</strong> <span className="muted">{u.email}</span>
              </span>
              <button type="button" className="button button--secondary button--small" aria-label={t.giveAccess(u.name)} onClick={() => onAdd(u.id)}>
                {t.giveAccessShort}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
