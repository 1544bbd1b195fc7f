import { useState, type MouseEvent } from 'react';
import { useNavigate, useParams } from 'react-router';
import type { LessonDto } from '@ecampus/contracts';
import { ErrorNotice } from '../../components/ErrorNotice';
import { ItemPager } from '../../components/ItemPager';
import { PageHeading } from '../../components/PageHeading';
import { Skeleton } from '../../components/Skeleton';
import { useMessages } from '../../lib/i18n';
import { enqueue, isOffline, newId } from '../../lib/offline';
import { invalidate, useResource } from '../../lib/resource';
import { useAuth } from '../auth/auth-context';
import { routes } from '../../routes';
import { courseKey } from '../course/api';
import { CourseTrail, ItemLoadError, useCourse } from '../course/CourseTrail';
import { getLesson, lessonKey, postLessonComplete } from './api';
import { messages } from './messages';

/** Same-origin links inside lesson HTML (e.g. /lessons/<id>) go through the router, not a full reload. */
export function useInternalLinks() {
  const navigate = useNavigate();
  return (event: MouseEvent<HTMLElement>) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const anchor = (event.target as Element).closest('a');
    if (!anchor || !anchor.href) return;
    if ((anchor.target && anchor.target !== '_self') || anchor.hasAttribute('download')) return;
    const url = new URL(anchor.href, window.location.href);
    if (url.origin !== window.location.origin) return;
    // Pages the server renders, and anchors within this page, keep the browser's own behaviour.
    if (url.pathname.startsWith('/api/') || url.pathname.startsWith('/verify/')) return;
    if (url.pathname === window.location.pathname && url.hash) return;
    event.preventDefault();
    navigate(url.pathname + url.search + url.hash);
  };
}

export default function LessonPage() {
  const { id = '' } = useParams();
  const t = useMessages(messages);
  const lesson = useResource(lessonKey(id), (signal) => getLesson(id, signal));
  const course = useCourse(lesson.data?.courseSlug);

  if (lesson.error) return <ItemLoadError error={lesson.error} onRetry={lesson.reload} texts={t} />;

  return (
    <div className="container page page--reading">
      <CourseTrail slug={lesson.data?.courseSlug} course={course.data} backLabel={t.backToCourse} />
      {lesson.data ? (
        <LessonView key={lesson.data.id} lesson={lesson.data} lang={course.data?.language} />
      ) : (
        <>
          <PageHeading loading />
          <Skeleton lines={10} className="skeleton--lesson" />
        </>
      )}
    </div>
  );
}

function LessonView({ lesson, lang }: { lesson: LessonDto; lang: string | undefined }) {
  const t = useMessages(messages);
  const navigate = useNavigate();
  const onContentClick = useInternalLinks();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const { user } = useAuth();

  const complete = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      try {
        await postLessonComplete(lesson.id);
      } catch (e) {
        // No line: the phone keeps it and sends it when the line is back (the route is idempotent).
        if (!isOffline(e) || !user) throw e;
        await enqueue({ id: newId(), userId: user.id, path: `${lessonKey(lesson.id)}/complete` });
      }
      invalidate(courseKey(lesson.courseSlug));
      invalidate(lessonKey(lesson.id));
      invalidate('/api/me/');
      navigate(lesson.next ? routes.item(lesson.next) : routes.course(lesson.courseSlug));
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };

  return (
    <article className="lesson">
      <PageHeading lang={lang} title={lesson.title}>
        {lesson.title}
      </PageHeading>
      {lesson.completed ? (
        <p className="badge badge--done">
          <svg className="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path d="M5 12.5l4.5 4.5L19 7.5" fill="none" stroke="currentColor" strokeWidth="2.5" strokeLinecap="round" strokeLinejoin="round" />
          </svg>
          {t.completed}
        </p>
      ) : null}
      {/* The server sanitises lesson HTML (no script, no event handlers). */}
      <div className="prose" lang={lang} onClick={onContentClick} dangerouslySetInnerHTML={{ __html: lesson.html }} />
      <div className="lesson__actions">
        {error ? <ErrorNotice error={error} /> : null}
        <button type="button" className="button button--block" onClick={complete} aria-disabled={busy}>
          {busy ? t.saving : lesson.next ? t.completeAndContinue : t.completeAndFinish}
        </button>
      </div>
      {/* One way forward: the button above, which also marks the lesson done. */}
      <ItemPager previous={lesson.previous} labels={t} lang={lang} />
    </article>
  );
}
