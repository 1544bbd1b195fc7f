import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import {
  DndContext,
  KeyboardSensor,
  MouseSensor,
  TouchSensor,
  closestCenter,
  getFirstCollision,
  pointerWithin,
  rectIntersection,
  useDndContext,
  useSensor,
  useSensors,
  type Active,
  type Announcements,
  type ClientRect,
  type CollisionDetection,
  type DragEndEvent,
  type DragOverEvent,
  type DragStartEvent,
  type DroppableContainer,
  type KeyboardCoordinateGetter,
  type Modifier,
  type Over,
  type UniqueIdentifier,
} from '@dnd-kit/core';
import { SortableContext, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { ItemIcon } from '../../components/ItemIcon';
import { useMessages } from '../../lib/i18n';
import { announce } from '../../lib/route-focus';
import { useEditor, useProblem } from './editor-context';
import { messages, type StudioMessages } from './messages';
import { COURSE_UID, fieldId, mapModule, move, newLesson, newModule, newQuiz, placeItem, stepItem, type CourseModel, type ItemModel, type ModuleModel } from './model';
/** After a move, focus stays on the button pressed, or its pair when the pressed one is now disabled. */
function refocus(id: string, fallback: string) {
  window.requestAnimationFrame(() => {
    const element = document.getElementById(id) as HTMLButtonElement | null;
    if (element && !element.disabled) element.focus();
    else document.getElementById(fallback)?.focus();
  });
}

const label = (t: StudioMessages, text: string) => (text.trim() ? t.quoted(text.trim()) : t.untitled);

/*
 * Drag and drop, as dnd-kit documents multiple sortable containers: one DndContext for the whole outline, one
 * SortableContext for the modules and one per module for its items. Draggable ids carry their kind
 * ("module:<uid>", "item:<uid>") so a module and an item can never be confused.
 *
 * While an item is dragged, where it would land (`Placement`) is kept apart from the course: the outline shows
 * the course with the item there, and only the drop writes it (a cancelled drag changes nothing).
 *  - Pointer (mouse, or touch after a short press so that swiping still scrolls): onDragOver moves the item into
 *    another module as soon as it is over it; inside one module the sortable strategy shows the new place.
 *  - Keyboard: each arrow press moves the item one place, across modules at a module's edge (as the
 *    "Move up/down" buttons do); the item is shown where it is, without an offset.
 */
type Kind = 'module' | 'item';
const dndId = (kind: Kind, uid: string) => `${kind}:${uid}`;
function parseId(id: UniqueIdentifier): { kind: Kind; uid: string } {
  const text = String(id);
  const colon = text.indexOf(':');
  return { kind: text.slice(0, colon) as Kind, uid: text.slice(colon + 1) };
}
const kindOf = (id: UniqueIdentifier) => parseId(id).kind;

interface Placement {
  uid: string;
  moduleUid: string;
  index: number;
}

/** Where an item is: module index, index inside the module and how many items that module holds. */
function locate(modules: ModuleModel[], uid: string) {
  for (const [moduleIndex, module] of modules.entries()) {
    const index = module.items.findIndex((i) => i.uid === uid);
    if (index >= 0) return { moduleIndex, module, index, item: module.items[index] };
  }
  return undefined;
}

const centerY = (rect: Pick<ClientRect, 'top' | 'height'>) => rect.top + rect.height / 2;

/**
 * Where a dragged item lands for what it is over: over another module's item, just before it (after it when
 * the dragged item is lower); over a module (an empty one, or its title), at its end; over an item of its own
 * module, in that item's place (as a sortable list does).
 */
function landing(modules: ModuleModel[], activeUid: string, over: Pick<Over, 'id' | 'rect'> | null, activeRect: ClientRect | null | undefined): Placement | undefined {
  const from = locate(modules, activeUid);
  if (!from || !over) return undefined;
  const target = parseId(over.id);
  if (target.kind === 'module') {
    const module = modules.find((m) => m.uid === target.uid);
    if (!module) return undefined;
    if (module.uid === from.module.uid) return { uid: activeUid, moduleUid: module.uid, index: from.index };
    return { uid: activeUid, moduleUid: module.uid, index: module.items.length };
  }
  const to = locate(modules, target.uid);
  if (!to) return undefined;
  if (to.module.uid === from.module.uid) return { uid: activeUid, moduleUid: to.module.uid, index: to.index };
  const after = activeRect ? centerY(activeRect) > centerY(over.rect) : false;
  return { uid: activeUid, moduleUid: to.module.uid, index: to.index + (after ? 1 : 0) };
}

/** Only the droppables of one kind (a module is dropped among modules; an item among items and modules). */
function onlyModules(containers: DroppableContainer[]) {
  return containers.filter((c) => kindOf(c.id) === 'module');
}

/** No sideways movement in these vertical lists; an item moved by keyboard is shown where it is. */
const keepInLane: Modifier = ({ transform, activatorEvent, active }) => {
  if (active && activatorEvent instanceof KeyboardEvent && kindOf(active.id) === 'item') return { ...transform, x: 0, y: 0 };
  return { ...transform, x: 0 };
};

export function OutlineEditor() {
  const t = useMessages(messages);
  const { model, update } = useEditor();
  const error = useProblem(fieldId(COURSE_UID, 'modules'));
  const [placement, setPlacement] = useState<Placement | null>(null);
  const shown: CourseModel = useMemo(() => (placement ? placeItem(model, placement.uid, placement.moduleUid, placement.index) : model), [model, placement]);
  const modules = shown.modules;

  // Read by the keyboard sensor (created once per drag) and by collision detection.
  const modulesRef = useRef(modules);
  modulesRef.current = modules;
  const keyboardDrag = useRef(false);
  const startModule = useRef<number>(-1);
  const lastOver = useRef<UniqueIdentifier | null>(null);
  const movedToModule = useRef(false);

  useEffect(() => {
    const frame = window.requestAnimationFrame(() => {
      movedToModule.current = false;
    });
    return () => window.cancelAnimationFrame(frame);
  }, [placement]);

  const moduleName = (m: ModuleModel) => `${t.moduleNumber(modules.indexOf(m) + 1)} ${label(t, m.title)}`;
  const itemName = (item: ItemModel) => `${item.type === 'quiz' ? t.quiz : t.lesson} ${label(t, item.title)}`;

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

  /** One place up or down for the item dragged by keyboard: into the next module at the edge of its own. */
  const keyboardCoordinates: KeyboardCoordinateGetter = (event, args) => {
    const { active } = args.context;
    if (!active) return undefined;
    if (kindOf(active.id) === 'module') {
      const droppableContainers = args.context.droppableContainers;
      const modulesOnly = { getEnabled: () => onlyModules(droppableContainers.getEnabled()), get: (id: UniqueIdentifier) => droppableContainers.get(id) };
      return sortableKeyboardCoordinates(event, { ...args, context: { ...args.context, droppableContainers: modulesOnly as unknown as typeof droppableContainers } });
    }
    if (!['ArrowDown', 'ArrowUp', 'ArrowLeft', 'ArrowRight'].includes(event.code)) return undefined;
    event.preventDefault();
    if (event.code !== 'ArrowDown' && event.code !== 'ArrowUp') return undefined;
    const direction = event.code === 'ArrowDown' ? 1 : -1;
    const current = modulesRef.current;
    const uid = parseId(active.id).uid;
    const from = locate(current, uid);
    const next = locate(stepItem({ ...shown, modules: current }, uid, direction).modules, uid);
    if (!from || !next || (next.moduleIndex === from.moduleIndex && next.index === from.index)) return undefined;
    setPlacement({ uid, moduleUid: next.module.uid, index: next.index });
    const name = label(t, next.item.title);
    const total = next.module.items.length;
    announce(
      next.moduleIndex === startModule.current ? t.dndOver(name, next.index + 1, total) : t.dndOverModule(name, next.moduleIndex + 1, next.index + 1, total),
    );
    return undefined;
  };

  const sensors = useSensors(
    useSensor(MouseSensor, { activationConstraint: { distance: 6 } }),
    // A short press on the handle starts a drag; a swipe that starts on it still scrolls the page.
    useSensor(TouchSensor, { activationConstraint: { delay: 200, tolerance: 8 } }),
    useSensor(KeyboardSensor, { coordinateGetter: keyboardCoordinates }),
  );

  const collisionDetection: CollisionDetection = (args) => {
    if (kindOf(args.active.id) === 'module') return closestCenter({ ...args, droppableContainers: onlyModules(args.droppableContainers) });
    // By keyboard the item is moved by the arrow keys themselves: it is always over its own place.
    if (keyboardDrag.current) return [{ id: args.active.id }];
    // Pointer: the item under it, else the module under it, then the module's nearest item (as dnd-kit's
    // multiple-containers example does). A module with no items takes the drop itself.
    const within = pointerWithin(args);
    const hits = within.length ? within : rectIntersection(args);
    let overId = hits.find((c) => kindOf(c.id) === 'item')?.id ?? getFirstCollision(hits, 'id');
    if (overId != null) {
      const target = parseId(overId);
      const module = target.kind === 'module' ? modulesRef.current.find((m) => m.uid === target.uid) : undefined;
      if (module?.items.length) {
        const ids = new Set(module.items.map((i) => dndId('item', i.uid)));
        overId = closestCenter({ ...args, droppableContainers: args.droppableContainers.filter((c) => ids.has(String(c.id))) })[0]?.id ?? overId;
      }
      lastOver.current = overId;
      return [{ id: overId }];
    }
    // Just moved to another module, the layout has not settled: stay on the item itself.
    if (movedToModule.current) lastOver.current = args.active.id;
    return lastOver.current != null ? [{ id: lastOver.current }] : [];
  };

  const onDragStart = ({ active, activatorEvent }: DragStartEvent) => {
    keyboardDrag.current = activatorEvent instanceof KeyboardEvent;
    lastOver.current = null;
    const where = kindOf(active.id) === 'item' ? locate(modules, parseId(active.id).uid) : undefined;
    startModule.current = where ? where.moduleIndex : -1;
    setPlacement(null);
  };

  const onDragOver = ({ active, over }: DragOverEvent) => {
    if (kindOf(active.id) !== 'item' || keyboardDrag.current || !over) return;
    const uid = parseId(active.id).uid;
    const to = landing(modules, uid, over, active.rect.current.translated);
    const from = locate(modules, uid);
    if (!to || !from || to.moduleUid === from.module.uid) return;
    movedToModule.current = true;
    setPlacement(to);
  };

  const finish = () => {
    keyboardDrag.current = false;
    lastOver.current = null;
    setPlacement(null);
  };

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    const dragged = parseId(active.id);
    if (dragged.kind === 'module') {
      finish();
      if (!over || active.id === over.id || kindOf(over.id) !== 'module') return;
      const from = modules.findIndex((m) => m.uid === dragged.uid);
      const to = modules.findIndex((m) => m.uid === parseId(over.id).uid);
      if (from >= 0 && to >= 0) moveModule(from, to);
      return;
    }
    const to = landing(modules, dragged.uid, over, active.rect.current.translated);
    finish();
    if (to) update((m) => placeItem(m, to.uid, to.moduleUid, to.index));
  };

  /** What a drag means, in words: module and position counted as people read them. */
  const itemPlace = (active: Active, over: Over | null) => {
    const uid = parseId(active.id).uid;
    const from = locate(modules, uid);
    const to = landing(modules, uid, over, active.rect.current.translated);
    if (!from || !to) return undefined;
    const moduleIndex = modules.findIndex((m) => m.uid === to.moduleUid);
    const total = modules[moduleIndex].items.length + (moduleIndex === from.moduleIndex ? 0 : 1);
    return { name: label(t, from.item.title), moduleIndex, position: to.index + 1, total };
  };
  const moduleTitle = (id: UniqueIdentifier) => label(t, modules.find((m) => m.uid === parseId(id).uid)?.title ?? '');
  const modulePosition = (id: UniqueIdentifier) => modules.findIndex((m) => m.uid === parseId(id).uid) + 1;

  const announcements: Announcements = {
    onDragStart: ({ active }) => {
      if (kindOf(active.id) === 'module') return t.dndPicked(moduleTitle(active.id), modulePosition(active.id), modules.length);
      const where = locate(modules, parseId(active.id).uid);
      return where ? t.dndPickedInModule(label(t, where.item.title), where.index + 1, where.module.items.length, where.moduleIndex + 1) : undefined;
    },
    onDragOver: ({ active, over }) => {
      if (!over) return undefined;
      if (kindOf(active.id) === 'module') return t.dndOver(moduleTitle(active.id), modulePosition(over.id), modules.length);
      if (keyboardDrag.current) return undefined; // said by the arrow keys' own moves
      const place = itemPlace(active, over);
      if (!place) return undefined;
      // Away from the module it started in, every message names the module.
      return place.moduleIndex !== startModule.current
        ? t.dndOverModule(place.name, place.moduleIndex + 1, place.position, place.total)
        : t.dndOver(place.name, place.position, place.total);
    },
    onDragEnd: ({ active, over }) => {
      if (kindOf(active.id) === 'module') return over ? t.dndDropped(moduleTitle(active.id), modulePosition(over.id), modules.length) : t.dndCancelled(moduleTitle(active.id));
      const place = itemPlace(active, over);
      if (!place) return t.dndCancelled(label(t, locate(modules, parseId(active.id).uid)?.item.title ?? ''));
      return place.moduleIndex !== startModule.current
        ? t.dndDroppedInModule(place.name, place.moduleIndex + 1, place.position, place.total)
        : t.dndDropped(place.name, place.position, place.total);
    },
    onDragCancel: ({ active }) =>
      t.dndCancelled(kindOf(active.id) === 'module' ? moduleTitle(active.id) : label(t, locate(model.modules, parseId(active.id).uid)?.item.title ?? '')),
  };

  return (
    <section id={fieldId(COURSE_UID, 'modules')} tabIndex={-1} className="studio-section outline-editor" aria-labelledby="outline-heading">
      <h2 id="outline-heading">{t.outlineTitle}</h2>
      <p className="field__hint">{t.outlineHint}</p>
      {error ? <p className="field__error">{error}</p> : null}
      <DndContext
        sensors={sensors}
        collisionDetection={collisionDetection}
        modifiers={[keepInLane]}
        onDragStart={onDragStart}
        onDragOver={onDragOver}
        onDragEnd={onDragEnd}
        onDragCancel={finish}
        accessibility={{ announcements, screenReaderInstructions: { draggable: `${t.dndInstructions} ${t.dndInstructionsItems}` } }}
      >
        <SortableContext items={modules.map((m) => dndId('module', m.uid))} strategy={verticalListSortingStrategy}>
          <ol className="module-list">
            {modules.map((module, index) => (
              <SortableRow key={module.uid} id={dndId('module', module.uid)} className="module-card" handleLabel={t.dragLabel(moduleName(module))}>
                <ModuleEditor module={module} index={index} total={modules.length} name={moduleName(module)} itemName={itemName} onMove={moveModule} />
              </SortableRow>
            ))}
          </ol>
        </SortableContext>
      </DndContext>
      <button id="add-module" type="button" className="button button--secondary" onClick={addModule}>
        <span aria-hidden="true">+ </span>
        {t.addModule}
      </button>
    </section>
  );
}

function ModuleEditor({
  module,
  index,
  total,
  name,
  itemName,
  onMove,
}: {
  module: ModuleModel;
  index: number;
  total: number;
  name: string;
  itemName: (item: ItemModel) => string;
  onMove: (from: number, to: number) => void;
}) {
  const t = useMessages(messages);
  const { model, update, confirm, base, problemsById } = useEditor();
  const navigate = useNavigate();
  const titleId = fieldId(module.uid, 'title');
  const titleError = useProblem(titleId);
  const itemsError = useProblem(fieldId(module.uid, 'items'));
  const up = `mv-up-${module.uid}`;
  const down = `mv-down-${module.uid}`;

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
        {module.items.length === 0 ? <p className="module-card__empty muted">{t.emptyModule}</p> : null}
        <SortableContext id={`items:${module.uid}`} items={module.items.map((i) => dndId('item', i.uid))} strategy={verticalListSortingStrategy}>
          <ol className="item-list">
            {module.items.map((item, itemIndex) => {
              const name = itemName(item);
              const first = index === 0 && itemIndex === 0;
              const last = lastModule && itemIndex === module.items.length - 1;
              const problem = hasProblems(item);
              return (
                <SortableRow key={item.uid} id={dndId('item', item.uid)} className="item-row" handleLabel={t.dragLabel(name)}>
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
        </SortableContext>
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

/** A row with a drag handle (pointer, touch or keyboard). A row moved to another list keeps the keyboard focus. */
function SortableRow({ id, className, handleLabel, children }: { id: string; className: string; handleLabel: string; children: ReactNode }) {
  const t = useMessages(messages);
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({
    id,
    attributes: { roleDescription: t.sortable },
  });
  const { activatorEvent } = useDndContext();
  const handle = useRef<HTMLButtonElement | null>(null);
  const setHandle = useCallback(
    (node: HTMLButtonElement | null) => {
      setActivatorNodeRef(node);
      handle.current = node;
    },
    [setActivatorNodeRef],
  );
  const byKeyboard = isDragging && activatorEvent instanceof KeyboardEvent;
  useLayoutEffect(() => {
    // An item moved by keyboard into another module is a new element there: the focus follows it.
    if (byKeyboard && handle.current && document.activeElement !== handle.current) handle.current.focus();
  });
  return (
    <li
      ref={setNodeRef}
      className={`${className}${isDragging ? ` ${className}--dragging` : ''}`}
      style={{ transform: CSS.Translate.toString(transform), transition }}
    >
      <button
        type="button"
        ref={setHandle}
        className="drag-handle"
        {...attributes}
        {...listeners}
        aria-label={handleLabel}
      >
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
