import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import type { CourseDetailDto, ItemType, LessonDto, QuizDto } from '@ecampus/contracts';
import { ErrorNotice } from '../../components/ErrorNotice';
import { ItemIcon } from '../../components/ItemIcon';
import { ItemPager } from '../../components/ItemPager';
import { PageHeading } from '../../components/PageHeading';
import { Skeleton } from '../../components/Skeleton';
import { messages as sharedMessages } from '../../components/messages';
import { useMessages } from '../../lib/i18n';
import { useResource } from '../../lib/resource';
import { routes } from '../../routes';
import { CourseLayout } from '../course/CourseExtras';
import { useInternalLinks } from '../lesson/LessonPage';
import { QuizView } from '../quiz/QuizPage';
import { getPreviewCourse, getPreviewLesson, getPreviewQuiz, postPreviewAttempt, previewKey, previewLessonKey, previewQuizKey } from './api';
import { messages } from './messages';
import './studio.css';

type Kind = 'course' | 'lesson' | 'quiz';

/**
 * The saved draft as learners will see it, built from the learner pages' parts and styles, marked as a
 * preview throughout. The preview API enrols nobody and stores nothing.
 */
export default function PreviewPage({ kind }: { kind: Kind }) {
  const { slug = '', id = '' } = useParams();
  if (kind === 'lesson') return <LessonPreview key={id} slug={slug} id={id} />;
  if (kind === 'quiz') return <QuizPreview key={id} slug={slug} id={id} />;
  return <CoursePreview slug={slug} />;
}

const itemHref = (slug: string) => (item: { id: string; type: ItemType }) => routes.studioPreviewItem(slug, item);

function PreviewFrame({ slug, back, children, reading = false }: { slug: string; back: ReactNode; children: ReactNode; reading?: boolean }) {
  const t = useMessages(messages);
  return (
    <div className={`container page ${reading ? 'page--reading' : ''}`}>
      <div className="preview-banner" role="note" aria-label={t.previewBadge}>
        <p>
          <span className="preview-banner__badge">{t.previewBadge}</span> {t.previewNotice}
        </p>
        <p className="preview-banner__links">
          <Link to={routes.studioCourse(slug)}>{t.backToEditor}</Link>
          {back}
        </p>
      </div>
      {children}
    </div>
  );
}

function Failure({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const shared = useMessages(sharedMessages);
  return (
    <>
      <PageHeading>{shared.errorTitle}</PageHeading>
      <ErrorNotice error={error} onRetry={onRetry} />
    </>
  );
}

function CoursePreview({ slug }: { slug: string }) {
  const course = useResource(previewKey(slug), (signal) => getPreviewCourse(slug, signal));
  return (
    <PreviewFrame slug={slug} back={null}>
      {course.error ? (
        <Failure error={course.error} onRetry={course.reload} />
      ) : course.data ? (
        <CourseView slug={slug} course={course.data} />
      ) : (
        <>
          <PageHeading loading />
          <Skeleton lines={3} className="skeleton--lead" />
          <Skeleton lines={6} />
        </>
      )}
    </PreviewFrame>
  );
}

function CourseView({ slug, course }: { slug: string; course: CourseDetailDto }) {
  const t = useMessages(messages);
  const first = course.modules.find((m) => m.items.length > 0)?.items[0];
  return (
    <CourseLayout
      course={course}
      actions={
        first ? (
          <div className="panel">
            <Link className="button" to={routes.studioPreviewItem(slug, first)}>
              {t.previewStart}
            </Link>
          </div>
        ) : null
      }
      outline={
        <section className="section" aria-labelledby="outline-heading">
          <h2 id="outline-heading">{t.previewOutline}</h2>
          <ol className="outline">
            {course.modules.map((module, index) => (
              <li key={module.id} className="outline__module">
                <h3 className="outline__module-title">
                  <span className="outline__module-number">{t.moduleNumber(index + 1)}</span>
                  <span lang={course.language}>{module.title}</span>
                </h3>
                <ol className="outline__items">
                  {module.items.map((item) => (
                    <li key={item.id} className="outline__item">
                      <ItemIcon type={item.type} />
                      <span className="outline__type">{item.type === 'quiz' ? t.quiz : t.lesson}</span>
                      <span className="outline__title" lang={course.language}>
                        <Link to={routes.studioPreviewItem(slug, item)}>{item.title}</Link>
                      </span>
                    </li>
                  ))}
                </ol>
              </li>
            ))}
          </ol>
        </section>
      }
    />
  );
}

function BackToOutline({ slug }: { slug: string }) {
  const t = useMessages(messages);
  return <Link to={routes.studioPreview(slug)}>{t.backToPreviewCourse}</Link>;
}

function useCourseLanguage(slug: string) {
  return useResource(previewKey(slug), (signal) => getPreviewCourse(slug, signal)).data?.language;
}

function LessonPreview({ slug, id }: { slug: string; id: string }) {
  const t = useMessages(messages);
  const lesson = useResource(previewLessonKey(slug, id), (signal) => getPreviewLesson(slug, id, signal));
  const lang = useCourseLanguage(slug);
  const onContentClick = useInternalLinks();
  return (
    <PreviewFrame slug={slug} back={<BackToOutline slug={slug} />} reading>
      {lesson.error ? (
        <Failure error={lesson.error} onRetry={lesson.reload} />
      ) : lesson.data ? (
        <article className="lesson">
          <PageHeading lang={lang} title={lesson.data.title}>
            {lesson.data.title}
          </PageHeading>
          {/* The API renders and sanitises the draft's Markdown as for learners; its lesson links are rewritten to the preview. */}
          <div className="prose" lang={lang} onClick={onContentClick} dangerouslySetInnerHTML={{ __html: previewLinks(lesson.data, slug) }} />
          <ItemPager previous={lesson.data.previous} next={lesson.data.next} labels={{ pager: t.previewPager, previous: t.previous, next: t.next }} lang={lang} href={itemHref(slug)} />
        </article>
      ) : (
        <>
          <PageHeading loading />
          <Skeleton lines={10} className="skeleton--lesson" />
        </>
      )}
    </PreviewFrame>
  );
}

/** Links between lessons point to the learner pages (/lessons/<id>); in the preview they stay in the preview. */
function previewLinks(lesson: LessonDto, slug: string): string {
  return lesson.html.replace(/href="\/lessons\/([^"#]+)/g, (_, lessonId: string) => `href="${routes.studioPreviewItem(slug, { id: decodeURIComponent(lessonId), type: 'lesson' })}`);
}

function QuizPreview({ slug, id }: { slug: string; id: string }) {
  const t = useMessages(messages);
  const quiz = useResource(previewQuizKey(slug, id), (signal) => getPreviewQuiz(slug, id, signal));
  const lang = useCourseLanguage(slug);
  return (
    <PreviewFrame slug={slug} back={<BackToOutline slug={slug} />} reading>
      {quiz.error ? (
        <Failure error={quiz.error} onRetry={quiz.reload} />
      ) : quiz.data ? (
        <>
          <p className="muted">{t.previewAnswersNotStored}</p>
          <QuizView
            key={quiz.data.id}
            quiz={quiz.data as QuizDto}
            lang={lang}
            submit={(answers) => postPreviewAttempt(slug, id, answers)}
            itemHref={itemHref(slug)}
            courseHref={routes.studioPreview(slug)}
          />
        </>
      ) : (
        <>
          <PageHeading loading />
          <Skeleton lines={8} className="skeleton--lesson" />
        </>
      )}
    </PreviewFrame>
  );
}
