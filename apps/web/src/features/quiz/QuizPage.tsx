import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import type { AttemptResultDto, ItemType, QuestionFeedbackDto, QuizDto, QuizReviewQuestionDto } from '@ecampus/contracts';
import { ErrorNotice } from '../../components/ErrorNotice';
import { ErrorSummary } from '../../components/ErrorSummary';
import { ItemPager } from '../../components/ItemPager';
import { PageHeading } from '../../components/PageHeading';
import { Skeleton } from '../../components/Skeleton';
import { useFormat, useLanguage, useMessages } from '../../lib/i18n';
import { enqueue, isOffline, newId, QueuedOffline } from '../../lib/offline';
import { invalidate, useResource } from '../../lib/resource';
import { useAuth } from '../auth/auth-context';
import { routes } from '../../routes';
import { courseKey } from '../course/api';
import { CourseTrail, ItemLoadError, useCourse } from '../course/CourseTrail';
import { getQuiz, postAttempt, quizKey } from './api';
import { messages, type QuizMessages } from './messages';

type Question = QuizDto['questions'][number];

const questionId = (q: Question) => `question-${q.id}`;
const optionId = (q: Question, optionIdValue: string) => `question-${q.id}-option-${optionIdValue}`;

export default function QuizPage() {
  const { id = '' } = useParams();
  const t = useMessages(messages);
  const quiz = useResource(quizKey(id), (signal) => getQuiz(id, signal));
  const course = useCourse(quiz.data?.courseSlug);
  const { user } = useAuth();

  if (quiz.error) return <ItemLoadError error={quiz.error} onRetry={quiz.reload} texts={t} />;

  return (
    <div className="container page page--reading">
      <CourseTrail slug={quiz.data?.courseSlug} course={course.data} backLabel={t.backToCourse} />
      {quiz.data ? (
        <QuizView
          // A final quiz serves a new draw after a failed attempt: a fresh view for it.
          key={`${quiz.data.id}:${quiz.data.questions.map((q) => q.id).join(',')}:${quiz.data.retryAt ?? ''}`}
          quiz={quiz.data}
          lang={course.data?.language}
          onReload={quiz.reload}
          submit={async (answers) => {
            const outcome = await submitAttempt(quiz.data!, answers, user?.id);
            // The progress bar above the quiz follows the attempt.
            course.reload();
            return outcome;
          }}
        />
      ) : (
        <>
          <PageHeading loading />
          <Skeleton lines={8} className="skeleton--lesson" />
        </>
      )}
    </div>
  );
}

type ItemRef = { id: string; type: ItemType; title: string };

interface QuizViewProps {
  quiz: QuizDto;
  lang: string | undefined;
  /** Scores the answers; by default the learner's attempt, stored. The studio's preview scores without storing. */
  submit?: (answers: Record<string, string[]>) => Promise<AttemptResultDto>;
  /** Where the previous and next items and the course are (the studio's preview has its own pages). */
  itemHref?: (item: ItemRef) => string;
  courseHref?: string;
  /** Gets the quiz again (a final quiz: the next draw, or the wait). */
  onReload?: () => void;
}

async function submitAttempt(quiz: QuizDto, answers: Record<string, string[]>, userId: string | undefined): Promise<AttemptResultDto> {
  // A module check carries its own id: with no line it waits on the phone and is sent later, counted once.
  const clientId = quiz.kind === 'final' ? undefined : newId();
  let outcome: AttemptResultDto;
  try {
    outcome = await postAttempt(quiz.id, answers, clientId);
  } catch (e) {
    if (!clientId || !userId || !isOffline(e)) throw e;
    await enqueue({ id: clientId, userId, path: `${quizKey(quiz.id)}/attempts`, body: { answers, clientId } });
    throw new QueuedOffline();
  }
  invalidate(courseKey(quiz.courseSlug));
  invalidate(quizKey(quiz.id));
  invalidate('/api/me/');
  return outcome;
}

/** A quiz as learners take it; the studio's preview shows the same view. */
export function QuizView({ quiz, lang, submit, itemHref = routes.item, courseHref, onReload }: QuizViewProps) {
  const t = useMessages(messages);
  const { user } = useAuth();
  const send = submit ?? ((answers: Record<string, string[]>) => submitAttempt(quiz, answers, user?.id));
  const format = useFormat();
  const { lang: language } = useLanguage();
  const isFinal = quiz.kind === 'final';
  const dateTime = (iso: string) => new Intl.DateTimeFormat(language, { dateStyle: 'long', timeStyle: 'short' }).format(new Date(iso));
  const [answers, setAnswers] = useState<Record<string, string[]>>({});
  const [missing, setMissing] = useState<string[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [result, setResult] = useState<AttemptResultDto | null>(null);
  const resultRef = useRef<HTMLHeadingElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const [focusFirst, setFocusFirst] = useState(false);

  useEffect(() => {
    if (result) resultRef.current?.focus();
  }, [result]);

  useEffect(() => {
    if (!focusFirst) return;
    setFocusFirst(false);
    formRef.current?.querySelector<HTMLInputElement>('input')?.focus();
  }, [focusFirst]);

  const feedbackFor = (q: Question): QuestionFeedbackDto | undefined => result?.feedback.find((f) => f.questionId === q.id);

  const choose = (q: Question, option: string, checked: boolean) => {
    setAnswers((prev) => {
      const current = prev[q.id] ?? [];
      const next = q.kind === 'multiple' ? (checked ? [...current, option] : current.filter((o) => o !== option)) : [option];
      return { ...prev, [q.id]: next };
    });
    if (missing.includes(q.id)) setMissing((prev) => prev.filter((m) => m !== q.id));
  };

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy || result) return;
    const unanswered = quiz.questions.filter((q) => !(answers[q.id]?.length)).map((q) => q.id);
    setMissing(unanswered);
    if (unanswered.length > 0) {
      setAttempt((n) => n + 1);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      setResult(await send(answers));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const retry = () => {
    // A final quiz asks a new draw: get it from the server (the view is then replaced).
    if (isFinal && onReload) {
      onReload();
      return;
    }
    setResult(null);
    setAnswers({});
    setMissing([]);
    setFocusFirst(true);
  };

  const passing = format.percent(quiz.passingScore);
  const total = quiz.questions.length;
  const heading = (
    <PageHeading lang={lang} title={quiz.title}>
      {quiz.title}
    </PageHeading>
  );
  const pager = <ItemPager previous={quiz.previous} next={quiz.next} labels={t} lang={lang} href={itemHref} />;

  // The final quiz opens once every lesson and module check is done: say what remains, with links.
  if (quiz.locked) {
    return (
      <div className="quiz">
        {heading}
        <section className="notice" aria-labelledby="locked-heading">
          <h2 id="locked-heading">{t.lockedTitle}</h2>
          <p>{t.lockedIntro(quiz.locked.remaining.length)}</p>
          <ul className="list">
            {quiz.locked.remaining.map((item) => (
              <li key={item.id}>
                <Link to={itemHref(item)} lang={lang}>
                  {item.title}
                </Link>
              </li>
            ))}
          </ul>
        </section>
        {pager}
      </div>
    );
  }

  // Passed: the full review of the passing attempt.
  const review = result?.review ?? (!result ? quiz.review : undefined);
  if (review && !result) {
    return (
      <div className="quiz">
        {heading}
        <p className="badge badge--done">{t.alreadyPassed(format.percent(quiz.bestScore ?? 100))}</p>
        <ReviewList review={review} lang={lang} texts={t} />
        {pager}
      </div>
    );
  }

  // Out of attempts: when the learner may try again.
  if (quiz.retryAt && !result) {
    return (
      <div className="quiz">
        {heading}
        <section className="notice" aria-labelledby="wait-heading">
          <h2 id="wait-heading">{t.limitTitle}</h2>
          <p>{t.limitReached(dateTime(quiz.retryAt))}</p>
        </section>
        {pager}
      </div>
    );
  }

  const wrong = result && !result.passed ? quiz.questions.map((q, i) => ({ q, n: i + 1 })).filter(({ q }) => feedbackFor(q)?.correct === false) : [];

  return (
    <div className="quiz">
      {heading}
      <p>{isFinal ? t.introFinal(total, passing, quiz.attemptsLeft) : t.intro(total, passing)}</p>
      {quiz.bestScore !== undefined && !result ? (
        <p className={quiz.passed ? 'badge badge--done' : 'muted'}>
          {quiz.passed ? t.alreadyPassed(format.percent(quiz.bestScore)) : t.bestSoFar(format.percent(quiz.bestScore))}
        </p>
      ) : null}

      {result ? (
        <section className={`result ${result.passed ? 'result--passed' : 'result--failed'}`} aria-labelledby="result-heading">
          <h2 id="result-heading" tabIndex={-1} ref={resultRef}>
            {t.resultTitle}
          </h2>
          <p className="result__score">{t.score(format.percent(result.score))}</p>
          <p>{t.rightCount(result.feedback.filter((f) => f.correct).length, total)}</p>
          <p className="result__verdict" role="status">
            {result.passed ? t.passed : isFinal ? t.failedFinal(passing) : t.failed(passing)}
          </p>
          {wrong.length > 0 ? <p>{t.wrongQuestions(wrong.map((w) => w.n))}</p> : null}
          {isFinal && !result.passed && result.retryAt ? (
            <p className="notice">{t.limitReached(dateTime(result.retryAt))}</p>
          ) : null}
          {isFinal && !result.passed && !result.retryAt && result.attemptsLeft !== undefined ? <p>{t.attemptsLeft(result.attemptsLeft)}</p> : null}
          {result.completed ? (
            <p className="notice notice--success">
              {t.courseCompleted} <Link to={routes.myCertificates()}>{t.seeCertificates}</Link>
            </p>
          ) : null}
          <div className="actions">
            {result.passed && quiz.next ? (
              <Link className="button" to={itemHref(quiz.next)}>
                {t.nextItem(quiz.next.title)}
              </Link>
            ) : null}
            {result.passed && !quiz.next ? (
              <Link className="button" to={courseHref ?? routes.course(quiz.courseSlug)}>
                {t.backToCourse}
              </Link>
            ) : null}
            {!(isFinal && (result.passed || result.retryAt)) ? (
              <button type="button" className={`button${result.passed ? ' button--secondary' : ''}`} onClick={retry}>
                {isFinal ? t.newDraw : t.retry}
              </button>
            ) : null}
          </div>
          {review ? <ReviewList review={review} lang={lang} texts={t} /> : null}
        </section>
      ) : null}

      <ErrorSummary
        title={t.errorSummaryTitle}
        attempt={attempt}
        errors={quiz.questions
          .map((q, index) => ({ q, index }))
          .filter(({ q }) => missing.includes(q.id))
          .map(({ q, index }) => ({
            fieldId: optionId(q, q.options[0]?.id ?? ''),
            message: `${t.questionNumber(index + 1, total)}: ${t.answerThis}`,
          }))}
      />

      {review ? null : (
      <form className="form quiz__form" onSubmit={onSubmit} noValidate ref={formRef}>
        {quiz.questions.map((q, index) => {
          const feedback = feedbackFor(q);
          const isMissing = missing.includes(q.id);
          const hintId = `${questionId(q)}-hint`;
          const errorId = `${questionId(q)}-error`;
          const feedbackId = `${questionId(q)}-feedback`;
          const describedBy = [hintId, isMissing ? errorId : null, feedback ? feedbackId : null].filter(Boolean).join(' ');
          const chosen = answers[q.id] ?? [];
          return (
            <fieldset
              key={q.id}
              id={questionId(q)}
              className={`question${isMissing ? ' question--error' : ''}${feedback ? (feedback.correct ? ' question--right' : ' question--wrong') : ''}`}
              aria-describedby={describedBy}
            >
              <legend className="question__legend">
                <span className="question__number">{t.questionNumber(index + 1, total)}</span>
                <span className="question__prompt" lang={lang}>
                  {q.prompt}
                </span>
              </legend>
              <p className="field__hint" id={hintId}>
                {q.kind === 'multiple' ? t.chooseMany : t.chooseOne}
              </p>
              {isMissing ? (
                <p className="field__error" id={errorId}>
                  {t.answerThis}
                </p>
              ) : null}
              <div className="options">
                {q.options.map((option) => {
                  const inputId = optionId(q, option.id);
                  return (
                    <div className="option" key={option.id}>
                      <input
                        id={inputId}
                        type={q.kind === 'multiple' ? 'checkbox' : 'radio'}
                        name={questionId(q)}
                        value={option.id}
                        checked={chosen.includes(option.id)}
                        disabled={Boolean(result)}
                        onChange={(e) => choose(q, option.id, e.target.checked)}
                      />
                      <label htmlFor={inputId} lang={lang}>
                        {option.text}
                      </label>
                    </div>
                  );
                })}
              </div>
              {feedback ? (
                <div className={`feedback ${feedback.correct ? 'feedback--right' : 'feedback--wrong'}`} id={feedbackId}>
                  <p className="feedback__verdict">
                    <span aria-hidden="true">{feedback.correct ? '✓ ' : '✗ '}</span>
                    {feedback.correct ? t.correct : t.incorrect}
                  </p>
                  {feedback.selected.map((s) => {
                    const text = q.options.find((o) => o.id === s.optionId)?.text ?? '';
                    return (
                      <div key={s.optionId} className="feedback__item">
                        <p className="feedback__answer">
                          {t.yourAnswer} <span lang={lang}>{text}</span>
                        </p>
                        <p lang={lang}>{s.feedback}</p>
                      </div>
                    );
                  })}
                </div>
              ) : null}
            </fieldset>
          );
        })}
        {error instanceof QueuedOffline ? (
          <p className="notice" role="status">
            {t.queuedOffline}
          </p>
        ) : error ? (
          <ErrorNotice error={error} />
        ) : null}
        {!result ? (
          <button type="submit" className="button button--block" aria-disabled={busy}>
            {busy ? t.submitting : t.submit}
          </button>
        ) : isFinal && result.retryAt ? null : (
          <button type="button" className="button button--block button--secondary" onClick={retry}>
            {isFinal ? t.newDraw : t.retry}
          </button>
        )}
      </form>
      )}
      {pager}
    </div>
  );
}

/** After a pass: every question served, its options marked right or not, what the learner chose, every explanation. */
function ReviewList({ review, lang, texts: t }: { review: QuizReviewQuestionDto[]; lang: string | undefined; texts: QuizMessages }) {
  return (
    <section aria-labelledby="review-heading">
      <h2 id="review-heading">{t.reviewTitle}</h2>
      <ol className="review-list">
        {review.map((q, index) => (
          <li key={q.questionId} className="question">
            <p className="question__legend">
              <span className="question__number">{t.questionNumber(index + 1, review.length)}</span>{' '}
              <span className="question__prompt" lang={lang}>
                {q.prompt}
              </span>
            </p>
            {q.options.map((o) => (
              <div key={o.id} className={`review-option${o.correct ? ' review-option--right' : ''}`}>
                <p className="strong">
                  <span aria-hidden="true">{o.correct ? '✓ ' : ''}</span>
                  <span lang={lang}>{o.text}</span>
                </p>
                <p className="muted">
                  {o.correct ? t.rightOption : t.otherOption}
                  {o.chosen ? ` · ${t.youChose}` : ''}
                </p>
                <p lang={lang}>{o.feedback}</p>
              </div>
            ))}
          </li>
        ))}
      </ol>
    </section>
  );
}
