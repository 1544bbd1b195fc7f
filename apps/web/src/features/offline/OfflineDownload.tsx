import { useEffect, useState } from 'react';
import type { CourseDetailDto, OfflineBundleDto } from '@ecampus/contracts';
import { useFormat, useLanguage, useMessages } from '../../lib/i18n';
import { offlineBundle, offlineSupported, removeCourse, saveCourse, savedCourse, type SavedCourse } from '../../lib/offline';
import { formatBytes, messages } from './messages';
import './offline.css';

type State =
  | { step: 'idle' }
  | { step: 'sizing' }
  | { step: 'sized'; bundle: OfflineBundleDto }
  | { step: 'downloading'; bundle: OfflineBundleDto; done: number }
  | { step: 'failed' };

/** "Use offline": the size first, then the download, with progress; once saved, when, and a way to remove it. */
export function OfflineDownload({ course }: { course: CourseDetailDto }) {
  const t = useMessages(messages);
  const format = useFormat();
  const { lang } = useLanguage();
  const [saved, setSaved] = useState<SavedCourse | null | undefined>(undefined);
  const [state, setState] = useState<State>({ step: 'idle' });
  const [latest, setLatest] = useState<string | undefined>(undefined);
  const supported = offlineSupported();
  const size = (bytes: number) => formatBytes(bytes, lang);

  useEffect(() => {
    if (!supported) return;
    let cancelled = false;
    savedCourse(course.slug).then((s) => !cancelled && setSaved(s ?? null), () => !cancelled && setSaved(null));
    return () => {
      cancelled = true;
    };
  }, [course.slug, supported]);

  // A saved copy: is the published course still the same version? (Only asked when online; one small read.)
  useEffect(() => {
    if (!saved || !navigator.onLine) return;
    let cancelled = false;
    offlineBundle(course.slug).then((b) => !cancelled && setLatest(b.version), () => undefined);
    return () => {
      cancelled = true;
    };
  }, [saved, course.slug]);

  const prepare = async () => {
    setState({ step: 'sizing' });
    try {
      setState({ step: 'sized', bundle: await offlineBundle(course.slug) });
    } catch {
      setState({ step: 'failed' });
    }
  };

  const download = async (bundle: OfflineBundleDto) => {
    setState({ step: 'downloading', bundle, done: 0 });
    try {
      const record = await saveCourse(bundle, (done) => setState({ step: 'downloading', bundle, done }));
      setSaved(record);
      setLatest(record.version);
      setState({ step: 'idle' });
    } catch {
      setState({ step: 'failed' });
    }
  };

  const remove = async () => {
    await removeCourse(course.slug);
    setSaved(null);
    setState({ step: 'idle' });
  };

  if (!course.enrollment) return null;
  return (
    <section className="offline-download" aria-labelledby="offline-heading">
      <h2 id="offline-heading">{t.sectionTitle}</h2>
      {!supported ? (
        <p>{t.unsupported}</p>
      ) : saved ? (
        <>
          <p>{t.saved(size(saved.bytes), format.date(saved.savedAt))}</p>
          {latest && latest !== saved.version ? <p className="offline-download__note">{t.outdated}</p> : null}
          <div className="offline-download__actions">
            {latest && latest !== saved.version ? (
              <button type="button" className="button button--secondary" onClick={prepare}>
                {t.update}
              </button>
            ) : null}
            <button type="button" className="button button--secondary" onClick={remove}>
              {t.remove}
            </button>
          </div>
        </>
      ) : (
        <p>{t.intro}</p>
      )}
      {supported && state.step === 'idle' && !saved ? (
        <button type="button" className="button button--secondary" onClick={prepare}>
          {t.prepare}
        </button>
      ) : null}
      {state.step === 'sizing' ? <p role="status">{t.preparing}</p> : null}
      {state.step === 'sized' ? (
        <div role="status">
          <p>
            {t.willStore(
              size(state.bundle.bytes),
              state.bundle.files.filter((f) => f.url.startsWith('/api/lessons/')).length,
              state.bundle.files.filter((f) => f.url.startsWith('/api/quizzes/')).length,
            )}
          </p>
          {state.bundle.onlineOnly.length ? <p>{t.finalNeedsLine}</p> : null}
          <div className="offline-download__actions">
            <button type="button" className="button" onClick={() => download(state.bundle)}>
              {t.download(size(state.bundle.bytes))}
            </button>
            <button type="button" className="button button--secondary" onClick={() => setState({ step: 'idle' })}>
              {t.cancel}
            </button>
          </div>
        </div>
      ) : null}
      {state.step === 'downloading' ? (
        <div>
          <label htmlFor="offline-progress">{t.downloading(size(state.done), size(state.bundle.bytes))}</label>
          <progress id="offline-progress" max={state.bundle.bytes} value={state.done} />
        </div>
      ) : null}
      {state.step === 'failed' ? (
        <div className="notice notice--error" role="alert">
          <p>{t.failed}</p>
          <button type="button" className="button button--secondary" onClick={prepare}>
            {t.prepare}
          </button>
        </div>
      ) : null}
    </section>
  );
}
