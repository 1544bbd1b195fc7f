import { useEffect, useRef, useState } from 'react';
import { LANGUAGES, type Language } from '@ecampus/contracts';
import { Field } from '../../components/Field';
import { PageHeading } from '../../components/PageHeading';
import { useFormat, useMessages } from '../../lib/i18n';
import { TOPICS, messages as catalogueMessages } from '../catalogue/messages';
import { CoverEditor } from './CoverEditor';
import { useEditor, useProblem } from './editor-context';
import { GlossaryEditor, ReferencesEditor } from './GlossaryReferences';
import { messages } from './messages';
import { COURSE_UID, fieldId, slugify } from './model';
import { OutlineEditor } from './OutlineEditor';
import { usePendingFocus } from './usePendingFocus';
import { WholeNumberInput } from './WholeNumberInput';

const id = (field: string) => fieldId(COURSE_UID, field);

export function CourseOverview() {
  const t = useMessages(messages);
  const { model, isNew, canEdit } = useEditor();
  usePendingFocus();
  const title = model.title.trim() || (isNew ? t.newCourseTitle : t.untitled);
  return (
    <>
      <PageHeading title={title} lang={model.title.trim() ? model.language : undefined}>
        {title}
      </PageHeading>
      <fieldset className="plain-fieldset" disabled={!canEdit}>
        <CourseDetails />
        <Governance />
        <OutlineEditor />
        <GlossaryEditor />
        <ReferencesEditor />
      </fieldset>
    </>
  );
}

function CourseDetails() {
  const t = useMessages(messages);
  const topicsText = useMessages(catalogueMessages);
  const format = useFormat();
  const { model, update, isNew, saved } = useEditor();
  // Once published, learners know the course in its language: another language is a translation.
  const languageFixed = saved?.version != null;
  // A new course's address follows its title until the author writes one.
  const [slugTouched, setSlugTouched] = useState(!isNew || model.slug !== '');
  const set = <K extends keyof typeof model>(key: K, value: (typeof model)[K]) => update((m) => ({ ...m, [key]: value }));
  const titleError = useProblem(id('title'));
  const slugError = useProblem(id('slug'));
  const summaryError = useProblem(id('summary'));
  const audienceError = useProblem(id('audience'));
  const minutesError = useProblem(id('estimatedMinutes'));
  const topicsError = useProblem(id('topics'));
  const objectivesError = useProblem(id('objectives'));
  const languageError = useProblem(id('language'));

  return (
    <section className="studio-section" aria-labelledby="details-heading">
      <h2 id="details-heading">{t.detailsTitle}</h2>
      <div className="studio-grid">
        <Field id={id('title')} label={t.fields.title} error={titleError}>
          {(control) => (
            <input
              {...control}
              className="input"
              lang={model.language}
              value={model.title}
              maxLength={200}
              onChange={(e) => {
                const title = e.target.value;
                update((m) => ({ ...m, title, ...(isNew && !slugTouched ? { slug: slugify(title) } : {}) }));
              }}
            />
          )}
        </Field>
        {isNew ? (
          <Field id={id('slug')} label={t.fields.slug} hint={t.slugHint} error={slugError}>
            {(control) => (
              <input
                {...control}
                className="input code"
                value={model.slug}
                maxLength={100}
                autoCapitalize="none"
                autoCorrect="off"
                spellCheck={false}
                onChange={(e) => {
                  setSlugTouched(true);
                  set('slug', e.target.value);
                }}
              />
            )}
          </Field>
        ) : null}
        <Field id={id('language')} label={t.fields.language} hint={languageFixed ? t.languageFixedHint : t.languageHint} error={languageError}>
          {(control) => (
            <select
              {...control}
              className="select"
              value={model.language}
              disabled={languageFixed}
              onChange={(e) => set('language', e.target.value as Language)}
            >
              {LANGUAGES.map((code) => (
                <option key={code} value={code}>
                  {format.languageName(code)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id={id('estimatedMinutes')} label={t.fields.estimatedMinutes} hint={t.minutesHint} error={minutesError}>
          {(control) => (
            <WholeNumberInput control={control} min={5} max={600} step={5} value={model.estimatedMinutes} onChange={(n) => set('estimatedMinutes', n)} />
          )}
        </Field>
      </div>
      <Field id={id('summary')} label={t.fields.summary} hint={t.summaryHint} error={summaryError}>
        {(control) => (
          <textarea {...control} className="input textarea" rows={3} lang={model.language} value={model.summary} maxLength={1000} onChange={(e) => set('summary', e.target.value)} />
        )}
      </Field>
      <Field id={id('audience')} label={t.fields.audience} hint={t.audienceHint} error={audienceError}>
        {(control) => (
          <textarea {...control} className="input textarea" rows={2} lang={model.language} value={model.audience} onChange={(e) => set('audience', e.target.value)} />
        )}
      </Field>
      <Objectives error={objectivesError} />
      <fieldset id={id('topics')} tabIndex={-1} className={`fieldset${topicsError ? ' field--error' : ''}`} aria-describedby={`${id('topics')}-hint`}>
        <legend className="field__label">{t.fields.topics}</legend>
        <p className="field__hint" id={`${id('topics')}-hint`}>
          {t.topicsHint}
        </p>
        {topicsError ? <p className="field__error">{topicsError}</p> : null}
        <div className="checkbox-grid">
          {TOPICS.map((topic) => {
            const checked = model.topics.includes(topic);
            return (
              <div className="checkbox" key={topic}>
                <input
                  id={`topic-${topic}`}
                  type="checkbox"
                  checked={checked}
                  onChange={(e) =>
                    update((m) => ({ ...m, topics: e.target.checked ? [...m.topics, topic] : m.topics.filter((x) => x !== topic) }))
                  }
                />
                <label htmlFor={`topic-${topic}`}>{topicsText.topics[topic]}</label>
              </div>
            );
          })}
        </div>
      </fieldset>
      <CoverEditor />
    </section>
  );
}

function Objectives({ error }: { error?: string }) {
  const t = useMessages(messages);
  const { model, update } = useEditor();
  const focusIndex = useRef<number | null>(null);
  const problems = useEditor().problemsById;

  useEffect(() => {
    if (focusIndex.current === null) return;
    document.getElementById(id(`objectives-${focusIndex.current}`))?.focus();
    focusIndex.current = null;
  });

  const setAt = (index: number, text: string) => update((m) => ({ ...m, objectives: m.objectives.map((o, i) => (i === index ? text : o)) }));

  return (
    <fieldset id={id('objectives')} tabIndex={-1} className={`fieldset${error ? ' field--error' : ''}`} aria-describedby={`${id('objectives')}-hint`}>
      <legend className="field__label">{t.fields.objectives}</legend>
      <p className="field__hint" id={`${id('objectives')}-hint`}>
        {t.objectivesHint}
      </p>
      {error ? <p className="field__error">{error}</p> : null}
      <ol className="objective-list">
        {model.objectives.map((objective, index) => {
          const controlId = id(`objectives-${index}`);
          const problem = problems.get(controlId)?.join(' ');
          return (
            <li key={index} className="objective-list__item">
              <label className="visually-hidden" htmlFor={controlId}>
                {t.objective(index + 1)}
              </label>
              {problem ? (
                <p className="field__error" id={`${controlId}-error`}>
                  {problem}
                </p>
              ) : null}
              <div className="inline-row">
                <input
                  id={controlId}
                  className="input"
                  lang={model.language}
                  value={objective}
                  maxLength={500}
                  aria-invalid={problem ? true : undefined}
                  aria-describedby={problem ? `${controlId}-error` : undefined}
                  onChange={(e) => setAt(index, e.target.value)}
                />
                {model.objectives.length > 1 ? (
                  <button
                    type="button"
                    className="button button--secondary button--small"
                    aria-label={t.removeObjective(index + 1)}
                    onClick={() => {
                      update((m) => ({ ...m, objectives: m.objectives.filter((_, i) => i !== index) }));
                      focusIndex.current = Math.max(0, index - 1);
                    }}
                  >
                    {t.remove}
                  </button>
                ) : null}
              </div>
            </li>
          );
        })}
      </ol>
      <button
        type="button"
        className="button button--secondary"
        onClick={() => {
          focusIndex.current = model.objectives.length;
          update((m) => ({ ...m, objectives: [...m.objectives, ''] }));
        }}
      >
        {t.addObjective}
      </button>
    </fieldset>
  );
}

/** Who wrote and reviewed the course, when, its content version and licence: needed to publish (issue 9). */
function Governance() {
  const t = useMessages(messages);
  const { model, update } = useEditor();
  const set = (patch: Partial<typeof model>) => update((m) => ({ ...m, ...patch }));
  const errors = {
    authors: useProblem(id('authors')),
    reviewers: useProblem(id('reviewers')),
    reviewedOn: useProblem(id('reviewedOn')),
    contentVersion: useProblem(id('contentVersion')),
    licence: useProblem(id('licence')),
  };
  return (
    <section className="studio-section" aria-labelledby="governance-heading">
      <h2 id="governance-heading">{t.governanceTitle}</h2>
      <p className="muted">{t.governanceHint}</p>
      <div className="studio-grid">
        <NamesField field="authors" value={model.authors} error={errors.authors} onChange={(authors) => set({ authors })} />
        <NamesField field="reviewers" value={model.reviewers} error={errors.reviewers} onChange={(reviewers) => set({ reviewers })} />
        <Field id={id('reviewedOn')} label={t.fields.reviewedOn} error={errors.reviewedOn}>
          {(control) => (
            <input {...control} className="input" type="date" value={model.reviewedOn ?? ''} onChange={(e) => set({ reviewedOn: e.target.value || undefined })} />
          )}
        </Field>
        <Field id={id('contentVersion')} label={t.fields.contentVersion} error={errors.contentVersion}>
          {(control) => (
            <input {...control} className="input" maxLength={20} value={model.contentVersion ?? ''} onChange={(e) => set({ contentVersion: e.target.value || undefined })} />
          )}
        </Field>
        <Field id={id('licence')} label={t.fields.licence} error={errors.licence}>
          {(control) => (
            <input {...control} className="input" maxLength={100} value={model.licence ?? ''} onChange={(e) => set({ licence: e.target.value || undefined })} />
          )}
        </Field>
      </div>
    </section>
  );
}

/** A list of names typed in one box, separated by semicolons. */
function NamesField({ field, value, error, onChange }: { field: 'authors' | 'reviewers'; value: string[] | undefined; error: string | undefined; onChange: (names: string[] | undefined) => void }) {
  const t = useMessages(messages);
  const [text, setText] = useState(() => (value ?? []).join('; '));
  return (
    <Field id={id(field)} label={t.fields[field]} hint={t.namesHint} error={error}>
      {(control) => (
        <input
          {...control}
          className="input"
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            const names = e.target.value.split(';').map((n) => n.trim()).filter(Boolean);
            onChange(names.length ? names : undefined);
          }}
        />
      )}
    </Field>
  );
}
