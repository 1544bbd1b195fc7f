import { useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { CourseDetailDto, OutlineItemDto } from '@ecampus/contracts';
import { ErrorNotice } from '../../components/ErrorNotice';
import { PageHeading } from '../../components/PageHeading';
import { ProgressBar } from '../../components/ProgressBar';
import { Skeleton } from '../../components/Skeleton';
import { ItemIcon } from '../../components/ItemIcon';
import { messages as sharedMessages } from '../../components/messages';
import { ApiError } from '../../lib/http';
import { useFormat, useMessages } from '../../lib/i18n';
import { invalidate, useResource } from '../../lib/resource';
import { routes, serverPages } from '../../routes';
import { useAuth } from '../auth/auth-context';
import { getMyCertificates, myCertificatesKey } from '../certificates/api';
import { courseKey, getCourse, postEnroll } from './api';
import { CourseLayout } from './CourseExtras';
import { OfflineDownload } from '../offline/OfflineDownload';
import { messages } from './messages';

/** The first item not yet completed, in outline order (undefined when all are done). */
export function firstUnfinished(course: CourseDetailDto): OutlineItemDto | undefined {
  for (const module of course.modules) for (const item of module.items) if (!item.completed) return item;
  return undefined;
}

function firstItem(course: CourseDetailDto): OutlineItemDto | undefined {
  return course.modules.find((m) => m.items.length > 0)?.items[0];
}

export default function CoursePage() {
  const { slug = '' } = useParams();
  const t = useMessages(messages);
  const shared = useMessages(sharedMessages);
  const course = useResource(courseKey(slug), (signal) => getCourse(slug, signal));

  if (course.error) {
    const notFound = course.error instanceof ApiError && course.error.status === 404;
    return (
      <div className="container page">
        <PageHeading>{notFound ? t.notFoundTitle : shared.errorTitle}</PageHeading>
        <ErrorNotice error={course.error} onRetry={course.reload} />
        <p>
          <Link to={routes.catalogue()}>{shared.backToCatalogue}</Link>
        </p>
      </div>
    );
  }

  if (!course.data) {
    return (
      <div className="container page">
        <PageHeading loading />
        <Skeleton lines={3} className="skeleton--lead" />
        <Skeleton lines={2} className="skeleton--panel" />
        <Skeleton lines={6} />
      </div>
    );
  }

  return <CourseView course={course.data} onChanged={course.reload} />;
}

function CourseView({ course, onChanged }: { course: CourseDetailDto; onChanged: () => void }) {
  const t = useMessages(messages);
  const shared = useMessages(sharedMessages);
  const format = useFormat();
  const enrolled = Boolean(course.enrollment);

  useEffect(() => {
    // The learner will likely open a lesson next: fetch its code now, while they read.
    if (enrolled) void import('../lesson/LessonPage');
  }, [enrolled]);

  return (
    <div className="container page">
      <p className="breadcrumb">
        <Link to={routes.catalogue()}>{shared.backToCatalogue}</Link>
      </p>
      <CourseLayout
        course={course}
        actions={
          <>
            {course.translations.length > 0 ? (
              <p className="translations">
                {t.alsoIn}{' '}
                {course.translations.map((tr, index) => (
                  <span key={tr.slug}>
                    {index > 0 ? ', ' : null}
                    <Link to={routes.course(tr.slug)} hrefLang={tr.language} lang={tr.language}>
                      {format.languageName(tr.language)}
                    </Link>
                  </span>
                ))}
              </p>
            ) : null}
            <EnrollmentPanel course={course} onChanged={onChanged} />
            <OfflineDownload course={course} />
          </>
        }
        outline={<Outline course={course} />}
        outlineFirst={enrolled}
      />
    </div>
  );
}

function EnrollmentPanel({ course, onChanged }: { course: CourseDetailDto; onChanged: () => void }) {
  const t = useMessages(messages);
  const { user } = useAuth();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [justEnrolled, setJustEnrolled] = useState(false);
  const startRef = useRef<HTMLAnchorElement>(null);

  useEffect(() => {
    if (justEnrolled && course.enrollment) startRef.current?.focus();
  }, [justEnrolled, course.enrollment]);

  const enroll = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await postEnroll(course.slug);
      invalidate('/api/me/');
      setJustEnrolled(true);
      onChanged();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  if (!course.enrollment) {
    if (user === null) {
      const here = routes.course(course.slug);
      return (
        <div className="panel">
          <Link className="button" to={routes.signIn(here)}>
            {t.signInToEnroll}
          </Link>{' '}
          <Link to={routes.signUp(here)}>{t.signUpToEnroll}</Link>
        </div>
      );
    }
    return (
      <div className="panel">
        <button type="button" className="button" onClick={enroll} aria-disabled={busy || user === undefined}>
          {busy ? t.enrolling : t.enroll}
        </button>
        {error ? <ErrorNotice error={error} /> : null}
      </div>
    );
  }

  const next = firstUnfinished(course);
  const completed = course.enrollment.status === 'completed' || !next;
  const target = next ?? firstItem(course);

  return (
    <div className="panel">
      {justEnrolled ? (
        <p className="notice notice--success" role="status">
          {t.enrolled}
        </p>
      ) : null}
      <ProgressBar value={course.enrollment.progress} label={t.progress} />
      {completed ? <CertificateAction slug={course.slug} /> : null}
      {target ? (
        <Link ref={startRef} className={completed ? 'button button--secondary' : 'button'} to={routes.item(target)}>
          {completed ? t.review : next && course.enrollment.progress > 0 ? t.continueItem(next.title) : t.start}
        </Link>
      ) : null}
    </div>
  );
}

/** Once the course is done, the certificate is the main thing on the page: download it, or see it being prepared. */
function CertificateAction({ slug }: { slug: string }) {
  const t = useMessages(messages);
  const certificates = useResource(myCertificatesKey, getMyCertificates);
  const certificate = certificates.data?.find((c) => c.course.slug === slug && c.status !== 'revoked');
  return (
    <div className="course-certificate">
      <p>{t.completedCourse}</p>
      {certificate?.status === 'issued' ? (
        <a className="button button--block" href={serverPages.certificatePdf(certificate.code)} download>
          {t.downloadCertificate}
        </a>
      ) : (
        <p className="muted" role="status">
          {certificate ? t.certificatePending : ''} <Link to={routes.myCertificates()}>{t.seeCertificate}</Link>
        </p>
      )}
    </div>
  );
}

function Outline({ course }: { course: CourseDetailDto }) {
  const t = useMessages(messages);
  const enrolled = Boolean(course.enrollment);
  return (
    <section className="section" aria-labelledby="outline-heading">
      <h2 id="outline-heading">{t.outline}</h2>
      {!enrolled ? <p className="muted">{t.enrollToOpen}</p> : null}
      <ol className="outline">
        {course.modules.map((module, index) => (
          <li key={module.id} className="outline__module">
            <h3 className="outline__module-title">
              <span className="outline__module-number">{t.moduleLabel(index + 1)}</span>
              <span lang={course.language}>{module.title}</span>
            </h3>
            <ol className="outline__items">
              {module.items.map((item) => (
                <li key={item.id} className={`outline__item${item.completed ? ' outline__item--done' : ''}${item.locked ? ' outline__item--locked' : ''}`}>
                  <ItemIcon type={item.type} />
                  <span className="outline__type">{item.type === 'quiz' ? (item.kind === 'final' ? t.finalQuiz : t.quiz) : t.lesson}</span>
                  <span className="outline__title" lang={course.language}>
                    {enrolled ? <Link to={routes.item(item)}>{item.title}</Link> : item.title}
                  </span>
                  {item.locked ? (
                    <span className="outline__locked">
                      <span className="badge badge--locked">{t.locked}</span> {t.lockedWhy(item.locked.remaining.length)}
                    </span>
                  ) : null}
                  {enrolled ? (
                    <span className={`status-mark${item.completed ? ' status-mark--done' : ''}`}>
                      {item.completed ? (
                        <svg className="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
                          <path d="M5 12.5l4.5 4.5L19 7.5" fill="none" stroke="currentColor" strokeWidth="2.5" strokeLinecap="round" strokeLinejoin="round" />
                        </svg>
                      ) : null}
                      <span className={item.completed ? '' : 'visually-hidden'}>{item.completed ? t.done : t.notDone}</span>
                    </span>
                  ) : null}
                </li>
              ))}
            </ol>
          </li>
        ))}
      </ol>
    </section>
  );
}
