import type { CourseDetailDto } from '@ecampus/contracts';
import { useMessages } from '../../lib/i18n';
import { messages } from './messages';

/** The course's cover under its summary: its size is reserved before it arrives, so nothing moves. */
export function CourseCover({ course }: { course: CourseDetailDto }) {
  if (!course.cover) return null;
  return (
    <img
      className="course-cover"
      src={course.cover.url}
      alt={course.cover.alt}
      lang={course.language}
      width={course.cover.width}
      height={course.cover.height}
      decoding="async"
    />
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
