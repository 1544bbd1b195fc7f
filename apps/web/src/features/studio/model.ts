import type { CourseDocument, Language, LessonDoc, ModuleDoc, OptionDoc, QuestionDoc, QuestionKind, QuizDoc } from '@ecampus/contracts';
import type { StudioMessages } from './messages';

/*
 * The editor works on the course document with a client-side `uid` on every module, item, question and
 * option: new parts have no server id yet, and a uid never changes while the page is open (ids arrive on save).
 */

export interface OptionModel extends OptionDoc {
  uid: string;
}
export interface QuestionModel extends Omit<QuestionDoc, 'options'> {
  uid: string;
  options: OptionModel[];
}
export interface LessonModel extends LessonDoc {
  uid: string;
}
export interface QuizModel extends Omit<QuizDoc, 'questions'> {
  uid: string;
  questions: QuestionModel[];
}
export type ItemModel = LessonModel | QuizModel;
export interface ModuleModel extends Omit<ModuleDoc, 'items'> {
  uid: string;
  items: ItemModel[];
}
export interface CourseModel extends Omit<CourseDocument, 'modules'> {
  modules: ModuleModel[];
}

let counter = 0;
/** A uid for a part that the server has not seen yet. */
export const newUid = () => `new-${Date.now().toString(36)}-${(++counter).toString(36)}`;

/**
 * The document as the editor holds it. `previous` (the model that was sent) keeps its uids: the server answers
 * with the same parts in the same order, now all with ids.
 */
export function toModel(doc: CourseDocument, previous?: CourseModel): CourseModel {
  const { modules, ...rest } = doc;
  const course: Record<string, unknown> = { ...rest };
  // Read-only fields of the API's answer stay out of the document the editor sends back.
  for (const key of ['status', 'version', 'updatedAt', 'hasUnpublishedChanges', 'canEdit', 'draftTag']) delete course[key];
  return {
    ...(course as Omit<CourseDocument, 'modules'>),
    modules: modules.map((m, mi) => {
      const pm = previous?.modules[mi];
      return {
        ...m,
        uid: pm?.uid ?? m.id ?? newUid(),
        items: m.items.map((item, ii) => {
          const pi = pm?.items[ii];
          const uid = pi?.uid ?? item.id ?? newUid();
          if (item.type === 'lesson') return { ...item, uid };
          const pq = pi?.type === 'quiz' ? pi.questions : undefined;
          return {
            ...item,
            uid,
            questions: item.questions.map((q, qi) => ({
              ...q,
              uid: pq?.[qi]?.uid ?? q.id ?? newUid(),
              options: q.options.map((o, oi) => ({ ...o, uid: pq?.[qi]?.options[oi]?.uid ?? o.id ?? newUid() })),
            })),
          };
        }),
      };
    }),
  };
}

const strip = <T extends { uid: string }>({ uid: _uid, ...rest }: T): Omit<T, 'uid'> => rest;

/** What the API receives: the document without the editor's uids. */
export function toDocument(model: CourseModel): CourseDocument {
  return {
    ...model,
    modules: model.modules.map((m) => ({
      ...strip(m),
      items: m.items.map((item) =>
        item.type === 'lesson'
          ? strip(item)
          : { ...strip(item), questions: item.questions.map((q) => ({ ...strip(q), options: q.options.map(strip) })) },
      ),
    })),
  };
}

export const sameContent = (a: CourseModel, b: CourseModel) => JSON.stringify(toDocument(a)) === JSON.stringify(toDocument(b));

// ---- New parts ----

export function emptyCourse(language: Language): CourseModel {
  return {
    slug: '',
    translationKey: '',
    language,
    title: '',
    summary: '',
    audience: '',
    objectives: [''],
    topics: [],
    estimatedMinutes: 30,
    glossary: [],
    references: [],
    modules: [],
  };
}

export const newModule = (title: string): ModuleModel => ({ uid: newUid(), title, items: [] });

export const newLesson = (title: string): LessonModel => ({ uid: newUid(), type: 'lesson', title, markdown: '' });

export function newOption(text = '', correct = false): OptionModel {
  return { uid: newUid(), text, correct, feedback: '' };
}

export function newQuestion(kind: QuestionKind, trueFalse: [string, string]): QuestionModel {
  // No answer is marked right at first: the author chooses it (the editor refuses to save until then).
  const options = kind === 'truefalse' ? [newOption(trueFalse[0]), newOption(trueFalse[1])] : [newOption(), newOption()];
  return { uid: newUid(), kind, prompt: '', options };
}

export const newQuiz = (title: string): QuizModel => ({ uid: newUid(), type: 'quiz', title, passingScore: 70, questions: [] });

/** A copy of a course for another language: same keys (so items line up across translations), no ids. */
export function translationDraft(model: CourseModel, language: Language): CourseModel {
  // The cover stays behind: its picture belongs to this course, and the new one gets its own once created.
  const { cover: _cover, ...doc } = stripIds(toDocument(model));
  const fresh = toModel(JSON.parse(JSON.stringify(doc)) as CourseDocument);
  return { ...fresh, language, slug: `${model.slug}-${language}`.slice(0, 100), translationKey: model.translationKey || model.slug };
}

function stripIds(doc: CourseDocument): CourseDocument {
  const noId = <T extends { id?: string }>({ id: _id, ...rest }: T) => rest;
  return {
    ...doc,
    modules: doc.modules.map((m) => ({
      ...noId(m),
      items: m.items.map((i) =>
        i.type === 'lesson' ? noId(i) : { ...noId(i), questions: i.questions.map((q) => ({ ...noId(q), options: q.options.map(noId) })) },
      ),
    })),
  };
}

/** "Trata de personas: módulo 1" → "trata-de-personas-modulo-1" (what the API accepts as a slug). */
export function slugify(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
}

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

// ---- Tree edits ----

export function mapModule(model: CourseModel, uid: string, fn: (m: ModuleModel) => ModuleModel): CourseModel {
  return { ...model, modules: model.modules.map((m) => (m.uid === uid ? fn(m) : m)) };
}

export function mapItem(model: CourseModel, uid: string, fn: (item: ItemModel) => ItemModel): CourseModel {
  return { ...model, modules: model.modules.map((m) => (m.items.some((i) => i.uid === uid) ? { ...m, items: m.items.map((i) => (i.uid === uid ? fn(i) : i)) } : m)) };
}

export function findItem(model: CourseModel, uid: string): { item: ItemModel; module: ModuleModel; moduleIndex: number; itemIndex: number } | undefined {
  for (const [moduleIndex, module] of model.modules.entries()) {
    const itemIndex = module.items.findIndex((i) => i.uid === uid);
    if (itemIndex >= 0) return { item: module.items[itemIndex], module, moduleIndex, itemIndex };
  }
  return undefined;
}

export function move<T>(list: T[], from: number, to: number): T[] {
  if (from === to || to < 0 || to >= list.length) return list;
  const next = [...list];
  const [moved] = next.splice(from, 1);
  next.splice(to, 0, moved);
  return next;
}

/**
 * Puts an item at `index` of a module's list (taking it out of wherever it was), as a drag and drop across
 * modules ends. Returns the model unchanged when the item or the module is missing.
 */
export function placeItem(model: CourseModel, uid: string, moduleUid: string, index: number): CourseModel {
  const found = findItem(model, uid);
  if (!found || !model.modules.some((m) => m.uid === moduleUid)) return model;
  if (found.module.uid === moduleUid && found.itemIndex === index) return model;
  return {
    ...model,
    modules: model.modules.map((m) => {
      const items = m.items.filter((x) => x.uid !== uid);
      if (m.uid === moduleUid) items.splice(Math.max(0, Math.min(index, items.length)), 0, found.item);
      return items.length === m.items.length && m.uid !== moduleUid ? m : { ...m, items };
    }),
  };
}

/**
 * Moves an item one place up or down; at the edge of its module it goes to the end of the module before
 * or the start of the module after. Returns the model unchanged when there is nowhere to go.
 */
export function stepItem(model: CourseModel, uid: string, direction: -1 | 1): CourseModel {
  const found = findItem(model, uid);
  if (!found) return model;
  const { moduleIndex, itemIndex, item } = found;
  const items = model.modules[moduleIndex].items;
  const target = itemIndex + direction;
  if (target >= 0 && target < items.length) return mapModule(model, found.module.uid, (m) => ({ ...m, items: move(m.items, itemIndex, target) }));
  const otherIndex = moduleIndex + direction;
  if (otherIndex < 0 || otherIndex >= model.modules.length) return model;
  return {
    ...model,
    modules: model.modules.map((m, i) => {
      if (i === moduleIndex) return { ...m, items: m.items.filter((x) => x.uid !== uid) };
      if (i === otherIndex) return { ...m, items: direction < 0 ? [...m.items, item] : [item, ...m.items] };
      return m;
    }),
  };
}

// ---- Problems: found before sending (in the UI language) or named by the server (by path) ----

export interface Problem {
  /** The id of the control to focus (`fieldId(uid, field)`). */
  fieldId: string;
  /** The item whose editor shows the control; undefined for the course page. */
  itemUid?: string;
  /** Where, for people: "Módulo 1 › Cuestionario «Final» › Pregunta 2". */
  place: string;
  message: string;
}

/** Control ids are built from the part's uid and the field, so a problem finds its control after any reorder. */
export const fieldId = (uid: string, field: string) => `f-${uid}-${field}`;
export const COURSE_UID = 'course';

const quoted = (t: StudioMessages, text: string) => (text.trim() ? t.quoted(text.trim()) : t.untitled);

interface Where {
  module?: ModuleModel;
  moduleIndex?: number;
  item?: ItemModel;
  question?: QuestionModel;
  questionIndex?: number;
  option?: OptionModel;
  optionIndex?: number;
}

export function describePlace(t: StudioMessages, w: Where): string {
  const parts: string[] = [];
  if (w.module && w.moduleIndex !== undefined) parts.push(`${t.moduleNumber(w.moduleIndex + 1)} ${quoted(t, w.module.title)}`);
  if (w.item) parts.push(`${w.item.type === 'quiz' ? t.quiz : t.lesson} ${quoted(t, w.item.title)}`);
  if (w.questionIndex !== undefined) parts.push(t.questionNumber(w.questionIndex + 1));
  if (w.optionIndex !== undefined) parts.push(t.optionNumber(w.optionIndex + 1));
  return parts.length ? parts.join(' › ') : t.courseDetails;
}

function problem(t: StudioMessages, w: Where, field: string, message: string): Problem {
  const uid = w.option?.uid ?? w.question?.uid ?? w.item?.uid ?? w.module?.uid ?? COURSE_UID;
  return { fieldId: fieldId(uid, field), itemUid: w.item?.uid, place: describePlace(t, w), message };
}

const blank = (s: string | undefined) => !s || !s.trim();
/** A final quiz's pool holds at least ceil(1.5 × draw) questions (libs/course-format minimumPool; not imported, to keep Markdown out of this bundle). */
const minimumPool = (draw: number) => Math.ceil(1.5 * draw);
const wholeBetween = (n: number, min: number, max: number) => Number.isInteger(n) && n >= min && n <= max;

/** What the API accepts as a reference's address: an http(s) URL. */
export function isWebAddress(text: string): boolean {
  if (!/^https?:\/\/\S+$/i.test(text)) return false;
  try {
    return Boolean(new URL(text).hostname);
  } catch {
    return false;
  }
}

/** Where a glossary term or a reference is, for people: "Glosario › Término 2". */
function listPlace(t: StudioMessages, list: 'glossary' | 'references', index: number): string {
  return `${t.fields[list]} › ${list === 'glossary' ? t.glossaryEntry(index + 1) : t.referenceEntry(index + 1)}`;
}

const listProblem = (t: StudioMessages, list: 'glossary' | 'references', index: number, field: string, message: string): Problem => ({
  fieldId: fieldId(COURSE_UID, `${list}-${index}-${field}`),
  place: listPlace(t, list, index),
  message,
});

/**
 * What the editor checks before saving: the API's rules that authors most often meet, said in their language.
 * A draft may be saved half-written; `publishing` adds what learners need: modules, each with an item.
 */
export function checkCourse(model: CourseModel, t: StudioMessages, isNew: boolean, { publishing = false } = {}): Problem[] {
  const v = t.problems;
  const out: Problem[] = [];
  const course = (field: string, message: string) => out.push(problem(t, {}, field, message));
  if (isNew && !SLUG_PATTERN.test(model.slug)) course('slug', v.slug);
  if (blank(model.title)) course('title', v.required(t.fields.title));
  if (blank(model.summary)) course('summary', v.required(t.fields.summary));
  if (blank(model.audience)) course('audience', v.required(t.fields.audience));
  if (!wholeBetween(model.estimatedMinutes, 5, 600)) course('estimatedMinutes', v.minutes);
  if (model.topics.length === 0) course('topics', v.topics);
  if (model.objectives.length === 0 || model.objectives.every(blank)) course('objectives', v.objectives);
  model.objectives.forEach((o, i) => {
    if (blank(o) && model.objectives.length > 1) course(`objectives-${i}`, v.emptyObjective(i + 1));
  });
  if (model.cover && blank(model.cover.alt)) course('coverAlt', v.coverAlt);
  model.glossary.forEach((entry, i) => {
    if (blank(entry.term)) out.push(listProblem(t, 'glossary', i, 'term', v.required(t.fields.term)));
    if (blank(entry.definition)) out.push(listProblem(t, 'glossary', i, 'definition', v.required(t.fields.definition)));
  });
  model.references.forEach((ref, i) => {
    if (blank(ref.title)) out.push(listProblem(t, 'references', i, 'title', v.required(t.fields.referenceTitle)));
    if (blank(ref.publisher)) out.push(listProblem(t, 'references', i, 'publisher', v.required(t.fields.publisher)));
    if (!wholeBetween(ref.year, 1800, 2100)) out.push(listProblem(t, 'references', i, 'year', v.year));
    if (ref.url !== undefined && !isWebAddress(ref.url)) out.push(listProblem(t, 'references', i, 'url', v.url));
  });
  if (publishing && model.modules.length === 0) course('modules', v.noModules);
  // Governance: optional in a draft, needed to publish.
  if (model.reviewedOn && !/^\d{4}-\d{2}-\d{2}$/.test(model.reviewedOn)) course('reviewedOn', v.reviewedOn);
  if (publishing) {
    if (!model.authors?.some((a) => !blank(a))) course('authors', v.required(t.fields.authors));
    if (!model.reviewers?.some((a) => !blank(a))) course('reviewers', v.required(t.fields.reviewers));
    if (!model.reviewedOn) course('reviewedOn', v.reviewedOn);
    if (blank(model.contentVersion)) course('contentVersion', v.required(t.fields.contentVersion));
    if (blank(model.licence)) course('licence', v.required(t.fields.licence));
  }

  model.modules.forEach((module, moduleIndex) => {
    const m: Where = { module, moduleIndex };
    if (blank(module.title)) out.push(problem(t, m, 'title', v.required(t.fields.moduleTitle)));
    if (publishing && module.items.length === 0) out.push(problem(t, m, 'items', v.noItems));
    for (const item of module.items) {
      const w: Where = { ...m, item };
      if (blank(item.title)) out.push(problem(t, w, 'title', v.required(t.fields.itemTitle)));
      if (item.type === 'lesson') {
        if (blank(item.markdown)) out.push(problem(t, w, 'markdown', v.emptyLesson));
        continue;
      }
      if (!wholeBetween(item.passingScore, 0, 100)) out.push(problem(t, w, 'passingScore', v.passingScore));
      // The final quiz's policy: the same rules as the API's (libs/course-format) and courses:check.
      if (item.kind === 'final') {
        if (item.draw === undefined || !wholeBetween(item.draw, 1, 100)) out.push(problem(t, w, 'draw', v.draw));
        else if (item.questions.length < minimumPool(item.draw)) out.push(problem(t, w, 'draw', v.poolTooSmall(item.draw, minimumPool(item.draw), item.questions.length)));
        if (item.maxFailedAttempts !== undefined && !wholeBetween(item.maxFailedAttempts, 1, 100)) out.push(problem(t, w, 'maxFailedAttempts', v.attempts));
        if (item.retryAfterHours !== undefined && !wholeBetween(item.retryAfterHours, 1, 8760)) out.push(problem(t, w, 'retryAfterHours', v.retryHours));
        const all = model.modules.flatMap((x) => x.items);
        if (all.filter((x) => x.type === 'quiz' && x.kind === 'final')[0] !== item) out.push(problem(t, w, 'quizKind', v.oneFinal));
        else if (all.at(-1) !== item) out.push(problem(t, w, 'quizKind', v.finalLast));
      }
      if (item.questions.length === 0) out.push(problem(t, w, 'questions', v.noQuestions));
      item.questions.forEach((question, questionIndex) => {
        const q: Where = { ...w, question, questionIndex };
        if (blank(question.prompt)) out.push(problem(t, q, 'prompt', v.required(t.fields.prompt)));
        const correct = question.options.filter((o) => o.correct).length;
        if (question.options.length < 2) out.push(problem(t, q, 'options', v.twoOptions));
        if (correct === 0) out.push(problem(t, q, 'options', v.noCorrect));
        else if (question.kind !== 'multiple' && correct > 1) out.push(problem(t, q, 'options', v.oneCorrect));
        if (question.kind === 'truefalse' && question.options.length !== 2) out.push(problem(t, q, 'options', v.trueFalseTwo));
        question.options.forEach((option, optionIndex) => {
          const o: Where = { ...q, option, optionIndex };
          if (blank(option.text)) out.push(problem(t, o, 'text', v.required(t.fields.optionText)));
          if (blank(option.feedback)) out.push(problem(t, o, 'feedback', v.feedback));
        });
      });
    }
  });
  return out;
}

const PATH = /^([A-Za-z]+(?:\[\d+\]|\.[A-Za-z]+)*): ([\s\S]+)$/;

/**
 * The server names the place of each problem by path (`modules[1].items[0].questions[2].options: …`).
 * Read against the model that was sent, a path becomes the control to focus and a place people understand.
 */
export function serverProblems(messages: string[], sent: CourseModel, t: StudioMessages): Problem[] {
  return messages.map((text) => {
    const match = PATH.exec(text);
    if (!match) return { fieldId: '', place: '', message: text };
    const tokens = match[1].match(/[A-Za-z]+|\d+/g) ?? [];
    const w: Where = {};
    let field = '';
    for (let i = 0; i < tokens.length; i++) {
      const name = tokens[i];
      const index = tokens[i + 1] !== undefined && /^\d+$/.test(tokens[i + 1]) ? Number(tokens[i + 1]) : undefined;
      const child =
        index === undefined
          ? undefined
          : name === 'modules' && !w.module
            ? sent.modules[index]
            : name === 'items' && w.module && !w.item
              ? w.module.items[index]
              : name === 'questions' && w.item?.type === 'quiz' && !w.question
                ? w.item.questions[index]
                : name === 'options' && w.question && !w.option
                  ? w.question.options[index]
                  : undefined;
      if (child && index !== undefined) {
        if (name === 'modules') Object.assign(w, { module: child, moduleIndex: index });
        else if (name === 'items') w.item = child as ItemModel;
        else if (name === 'questions') Object.assign(w, { question: child, questionIndex: index });
        else Object.assign(w, { option: child, optionIndex: index });
        field = '';
        i++;
        continue;
      }
      // A list field with an index (objectives[2]) names one entry; anything else is the field itself.
      field = index !== undefined && name === 'objectives' ? `objectives-${index}` : name;
      // A glossary term or a reference: its field (glossary[1].definition), or the entry when none is named.
      if (index !== undefined && (name === 'glossary' || name === 'references')) {
        const sub = tokens[i + 2];
        const entryField = `${name}-${index}${sub && !/^\d+$/.test(sub) ? `-${sub}` : ''}`;
        return { ...problem(t, w, entryField, match[2]), place: listPlace(t, name, index), message: `${fieldLabel(t, entryField)}: ${match[2]}` };
      }
      if (name === 'cover') field = tokens[i + 1] === 'alt' ? 'coverAlt' : 'cover';
      if (name === 'kind' && w.item && !w.question) field = 'quizKind';
      break;
    }
    if (!field) field = w.option ? 'text' : w.question ? 'prompt' : 'title';
    if (field === 'key') field = 'title';
    return { ...problem(t, w, field, match[2]), message: `${fieldLabel(t, field)}: ${match[2]}` };
  });
}

/**
 * After a save that took a while, the author may have gone on editing: their model keeps its content and
 * takes the ids and keys the server gave to the parts it had sent (matched by uid).
 */
export function adoptServerIds(current: CourseModel, answered: CourseModel): CourseModel {
  const ids = new Map<string, { id?: string; key?: string }>();
  for (const m of answered.modules) {
    ids.set(m.uid, m);
    for (const i of m.items) {
      ids.set(i.uid, i);
      if (i.type === 'quiz') for (const q of i.questions) {
        ids.set(q.uid, q);
        for (const o of q.options) ids.set(o.uid, o);
      }
    }
  }
  const take = <T extends { uid: string; id?: string; key?: string }>(node: T): T => {
    const known = ids.get(node.uid);
    return known ? { ...node, id: known.id, key: known.key } : node;
  };
  return {
    ...current,
    modules: current.modules.map((m) => ({
      ...take(m),
      items: m.items.map((i) =>
        i.type === 'lesson' ? take(i) : { ...take(i), questions: i.questions.map((q) => ({ ...take(q), options: q.options.map(take) })) },
      ),
    })),
  };
}

/** The label of a field for a server message (`objectives-2` → the objectives' label). */
export function fieldLabel(t: StudioMessages, field: string): string {
  // glossary-1-term → the term's label; references-0-title → the source's title; references-2 → references.
  const entry = /^(glossary|references)-\d+-(\w+)$/.exec(field);
  if (entry) return entry[2] === 'title' ? t.fields.referenceTitle : (t.fields[entry[2] as keyof StudioMessages['fields']] ?? entry[2]);
  const base = field.replace(/-\d+$/, '') as keyof StudioMessages['fields'];
  return t.fields[base] ?? field;
}
