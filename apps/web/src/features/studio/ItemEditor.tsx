import { useDeferredValue, useEffect, useMemo, useRef, useState, type MouseEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { Skeleton } from '../../components/Skeleton';
import { QUESTION_KINDS, type QuestionKind } from '@ecampus/contracts';
import { Field } from '../../components/Field';
import { PageHeading } from '../../components/PageHeading';
import { useMessages } from '../../lib/i18n';
import { postAsset } from './api';
import { useEditor, useProblem } from './editor-context';
import { ImagePicker } from './ImagePicker';
import { TRUE_FALSE, messages } from './messages';
import { fieldId, findItem, mapItem, move, newOption, newQuestion, type LessonModel, type QuestionModel, type QuizModel } from './model';
import { usePendingFocus } from './usePendingFocus';
import { WholeNumberInput } from './WholeNumberInput';

export function ItemEditor() {
  const { uid = '' } = useParams();
  const t = useMessages(messages);
  const { model, canEdit, base } = useEditor();
  usePendingFocus();
  const found = findItem(model, uid);

  if (!found) {
    return (
      <>
        <PageHeading>{t.itemNotFoundTitle}</PageHeading>
        <p>{t.itemNotFound}</p>
        <p>
          <Link to={base}>{t.backToOutline}</Link>
        </p>
      </>
    );
  }

  const { item, module, moduleIndex } = found;
  const heading = item.title.trim() || t.untitled;
  return (
    <>
      <p className="breadcrumb">
        <Link to={base}>
          <span aria-hidden="true">← </span>
          {t.backToOutline}
        </Link>
      </p>
      <p className="eyebrow">
        {item.type === 'quiz' ? t.quiz : t.lesson} · <span lang={model.language}>{t.inModule(moduleIndex + 1, module.title.trim() || t.untitled)}</span>
      </p>
      <PageHeading title={heading} lang={item.title.trim() ? model.language : undefined}>
        {heading}
      </PageHeading>
      <fieldset className="plain-fieldset" disabled={!canEdit}>
        {item.type === 'lesson' ? <LessonEditor key={item.uid} lesson={item} /> : <QuizEditor key={item.uid} quiz={item} />}
      </fieldset>
    </>
  );
}

function TitleField({ uid, label }: { uid: string; label: string }) {
  const { model, update } = useEditor();
  const id = fieldId(uid, 'title');
  const error = useProblem(id);
  const item = findItem(model, uid)?.item;
  return (
    <Field id={id} label={label} error={error}>
      {(control) => (
        <input
          {...control}
          className="input"
          lang={model.language}
          value={item?.title ?? ''}
          maxLength={200}
          onChange={(e) => update((m) => mapItem(m, uid, (i) => ({ ...i, title: e.target.value })))}
        />
      )}
    </Field>
  );
}

// ---- Lesson ----

type Renderer = typeof import('@ecampus/course-format/browser').renderLessonMarkdown;
let loadedRenderer: Renderer | undefined;

/**
 * The lesson renderer (Markdown, then sanitising) is the largest code of the studio: it is fetched only when
 * a lesson editor opens, once.
 */
function useLessonRenderer(): Renderer | undefined {
  const [renderer, setRenderer] = useState<Renderer | undefined>(() => loadedRenderer);
  const [failed, setFailed] = useState<unknown>(null);
  useEffect(() => {
    if (renderer) return;
    let live = true;
    import('@ecampus/course-format/browser').then(
      (module) => {
        loadedRenderer = module.renderLessonMarkdown;
        if (live) setRenderer(() => module.renderLessonMarkdown);
      },
      (e: unknown) => {
        if (live) setFailed(e);
      },
    );
    return () => {
      live = false;
    };
  }, [renderer]);
  // A failed chunk is shown by the page's error boundary, with its reload button.
  if (failed) throw failed;
  return renderer;
}

function LessonEditor({ lesson }: { lesson: LessonModel }) {
  const t = useMessages(messages);
  const { model, update, saved, assets, reloadAssets, say, base } = useEditor();
  const navigate = useNavigate();
  const markdownId = fieldId(lesson.uid, 'markdown');
  const markdownError = useProblem(markdownId);
  const textarea = useRef<HTMLTextAreaElement>(null);
  // Where the author's cursor was in the text (null until they put it there: a picture then goes at the end).
  const caret = useRef<number | null>(null);
  const [alt, setAlt] = useState('');
  const altId = `image-alt-${lesson.uid}`;

  // The same renderer, options and CSS as the lesson page learners get from the API.
  const render = useLessonRenderer();
  const deferred = useDeferredValue(lesson.markdown);
  const html = useMemo(() => {
    if (!render) return '';
    // With its size, as the API gives learners: the picture's space is kept while it loads.
    const byPath = new Map(assets.map((a) => [`images/${a.filename}`, { src: a.url, width: a.width ?? undefined, height: a.height ?? undefined }]));
    const byFile = new Map(model.modules.flatMap((m) => m.items).filter((i) => i.key).map((i) => [`${i.key}.md`, i.uid]));
    return render(deferred, {
      imageSrc: (path) => byPath.get(path),
      lessonHref: (file) => {
        const uid = byFile.get(file);
        return uid ? `${base}/items/${encodeURIComponent(uid)}` : undefined;
      },
    });
  }, [render, deferred, assets, model.modules, base]);

  const setMarkdown = (markdown: string) => update((m) => mapItem(m, lesson.uid, (i) => ({ ...i, markdown })));

  const insertAtCursor = (text: string) => {
    const area = textarea.current;
    const at = Math.min(caret.current ?? lesson.markdown.length, lesson.markdown.length);
    const before = lesson.markdown.slice(0, at);
    const after = lesson.markdown.slice(at);
    const block = `${before && !before.endsWith('\n\n') ? (before.endsWith('\n') ? '\n' : '\n\n') : ''}${text}\n\n`;
    setMarkdown(before + block + after.replace(/^\n+/, ''));
    caret.current = before.length + block.length;
    window.requestAnimationFrame(() => {
      area?.focus();
      area?.setSelectionRange(before.length + block.length, before.length + block.length);
    });
  };

  const onPreviewClick = (event: MouseEvent<HTMLElement>) => {
    const anchor = (event.target as Element).closest('a');
    if (!anchor || event.button !== 0 || event.metaKey || event.ctrlKey) return;
    const url = new URL(anchor.href, window.location.href);
    if (url.origin !== window.location.origin || !url.pathname.startsWith(base)) return;
    event.preventDefault();
    navigate(url.pathname);
  };

  return (
    <>
      <TitleField uid={lesson.uid} label={t.fields.title} />
      <div className="lesson-editor">
        <div className="lesson-editor__write">
          <div className={`field${markdownError ? ' field--error' : ''}`}>
            <label className="field__label" htmlFor={markdownId}>
              {t.fields.markdown}
            </label>
            <p className="field__hint" id={`${markdownId}-hint`}>
              {t.markdownHint}
            </p>
            <p className="field__hint" id={`${markdownId}-video`}>
              {t.videoHelp}
            </p>
            {markdownError ? (
              <p className="field__error" id={`${markdownId}-error`}>
                {markdownError}
              </p>
            ) : null}
            <textarea
              ref={textarea}
              id={markdownId}
              className="input textarea textarea--markdown"
              lang={model.language}
              rows={18}
              value={lesson.markdown}
              aria-invalid={markdownError ? true : undefined}
              aria-describedby={`${markdownId}-hint ${markdownId}-video${markdownError ? ` ${markdownId}-error` : ''}`}
              onChange={(e) => setMarkdown(e.target.value)}
              onSelect={(e) => {
                caret.current = e.currentTarget.selectionStart;
              }}
            />
          </div>
          <section className="insert-image" aria-labelledby={`insert-image-${lesson.uid}`}>
            <h2 className="insert-image__title" id={`insert-image-${lesson.uid}`}>
              {t.insertImage}
            </h2>
            {saved ? (
              <ImagePicker
                idPrefix={`image-${lesson.uid}`}
                label={t.imageFile}
                hint={t.imageHint}
                buttonLabel={t.imageUpload}
                check={() => (alt.trim() ? undefined : t.imageAltMissing)}
                onUpload={async (file) => {
                  const asset = await postAsset(saved.slug, file, file.type, file.name);
                  reloadAssets();
                  insertAtCursor(`![${alt.trim().replace(/[[\]\\]/g, '\\$&')}](${asset.markdownPath})`);
                  setAlt('');
                  say(t.imageInserted(asset.filename));
                }}
              >
                <div className="field">
                  <label className="field__label" htmlFor={altId}>
                    {t.imageAlt}
                  </label>
                  <p className="field__hint" id={`${altId}-hint`}>
                    {t.imageAltHint}
                  </p>
                  <input id={altId} className="input" lang={model.language} value={alt} aria-describedby={`${altId}-hint`} onChange={(e) => setAlt(e.target.value)} />
                </div>
              </ImagePicker>
            ) : (
              <p className="muted">{t.imageSaveFirst}</p>
            )}
          </section>
        </div>
        <section className="lesson-editor__preview" aria-labelledby={`preview-${lesson.uid}`}>
          <h2 className="lesson-editor__preview-title" id={`preview-${lesson.uid}`}>
            {t.livePreview}
          </h2>
          <div className="lesson-editor__paper">
            {!render ? (
              <Skeleton lines={6} />
            ) : deferred.trim() ? (
              // Sanitised by the renderer, exactly as the API does for learners.
              <div className="prose" lang={model.language} onClick={onPreviewClick} dangerouslySetInnerHTML={{ __html: html }} />
            ) : (
              <p className="muted">{t.previewEmpty}</p>
            )}
          </div>
        </section>
      </div>
    </>
  );
}

// ---- Quiz ----

function QuizEditor({ quiz }: { quiz: QuizModel }) {
  const t = useMessages(messages);
  const { model, update, confirm } = useEditor();
  const scoreId = fieldId(quiz.uid, 'passingScore');
  const scoreError = useProblem(scoreId);
  const questionsId = fieldId(quiz.uid, 'questions');
  const questionsError = useProblem(questionsId);

  const setQuiz = (fn: (q: QuizModel) => QuizModel) => update((m) => mapItem(m, quiz.uid, (i) => (i.type === 'quiz' ? fn(i) : i)));
  const setQuestion = (uid: string, fn: (q: QuestionModel) => QuestionModel) =>
    setQuiz((q) => ({ ...q, questions: q.questions.map((x) => (x.uid === uid ? fn(x) : x)) }));

  const addQuestion = () => {
    const created = newQuestion('single', TRUE_FALSE[model.language] ?? TRUE_FALSE.en);
    setQuiz((q) => ({ ...q, questions: [...q.questions, created] }));
    window.requestAnimationFrame(() => document.getElementById(fieldId(created.uid, 'prompt'))?.focus());
  };

  const moveQuestion = (index: number, direction: -1 | 1, buttonId: string, otherId: string) => {
    setQuiz((q) => ({ ...q, questions: move(q.questions, index, index + direction) }));
    window.requestAnimationFrame(() => {
      const button = document.getElementById(buttonId) as HTMLButtonElement | null;
      if (button && !button.disabled) button.focus();
      else document.getElementById(otherId)?.focus();
    });
  };

  const removeQuestion = async (question: QuestionModel, index: number) => {
    const ok = await confirm({
      title: t.deleteQuestionTitle,
      body: <p>{t.deleteQuestionBody(index + 1)}</p>,
      confirmLabel: t.delete,
      cancelLabel: t.cancel,
      danger: true,
    });
    if (!ok) return;
    setQuiz((q) => ({ ...q, questions: q.questions.filter((x) => x.uid !== question.uid) }));
    window.requestAnimationFrame(() => document.getElementById(`add-question-${quiz.uid}`)?.focus());
  };

  return (
    <>
      <div className="studio-grid">
        <TitleField uid={quiz.uid} label={t.fields.title} />
        <Field id={scoreId} label={t.fields.passingScore} hint={t.passingHint} error={scoreError}>
          {(control) => (
            <WholeNumberInput control={control} min={0} max={100} value={quiz.passingScore} onChange={(n) => setQuiz((q) => ({ ...q, passingScore: n }))} />
          )}
        </Field>
      </div>
      <QuizPolicy quiz={quiz} setQuiz={setQuiz} />
      <section id={questionsId} tabIndex={-1} className={`studio-section${questionsError ? ' field--error' : ''}`} aria-labelledby={`questions-${quiz.uid}`}>
        <h2 id={`questions-${quiz.uid}`}>{t.questions}</h2>
        {questionsError ? <p className="field__error">{questionsError}</p> : null}
        {quiz.questions.length === 0 ? <p className="muted">{t.noQuestionsYet}</p> : null}
        <ol className="question-list">
          {quiz.questions.map((question, index) => (
            <QuestionEditor
              key={question.uid}
              question={question}
              index={index}
              total={quiz.questions.length}
              onChange={(fn) => setQuestion(question.uid, fn)}
              onMove={moveQuestion}
              onRemove={() => removeQuestion(question, index)}
            />
          ))}
        </ol>
        <button id={`add-question-${quiz.uid}`} type="button" className="button button--secondary" onClick={addQuestion}>
          <span aria-hidden="true">+ </span>
          {t.addQuestion}
        </button>
      </section>
    </>
  );
}

interface QuestionEditorProps {
  question: QuestionModel;
  index: number;
  total: number;
  onChange: (fn: (q: QuestionModel) => QuestionModel) => void;
  onMove: (index: number, direction: -1 | 1, buttonId: string, otherId: string) => void;
  onRemove: () => void;
}

function QuestionEditor({ question, index, total, onChange, onMove, onRemove }: QuestionEditorProps) {
  const t = useMessages(messages);
  const { model } = useEditor();
  const promptId = fieldId(question.uid, 'prompt');
  const promptError = useProblem(promptId);
  const kindId = fieldId(question.uid, 'kind');
  const optionsId = fieldId(question.uid, 'options');
  const optionsError = useProblem(optionsId);
  const headingId = `question-heading-${question.uid}`;
  const up = `q-up-${question.uid}`;
  const down = `q-down-${question.uid}`;
  const many = question.kind === 'multiple';
  const trueFalse = question.kind === 'truefalse';

  const changeKind = (kind: QuestionKind) =>
    onChange((q) => {
      if (kind === 'truefalse') {
        const words = TRUE_FALSE[model.language] ?? TRUE_FALSE.en;
        const right = q.options.slice(0, 2).findIndex((o) => o.correct);
        const options = words.map((text, i) => ({ ...(q.options[i] ?? newOption()), text, correct: i === right }));
        return { ...q, kind, options };
      }
      if (kind === 'single') {
        const right = q.options.findIndex((o) => o.correct);
        return { ...q, kind, options: q.options.map((o, i) => ({ ...o, correct: i === right })) };
      }
      return { ...q, kind };
    });

  const setOption = (uid: string, patch: Partial<QuestionModel['options'][number]>) =>
    onChange((q) => ({ ...q, options: q.options.map((o) => (o.uid === uid ? { ...o, ...patch } : o)) }));

  const markCorrect = (uid: string, checked: boolean) =>
    onChange((q) => ({ ...q, options: q.options.map((o) => (many ? (o.uid === uid ? { ...o, correct: checked } : o) : { ...o, correct: o.uid === uid })) }));

  return (
    <li className="question-card">
      <section aria-labelledby={headingId}>
        <div className="question-card__head">
          <h3 id={headingId} className="question-card__title">
            {t.questionNumber(index + 1)}
          </h3>
          <div className="row-actions">
            <button id={up} type="button" className="button button--secondary button--small" disabled={index === 0} aria-label={t.moveQuestionUp(index + 1)} onClick={() => onMove(index, -1, up, down)}>
              {t.moveUp}
            </button>
            <button id={down} type="button" className="button button--secondary button--small" disabled={index === total - 1} aria-label={t.moveQuestionDown(index + 1)} onClick={() => onMove(index, 1, down, up)}>
              {t.moveDown}
            </button>
            <button type="button" className="button button--danger-link button--small" aria-label={t.removeQuestion(index + 1)} onClick={onRemove}>
              {t.delete}
            </button>
          </div>
        </div>
        <div className="studio-grid studio-grid--question">
          <Field id={kindId} label={t.kind}>
            {(control) => (
              <select {...control} className="select" value={question.kind} onChange={(e) => changeKind(e.target.value as QuestionKind)}>
                {QUESTION_KINDS.map((kind) => (
                  <option key={kind} value={kind}>
                    {t.kinds[kind]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id={promptId} label={t.fields.prompt} error={promptError}>
            {(control) => (
              <textarea
                {...control}
                className="input textarea"
                rows={2}
                lang={model.language}
                value={question.prompt}
                onChange={(e) => onChange((q) => ({ ...q, prompt: e.target.value }))}
              />
            )}
          </Field>
        </div>
        <fieldset
          id={optionsId}
          tabIndex={-1}
          className={`fieldset answers${optionsError ? ' field--error' : ''}`}
          aria-describedby={`${optionsId}-hint${optionsError ? ` ${optionsId}-error` : ''}`}
        >
          <legend className="field__label">{t.answers}</legend>
          <p className="field__hint" id={`${optionsId}-hint`}>
            {many ? t.answersHintMultiple : t.answersHintSingle}
          </p>
          {optionsError ? (
            <p className="field__error" id={`${optionsId}-error`}>
              {optionsError}
            </p>
          ) : null}
          <ol className="answer-list">
            {question.options.map((option, n) => (
              <OptionEditor
                key={option.uid}
                option={option}
                n={n}
                group={`correct-${question.uid}`}
                many={many}
                fixed={trueFalse}
                removable={!trueFalse && question.options.length > 2}
                lang={model.language}
                onChange={(patch) => setOption(option.uid, patch)}
                onCorrect={(checked) => markCorrect(option.uid, checked)}
                onRemove={() => {
                  onChange((q) => ({ ...q, options: q.options.filter((o) => o.uid !== option.uid) }));
                  window.requestAnimationFrame(() => document.getElementById(`add-option-${question.uid}`)?.focus());
                }}
              />
            ))}
          </ol>
          {!trueFalse && question.options.length < 10 ? (
            <button
              id={`add-option-${question.uid}`}
              type="button"
              className="button button--secondary button--small"
              onClick={() => {
                const created = newOption();
                onChange((q) => ({ ...q, options: [...q.options, created] }));
                window.requestAnimationFrame(() => document.getElementById(fieldId(created.uid, 'text'))?.focus());
              }}
            >
              <span aria-hidden="true">+ </span>
              {t.addOption}
            </button>
          ) : null}
        </fieldset>
      </section>
    </li>
  );
}

interface OptionEditorProps {
  option: QuestionModel['options'][number];
  n: number;
  group: string;
  many: boolean;
  fixed: boolean;
  removable: boolean;
  lang: string;
  onChange: (patch: Partial<QuestionModel['options'][number]>) => void;
  onCorrect: (checked: boolean) => void;
  onRemove: () => void;
}

function OptionEditor({ option, n, group, many, fixed, removable, lang, onChange, onCorrect, onRemove }: OptionEditorProps) {
  const t = useMessages(messages);
  const textId = fieldId(option.uid, 'text');
  const feedbackId = fieldId(option.uid, 'feedback');
  const correctId = `correct-${option.uid}`;
  const textError = useProblem(textId);
  const feedbackError = useProblem(feedbackId);
  return (
    <li className={`answer${option.correct ? ' answer--correct' : ''}`}>
      <div className="answer__correct option">
        <input id={correctId} type={many ? 'checkbox' : 'radio'} name={group} checked={option.correct} onChange={(e) => onCorrect(e.target.checked)} />
        <label htmlFor={correctId}>{t.correctAnswer(n + 1)}</label>
      </div>
      <Field id={textId} label={t.optionText(n + 1)} error={textError}>
        {(control) => <input {...control} className="input" lang={lang} value={option.text} readOnly={fixed} onChange={(e) => onChange({ text: e.target.value })} />}
      </Field>
      <Field id={feedbackId} label={t.optionFeedback(n + 1)} hint={n === 0 ? t.feedbackHint : undefined} error={feedbackError}>
        {(control) => (
          <textarea {...control} className="input textarea" rows={2} lang={lang} value={option.feedback} onChange={(e) => onChange({ feedback: e.target.value })} />
        )}
      </Field>
      {removable ? (
        <button type="button" className="button button--danger-link button--small" onClick={onRemove}>
          {t.removeOption(n + 1)}
        </button>
      ) : null}
    </li>
  );
}

/** A quiz's kind and, for the final quiz, how many questions each attempt draws and the attempt policy. */
function QuizPolicy({ quiz, setQuiz }: { quiz: QuizModel; setQuiz: (fn: (q: QuizModel) => QuizModel) => void }) {
  const t = useMessages(messages);
  const kindId = fieldId(quiz.uid, 'quizKind');
  const drawId = fieldId(quiz.uid, 'draw');
  const attemptsId = fieldId(quiz.uid, 'maxFailedAttempts');
  const hoursId = fieldId(quiz.uid, 'retryAfterHours');
  const kindError = useProblem(kindId);
  const drawError = useProblem(drawId);
  const attemptsError = useProblem(attemptsId);
  const hoursError = useProblem(hoursId);
  const isFinal = quiz.kind === 'final';
  const setKind = (kind: 'check' | 'final') =>
    setQuiz((q) => {
      const { draw: _d, maxFailedAttempts: _m, retryAfterHours: _r, ...rest } = q;
      return kind === 'final'
        ? { ...rest, kind, draw: q.draw ?? Math.max(1, Math.floor(q.questions.length / 1.5)), maxFailedAttempts: q.maxFailedAttempts ?? 3, retryAfterHours: q.retryAfterHours ?? 24 }
        : { ...rest, kind };
    });
  return (
    <div className="studio-grid">
      <Field id={kindId} label={t.fields.quizKind} hint={t.quizKindHint} error={kindError}>
        {(control) => (
          <select {...control} className="input" value={quiz.kind ?? 'check'} onChange={(e) => setKind(e.target.value as 'check' | 'final')}>
            <option value="check">{t.quizKindCheck}</option>
            <option value="final">{t.quizKindFinal}</option>
          </select>
        )}
      </Field>
      {isFinal ? (
        <>
          <Field id={drawId} label={t.fields.draw} hint={t.drawHint(quiz.questions.length)} error={drawError}>
            {(control) => <WholeNumberInput control={control} min={1} max={100} value={quiz.draw ?? NaN} onChange={(n) => setQuiz((q) => ({ ...q, draw: n }))} />}
          </Field>
          <Field id={attemptsId} label={t.fields.maxFailedAttempts} hint={t.attemptsHint} error={attemptsError}>
            {(control) => (
              <WholeNumberInput control={control} min={1} max={100} value={quiz.maxFailedAttempts ?? 3} onChange={(n) => setQuiz((q) => ({ ...q, maxFailedAttempts: n }))} />
            )}
          </Field>
          <Field id={hoursId} label={t.fields.retryAfterHours} hint={t.retryHint} error={hoursError}>
            {(control) => (
              <WholeNumberInput control={control} min={1} max={8760} value={quiz.retryAfterHours ?? 24} onChange={(n) => setQuiz((q) => ({ ...q, retryAfterHours: n }))} />
            )}
          </Field>
        </>
      ) : null}
    </div>
  );
}
