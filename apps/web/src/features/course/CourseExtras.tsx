import type { ReactNode } from 'react';
import type { CourseDetailDto } from '@ecampus/contracts';
import { CoverImage } from '../../components/CoverImage';
import { PageHeading } from '../../components/PageHeading';
import { Link } from 'react-router';
import { useFormat, useMessages } from '../../lib/i18n';
import { routes } from '../../routes';
import { useAuth } from '../auth/auth-context';
import { messages } from './messages';

/**
 * A course page as learners see it, and as the studio previews it: heading, summary and cover; the facts and
 * `actions` beside them (enrol, or start the preview); what the course is about, `outline`, glossary, references.
 */
export function CourseLayout({ course, actions, outline, outlineFirst = false }: {
  course: CourseDetailDto;
  actions: ReactNode;
  outline: ReactNode;
  /** Enrolled learners come back for the lessons: the outline goes before what the course is about. */
  outlineFirst?: boolean;
}) {
  const t = useMessages(messages);
  const format = useFormat();
  return (
    <div className="course-layout">
      <div className="course-layout__intro">
        <PageHeading lang={course.language} title={course.title}>
          {course.title}
        </PageHeading>
        <p className="lead" lang={course.language}>
          {course.summary}
        </p>
        {/* Under the summary; its size is reserved before it arrives, so nothing moves. */}
        <CoverImage cover={course.cover} language={course.language} className="course-cover" />
      </div>

      <div className="course-layout__aside">
        <dl className="meta meta--course">
          <div>
            <dt>{t.duration}</dt>
            <dd>{t.minutes(format.number(course.estimatedMinutes))}</dd>
          </div>
          <div>
            <dt>{t.modules}</dt>
            <dd>{t.modulesCount(course.modules.length)}</dd>
          </div>
          <div>
            <dt>{t.language}</dt>
            <dd>{format.languageName(course.language)}</dd>
          </div>
        </dl>
        {actions}
      </div>

      <div className="course-layout__body">
        {outlineFirst ? outline : null}
        <section className={`section${outlineFirst ? '' : ' section--first'}`} aria-labelledby="about-heading">
          <h2 id="about-heading">{t.about}</h2>
          {course.objectives.length > 0 ? (
            <div lang={course.language}>
              <p className="strong">{t.objectives}</p>
              <ul className="list">
                {course.objectives.map((objective) => (
                  <li key={objective}>{objective}</li>
                ))}
              </ul>
            </div>
          ) : null}
          {course.audience ? (
            <>
              <h3>{t.audience}</h3>
              <p lang={course.language}>{course.audience}</p>
            </>
          ) : null}
          <Governance course={course} />
        </section>
        {outlineFirst ? null : outline}
        <DirectoryLink />
        <GlossaryAndReferences course={course} />
      </div>
    </div>
  );
}

/** Whom to call: the referral directory of the learner's country (Mexico's for visitors). */
function DirectoryLink() {
  const t = useMessages(messages);
  const format = useFormat();
  const { user } = useAuth();
  const country = user?.country ?? 'MX';
  return (
    <p className="directory-link">
      <Link to={routes.directory(country)}>{t.directoryOf(format.countryName(country))}</Link>
    </p>
  );
}

/** Who wrote and reviewed the course, when, its content version and licence (when the course has them). */
function Governance({ course }: { course: CourseDetailDto }) {
  const t = useMessages(messages);
  const format = useFormat();
  const list = (names: string[] | undefined) => (names ?? []).join(', ');
  if (!course.authors?.length && !course.reviewers?.length && !course.contentVersion && !course.licence) return null;
  return (
    <dl className="governance">
      {course.authors?.length ? (
        <div>
          <dt>{t.authors}</dt>
          <dd lang={course.language}>{list(course.authors)}</dd>
        </div>
      ) : null}
      {course.reviewers?.length ? (
        <div>
          <dt>{t.reviewed}</dt>
          <dd>
            {t.reviewedBy(list(course.reviewers), course.reviewedOn ? format.date(`${course.reviewedOn}T12:00:00Z`) : '')}
          </dd>
        </div>
      ) : null}
      {course.contentVersion ? (
        <div>
          <dt>{t.contentVersion}</dt>
          <dd>{course.contentVersion}</dd>
        </div>
      ) : null}
      {course.licence ? (
        <div>
          <dt>{t.licence}</dt>
          <dd>{course.licence}</dd>
        </div>
      ) : null}
    </dl>
  );
}

/** The glossary and the references, each folded away until opened (the course page and its preview). */
export function GlossaryAndReferences({ course }: { course: CourseDetailDto }) {
  const t = useMessages(messages);
  return (
    <>
      {course.glossary.length > 0 ? (
        <details className="disclosure">
          <summary>
            <h2 className="disclosure__title">{t.glossary}</h2>
          </summary>
          <dl className="glossary" lang={course.language}>
            {course.glossary.map((entry, index) => (
              <div key={index}>
                <dt>{entry.term}</dt>
                <dd>{entry.definition}</dd>
              </div>
            ))}
          </dl>
        </details>
      ) : null}

      {course.references.length > 0 ? (
        <details className="disclosure">
          <summary>
            <h2 className="disclosure__title">{t.references}</h2>
          </summary>
          <ul className="references" lang={course.language}>
            {course.references.map((ref, index) => (
              <li key={index}>
                {ref.url ? (
                  <a href={ref.url} rel="noopener noreferrer" target="_blank">
                    {ref.title}
                  </a>
                ) : (
                  <cite>{ref.title}</cite>
                )}
                . {ref.publisher}, {ref.year}.
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </>
  );
}
