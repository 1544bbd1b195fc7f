import { useState, type FormEvent } from 'react';
import { DIRECTORY_KINDS, type AdminDirectoryEntryDto, type DirectoryKind } from '@ecampus/contracts';
import { ErrorNotice, describeError } from '../../components/ErrorNotice';
import { Field } from '../../components/Field';
import { PageHeading } from '../../components/PageHeading';
import { Skeleton } from '../../components/Skeleton';
import { messages as sharedMessages } from '../../components/messages';
import { ApiError } from '../../lib/http';
import { useLanguage, useMessages } from '../../lib/i18n';
import { invalidate, useResource } from '../../lib/resource';
import { countryOptions } from '../auth/countries';
import { useConfirm } from '../studio/ConfirmDialog';
import { ADMIN_DIRECTORY_KEY, deleteDirectoryEntry, getAdminDirectory, saveDirectoryEntry, type DirectoryEntryInput } from './api';
import { DirectoryEntryCard } from './DirectoryPage';
import { adminMessages, messages } from './messages';
import './directory.css';

const today = () => new Date().toISOString().slice(0, 10);
const EMPTY: DirectoryEntryInput = { country: 'MX', kind: 'hotline', name: '', phone: '', url: '', hours: '', languages: ['es'], source: '', verifiedAt: today() };

/** Admins keep the referral directory: every entry with its public source and the day it was checked. */
export default function DirectoryAdminPage() {
  const t = useMessages(adminMessages);
  const entries = useResource(ADMIN_DIRECTORY_KEY, (signal) => getAdminDirectory(signal));
  const [editing, setEditing] = useState<{ id: string | null; entry: DirectoryEntryInput } | null>(null);
  const [status, setStatus] = useState('');
  const [dialog, confirm] = useConfirm();
  const shared = useMessages(sharedMessages);

  const changed = (text: string) => {
    invalidate('/api/directory');
    invalidate(ADMIN_DIRECTORY_KEY);
    entries.reload();
    setStatus(text);
  };

  const remove = async (entry: AdminDirectoryEntryDto) => {
    const ok = await confirm({ title: t.confirmDeleteTitle, body: t.confirmDelete(entry.name), confirmLabel: t.delete, cancelLabel: t.cancel, danger: true });
    if (!ok) return;
    try {
      await deleteDirectoryEntry(entry.id);
      changed(t.deleted(entry.name));
    } catch (error) {
      setStatus(describeError(error, shared));
    }
  };

  const stale = entries.data?.filter((e) => e.stale).length ?? 0;
  return (
    <div className="container page">
      <PageHeading>{t.title}</PageHeading>
      <p>{t.intro}</p>
      <p role="status" className="results-count">
        {status}
      </p>
      {stale > 0 ? <p className="notice notice--warning">{t.staleCount(stale)}</p> : null}
      {editing ? (
        <EntryForm
          key={editing.id ?? 'new'}
          id={editing.id}
          initial={editing.entry}
          onCancel={() => setEditing(null)}
          onSaved={(saved) => {
            setEditing(null);
            changed(t.saved(saved.name));
          }}
        />
      ) : (
        <button type="button" className="button" onClick={() => setEditing({ id: null, entry: EMPTY })}>
          {t.add}
        </button>
      )}
      {entries.error ? (
        <ErrorNotice error={entries.error} onRetry={entries.reload} />
      ) : !entries.data ? (
        <Skeleton lines={4} />
      ) : entries.data.length === 0 ? (
        <p className="notice">{t.empty}</p>
      ) : (
        <ul className="directory-list" aria-label={t.title}>
          {entries.data.map((entry) => (
            <DirectoryEntryCard key={entry.id} entry={entry} stale={entry.stale ? t.stale : undefined}>
              <div className="directory-entry__actions">
                <button
                  type="button"
                  className="button button--secondary"
                  aria-label={t.editLabel(entry.name)}
                  onClick={() => setEditing({ id: entry.id, entry: toInput(entry) })}
                >
                  {t.editButton}
                </button>
                <button type="button" className="button button--secondary" aria-label={t.deleteLabel(entry.name)} onClick={() => void remove(entry)}>
                  {t.delete}
                </button>
              </div>
            </DirectoryEntryCard>
          ))}
        </ul>
      )}
      {dialog}
    </div>
  );
}

const toInput = (e: AdminDirectoryEntryDto): DirectoryEntryInput => ({
  country: e.country,
  kind: e.kind,
  name: e.name,
  phone: e.phone ?? '',
  url: e.url ?? '',
  hours: e.hours ?? '',
  languages: e.languages,
  source: e.source,
  verifiedAt: e.verifiedAt,
});

const FIELDS = ['country', 'kind', 'name', 'phone', 'url', 'hours', 'languages', 'source', 'verifiedAt'] as const;
type FieldName = (typeof FIELDS)[number];

/** The server names the field in its message ("phone must be…"): show it there. */
function fieldErrors(error: unknown): Partial<Record<FieldName, string>> {
  if (!(error instanceof ApiError) || error.status !== 400) return {};
  const out: Partial<Record<FieldName, string>> = {};
  for (const message of error.messages) {
    const field = FIELDS.find((f) => message.startsWith(`${f} `));
    if (field && !out[field]) out[field] = message;
  }
  return out;
}

function EntryForm({ id, initial, onCancel, onSaved }: {
  id: string | null;
  initial: DirectoryEntryInput;
  onCancel: () => void;
  onSaved: (saved: AdminDirectoryEntryDto) => void;
}) {
  const t = useMessages(adminMessages);
  const names = useMessages(messages);
  const shared = useMessages(sharedMessages);
  const { lang } = useLanguage();
  const [entry, setEntry] = useState(initial);
  const [languages, setLanguages] = useState(initial.languages.join(', '));
  const [errors, setErrors] = useState<Partial<Record<FieldName, string>>>({});
  const [failure, setFailure] = useState('');
  const [busy, setBusy] = useState(false);
  const { programme, others } = countryOptions(lang);
  const set = (field: keyof DirectoryEntryInput) => (e: { target: { value: string } }) => setEntry({ ...entry, [field]: e.target.value });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setFailure('');
    try {
      const list = languages.split(/[\s,]+/).map((l) => l.trim().toLowerCase()).filter(Boolean);
      onSaved(await saveDirectoryEntry(id, { ...entry, languages: list }));
    } catch (error) {
      const found = fieldErrors(error);
      setErrors(found);
      setFailure(Object.keys(found).length ? t.checkFields : describeError(error, shared));
    } finally {
      setBusy(false);
    }
  };

  const text = (field: 'name' | 'phone' | 'url' | 'hours' | 'verifiedAt', label: string, opts: { hint?: string; optional?: boolean; type?: string } = {}) => (
    <Field label={label} hint={opts.hint} error={errors[field]} optionalText={opts.optional ? t.optional : undefined}>
      {(control) => <input {...control} className="input" type={opts.type ?? 'text'} value={entry[field]} onChange={set(field)} required={!opts.optional} />}
    </Field>
  );

  return (
    <form className="directory-form" onSubmit={submit} noValidate aria-label={id ? t.edit(initial.name) : t.add}>
      <h2>{id ? t.edit(initial.name) : t.add}</h2>
      <Field label={names.country} error={errors.country}>
        {(control) => (
          <select {...control} className="select" value={entry.country} onChange={set('country')}>
            {[...programme, ...others].map((c) => (
              <option key={c.code} value={c.code}>
                {c.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={names.kind} error={errors.kind}>
        {(control) => (
          <select {...control} className="select" value={entry.kind} onChange={(e) => setEntry({ ...entry, kind: e.target.value as DirectoryKind })}>
            {DIRECTORY_KINDS.map((k) => (
              <option key={k} value={k}>
                {names.kinds[k]}
              </option>
            ))}
          </select>
        )}
      </Field>
      {text('name', t.name)}
      {text('phone', t.phone, { hint: t.phoneHint, optional: true, type: 'tel' })}
      {text('url', t.url, { hint: t.urlHint, optional: true, type: 'url' })}
      {text('hours', t.hours, { optional: true })}
      <Field label={t.languages} hint={t.languagesHint} error={errors.languages}>
        {(control) => <input {...control} className="input" value={languages} onChange={(e) => setLanguages(e.target.value)} required />}
      </Field>
      <Field label={t.source} hint={t.sourceHint} error={errors.source}>
        {(control) => <textarea {...control} className="input" rows={3} value={entry.source} onChange={set('source')} required />}
      </Field>
      {text('verifiedAt', t.verifiedAt, { type: 'date' })}
      {failure ? (
        <p className="field__error" role="alert">
          {failure}
        </p>
      ) : null}
      <div className="directory-entry__actions">
        <button type="submit" className="button" disabled={busy}>
          {t.save}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t.cancel}
        </button>
      </div>
    </form>
  );
}
