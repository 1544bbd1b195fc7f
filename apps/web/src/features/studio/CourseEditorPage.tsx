import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link, NavLink, Route, Routes, useLocation, useNavigate, useParams } from 'react-router';
import type { CourseDocument } from '@ecampus/contracts';
import { ErrorNotice, describeError } from '../../components/ErrorNotice';
import { PageHeading } from '../../components/PageHeading';
import { Skeleton } from '../../components/Skeleton';
import { messages as sharedMessages } from '../../components/messages';
import { ApiError } from '../../lib/http';
import { useFormat, useLanguage, useMessages } from '../../lib/i18n';
import { invalidate, useResource } from '../../lib/resource';
import { announce } from '../../lib/route-focus';
import { routes, serverPages } from '../../routes';
import {
  adminCourseKey,
  adminCoursesKey,
  assetsKey,
  getAdminCourse,
  getAssets,
  postCourse,
  postPublish,
  putCourse,
  type AdminCourseDocument,
} from './api';
import { useConfirm } from './ConfirmDialog';
import { CourseOverview } from './CourseOverview';
import { EditorContext, useEditor, type EditorContextValue } from './editor-context';
import { EditorsPanel } from './EditorsPanel';
import { HistoryPanel } from './HistoryPanel';
import { ItemEditor } from './ItemEditor';
import { messages } from './messages';
import { dropUnsaved, readUnsaved, useKeepUnsaved, type UnsavedCopy } from './unsaved-copy';
import { adoptServerIds, checkCourse, emptyCourse, sameContent, serverProblems, toDocument, toModel, type CourseModel, type Problem } from './model';
import { TranslationsPanel } from './TranslationsPanel';
import './studio.css';

/** Handed over in navigation state: a course just created (no need to fetch it) or a translation to start. */
interface EditorState {
  doc?: AdminCourseDocument;
  /** The editor's model of that course (its uids, so the view that was open stays open). */
  model?: CourseModel;
  /** What the save bar says on arrival ("course created"). */
  message?: string;
  template?: CourseModel;
}

export default function CourseEditorPage({ isNew = false }: { isNew?: boolean }) {
  const { slug = '' } = useParams();
  const location = useLocation();
  const { lang } = useLanguage();
  const state = (location.state ?? {}) as EditorState;

  if (isNew) return <Editor key="new" saved={null} initial={state.template ?? emptyCourse(lang)} />;
  const handed = state.doc?.slug === slug ? state.doc : undefined;
  return <ExistingCourse key={slug} slug={slug} handed={handed} handedModel={handed ? state.model : undefined} message={handed ? state.message : undefined} />;
}

/** The draft is always read fresh (never from a cache): an old copy saved back would undo someone's work. */
function ExistingCourse({ slug, handed: handedProp, handedModel, message }: { slug: string; handed?: AdminCourseDocument; handedModel?: CourseModel; message?: string }) {
  const t = useMessages(messages);
  const shared = useMessages(sharedMessages);
  const [handed] = useState(handedProp);
  const [initial] = useState(handedModel);
  const [arrival] = useState(message);
  const [doc, setDoc] = useState<AdminCourseDocument | undefined>(handed);
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  const navigate = useNavigate();
  const location = useLocation();

  useEffect(() => {
    // The handed-over copy is for this visit only: a reload must read the server's draft.
    if (handed) navigate(location.pathname + location.search, { replace: true, state: null });
    // Once, on arrival.
  }, []);

  useEffect(() => {
    if (handed) return;
    const controller = new AbortController();
    getAdminCourse(slug, controller.signal).then(
      (d) => setDoc(d),
      (e: unknown) => {
        if (!controller.signal.aborted) setError(e);
      },
    );
    return () => controller.abort();
  }, [slug, handed, attempt]);

  if (error) {
    const notFound = error instanceof ApiError && error.status === 404;
    return (
      <div className="container page">
        <PageHeading>{notFound ? t.notFoundTitle : shared.errorTitle}</PageHeading>
        <ErrorNotice
          error={error}
          onRetry={() => {
            setError(null);
            setAttempt((n) => n + 1);
          }}
        />
        <p>
          <Link to={routes.studio()}>{t.backToStudio}</Link>
        </p>
      </div>
    );
  }
  if (!doc) {
    return (
      <div className="container page page--wide">
        <PageHeading loading />
        <Skeleton lines={8} className="skeleton--lesson" />
      </div>
    );
  }
  return <Editor saved={doc} initial={doc === handed && initial ? initial : toModel(doc)} initialMessage={doc === handed ? arrival : undefined} />;
}

function Editor({ saved: savedAtStart, initial, initialMessage = '' }: { saved: AdminCourseDocument | null; initial: CourseModel; initialMessage?: string }) {
  const t = useMessages(messages);
  const format = useFormat();
  const shared = useMessages(sharedMessages);
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const [dialog, confirm] = useConfirm();
  const [model, setModel] = useState<CourseModel>(initial);
  const [baseline, setBaseline] = useState<CourseModel>(initial);
  const [saved, setSaved] = useState<AdminCourseDocument | null>(savedAtStart);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [saving, setSaving] = useState(false);
  const [publishing, setPublishing] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const [message, setMessage] = useState(initialMessage);
  const pendingFocus = useRef<string | null>(null);

  const isNew = saved === null;
  const slug = saved?.slug ?? '';
  const canEdit = saved ? saved.canEdit : true;
  // A new course counts as unsaved as soon as the page opens: there is nothing on the server yet.
  const dirty = isNew ? model.title !== '' || model.modules.length > 0 || model.summary !== '' : !sameContent(model, baseline);
  const base = isNew ? routes.studioNew() : routes.studioCourse(slug);
  // The draft this page's work started from: a save is refused (and the author asked) if the server's moved on.
  const [baseTag, setBaseTag] = useState<string | null>(savedAtStart?.draftTag ?? null);
  // Work left unsaved here before (back button, closed tab, crash), offered back once.
  const [recovery, setRecovery] = useState<UnsavedCopy | null>(() => {
    const copy = canEdit ? readUnsaved(slug) : null;
    return copy && !sameContent(copy.model, initial) ? copy : null;
  });
  useKeepUnsaved(slug, model, dirty, baseTag, recovery !== null);

  const assets = useResource(isNew ? null : assetsKey(slug), (signal) => getAssets(slug, signal));

  const say = useCallback((text: string) => {
    setMessage(text);
    announce(text);
  }, []);

  const problemsById = useMemo(() => {
    const map = new Map<string, string[]>();
    for (const p of problems) if (p.fieldId) map.set(p.fieldId, [...(map.get(p.fieldId) ?? []), p.message]);
    return map;
  }, [problems]);

  const adopt = useCallback((doc: AdminCourseDocument) => {
    const next = toModel(doc);
    setModel(next);
    setBaseline(next);
    setSaved(doc);
    setBaseTag(doc.draftTag);
    setProblems([]);
    invalidate(adminCoursesKey);
  }, []);

  useLeaveGuard(dirty, base, confirm, t);

  // A message belongs to the view it was said in.
  const shownAt = useRef(pathname);
  useEffect(() => {
    if (shownAt.current === pathname) return;
    shownAt.current = pathname;
    setMessage('');
  }, [pathname]);

  /** `overwrite`: the author chose to save over a draft someone else saved meanwhile. */
  const save = async (overwrite = false) => {
    if ((saving && !overwrite) || !canEdit) return;
    const found = checkCourse(model, t, isNew);
    setFormError(null);
    if (found.length > 0) {
      setProblems(found);
      setAttempt((n) => n + 1);
      return;
    }
    setSaving(true);
    const sent = model;
    try {
      const doc = toDocument(sent);
      let result: AdminCourseDocument;
      if (isNew) {
        // A new course is its own translation group unless it was started as a translation.
        const { translationKey, ...rest } = doc;
        result = await postCourse((translationKey ? doc : rest) as CourseDocument);
      } else {
        result = await putCourse(slug, doc, overwrite ? undefined : (baseTag ?? undefined));
      }
      const answered = toModel(result, sent);
      setBaseline(answered);
      setModel((current) => (current === sent ? answered : adoptServerIds(current, answered)));
      setSaved(result);
      setBaseTag(result.draftTag);
      setProblems([]);
      invalidate(adminCoursesKey);
      invalidate(`${adminCourseKey(result.slug)}/`);
      if (isNew) dropUnsaved('');
      if (!isNew) say(t.savedOk);
      else {
        announce(t.createdOk);
        // The new course's own address, keeping the view that was open (a lesson being written stays open).
        const view = pathname.startsWith(base) ? pathname.slice(base.length) : '';
        navigate(routes.studioCourse(result.slug) + view, { replace: true, state: { doc: result, model: answered, message: t.createdOk } satisfies EditorState });
      }
    } catch (e) {
      if (e instanceof ApiError && (e.status === 400 || e.status === 422)) {
        setProblems(serverProblems(e.messages, sent, t));
        setAttempt((n) => n + 1);
      } else if (e instanceof ApiError && e.status === 409) {
        setProblems([{ fieldId: isNew ? 'f-course-slug' : '', place: t.courseDetails, message: t.slugTaken }]);
        setAttempt((n) => n + 1);
      } else if (e instanceof ApiError && e.status === 412) {
        // Someone saved the course after this page loaded it: saving now would silently undo their work.
        setSaving(false);
        const ok = await confirm({
          title: t.staleTitle,
          body: (
            <>
              <p>{t.staleBody}</p>
              <p className="muted">{e.messages.join(' ')}</p>
            </>
          ),
          confirmLabel: t.staleOverwrite,
          cancelLabel: t.staleKeepEditing,
        });
        if (ok) await save(true);
        else say(t.staleKept);
      } else if (e instanceof ApiError && e.status === 403) {
        setFormError(t.cannotEdit);
      } else {
        setFormError(describeError(e, shared));
      }
    } finally {
      setSaving(false);
    }
  };

  const publish = async () => {
    if (!saved || publishing || !canEdit) return;
    if (dirty) {
      say(t.publishSaveFirst);
      return;
    }
    if (saved.status === 'published' && !saved.hasUnpublishedChanges) {
      say(t.nothingToPublish);
      return;
    }
    const missing = checkCourse(model, t, false, { publishing: true });
    if (missing.length > 0) {
      setProblems(missing);
      setAttempt((n) => n + 1);
      return;
    }
    const ok = await confirm({ title: t.publishTitle, body: <p>{t.publishBody}</p>, confirmLabel: t.publishConfirm, cancelLabel: t.cancel });
    if (!ok) return;
    setPublishing(true);
    setFormError(null);
    try {
      const result = await postPublish(saved.slug);
      adopt(result);
      invalidate('/api/courses');
      invalidate(`${adminCourseKey(result.slug)}/`);
      say(t.publishedOk(result.version ?? 1));
    } catch (e) {
      if (e instanceof ApiError && e.status === 422) {
        setProblems(serverProblems(e.messages, model, t));
        setAttempt((n) => n + 1);
      } else setFormError(e instanceof ApiError && e.status === 403 ? t.cannotEdit : describeError(e, shared));
    } finally {
      setPublishing(false);
    }
  };

  const value: EditorContextValue = {
    model,
    update: setModel,
    saved,
    isNew,
    canEdit,
    dirty,
    problemsById,
    assets: assets.data ?? [],
    reloadAssets: assets.reload,
    confirm,
    adopt,
    base,
    say,
    pendingFocus,
  };

  const tab = (to: string, label: string, end = false) => (
    <li>
      <NavLink to={to} end={end} className="tabs__link">
        {label}
      </NavLink>
    </li>
  );

  return (
    <EditorContext value={value}>
      <div className="container page page--wide studio">
        <p className="breadcrumb">
          <Link to={routes.studio()}>
            <span aria-hidden="true">← </span>
            {t.backToStudio}
          </Link>
        </p>
        <div className="studio-head">
          {/* The course's name, above its other views (the course view has it as its heading). */}
          {pathname !== base ? (
            <p className="studio-head__course" lang={model.language}>
              {model.title.trim() || (isNew ? t.newCourseTitle : t.untitled)}
            </p>
          ) : null}
          {saved ? <CourseStatusLine saved={saved} /> : null}
          {saved ? (
            <p className="studio-head__links">
              <Link to={routes.studioPreview(saved.slug)}>{t.preview}</Link>
              <a href={serverPages.courseZip(saved.slug)} download>
                {t.exportZip}
              </a>
            </p>
          ) : null}
        </div>
        {!isNew ? (
          <nav className="tabs" aria-label={t.editorSections}>
            <ul className="tabs__list">
              {tab(base, t.tabCourse, true)}
              {tab(routes.studioHistory(slug), t.tabHistory)}
              {tab(routes.studioTranslations(slug), t.tabTranslations)}
              {tab(routes.studioEditors(slug), t.tabEditors)}
            </ul>
          </nav>
        ) : null}
        {!canEdit ? <p className="notice">{t.cannotEdit}</p> : null}
        {recovery ? (
          <section className="notice recovery" aria-labelledby="recovery-heading">
            <h2 id="recovery-heading" className="recovery__title">
              {t.recoveryTitle}
            </h2>
            <p>{t.recoveryBody(format.date(recovery.at))}</p>
            <div className="actions">
              <button
                type="button"
                className="button"
                onClick={() => {
                  setModel(recovery.model);
                  // Saved since the copy was made? Then the next save asks before replacing that newer draft.
                  if (recovery.baseTag) setBaseTag(recovery.baseTag);
                  setRecovery(null);
                  say(t.recovered);
                }}
              >
                {t.recover}
              </button>
              <button
                type="button"
                className="button button--secondary"
                onClick={() => {
                  dropUnsaved(slug);
                  setRecovery(null);
                  say(t.recoveryDiscarded);
                }}
              >
                {t.discardRecovery}
              </button>
            </div>
          </section>
        ) : null}
        <ProblemSummary problems={problems} attempt={attempt} base={base} />
        <Routes>
          <Route index element={<CourseOverview />} />
          <Route path="items/:uid" element={<ItemEditor />} />
          {!isNew ? <Route path="history" element={<HistoryPanel />} /> : null}
          {!isNew ? <Route path="translations" element={<TranslationsPanel />} /> : null}
          {!isNew ? <Route path="editors" element={<EditorsPanel />} /> : null}
          <Route path="*" element={<CourseOverview />} />
        </Routes>
        <div className="savebar" role="region" aria-label={t.save}>
          <div className="savebar__inner">
            <p className={`savebar__state${dirty || isNew ? ' savebar__state--dirty' : ''}`}>{isNew && !dirty ? t.notSavedYet : dirty ? t.unsaved : t.allSaved}</p>
            <p className="savebar__message" role="status">
              {formError ? <span className="savebar__error">{formError}</span> : message}
            </p>
            <div className="savebar__actions">
              <button type="button" className="button" onClick={() => save()} aria-disabled={saving || !canEdit}>
                {saving ? t.saving : t.save}
              </button>
              {saved ? (
                <button type="button" className="button button--secondary" onClick={publish} aria-disabled={publishing || !canEdit}>
                  {publishing ? t.publishing : t.publish}
                </button>
              ) : null}
            </div>
          </div>
        </div>
        {dialog}
      </div>
    </EditorContext>
  );
}

function CourseStatusLine({ saved }: { saved: AdminCourseDocument }) {
  const t = useMessages(messages);
  return (
    <p className="studio-head__status">
      <span className={`status ${saved.status === 'published' ? 'status--completed' : 'status--pending'}`}>{t.status[saved.status]}</span>{' '}
      {saved.status === 'published' ? t.statusPublished(saved.version ?? 1) : t.statusNeverPublished}
      {saved.status === 'published' && saved.hasUnpublishedChanges ? ` ${t.statusPending}` : null}
    </p>
  );
}

/** Every problem of the last save, each a link to its control, also when that control is in another view. */
function ProblemSummary({ problems, attempt, base }: { problems: Problem[]; attempt: number; base: string }) {
  const t = useMessages(messages);
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const ref = useRef<HTMLDivElement>(null);
  const { pendingFocus } = useEditor();

  useEffect(() => {
    if (problems.length > 0) ref.current?.focus();
    // Focus on each failed attempt, not on every edit.
  }, [attempt]);

  if (problems.length === 0) return null;

  const go = (p: Problem) => {
    const target = p.fieldId ? document.getElementById(p.fieldId) : null;
    if (target) {
      target.focus();
      target.scrollIntoView({ block: 'center' });
      return;
    }
    if (!p.fieldId) return;
    const view = p.itemUid ? `${base}/items/${encodeURIComponent(p.itemUid)}` : base;
    if (pathname !== view) {
      pendingFocus.current = p.fieldId;
      navigate(view);
    }
  };

  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={ref}>
      <h2 className="error-summary__title">{t.errorSummaryTitle}</h2>
      <ul>
        {problems.map((p, index) => (
          <li key={`${p.fieldId}-${index}`}>
            {p.fieldId ? (
              <a
                href={`#${p.fieldId}`}
                onClick={(event) => {
                  event.preventDefault();
                  go(p);
                }}
              >
                {p.place ? `${p.place}: ` : ''}
                {p.message}
              </a>
            ) : (
              p.message
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * Leaving with unsaved changes asks first: links elsewhere in the app (checked on click, before the router
 * sees them) and closing or reloading the tab (the browser's own question).
 */
function useLeaveGuard(dirty: boolean, base: string, confirm: ReturnType<typeof useConfirm>[1], t: (typeof messages)['es']) {
  const navigate = useNavigate();
  useEffect(() => {
    if (!dirty) return;
    const inside = (path: string) => (path === base || path.startsWith(`${base}/`)) && !path.startsWith(`${base}/preview`);
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = '';
    };
    const onClick = (event: MouseEvent) => {
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const anchor = (event.target as Element | null)?.closest?.('a');
      if (!anchor || !anchor.href || (anchor.target && anchor.target !== '_self') || anchor.hasAttribute('download')) return;
      const url = new URL(anchor.href, window.location.href);
      if (url.origin !== window.location.origin || inside(url.pathname)) return;
      if (url.pathname === window.location.pathname) return;
      event.preventDefault();
      event.stopPropagation();
      void confirm({ title: t.leaveTitle, body: <p>{t.leaveBody}</p>, confirmLabel: t.leaveConfirm, cancelLabel: t.stay, danger: true }).then((ok) => {
        if (!ok) return;
        window.removeEventListener('beforeunload', onBeforeUnload);
        if (url.pathname.startsWith('/api/') || url.pathname.startsWith('/verify/')) window.location.assign(url.href);
        else navigate(url.pathname + url.search + url.hash);
      });
    };
    document.addEventListener('click', onClick, true);
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      document.removeEventListener('click', onClick, true);
      window.removeEventListener('beforeunload', onBeforeUnload);
    };
  }, [dirty, base, confirm, t, navigate]);
}
