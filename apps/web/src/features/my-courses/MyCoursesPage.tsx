import { Link } from 'react-router';
import type { MyCertificateDto, MyEnrollmentDto } from '@ecampus/contracts';
import { ErrorNotice } from '../../components/ErrorNotice';
import { PageHeading } from '../../components/PageHeading';
import { ProgressBar } from '../../components/ProgressBar';
import { Skeleton } from '../../components/Skeleton';
import { useFormat, useMessages } from '../../lib/i18n';
import { useResource } from '../../lib/resource';
import { routes, serverPages } from '../../routes';
import { getMyCertificates, myCertificatesKey } from '../certificates/api';
import { getMyEnrollments, myEnrollmentsKey } from './api';
import { messages } from './messages';

/** Where a returning learner lands: each course with one way to go on, its modules' progress and its certificate. */
export default function MyCoursesPage() {
  const t = useMessages(messages);
  const enrollments = useResource(myEnrollmentsKey, getMyEnrollments);
  const certificates = useResource(myCertificatesKey, getMyCertificates);

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
        <ul className="cards cards--single">
          {enrollments.data.map((enrollment) => (
            <li key={enrollment.course.slug}>
              <EnrollmentCard
                enrollment={enrollment}
                certificate={certificates.data?.find((c) => c.course.slug === enrollment.course.slug && c.status !== 'revoked')}
              />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function EnrollmentCard({ enrollment, certificate }: { enrollment: MyEnrollmentDto; certificate?: MyCertificateDto }) {
  const t = useMessages(messages);
  const format = useFormat();
  const { course, next } = enrollment;
  const headingId = `course-${course.slug}`;
  return (
    <article className="card enrollment" aria-labelledby={headingId}>
      <h2 className="card__title" id={headingId}>
        <Link to={routes.course(course.slug)} className="card__link">
          {course.title}
        </Link>
      </h2>
      <p className="card__meta">
        <span className={`status status--${enrollment.status}`}>{enrollment.status === 'completed' ? t.completed : t.active}</span>{' '}
        {enrollment.completedAt ? t.completedOn(format.date(enrollment.completedAt)) : t.enrolledOn(format.date(enrollment.enrolledAt))}
      </p>
      <ProgressBar value={enrollment.progress} label={t.progress} />
      {next ? (
        <Link className="button button--block enrollment__continue" to={routes.item(next)}>
          {t.continueWith(next.title)}
        </Link>
      ) : null}
      {certificate?.status === 'issued' ? (
        <p className="enrollment__certificate">
          <a className="button button--block" href={serverPages.certificatePdf(certificate.code)} download>
            {t.downloadCertificate}
          </a>
        </p>
      ) : certificate?.status === 'pending' ? (
        <p className="muted">{t.certificatePending}</p>
      ) : null}
      {enrollment.modules.length > 1 ? (
        <details className="disclosure enrollment__modules">
          <summary>
            <span className="disclosure__title">{t.modules}</span>
          </summary>
          <ol className="module-progress">
            {enrollment.modules.map((m, i) => (
              <li key={i}>
                <span>{m.title}</span>
                <span className={m.done === m.total ? 'status status--completed' : 'muted'}>{t.moduleDone(m.done, m.total)}</span>
              </li>
            ))}
          </ol>
        </details>
      ) : null}
    </article>
  );
}
