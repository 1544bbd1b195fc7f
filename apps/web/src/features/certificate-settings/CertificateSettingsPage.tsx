import { useRef, useState, type FormEvent } from 'react';
import { ErrorNotice, describeError } from '../../components/ErrorNotice';
import { Field } from '../../components/Field';
import { PageHeading } from '../../components/PageHeading';
import { Skeleton } from '../../components/Skeleton';
import { messages as sharedMessages } from '../../components/messages';
import { useMessages } from '../../lib/i18n';
import { useResource } from '../../lib/resource';
import { deleteSignature, getSettings, putSettings, putSignature, SETTINGS_URL, type CertificateSettings } from './api';
import { messages } from './messages';
import '../studio/studio.css';

/** Admins: who signs the certificates, the programme's name and the signature picture. */
export default function CertificateSettingsPage() {
  const t = useMessages(messages);
  const settings = useResource(SETTINGS_URL, (signal) => getSettings(signal));
  return (
    <div className="container page">
      <PageHeading>{t.title}</PageHeading>
      <p>{t.intro}</p>
      {settings.error ? (
        <ErrorNotice error={settings.error} onRetry={settings.reload} />
      ) : !settings.data ? (
        <Skeleton lines={6} />
      ) : (
        <SettingsForms settings={settings.data} onChange={settings.mutate} />
      )}
    </div>
  );
}

function SettingsForms({ settings, onChange }: { settings: CertificateSettings; onChange: (s: CertificateSettings) => void }) {
  const t = useMessages(messages);
  const [form, setForm] = useState({ signatoryName: settings.signatoryName, signatoryTitle: settings.signatoryTitle, programmeName: settings.programmeName });
  const [message, setMessage] = useState<{ text: string; error?: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const file = useRef<HTMLInputElement>(null);
  const describe = useDescribe();

  const run = async (work: () => Promise<CertificateSettings | void>, done: string) => {
    setBusy(true);
    try {
      const next = await work();
      if (next) onChange(next);
      setMessage({ text: done });
    } catch (e) {
      setMessage({ text: describe(e), error: true });
    } finally {
      setBusy(false);
    }
  };

  const save = (e: FormEvent) => {
    e.preventDefault();
    void run(() => putSettings(form), t.saved);
  };
  const upload = (e: FormEvent) => {
    e.preventDefault();
    const chosen = file.current?.files?.[0];
    if (!chosen) return setMessage({ text: t.chooseFile, error: true });
    void run(() => putSignature(chosen), t.uploaded);
  };
  const remove = () => void run(async () => {
    await deleteSignature();
    return { ...settings, signatureId: null, signatureUrl: null };
  }, t.removed);

  return (
    <>
      <p className={message?.error ? 'field__error' : 'savebar__message'} role={message?.error ? 'alert' : 'status'}>
        {message?.text ?? ''}
      </p>
      <form onSubmit={save} className="stack">
        <Field label={t.signatoryName} hint={t.signatoryNameHint}>
          {(p) => <input {...p} className="input" maxLength={120} autoComplete="off" value={form.signatoryName} onChange={(e) => setForm({ ...form, signatoryName: e.target.value })} />}
        </Field>
        <Field label={t.signatoryTitle} hint={t.signatoryTitleHint} optionalText={t.optional}>
          {(p) => <input {...p} className="input" maxLength={160} autoComplete="off" value={form.signatoryTitle} onChange={(e) => setForm({ ...form, signatoryTitle: e.target.value })} />}
        </Field>
        <Field label={t.programmeName} hint={t.programmeNameHint} optionalText={t.optional}>
          {(p) => <input {...p} className="input" maxLength={160} autoComplete="off" value={form.programmeName} onChange={(e) => setForm({ ...form, programmeName: e.target.value })} />}
        </Field>
        <div className="actions">
          <button type="submit" className="button" disabled={busy}>{t.save}</button>
        </div>
      </form>
      <h2>{t.signature}</h2>
      {settings.signatureUrl ? (
        <figure>
          <img src={`${settings.signatureUrl}?v=${settings.signatureId}`} alt={t.current} style={{ maxWidth: '100%', maxHeight: '6rem', background: '#fff' }} />
          <figcaption className="muted">{t.current}</figcaption>
        </figure>
      ) : (
        <p className="muted">{t.noSignature}</p>
      )}
      <form onSubmit={upload} className="stack">
        <Field label={t.signature} hint={t.signatureHint} optionalText={t.optional}>
          {(p) => <input {...p} ref={file} type="file" accept="image/png,image/jpeg" />}
        </Field>
        <div className="actions">
          <button type="submit" className="button" disabled={busy}>{t.upload}</button>
          {settings.signatureId ? (
            <button type="button" className="button button--secondary" disabled={busy} onClick={remove}>{t.remove}</button>
          ) : null}
        </div>
      </form>
    </>
  );
}

function useDescribe() {
  const shared = useMessages(sharedMessages);
  return (e: unknown) => describeError(e, shared);
}
