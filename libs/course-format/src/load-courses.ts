// Reads and checks the course folders described in courses/README.md.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { z } from 'zod';
import { LANGUAGES, type CourseDocument, type ItemDoc, type Language, type LessonDoc, type QuizDoc } from '@ecampus/contracts';
import { checkLessonMarkdown, type MarkdownContext } from './check-markdown';
import type { CourseFileError } from './errors';
import {
  asList,
  ATTEMPT_DEFAULTS,
  courseFields,
  coverSchema,
  duplicates,
  isRecord,
  itemsList,
  KEY_PATTERN,
  keySchema,
  lessonMarkdown,
  modulesList,
  optionFields,
  optionKey,
  parseWith,
  governanceFields,
  questionFields,
  quizFields,
  quizIssues,
  titleSchema,
  type Path,
} from './rules';
import { YamlSource } from './yaml-source';
import {
  finalPlacementIssues,
  longestOptionMessage,
  longestOptionTell,
  quizPolicyIssues,
  singleCount,
  timeIssue,
  trueFalseIssue,
  type EstimateInput,
} from './assessment';

export interface LoadedImage {
  /** Relative to the language folder, e.g. `images/diagram.png`. */
  path: string;
  language: Language;
  absPath: string;
}

export interface LoadedCourse {
  translationKey: string;
  dir: string;
  /** One per language, in LANGUAGES order. */
  documents: CourseDocument[];
  images: LoadedImage[];
}

const outlineItem = z
  .strictObject({ lesson: keySchema.optional(), quiz: keySchema.optional() })
  .refine((i) => (i.lesson === undefined) !== (i.quiz === undefined), 'an outline entry is either "lesson: <key>" or "quiz: <key>"');
const courseFile = z.strictObject({
  ...courseFields,
  ...governanceFields,
  modules: modulesList(z.strictObject({ key: keySchema, title: titleSchema, items: itemsList(outlineItem) })),
});
const quizFile = z.strictObject(quizFields(z.strictObject({ key: keySchema, ...questionFields(z.strictObject(optionFields)) })));
const frontMatter = z.strictObject({ title: titleSchema });

type ItemType = 'lesson' | 'quiz';
interface OutlineItem {
  type: ItemType;
  key: string;
  path: Path;
}
interface OutlineModule {
  key?: string;
  path: Path;
  items: OutlineItem[];
}
interface QuizFile {
  source: YamlSource;
  data?: unknown;
  value?: z.output<typeof quizFile>;
}
interface LanguageFolder {
  language: Language;
  source?: YamlSource;
  value?: z.output<typeof courseFile>;
  /** Undefined when course.yaml is missing or is not valid YAML. */
  outline?: OutlineModule[];
  lessons: Map<string, { title: string; markdown: string }>;
  quizzes: Map<string, QuizFile>;
  images: LoadedImage[];
}

const FILES = { lesson: { folder: 'lessons', ext: '.md' }, quiz: { folder: 'quizzes', ext: '.yaml' } } as const;
const LANGUAGE_ENTRIES = ['course.yaml', 'lessons', 'quizzes', 'images'];
const PICTURE = /\.(png|jpe?g|webp|gif|svg)$/i;

const display = (abs: string) => path.relative(process.cwd(), abs).split(path.sep).join('/');
const at = (abs: string, message: string, line = 1): CourseFileError => ({ file: display(abs), line, message });
const isDir = (p: string) => fs.statSync(p, { throwIfNoEntry: false })?.isDirectory() ?? false;
const isFile = (p: string) => fs.statSync(p, { throwIfNoEntry: false })?.isFile() ?? false;
const entries = (dir: string) => (isDir(dir) ? fs.readdirSync(dir).filter((n) => !n.startsWith('.')).sort() : []);
const read = (file: string) => fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');

/**
 * Reads every course folder under rootDir and reports every error found. Courses with errors are left out
 * of `courses`.
 */
export function loadCourses(rootDir: string): { courses: LoadedCourse[]; errors: CourseFileError[] } {
  const loaded = entries(rootDir)
    .map((name) => path.resolve(rootDir, name))
    .filter(isDir)
    .map(loadCourse);
  const slugs = new Map<string, string>();
  for (const { slugs: courseSlugs, errors } of loaded) {
    for (const { slug, file, line } of courseSlugs) {
      const first = slugs.get(slug);
      if (first) errors.push({ file, line, message: `slug "${slug}" is already used by ${first}` });
      else slugs.set(slug, file);
    }
  }
  return {
    courses: loaded.filter((c) => c.errors.length === 0).map((c) => c.course),
    errors: loaded.flatMap((c) => c.errors),
  };
}

function loadCourse(dir: string) {
  const translationKey = path.basename(dir);
  const errors: CourseFileError[] = [];
  if (!KEY_PATTERN.test(translationKey))
    errors.push(at(dir, `the course folder's name is its translation key: use lowercase letters, digits and hyphens`));
  // Other files beside the language folders (notes, a README) are allowed.
  for (const name of entries(dir).filter((n) => isDir(path.join(dir, n)) && !(LANGUAGES as readonly string[]).includes(n)))
    errors.push(at(path.join(dir, name), `unknown language folder "${name}" (one of: ${LANGUAGES.join(', ')})`));
  const folders = LANGUAGES.filter((l) => isDir(path.join(dir, l))).map((l) => loadLanguage(path.join(dir, l), l, errors));
  if (folders.length === 0) errors.push(at(dir, `a course folder holds one folder per language (${LANGUAGES.join(', ')})`));
  const translation = translationErrors(folders);
  errors.push(...translation);
  // The time is compared once every language has all its parts (a missing lesson or question would only add
  // noise); other errors (governance, quality rules) do not hide it, so an author sees them all at once.
  if (translation.length === 0) for (const f of folders) errors.push(...timeErrors(f));

  const slugs = folders.flatMap((f) => (f.value && f.source ? [{ slug: f.value.slug, file: f.source.file, line: f.source.line(['slug']) }] : []));
  const course: LoadedCourse = {
    translationKey,
    dir,
    documents: errors.length > 0 ? [] : folders.map((f) => buildDocument(f, translationKey)),
    images: folders.flatMap((f) => f.images),
  };
  return { course, errors, slugs };
}

function loadLanguage(dir: string, language: Language, errors: CourseFileError[]): LanguageFolder {
  const folder: LanguageFolder = { language, lessons: new Map(), quizzes: new Map(), images: loadImages(dir, language, errors) };
  for (const name of entries(dir).filter((n) => !LANGUAGE_ENTRIES.includes(n)))
    errors.push(at(path.join(dir, name), `unexpected "${name}": a language folder holds ${LANGUAGE_ENTRIES.join(', ')}`));

  const courseYaml = path.join(dir, 'course.yaml');
  if (!isFile(courseYaml)) {
    errors.push(at(courseYaml, 'missing course.yaml'));
    return folder;
  }
  const source = (folder.source = new YamlSource(display(courseYaml), read(courseYaml)));
  const syntax = source.syntaxErrors();
  if (syntax.length > 0) {
    errors.push(...syntax);
    return folder;
  }
  const data = source.data;
  const { value, issues } = parseWith(courseFile, data);
  folder.value = value;
  errors.push(...source.errors(issues));

  const outline = (folder.outline = outlineOf(data));
  const modules = outline.flatMap((m) => (m.key ? [{ key: m.key, path: [...m.path, 'key'] }] : []));
  for (const { entry, first } of duplicates(modules))
    errors.push(source.error(entry.path, `duplicate module key "${entry.key}" (also used at line ${source.line(first.path)})`));
  const items = outline.flatMap((m) => m.items);
  for (const { entry, first } of duplicates(items.map((i) => ({ key: i.key, path: [...i.path, i.type] }))))
    errors.push(
      source.error(entry.path, `duplicate item key "${entry.key}" (also used at line ${source.line(first.path)}): lesson and quiz keys are unique in a course`),
    );

  const imagePaths = new Set(folder.images.map((i) => i.path));
  errors.push(...coverErrors(data, dir, imagePaths, source));
  const context: MarkdownContext = {
    lessonKeys: new Set(items.filter((i) => i.type === 'lesson').map((i) => i.key)),
    imageExists: (p) => imagePaths.has(p),
  };
  const done = new Set<string>();
  for (const item of items) {
    const { folder: sub, ext } = FILES[item.type];
    if (!KEY_PATTERN.test(item.key) || done.has(sub + item.key)) continue;
    done.add(sub + item.key);
    const file = path.join(dir, sub, item.key + ext);
    if (!isFile(file)) errors.push(source.error(item.path, `${sub}/${item.key}${ext} does not exist`));
    else if (item.type === 'quiz') folder.quizzes.set(item.key, loadQuiz(file, errors));
    else {
      const lesson = loadLesson(file, context, errors);
      if (lesson) folder.lessons.set(item.key, lesson);
    }
  }

  for (const type of ['lesson', 'quiz'] as const) {
    const { folder: sub, ext } = FILES[type];
    const used = new Set(items.filter((i) => i.type === type).map((i) => i.key));
    for (const name of entries(path.join(dir, sub))) {
      const file = path.join(dir, sub, name);
      if (!name.endsWith(ext) || !isFile(file)) errors.push(at(file, `unexpected "${name}": ${sub}/ holds only <key>${ext} files`));
      else if (!used.has(name.slice(0, -ext.length)))
        errors.push(at(file, `this ${type} is not used: the outline in course.yaml has no "${type}: ${name.slice(0, -ext.length)}"`));
    }
  }
  errors.push(...qualityErrors(folder, items, source));
  return folder;
}

/** The course-wide rules of FORMAT.md: one final quiz, last; true/false at most one question in five. */
function qualityErrors(folder: LanguageFolder, items: OutlineItem[], source: YamlSource): CourseFileError[] {
  const errors: CourseFileError[] = [];
  const quizzes = items.filter((i) => i.type === 'quiz').map((i) => folder.quizzes.get(i.key));
  const quizData = items.map((i) => ({ item: i.type === 'quiz' ? folder.quizzes.get(i.key)?.data : { type: 'lesson' }, path: i.path }));
  errors.push(...source.errors(finalPlacementIssues(quizData).map((i) => ({ ...i, path: i.path.slice(0, -1) }))));
  if (quizzes.some((q) => !isRecord(q?.data))) return errors;
  const questions = quizzes.flatMap((q) => asList((q!.data as Record<string, unknown>).questions));
  const tf = trueFalseIssue(questions);
  if (tf) errors.push({ file: source.file, line: 1, message: tf });
  return errors;
}

/** `estimatedMinutes` within ±25 % of the time computed from the content (FORMAT.md "Honest time"). */
function timeErrors(folder: LanguageFolder): CourseFileError[] {
  const source = folder.source;
  if (!source || !folder.outline) return [];
  const items = folder.outline.flatMap((m) => m.items);
  const errors: CourseFileError[] = [];
  const lessonsRead =
    items.filter((i) => i.type === 'lesson').every((i) => folder.lessons.has(i.key)) &&
    items.filter((i) => i.type === 'quiz').every((i) => folder.quizzes.get(i.key)?.value !== undefined);
  const data = source.data;
  if (lessonsRead && isRecord(data)) {
    const input: EstimateInput = {
      language: folder.language,
      modules: [
        {
          items: items.map((i) =>
            i.type === 'lesson'
              ? { type: 'lesson' as const, markdown: folder.lessons.get(i.key)!.markdown }
              : { type: 'quiz' as const, ...(folder.quizzes.get(i.key)!.data as { questions: unknown[] }) },
          ),
        },
      ],
    };
    const message = timeIssue(data.estimatedMinutes, input);
    if (message) errors.push(source.error(['estimatedMinutes'], message));
  }
  return errors;
}

/** The cover names a picture of this language's images/ folder that really is a PNG, JPEG, WebP or GIF. */
function coverErrors(data: unknown, dir: string, imagePaths: Set<string>, source: YamlSource): CourseFileError[] {
  const cover = isRecord(data) ? data.cover : undefined;
  const image = isRecord(cover) ? cover.image : undefined;
  // A path of the wrong form is reported by the schema already.
  if (typeof image !== 'string' || !coverSchema.shape.image.safeParse(image).success) return [];
  const where = ['cover', 'image'];
  if (!imagePaths.has(image)) return [source.error(where, `cover: ${image} does not exist (put the picture in this language's images/ folder)`)];
  if (!isRasterPicture(path.join(dir, image))) return [source.error(where, `cover: ${image} is not a PNG, JPEG, WebP or GIF picture (its content is something else)`)];
  return [];
}

/** Whether a file starts like a PNG, JPEG, GIF or WebP picture (what the API accepts, by content). */
function isRasterPicture(file: string): boolean {
  const fd = fs.openSync(file, 'r');
  const head = Buffer.alloc(12);
  try {
    fs.readSync(fd, head, 0, 12, 0);
  } finally {
    fs.closeSync(fd);
  }
  const ascii = (from: number, to: number) => head.toString('latin1', from, to);
  return (
    head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) ||
    (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) ||
    ascii(0, 6) === 'GIF87a' ||
    ascii(0, 6) === 'GIF89a' ||
    (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP')
  );
}

function outlineOf(data: unknown): OutlineModule[] {
  return asList(isRecord(data) ? data.modules : undefined).flatMap((m, i): OutlineModule[] => {
    if (!isRecord(m)) return [];
    const items = asList(m.items).flatMap((item, j): OutlineItem[] => {
      if (!isRecord(item)) return [];
      const type = typeof item.lesson === 'string' ? 'lesson' : typeof item.quiz === 'string' ? 'quiz' : undefined;
      return type ? [{ type, key: item[type] as string, path: ['modules', i, 'items', j] }] : [];
    });
    return [{ key: typeof m.key === 'string' ? m.key : undefined, path: ['modules', i], items }];
  });
}

function loadLesson(file: string, context: MarkdownContext, errors: CourseFileError[]) {
  const lines = read(file).split(/\r?\n/);
  const end = lines.findIndex((l, i) => i > 0 && l.trimEnd() === '---');
  if (lines[0].trimEnd() !== '---' || end < 0) {
    errors.push(at(file, 'a lesson starts with its front matter: a line "---", "title: …", and a closing line "---"'));
    return undefined;
  }
  const source = new YamlSource(display(file), lines.slice(1, end).join('\n'), 1);
  const syntax = source.syntaxErrors();
  const { value, issues } = syntax.length > 0 ? { value: undefined, issues: [] } : parseWith(frontMatter, source.data);
  errors.push(...syntax, ...source.errors(issues));

  // The body's first line is line end + 2 of the file.
  const body = lines.slice(end + 1).join('\n');
  const markdown = parseWith(lessonMarkdown, body);
  errors.push(...markdown.issues.map((i) => at(file, `the lesson's text ${i.message}`, end + 2)));
  errors.push(...checkLessonMarkdown(body, context).map((p) => at(file, p.message, p.line + end + 1)));
  return value && markdown.value !== undefined ? { title: value.title, markdown: markdown.value } : undefined;
}

function loadQuiz(file: string, errors: CourseFileError[]): QuizFile {
  const source = new YamlSource(display(file), read(file));
  const syntax = source.syntaxErrors();
  if (syntax.length > 0) {
    errors.push(...syntax);
    return { source };
  }
  const data = source.data;
  const { value, issues } = parseWith(quizFile, data);
  const where = (p: Path) => `line ${source.line(p)}`;
  errors.push(...source.errors(issues), ...source.errors(quizIssues(isRecord(data) ? data.questions : undefined, ['questions'], where)));
  errors.push(...source.errors(quizPolicyIssues(data)));
  const questions = asList(isRecord(data) ? data.questions : undefined);
  const told = longestOptionTell(questions);
  if (told.length > 0) errors.push({ file: source.file, line: 1, message: longestOptionMessage(told, singleCount(questions)) });
  return { source, data, value };
}

function loadImages(dir: string, language: Language, errors: CourseFileError[]): LoadedImage[] {
  const walk = (rel: string): LoadedImage[] =>
    entries(path.join(dir, rel)).flatMap((name) => {
      const relPath = `${rel}/${name}`;
      const absPath = path.join(dir, relPath);
      if (isDir(absPath)) return walk(relPath);
      if (!PICTURE.test(name)) {
        errors.push(at(absPath, `unexpected "${name}": images/ holds png, jpg, webp, gif or svg pictures`));
        return [];
      }
      // An SVG opened on its own runs its scripts.
      if (/\.svg$/i.test(name)) {
        const text = read(absPath);
        const match = /<script|\son[a-z]+\s*=|javascript:/i.exec(text);
        if (match) errors.push(at(absPath, 'an SVG picture must not contain scripts', text.slice(0, match.index).split('\n').length));
      }
      return [{ path: relPath, language, absPath }];
    });
  return walk('images');
}

function translationErrors(folders: LanguageFolder[]): CourseFileError[] {
  // Duplicate keys are reported already: only the first of each is compared.
  const ready = folders.flatMap((f) => (f.outline && f.source ? [{ ...f, source: f.source, outline: firsts(f.outline) }] : []));
  const errors: CourseFileError[] = [];
  for (const here of ready) {
    const reported = new Set<string>();
    const missing = (id: string, error: CourseFileError) => {
      if (!reported.has(id)) errors.push(error);
      reported.add(id);
    };
    for (const other of ready.filter((f) => f !== here)) {
      const has = `(${other.language} has it)`;
      for (const module of other.outline) {
        const mine = here.outline.find((m) => m.key === module.key);
        if (!mine) {
          missing(`m:${module.key}`, here.source.error(['modules'], `module "${module.key}" is missing in this translation ${has}`));
          continue;
        }
        for (const item of module.items.filter((i) => !mine.items.some((x) => x.type === i.type && x.key === i.key)))
          missing(
            `i:${item.type}:${item.key}`,
            here.source.error(mine.path, `${item.type} "${item.key}" of module "${module.key}" is missing in this translation ${has}`),
          );
      }
      for (const [key, quiz] of other.quizzes) {
        const mine = here.quizzes.get(key);
        if (!mine?.data) continue;
        const keys = questionsOf(mine.data).map((q) => q.key);
        for (const q of questionsOf(quiz.data).filter((q) => !keys.includes(q.key)))
          missing(`q:${key}:${q.key}`, mine.source.error(['questions'], `question "${q.key}" is missing in this translation ${has}`));
      }
    }
  }

  // Order and scoring are compared with the first language.
  const [ref, ...rest] = ready;
  for (const here of rest) {
    const than = `than in ${ref.language}`;
    if (!sameOrder(ref.outline.map((m) => m.key), here.outline.map((m) => m.key)))
      errors.push(here.source.error(['modules'], `the modules are in another order ${than}`));
    for (const module of here.outline) {
      const theirs = ref.outline.find((m) => m.key === module.key);
      const ids = (m: OutlineModule) => m.items.map((i) => `${i.type}:${i.key}`);
      if (theirs && !sameOrder(ids(theirs), ids(module)))
        errors.push(here.source.error(module.path, `the items of module "${module.key}" are in another order ${than}`));
    }
    for (const [key, quiz] of here.quizzes) {
      const theirs = ref.quizzes.get(key);
      if (!quiz.data || !theirs?.data) continue;
      const mine = questionsOf(quiz.data);
      const other = questionsOf(theirs.data);
      const error = (p: Path, message: string) => errors.push(quiz.source.error(p, message));
      if (!sameOrder(other.map((q) => q.key), mine.map((q) => q.key))) error(['questions'], `the questions are in another order ${than}`);
      for (const field of ['kind', 'passingScore', 'draw', 'maxFailedAttempts', 'retryAfterHours'])
        if (isRecord(quiz.data) && isRecord(theirs.data) && quiz.data[field] !== theirs.data[field])
          error([field], `${field} differs from ${ref.language} (${String(theirs.data[field] ?? 'absent')})`);
      for (const q of mine) {
        const t = other.find((x) => x.key === q.key);
        if (!t) continue;
        if (q.kind !== t.kind) error([...q.path, 'kind'], `question "${q.key}" is "${String(q.kind)}" here but "${String(t.kind)}" in ${ref.language}`);
        if (q.correct.length !== t.correct.length)
          error(
            [...q.path, 'options'],
            `question "${q.key}" has ${q.correct.length} options but ${t.correct.length} in ${ref.language} (options are matched by position)`,
          );
        else if (q.correct.join() !== t.correct.join())
          error([...q.path, 'options'], `the correct options of question "${q.key}" differ from ${ref.language} (options are matched by position)`);
      }
    }
  }
  return errors;
}

function questionsOf(data: unknown) {
  const questions = asList(isRecord(data) ? data.questions : undefined).flatMap((q, i) =>
    isRecord(q) && typeof q.key === 'string'
      ? [{ key: q.key, kind: q.kind, path: ['questions', i] as Path, correct: asList(q.options).map((o) => isRecord(o) && o.correct === true) }]
      : [],
  );
  return firsts(questions);
}

function firsts<T extends { key?: string }>(list: T[]): T[] {
  return list.filter((x, i) => x.key !== undefined && list.findIndex((y) => y.key === x.key) === i);
}

/** Whether the entries both lists have are in the same order. */
function sameOrder<T>(a: T[], b: T[]): boolean {
  const common = a.filter((x) => b.includes(x));
  return common.join('\u0000') === b.filter((x) => a.includes(x)).join('\u0000');
}

/** Only called for a course without errors, where every part was read. */
function buildDocument(folder: LanguageFolder, translationKey: string): CourseDocument {
  const course = folder.value!;
  const item = (i: { lesson?: string; quiz?: string }): ItemDoc => {
    if (i.lesson !== undefined) {
      const lesson = folder.lessons.get(i.lesson)!;
      return { key: i.lesson, type: 'lesson', title: lesson.title, markdown: lesson.markdown } satisfies LessonDoc;
    }
    const quiz = folder.quizzes.get(i.quiz!)!.value!;
    return {
      key: i.quiz,
      type: 'quiz',
      title: quiz.title,
      kind: quiz.kind ?? 'check',
      passingScore: quiz.passingScore,
      ...(quiz.kind === 'final'
        ? { draw: quiz.draw, maxFailedAttempts: quiz.maxFailedAttempts ?? ATTEMPT_DEFAULTS.maxFailedAttempts, retryAfterHours: quiz.retryAfterHours ?? ATTEMPT_DEFAULTS.retryAfterHours }
        : {}),
      questions: quiz.questions.map((q) => ({
        key: q.key,
        kind: q.kind,
        prompt: q.prompt,
        options: q.options.map((o, n) => ({ key: optionKey(q.key, n, o.key), text: o.text, correct: o.correct, feedback: o.feedback })),
      })),
    } satisfies QuizDoc;
  };
  return {
    slug: course.slug,
    translationKey,
    language: folder.language,
    title: course.title,
    summary: course.summary,
    audience: course.audience,
    objectives: course.objectives,
    topics: course.topics,
    estimatedMinutes: course.estimatedMinutes,
    glossary: course.glossary,
    references: course.references,
    authors: course.authors,
    reviewers: course.reviewers,
    reviewedOn: course.reviewedOn,
    contentVersion: course.contentVersion,
    licence: course.licence,
    ...(course.cover ? { cover: course.cover } : {}),
    modules: course.modules.map((m) => ({ key: m.key, title: m.title, items: m.items.map(item) })),
  };
}
