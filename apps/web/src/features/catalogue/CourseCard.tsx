import { Link } from 'react-router';
import { CoverImage } from '../../components/CoverImage';
import type { CourseSummaryDto, MyEnrollmentDto } from '@ecampus/contracts';
import { useFormat, useMessages } from '../../lib/i18n';
import { routes } from '../../routes';
import { messages, topicName } from './messages';

/** A course in the catalogue; `enrollment` (the signed-in learner's, in any of its languages) shows where they are. */
export function CourseCard({ course, enrollment }: { course: CourseSummaryDto; enrollment?: MyEnrollmentDto }) {
  const t = useMessages(messages);
  const format = useFormat();
  return (
    <article className="card course-card">
      <h2 className="card__title" lang={course.language}>
        <Link to={routes.course(course.slug)} className="card__link">
          {course.title}
        </Link>
      </h2>
      {/* Lazy, and hidden on narrow screens (CSS): a phone on mobile data does not download it from the catalogue. */}
      <CoverImage cover={course.cover} language={course.language} className="card__cover" lazy />
      {enrollment ? (
        <p className="card__meta">
          <span className={`status status--${enrollment.status}`}>
            {enrollment.status === 'completed' ? t.statusCompleted : t.statusActive(format.percent(enrollment.progress))}
          </span>
        </p>
      ) : null}
      <p className="card__summary" lang={course.language}>
        {course.summary}
      </p>
      <dl className="meta">
        <div>
          <dt className="visually-hidden">{t.duration}</dt>
          <dd>
            <svg className="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
              <circle cx="12" cy="12" r="9" fill="none" stroke="currentColor" strokeWidth="2" />
              <path d="M12 7v5l3 2" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
            </svg>
            {t.minutes(format.number(course.estimatedMinutes))}
          </dd>
        </div>
        <div>
          <dt className="visually-hidden">{t.moduleCount}</dt>
          <dd>{t.modules(course.moduleCount)}</dd>
        </div>
        <div>
          <dt className="visually-hidden">{t.courseLanguage}</dt>
          <dd>{format.languageName(course.language)}</dd>
        </div>
      </dl>
      {course.topics.length > 0 ? (
        <ul className="tags">
          {course.topics.map((topic) => (
            <li key={topic} className="tag">
              {topicName(t, topic)}
            </li>
          ))}
        </ul>
      ) : null}
    </article>
  );
}
