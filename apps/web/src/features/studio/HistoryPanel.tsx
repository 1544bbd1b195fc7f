import { useState } from 'react';
import { ErrorNotice, describeError } from '../../components/ErrorNotice';
import { PageHeading } from '../../components/PageHeading';
import { Skeleton } from '../../components/Skeleton';
import { messages as sharedMessages } from '../../components/messages';
import { useFormat, useLanguage, useMessages } from '../../lib/i18n';
import { invalidate, useResource } from '../../lib/resource';
import { adminCourseKey, changesKey, getChanges, getVersions, postRestore, versionsKey, type CourseVersion } from './api';
import { useEditor } from './editor-context';
import { messages } from './messages';

export function HistoryPanel() {
  const t = useMessages(messages);
  const { saved } = useEditor();
  const slug = saved!.slug;
  // Keyed by the draft's last change, so a save or a publish shows up here at once.
  const stamp = saved!.updatedAt;
  const versions = useResource(`${versionsKey(slug)}#${stamp}`, (signal) => getVersions(slug, signal));
  const changes = useResource(`${changesKey(slug)}#${stamp}`, (signal) => getChanges(slug, signal));

  return (
    <>
      <PageHeading>{t.tabHistory}</PageHeading>
      <section className="studio-section" aria-labelledby="versions-heading">
        <h2 id="versions-heading">{t.versionsTitle}</h2>
        {versions.error ? (
          <ErrorNotice error={versions.error} onRetry={versions.reload} />
        ) : !versions.data ? (
          <Skeleton lines={3} />
        ) : versions.data.length === 0 ? (
          <p className="muted">{t.noVersions}</p>
        ) : (
          <ol className="version-list">
            {versions.data.map((v) => (
              <VersionRow key={v.number} version={v} />
            ))}
          </ol>
        )}
      </section>
      <section className="studio-section" aria-labelledby="changes-heading">
        <h2 id="changes-heading">{t.changesTitle}</h2>
        {changes.error ? (
          <ErrorNotice error={changes.error} onRetry={changes.reload} />
        ) : !changes.data ? (
          <Skeleton lines={5} className="skeleton--table" />
        ) : changes.data.length === 0 ? (
          <p className="muted">{t.noChanges}</p>
        ) : (
          <ChangesTable changes={changes.data} />
        )}
      </section>
    </>
  );
}

function VersionRow({ version }: { version: CourseVersion }) {
  const t = useMessages(messages);
  const shared = useMessages(sharedMessages);
  const format = useFormat();
  const { saved, dirty, confirm, adopt, say, canEdit } = useEditor();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const restore = async () => {
    if (busy || !saved) return;
    const ok = await confirm({
      title: t.restoreTitle(version.number),
      body: (
        <p>
          {t.restoreBody}
          {dirty ? ` ${t.restoreBodyUnsaved}` : ''}
        </p>
      ),
      confirmLabel: t.restoreConfirm,
      cancelLabel: t.cancel,
      danger: dirty,
    });
    if (!ok) return;
    setBusy(true);
    setError(null);
    try {
      const doc = await postRestore(saved.slug, version.number);
      invalidate(`${adminCourseKey(saved.slug)}/`);
      adopt(doc);
      say(t.restoredOk(version.number));
    } catch (e) {
      setError(describeError(e, shared));
    } finally {
      setBusy(false);
    }
  };

  return (
    <li className="version">
      <div>
        <p className="version__name">
          <strong>{t.versionNumber(version.number)}</strong>
          {version.current ? <span className="status status--completed">{t.currentVersion}</span> : null}
        </p>
        <p className="muted version__meta">{t.publishedByOn(version.publishedBy?.name ?? t.someone, format.date(version.publishedAt))}</p>
        {error ? (
          <p className="field__error" role="alert">
            {error}
          </p>
        ) : null}
      </div>
      {canEdit ? (
        <button type="button" className="button button--secondary button--small" aria-label={t.restoreLabel(version.number)} aria-disabled={busy} onClick={restore}>
          {t.restore}
        </button>
      ) : null}
    </li>
  );
}

function ChangesTable({ changes }: { changes: { at: string; user: { name: string } | null; action: keyof (typeof messages)['es']['actions']; summary: string }[] }) {
  const t = useMessages(messages);
  const { lang } = useLanguage();
  const when = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <div className="table-wrap" role="region" aria-labelledby="changes-caption" tabIndex={0}>
      <table className="table table--changes">
        <caption id="changes-caption">{t.changesCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.when}</th>
            <th scope="col">{t.who}</th>
            <th scope="col">{t.what}</th>
          </tr>
        </thead>
        <tbody>
          {changes.map((c, index) => (
            <tr key={`${c.at}-${index}`}>
              <td className="nowrap">{when.format(new Date(c.at))}</td>
              <td>{c.user?.name ?? t.someone}</td>
              <td>
                <strong>{t.actions[c.action]}</strong>
                {/* The server writes the summary in English ("changed title; added lesson …"). */}
                <span lang="en">: {c.summary}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
