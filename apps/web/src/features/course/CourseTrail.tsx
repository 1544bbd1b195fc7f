import { Link } from 'react-router';
import type { CourseDetailDto } from '@ecampus/contracts';
import { ErrorNotice } from '../../components/ErrorNotice';
import { PageHeading } from '../../components/PageHeading';
import { ProgressBar } from '../../components/ProgressBar';
import { messages as sharedMessages } from '../../components/messages';
import { ApiError } from '../../lib/http';
import { useMessages } from '../../lib/i18n';
import { useResource } from '../../lib/resource';
import { routes } from '../../routes';
import { courseKey, getCourse } from './api';
import { messages } from './messages';

/** The course of a lesson or quiz (from the cache when the outline was just seen). */
export function useCourse(slug: string | undefined) {
  return useResource(slug ? courseKey(slug) : null, (signal) => getCourse(slug!, signal));
}

/**
 * Above a lesson or a quiz: the way back to the course outline and the course progress.
 * Its height is fixed so the lesson below does not move when the course arrives.
 */
export function CourseTrail({ slug, course, backLabel }: { slug: string | undefined; course: CourseDetailDto | undefined; backLabel: string }) {
  const t = useMessages(messages);
  return (
    <div className="trail">
      {slug ? (
        <Link to={routes.course(slug)} className="trail__back">
          <span aria-hidden="true">← </span>
          {backLabel}
        </Link>
      ) : (
        <span className="trail__back trail__back--placeholder" aria-hidden="true" />
      )}
      <p className="trail__course" lang={course?.language}>
        {course?.title ?? '\u00a0'}
      </p>
      {course?.enrollment ? (
        <ProgressBar value={course.enrollment.progress} label={t.progress} />
      ) : (
        <div className="progress progress--placeholder" aria-hidden="true" />
      )}
    </div>
  );
}

/** A lesson or quiz that could not be opened: not found, not enrolled (403), or the line failed (retry). */
export function ItemLoadError({
  error,
  onRetry,
  texts,
}: {
  error: unknown;
  onRetry: () => void;
  texts: { notFoundTitle: string; notEnrolledTitle: string; notEnrolled: string };
}) {
  const shared = useMessages(sharedMessages);
  const status = error instanceof ApiError ? error.status : 0;
  return (
    <div className="container page">
      <PageHeading>{status === 404 ? texts.notFoundTitle : status === 403 ? texts.notEnrolledTitle : shared.errorTitle}</PageHeading>
      <ErrorNotice error={error} onRetry={onRetry} message={status === 403 ? texts.notEnrolled : status === 0 && !navigator.onLine ? shared.offlineItem : undefined} />
      <p>
        <Link to={routes.catalogue()}>{shared.backToCatalogue}</Link>
      </p>
    </div>
  );
}
