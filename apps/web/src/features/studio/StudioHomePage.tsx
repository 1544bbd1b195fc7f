import { useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { ErrorNotice, describeError } from '../../components/ErrorNotice';
import { PageHeading } from '../../components/PageHeading';
import { Skeleton } from '../../components/Skeleton';
import { messages as sharedMessages } from '../../components/messages';
import { ApiError } from '../../lib/http';
import { useFormat, useMessages } from '../../lib/i18n';
import { invalidate, useResource } from '../../lib/resource';
import { routes } from '../../routes';
import { adminCoursesKey, getAdminCourses, postImport, type AdminCourseListItem, type ImportedCourse } from './api';
import { messages } from './messages';
import './studio.css';

const MAX_ZIP_BYTES = 50 * 1024 * 1024;

export default function StudioHomePage() {
  const t = useMessages(messages);
  const courses = useResource(adminCoursesKey, (signal) => getAdminCourses(signal));
  const editable = courses.data?.filter((c) => c.canEdit) ?? [];
  const others = (courses.data?.length ?? 0) - editable.length;

  return (
    <div className="container page page--wide studio">
      <PageHeading>{t.homeTitle}</PageHeading>
      <p className="lead">{t.homeIntro}</p>
      <p>
        <Link className="button" to={routes.studioNew()}>
          <span aria-hidden="true">+ </span>
          {t.newCourse}
        </Link>
      </p>
      <section className="studio-section" aria-labelledby="your-courses">
        <h2 id="your-courses">{t.yourCourses}</h2>
        {courses.error ? (
          <ErrorNotice error={courses.error} onRetry={courses.reload} />
        ) : !courses.data ? (
          <Skeleton lines={6} className="skeleton--table" />
        ) : editable.length === 0 ? (
          <p className="notice">{t.noCourses}</p>
        ) : (
          <ul className="studio-courses">
            {editable.map((c) => (
              <CourseRow key={c.slug} course={c} />
            ))}
          </ul>
        )}
        {others > 0 ? <p className="muted">{t.othersHidden(others)}</p> : null}
      </section>
      <ImportForm onImported={courses.reload} />
    </div>
  );
}

function CourseRow({ course }: { course: AdminCourseListItem }) {
  const t = useMessages(messages);
  const format = useFormat();
  return (
    <li className="studio-course">
      <h3 className="studio-course__title">
        <Link to={routes.studioCourse(course.slug)} lang={course.language}>
          {course.title}
        </Link>
      </h3>
      <dl className="meta studio-course__meta">
        <div>
          <dt className="visually-hidden">{t.courseStatus}</dt>
          <dd>
            <span className={`status ${course.status === 'published' ? 'status--completed' : 'status--pending'}`}>{t.status[course.status]}</span>
            {course.status === 'published' && course.hasUnpublishedChanges ? <span className="status status--active">{t.unpublishedChanges}</span> : null}
          </dd>
        </div>
        <div>
          <dt>{t.courseLanguage}:</dt>
          <dd>{format.languageName(course.language)}</dd>
        </div>
        <div>
          <dt>{t.courseUpdated}:</dt>
          <dd>
            <time dateTime={course.updatedAt}>{format.date(course.updatedAt)}</time>
          </dd>
        </div>
      </dl>
    </li>
  );
}

function ImportForm({ onImported }: { onImported: () => void }) {
  const t = useMessages(messages);
  const shared = useMessages(sharedMessages);
  const format = useFormat();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [serverErrors, setServerErrors] = useState<string[]>([]);
  const [done, setDone] = useState<ImportedCourse[] | null>(null);
  const resultRef = useRef<HTMLDivElement>(null);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const file = input.current?.files?.[0];
    setDone(null);
    setServerErrors([]);
    const local = !file ? t.importChoose : !/\.zip$/i.test(file.name) ? t.importNotZip : file.size > MAX_ZIP_BYTES ? t.importTooBig : null;
    setProblem(local);
    if (local || !file) {
      input.current?.focus();
      return;
    }
    setBusy(true);
    try {
      const imported = await postImport(file);
      setDone(imported);
      invalidate(adminCoursesKey);
      onImported();
      if (input.current) input.current.value = '';
    } catch (e) {
      if (e instanceof ApiError && (e.status === 400 || e.status === 415 || e.status === 413) && e.messages.length) setServerErrors(e.messages);
      else if (e instanceof ApiError && e.status === 409 && e.messages.length) setServerErrors(e.messages);
      else setProblem(describeError(e, shared));
    } finally {
      setBusy(false);
      window.requestAnimationFrame(() => resultRef.current?.focus());
    }
  };

  return (
    <section className="studio-section panel-box" aria-labelledby="import-heading">
      <h2 id="import-heading">{t.importTitle}</h2>
      <p>{t.importIntro}</p>
      <form onSubmit={onSubmit} noValidate>
        <div className={`field${problem ? ' field--error' : ''}`}>
          <label className="field__label" htmlFor="import-file">
            {t.importFile}
          </label>
          <p className="field__hint" id="import-file-hint">
            {t.importHint}
          </p>
          {problem ? (
            <p className="field__error" id="import-file-error">
              {problem}
            </p>
          ) : null}
          <input
            ref={input}
            id="import-file"
            className="file-input"
            type="file"
            accept=".zip,application/zip"
            aria-describedby={`import-file-hint${problem ? ' import-file-error' : ''}`}
            aria-invalid={problem ? true : undefined}
          />
        </div>
        <button type="submit" className="button" aria-disabled={busy}>
          {busy ? t.importing : t.importButton}
        </button>
      </form>
      <div ref={resultRef} tabIndex={-1} className="import-result">
        {serverErrors.length > 0 ? (
          <div className="notice notice--error" role="alert">
            <p className="strong">{t.importFailed}</p>
            {/* The course checker's own words: file:line: message. */}
            <ul className="code import-errors" lang="en">
              {serverErrors.map((m, i) => (
                <li key={i}>{m}</li>
              ))}
            </ul>
          </div>
        ) : null}
        {done ? (
          <div className="notice notice--success" role="status">
            <p className="strong">{t.importDone}</p>
            <ul>
              {done.map((c) => (
                <li key={c.slug}>
                  <Link to={routes.studioCourse(c.slug)}>{c.slug}</Link> ({format.languageName(c.language)}): {c.created ? t.importCreated : t.importUpdated}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </div>
    </section>
  );
}
