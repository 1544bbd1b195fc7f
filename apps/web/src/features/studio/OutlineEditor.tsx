import type { ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import {
  DndContext,
  KeyboardSensor,
  PointerSensor,
  closestCenter,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
  type UniqueIdentifier,
} from '@dnd-kit/core';
import { SortableContext, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { ItemIcon } from '../../components/ItemIcon';
import { useMessages } from '../../lib/i18n';
import { announce } from '../../lib/route-focus';
import { useEditor, useProblem } from './editor-context';
import { messages, type StudioMessages } from './messages';
import { COURSE_UID, fieldId, mapModule, move, newLesson, newModule, newQuiz, stepItem, type ItemModel, type ModuleModel } from './model';

/** After a move, focus stays on the button pressed, or its pair when the pressed one is now disabled. */
function refocus(id: string, fallback: string) {
  window.requestAnimationFrame(() => {
    const element = document.getElementById(id) as HTMLButtonElement | null;
    if (element && !element.disabled) element.focus();
    else document.getElementById(fallback)?.focus();
  });
}

const label = (t: StudioMessages, text: string) => (text.trim() ? t.quoted(text.trim()) : t.untitled);

export function OutlineEditor() {
  const t = useMessages(messages);
  const { model, update } = useEditor();
  const error = useProblem(fieldId(COURSE_UID, 'modules'));
  const modules = model.modules;

  const moduleName = (m: ModuleModel) => `${t.moduleNumber(modules.indexOf(m) + 1)} ${label(t, m.title)}`;

  const moveModule = (from: number, to: number) => {
    const moved = modules[from];
    update((m) => ({ ...m, modules: move(m.modules, from, to) }));
    announce(t.moved(label(t, moved.title), to + 1, modules.length));
  };

  const addModule = () => {
    const created = newModule(t.newModuleTitle);
    update((m) => ({ ...m, modules: [...m.modules, created] }));
    window.requestAnimationFrame(() => {
      const input = document.getElementById(fieldId(created.uid, 'title')) as HTMLInputElement | null;
      input?.focus();
      input?.select();
    });
  };

  return (
    <section id={fieldId(COURSE_UID, 'modules')} tabIndex={-1} className="studio-section outline-editor" aria-labelledby="outline-heading">
      <h2 id="outline-heading">{t.outlineTitle}</h2>
      <p className="field__hint">{t.outlineHint}</p>
      {error ? <p className="field__error">{error}</p> : null}
      <SortableList ids={modules.map((m) => m.uid)} titleOf={(uid) => label(t, modules.find((m) => m.uid === uid)?.title ?? '')} onMove={moveModule}>
        <ol className="module-list">
          {modules.map((module, index) => (
            <SortableRow key={module.uid} uid={module.uid} className="module-card" handleLabel={t.dragLabel(moduleName(module))}>
              <ModuleEditor module={module} index={index} total={modules.length} name={moduleName(module)} onMove={moveModule} />
            </SortableRow>
          ))}
        </ol>
      </SortableList>
      <button id="add-module" type="button" className="button button--secondary" onClick={addModule}>
        <span aria-hidden="true">+ </span>
        {t.addModule}
      </button>
    </section>
  );
}

function ModuleEditor({ module, index, total, name, onMove }: { module: ModuleModel; index: number; total: number; name: string; onMove: (from: number, to: number) => void }) {
  const t = useMessages(messages);
  const { model, update, confirm, base, problemsById } = useEditor();
  const navigate = useNavigate();
  const titleId = fieldId(module.uid, 'title');
  const titleError = useProblem(titleId);
  const itemsError = useProblem(fieldId(module.uid, 'items'));
  const up = `mv-up-${module.uid}`;
  const down = `mv-down-${module.uid}`;

  const itemName = (item: ItemModel) => `${item.type === 'quiz' ? t.quiz : t.lesson} ${label(t, item.title)}`;

  const moveItem = (from: number, to: number) => {
    const moved = module.items[from];
    update((m) => mapModule(m, module.uid, (x) => ({ ...x, items: move(x.items, from, to) })));
    announce(t.moved(label(t, moved.title), to + 1, module.items.length));
  };

  const stepOne = (item: ItemModel, direction: -1 | 1) => {
    const position = module.items.indexOf(item);
    const leaves = (direction < 0 && position === 0) || (direction > 0 && position === module.items.length - 1);
    update((m) => stepItem(m, item.uid, direction));
    if (leaves) announce(t.movedToModule(label(t, item.title), index + 1 + direction));
    else announce(t.moved(label(t, item.title), position + 1 + direction, module.items.length));
    refocus(`mv-${direction < 0 ? 'up' : 'down'}-${item.uid}`, `mv-${direction < 0 ? 'down' : 'up'}-${item.uid}`);
  };

  const add = (item: ItemModel) => {
    update((m) => mapModule(m, module.uid, (x) => ({ ...x, items: [...x.items, item] })));
    navigate(`${base}/items/${encodeURIComponent(item.uid)}`);
  };

  const removeModule = async () => {
    const ok = await confirm({
      title: t.deleteModuleTitle,
      body: <p>{t.deleteModuleBody(label(t, module.title), module.items.length)}</p>,
      confirmLabel: t.delete,
      cancelLabel: t.cancel,
      danger: true,
    });
    if (!ok) return;
    update((m) => ({ ...m, modules: m.modules.filter((x) => x.uid !== module.uid) }));
    window.requestAnimationFrame(() => document.getElementById('add-module')?.focus());
  };

  const removeItem = async (item: ItemModel) => {
    const ok = await confirm({
      title: t.deleteItemTitle,
      body: <p>{t.deleteItemBody(itemName(item))}</p>,
      confirmLabel: t.delete,
      cancelLabel: t.cancel,
      danger: true,
    });
    if (!ok) return;
    update((m) => mapModule(m, module.uid, (x) => ({ ...x, items: x.items.filter((i) => i.uid !== item.uid) })));
    window.requestAnimationFrame(() => document.getElementById(`add-lesson-${module.uid}`)?.focus());
  };

  const lastModule = index === model.modules.length - 1;

  return (
    <div className="module-card__body">
      <div className={`field module-card__title${titleError ? ' field--error' : ''}`}>
        <label className="field__label" htmlFor={titleId}>
          {t.moduleTitle(index + 1)}
        </label>
        {titleError ? (
          <p className="field__error" id={`${titleId}-error`}>
            {titleError}
          </p>
        ) : null}
        <input
          id={titleId}
          className="input"
          lang={model.language}
          value={module.title}
          maxLength={200}
          aria-invalid={titleError ? true : undefined}
          aria-describedby={titleError ? `${titleId}-error` : undefined}
          onChange={(e) => update((m) => mapModule(m, module.uid, (x) => ({ ...x, title: e.target.value })))}
        />
      </div>
      <div className="row-actions">
        <button
          id={up}
          type="button"
          className="button button--secondary button--small"
          disabled={index === 0}
          aria-label={t.moveUpLabel(name)}
          onClick={() => {
            onMove(index, index - 1);
            refocus(up, down);
          }}
        >
          {t.moveUp}
        </button>
        <button
          id={down}
          type="button"
          className="button button--secondary button--small"
          disabled={index === total - 1}
          aria-label={t.moveDownLabel(name)}
          onClick={() => {
            onMove(index, index + 1);
            refocus(down, up);
          }}
        >
          {t.moveDown}
        </button>
        <button type="button" className="button button--danger-link button--small" aria-label={t.deleteLabel(name)} onClick={removeModule}>
          {t.delete}
        </button>
      </div>

      <div id={fieldId(module.uid, 'items')} tabIndex={-1} className={`module-card__items${itemsError ? ' field--error' : ''}`}>
        {itemsError ? <p className="field__error">{itemsError}</p> : null}
        {module.items.length === 0 ? <p className="muted">{t.emptyModule}</p> : null}
        <SortableList ids={module.items.map((i) => i.uid)} titleOf={(uid) => label(t, module.items.find((i) => i.uid === uid)?.title ?? '')} onMove={moveItem}>
          <ol className="item-list">
            {module.items.map((item, itemIndex) => {
              const name = itemName(item);
              const first = index === 0 && itemIndex === 0;
              const last = lastModule && itemIndex === module.items.length - 1;
              const problem = hasProblems(item);
              return (
                <SortableRow key={item.uid} uid={item.uid} className="item-row" handleLabel={t.dragLabel(name)}>
                  <div className="item-row__main">
                    <ItemIcon type={item.type} />
                    <span className="item-row__type">{item.type === 'quiz' ? t.quiz : t.lesson}</span>
                    <Link className="item-row__title" to={`${base}/items/${encodeURIComponent(item.uid)}`} aria-label={t.editLabel(name)} lang={model.language}>
                      {item.title.trim() || t.untitled}
                    </Link>
                    {problem ? <ProblemMark /> : null}
                  </div>
                  <div className="row-actions">
                    <button
                      id={`mv-up-${item.uid}`}
                      type="button"
                      className="button button--secondary button--small"
                      disabled={first}
                      aria-label={t.moveUpLabel(name)}
                      onClick={() => stepOne(item, -1)}
                    >
                      {t.moveUp}
                    </button>
                    <button
                      id={`mv-down-${item.uid}`}
                      type="button"
                      className="button button--secondary button--small"
                      disabled={last}
                      aria-label={t.moveDownLabel(name)}
                      onClick={() => stepOne(item, 1)}
                    >
                      {t.moveDown}
                    </button>
                    <button type="button" className="button button--danger-link button--small" aria-label={t.deleteLabel(name)} onClick={() => removeItem(item)}>
                      {t.delete}
                    </button>
                  </div>
                </SortableRow>
              );
            })}
          </ol>
        </SortableList>
        <div className="actions module-card__add">
          <button id={`add-lesson-${module.uid}`} type="button" className="button button--secondary button--small" onClick={() => add(newLesson(t.newLessonTitle))}>
            <span aria-hidden="true">+ </span>
            {t.addLesson}
          </button>
          <button type="button" className="button button--secondary button--small" onClick={() => add(newQuiz(t.newQuizTitle))}>
            <span aria-hidden="true">+ </span>
            {t.addQuiz}
          </button>
        </div>
      </div>
    </div>
  );

  function hasProblems(item: ItemModel): boolean {
    const uids = item.type === 'quiz' ? [item.uid, ...item.questions.flatMap((q) => [q.uid, ...q.options.map((o) => o.uid)])] : [item.uid];
    return [...problemsById.keys()].some((id) => uids.some((uid) => id.startsWith(`f-${uid}-`)));
  }
}

function ProblemMark() {
  const t = useMessages(messages);
  return (
    <span className="problem-mark">
      <span aria-hidden="true">! </span>
      {t.hasProblems}
    </span>
  );
}

/** A list whose rows can be dragged (pointer or keyboard) to a new place, announced to screen readers. */
function SortableList({ ids, titleOf, onMove, children }: { ids: string[]; titleOf: (uid: string) => string; onMove: (from: number, to: number) => void; children: ReactNode }) {
  const t = useMessages(messages);
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const position = (id: UniqueIdentifier) => ids.indexOf(String(id)) + 1;
  const announcements: Announcements = {
    onDragStart: ({ active }) => t.dndPicked(titleOf(String(active.id)), position(active.id), ids.length),
    onDragOver: ({ active, over }) => (over ? t.dndOver(titleOf(String(active.id)), position(over.id), ids.length) : undefined),
    onDragEnd: ({ active, over }) =>
      over ? t.dndDropped(titleOf(String(active.id)), position(over.id), ids.length) : t.dndCancelled(titleOf(String(active.id))),
    onDragCancel: ({ active }) => t.dndCancelled(titleOf(String(active.id))),
  };
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    onMove(ids.indexOf(String(active.id)), ids.indexOf(String(over.id)));
  };
  return (
    <DndContext
      sensors={sensors}
      collisionDetection={closestCenter}
      onDragEnd={onDragEnd}
      accessibility={{ announcements, screenReaderInstructions: { draggable: t.dndInstructions } }}
    >
      <SortableContext items={ids} strategy={verticalListSortingStrategy}>
        {children}
      </SortableContext>
    </DndContext>
  );
}

function SortableRow({ uid, className, handleLabel, children }: { uid: string; className: string; handleLabel: string; children: ReactNode }) {
  const t = useMessages(messages);
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({
    id: uid,
    attributes: { roleDescription: t.sortable },
  });
  return (
    <li
      ref={setNodeRef}
      className={`${className}${isDragging ? ` ${className}--dragging` : ''}`}
      style={{ transform: CSS.Translate.toString(transform), transition }}
    >
      <button type="button" ref={setActivatorNodeRef} className="drag-handle" {...attributes} {...listeners} aria-label={handleLabel}>
        <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
          <circle cx="9" cy="6" r="1.6" fill="currentColor" />
          <circle cx="15" cy="6" r="1.6" fill="currentColor" />
          <circle cx="9" cy="12" r="1.6" fill="currentColor" />
          <circle cx="15" cy="12" r="1.6" fill="currentColor" />
          <circle cx="9" cy="18" r="1.6" fill="currentColor" />
          <circle cx="15" cy="18" r="1.6" fill="currentColor" />
        </svg>
      </button>
      <div className="sortable-row__content">{children}</div>
    </li>
  );
}
