import { Link } from 'react-router';
import { ErrorNotice } from '../../components/ErrorNotice';
import { PageHeading } from '../../components/PageHeading';
import { ProgressBar } from '../../components/ProgressBar';
import { Skeleton } from '../../components/Skeleton';
import { useFormat, useMessages } from '../../lib/i18n';
import { useResource } from '../../lib/resource';
import { routes } from '../../routes';
import { getMyEnrollments, myEnrollmentsKey } from './api';
import { messages } from './messages';

export default function MyCoursesPage() {
  const t = useMessages(messages);
  const format = useFormat();
  const enrollments = useResource(myEnrollmentsKey, getMyEnrollments);

  return (
    <div className="container page">
      <PageHeading>{t.title}</PageHeading>
      {enrollments.error ? (
        <ErrorNotice error={enrollments.error} onRetry={enrollments.reload} />
      ) : !enrollments.data ? (
        <ul className="cards">
          {[0, 1].map((i) => (
            <li key={i}>
              <Skeleton lines={3} className="skeleton--enrollment" />
            </li>
          ))}
        </ul>
      ) : enrollments.data.length === 0 ? (
        <div className="notice">
          <p>{t.empty}</p>
          <Link className="button" to={routes.catalogue()}>
            {t.browse}
          </Link>
        </div>
      ) : (
        <ul className="cards">
          {enrollments.data.map((enrollment) => (
            <li key={enrollment.course.slug}>
              <article className="card">
                <h2 className="card__title">
                  <Link to={routes.course(enrollment.course.slug)} className="card__link">
                    {enrollment.course.title}
                  </Link>
                </h2>
                <p className="card__meta">
                  <span className={`status status--${enrollment.status}`}>
                    {enrollment.status === 'completed' ? t.completed : t.active}
                  </span>{' '}
                  {enrollment.completedAt
                    ? t.completedOn(format.date(enrollment.completedAt))
                    : enrollment.enrolledAt
                      ? t.enrolledOn(format.date(enrollment.enrolledAt))
                      : null}
                </p>
                <ProgressBar value={enrollment.progress} label={t.progress} />
              </article>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
