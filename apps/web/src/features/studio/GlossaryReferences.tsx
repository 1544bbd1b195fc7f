import type { ReactNode } from 'react';
import type { GlossaryEntry, Reference } from '@ecampus/contracts';
import { Field } from '../../components/Field';
import { useMessages } from '../../lib/i18n';
import { announce } from '../../lib/route-focus';
import { useEditor, useProblem } from './editor-context';
import { messages, type StudioMessages } from './messages';
import { COURSE_UID, fieldId, move } from './model';
import { useFocusLater } from './useFocusLater';
import { WholeNumberInput } from './WholeNumberInput';

type ListName = 'glossary' | 'references';

const id = (field: string) => fieldId(COURSE_UID, field);

/** After a move, focus stays on the button pressed, or its pair when the pressed one is now disabled. */
function refocus(target: string, fallback: string) {
  window.requestAnimationFrame(() => {
    const element = document.getElementById(target) as HTMLButtonElement | null;
    if (element && !element.disabled) element.focus();
    else document.getElementById(fallback)?.focus();
  });
}

/** Glossary terms: add, edit, remove, move up and down. Saved with the draft. */
export function GlossaryEditor() {
  const t = useMessages(messages);
  const { model, update } = useEditor();
  const entries = model.glossary;
  const set = (index: number, changes: Partial<GlossaryEntry>) =>
    update((m) => ({ ...m, glossary: m.glossary.map((e, i) => (i === index ? { ...e, ...changes } : e)) }));
  return (
    <EntryList
      list="glossary"
      title={t.fields.glossary}
      hint={t.glossaryHint}
      empty={t.glossaryEmpty}
      count={entries.length}
      entryName={t.glossaryEntry}
      labels={{ up: t.moveTermUp, down: t.moveTermDown, remove: t.removeTerm, add: t.addTerm }}
      nameOf={(i) => entries[i]?.term.trim() || t.glossaryEntry(i + 1)}
      onAdd={() => update((m) => ({ ...m, glossary: [...m.glossary, { term: '', definition: '' }] }))}
      firstField="term"
    >
      {(index) => {
        const entry = entries[index];
        return (
          <>
            <TextField list="glossary" index={index} field="term" label={t.fields.term} value={entry.term} maxLength={200} onChange={(term) => set(index, { term })} />
            <TextField
              list="glossary"
              index={index}
              field="definition"
              label={t.fields.definition}
              value={entry.definition}
              maxLength={5000}
              multiline
              onChange={(definition) => set(index, { definition })}
            />
          </>
        );
      }}
    </EntryList>
  );
}

/** References (title, publisher, year, optional web address): add, edit, remove, move up and down. */
export function ReferencesEditor() {
  const t = useMessages(messages);
  const { model, update } = useEditor();
  const entries = model.references;
  const set = (index: number, changes: Partial<Reference>) =>
    update((m) => ({ ...m, references: m.references.map((r, i) => (i === index ? { ...r, ...changes } : r)) }));
  return (
    <EntryList
      list="references"
      title={t.fields.references}
      hint={t.referencesHint}
      empty={t.referencesEmpty}
      count={entries.length}
      entryName={t.referenceEntry}
      labels={{ up: t.moveReferenceUp, down: t.moveReferenceDown, remove: t.removeReference, add: t.addReference }}
      nameOf={(i) => entries[i]?.title.trim() || t.referenceEntry(i + 1)}
      // The year is left empty: the author writes it (the editor refuses to save without it).
      onAdd={() => update((m) => ({ ...m, references: [...m.references, { title: '', publisher: '', year: Number.NaN }] }))}
      firstField="title"
    >
      {(index) => {
        const ref = entries[index];
        return (
          <>
            {/* Titles of reports and conventions are long: a box that shows them whole. */}
            <TextField
              list="references"
              index={index}
              field="title"
              label={t.fields.referenceTitle}
              value={ref.title}
              maxLength={500}
              multiline
              rows={2}
              onChange={(title) => set(index, { title })}
            />
            <div className="entry-grid">
              <TextField
                list="references"
                index={index}
                field="publisher"
                label={t.fields.publisher}
                value={ref.publisher}
                maxLength={200}
                onChange={(publisher) => set(index, { publisher })}
              />
              <YearField index={index} value={ref.year} onChange={(year) => set(index, { year })} />
            </div>
            <TextField
              list="references"
              index={index}
              field="url"
              label={t.fields.url}
              hint={t.urlHint}
              optional
              type="url"
              value={ref.url ?? ''}
              maxLength={2000}
              // An empty address is no address: the field is left out of the document.
              onChange={(url) => set(index, { url: url.trim() === '' ? undefined : url })}
            />
          </>
        );
      }}
    </EntryList>
  );
}

interface EntryListProps {
  list: ListName;
  title: string;
  hint: string;
  empty: string;
  count: number;
  entryName: (n: number) => string;
  labels: { up: (n: number) => string; down: (n: number) => string; remove: (n: number) => string; add: string };
  /** How an entry is named in announcements (its term or title, or its number). */
  nameOf: (index: number) => string;
  onAdd: () => void;
  /** The field focused in a new entry. */
  firstField: string;
  children: (index: number) => ReactNode;
}

function EntryList({ list, title, hint, empty, count, entryName, labels, nameOf, onAdd, firstField, children }: EntryListProps) {
  const t = useMessages(messages);
  const { update } = useEditor();
  const focusLater = useFocusLater();
  const error = useProblem(id(list));
  const headingId = `${list}-heading`;
  const addId = `add-${list}`;

  const moveEntry = (from: number, to: number) => {
    const name = quoted(t, nameOf(from));
    update((m) => ({ ...m, [list]: move<unknown>(m[list], from, to) }));
    announce(t.moved(name, to + 1, count));
  };

  const remove = (index: number) => {
    const name = quoted(t, nameOf(index));
    update((m) => ({ ...m, [list]: m[list].filter((_: unknown, i: number) => i !== index) }));
    announce(t.removed(name));
    // Focus goes to the entry before (or the one that took its place), or to the add button when none is left.
    focusLater(count > 1 ? id(`${list}-${Math.max(0, index - 1)}-${firstField}`) : addId);
  };

  return (
    <section id={id(list)} tabIndex={-1} className="studio-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      <p className="field__hint">{hint}</p>
      {error ? <p className="field__error">{error}</p> : null}
      {count === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <ol className="entry-list">
          {Array.from({ length: count }, (_, index) => {
            const up = `${list}-up-${index}`;
            const down = `${list}-down-${index}`;
            return (
              // Entries have no id of their own; the index is their place, and their controls' ids follow it.
              <li key={index} className="entry-card">
                <fieldset id={id(`${list}-${index}`)} tabIndex={-1} className="fieldset entry-card__fields">
                  <legend className="entry-card__title">{entryName(index + 1)}</legend>
                  {children(index)}
                </fieldset>
                <div className="row-actions">
                  <button
                    id={up}
                    type="button"
                    className="button button--secondary button--small"
                    disabled={index === 0}
                    aria-label={labels.up(index + 1)}
                    onClick={() => {
                      moveEntry(index, index - 1);
                      refocus(`${list}-up-${index - 1}`, `${list}-down-${index - 1}`);
                    }}
                  >
                    {t.moveUp}
                  </button>
                  <button
                    id={down}
                    type="button"
                    className="button button--secondary button--small"
                    disabled={index === count - 1}
                    aria-label={labels.down(index + 1)}
                    onClick={() => {
                      moveEntry(index, index + 1);
                      refocus(`${list}-down-${index + 1}`, `${list}-up-${index + 1}`);
                    }}
                  >
                    {t.moveDown}
                  </button>
                  <button type="button" className="button button--danger-link button--small" aria-label={labels.remove(index + 1)} onClick={() => remove(index)}>
                    {t.remove}
                  </button>
                </div>
              </li>
            );
          })}
        </ol>
      )}
      <button
        id={addId}
        type="button"
        className="button button--secondary"
        onClick={() => {
          onAdd();
          focusLater(id(`${list}-${count}-${firstField}`));
        }}
      >
        <span aria-hidden="true">+ </span>
        {labels.add}
      </button>
    </section>
  );
}

const quoted = (t: StudioMessages, text: string) => t.quoted(text);

interface TextFieldProps {
  list: ListName;
  index: number;
  field: string;
  label: string;
  hint?: string;
  value: string;
  maxLength: number;
  multiline?: boolean;
  rows?: number;
  optional?: boolean;
  type?: 'text' | 'url';
  onChange: (value: string) => void;
}

function TextField({ list, index, field, label, hint, value, maxLength, multiline, rows = 3, optional, type = 'text', onChange }: TextFieldProps) {
  const t = useMessages(messages);
  const { model } = useEditor();
  const controlId = id(`${list}-${index}-${field}`);
  const error = useProblem(controlId);
  return (
    <Field id={controlId} label={label} hint={hint} error={error} optionalText={optional ? t.optional : undefined}>
      {(control) =>
        multiline ? (
          <textarea {...control} className={`input textarea${rows < 3 ? ' textarea--short' : ''}`} rows={rows} lang={model.language} value={value} maxLength={maxLength} onChange={(e) => onChange(e.target.value)} />
        ) : (
          <input
            {...control}
            className={`input${type === 'url' ? ' code' : ''}`}
            type={type}
            lang={type === 'url' ? undefined : model.language}
            value={value}
            maxLength={maxLength}
            autoCapitalize={type === 'url' ? 'none' : undefined}
            spellCheck={type === 'url' ? false : undefined}
            onChange={(e) => onChange(e.target.value)}
          />
        )
      }
    </Field>
  );
}

function YearField({ index, value, onChange }: { index: number; value: number; onChange: (year: number) => void }) {
  const t = useMessages(messages);
  const controlId = id(`references-${index}-year`);
  const error = useProblem(controlId);
  return (
    <Field id={controlId} label={t.fields.year} error={error}>
      {(control) => <WholeNumberInput control={control} min={1800} max={2100} step={1} value={value} onChange={onChange} />}
    </Field>
  );
}
