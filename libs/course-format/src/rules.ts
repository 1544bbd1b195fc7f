// The rules of a course shared by the file checker (load-courses) and the API validator (validate-document).
// Browser-safe: no Node built-ins.
import { z } from 'zod';
import { LANGUAGES, QUESTION_KINDS, QUIZ_KINDS, TOPICS, type Topic } from '@ecampus/contracts';

export { TOPICS, type Topic };

export const LIMITS = {
  title: 200,
  summary: 1000,
  text: 5000,
  markdown: 200_000,
  modules: 50,
  items: 100,
  questions: 100,
  options: 10,
} as const;

export const KEY_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export type Path = (string | number)[];
export interface Issue {
  path: Path;
  message: string;
}

const text = (max: number = LIMITS.text) =>
  z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);
export const keySchema = z
  .string()
  .max(64, 'must be at most 64 characters')
  .regex(KEY_PATTERN, 'must be lowercase letters, digits and hyphens (e.g. "m1-intro")');
const slug = z
  .string()
  .max(100, 'must be at most 100 characters')
  .regex(KEY_PATTERN, 'must be lowercase letters, digits and hyphens (e.g. "trata-de-personas")');
const between = (min: number, max: number) =>
  z.number().int('must be a whole number').min(min, `must be between ${min} and ${max}`).max(max, `must be between ${min} and ${max}`);
const list = <T extends z.ZodType>(of: T, min: number, max: number, what: string) =>
  z
    .array(of)
    .min(min, `needs at least ${min === 1 ? 'one' : min} ${what}${min === 1 ? '' : 's'}`)
    .max(max, `can have at most ${max} ${what}s`);

const topic = z.enum(TOPICS, {
  error: (iss) => (iss.input === undefined ? undefined : `unknown topic "${String(iss.input)}" (one of: ${TOPICS.join(', ')})`),
});
const glossaryEntry = z.strictObject({ term: text(LIMITS.title), definition: text() });
const reference = z.strictObject({
  title: text(500),
  publisher: text(LIMITS.title),
  year: between(1800, 2100),
  url: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
});

/** Pictures a cover may be: the raster kinds the API stores (an SVG can carry script, and has no fixed size). */
export const COVER_PICTURE = /\.(png|jpe?g|webp|gif)$/i;
const coverAltMessage = 'a cover needs "alt": a description of the picture for people who cannot see it';
export const coverSchema = z.strictObject({
  image: z
    .string()
    .max(200, 'must be at most 200 characters')
    .regex(/^images\/[^/\\]+$/, 'must be the path of one of the course\'s pictures, "images/<file>" (e.g. "images/cover.jpg")')
    .regex(COVER_PICTURE, 'must be a PNG, JPEG, WebP or GIF picture'),
  alt: z
    .string({ error: (iss) => (iss.input === undefined ? coverAltMessage : undefined) })
    .trim()
    .min(1, coverAltMessage)
    .max(500, 'must be at most 500 characters'),
});

/** Course metadata, the same in course.yaml and in the API document. */
export const courseFields = {
  slug,
  title: text(LIMITS.title),
  summary: text(LIMITS.summary),
  audience: text(),
  estimatedMinutes: between(5, 600),
  topics: list(topic, 1, TOPICS.length, 'topic'),
  objectives: list(text(500), 1, 30, 'objective'),
  glossary: z.array(glossaryEntry).max(500, 'can have at most 500 entries').default([]),
  references: z.array(reference).max(200, 'can have at most 200 references').default([]),
  cover: coverSchema.optional(),
};

// Content governance (FORMAT.md): required in course files; optional in a studio draft until publish.
const DATE = /^\d{4}-\d{2}-\d{2}$/;
export const GOVERNANCE_FIELDS = ['authors', 'reviewers', 'reviewedOn', 'contentVersion', 'licence'] as const;
export const governanceFields = {
  authors: list(text(LIMITS.title), 1, 50, 'author'),
  reviewers: list(text(LIMITS.title), 1, 50, 'reviewer'),
  reviewedOn: z
    .string()
    .refine(
      (d) => DATE.test(d) && !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d),
      'must be a real date written YYYY-MM-DD (e.g. 2026-12-03)',
    ),
  contentVersion: text(20),
  licence: text(100),
};
export const optionalGovernanceFields = {
  authors: governanceFields.authors.optional(),
  reviewers: governanceFields.reviewers.optional(),
  reviewedOn: governanceFields.reviewedOn.optional(),
  contentVersion: governanceFields.contentVersion.optional(),
  licence: governanceFields.licence.optional(),
};

const feedbackMessage = 'an option needs feedback that explains why it is right or wrong';
export const optionFields = {
  key: keySchema.optional(),
  text: text(),
  correct: z.boolean(),
  feedback: z
    .string({ error: (iss) => (iss.input === undefined ? feedbackMessage : undefined) })
    .trim()
    .min(1, feedbackMessage)
    .max(LIMITS.text, `must be at most ${LIMITS.text} characters`),
};

export const questionFields = <O extends z.ZodType>(option: O) => ({
  kind: z.enum(QUESTION_KINDS),
  prompt: text(),
  options: list(option, 2, LIMITS.options, 'option'),
});


/** Defaults of a final quiz's attempt policy (FORMAT.md). */
export const ATTEMPT_DEFAULTS = { maxFailedAttempts: 3, retryAfterHours: 24 } as const;
export const quizFields = <Q extends z.ZodType>(question: Q) => ({
  title: text(LIMITS.title),
  kind: z.enum(QUIZ_KINDS).optional(),
  passingScore: between(0, 100),
  draw: between(1, LIMITS.questions).optional(),
  maxFailedAttempts: between(1, 100).optional(),
  retryAfterHours: between(1, 8760).optional(),
  questions: list(question, 1, LIMITS.questions, 'question'),
});

export const titleSchema = text(LIMITS.title);
export const lessonMarkdown = text(LIMITS.markdown);
export const NO_MODULES = 'a course needs at least one module';
export const NO_ITEMS = 'a module needs at least one item (lesson or quiz)';
/** `min` 0 for a draft, which may be saved before its outline is complete. */
export const modulesList = <M extends z.ZodType>(module: M, min = 1) => list(module, min, LIMITS.modules, 'module');
export const itemsList = <I extends z.ZodType>(item: I, min = 1) =>
  z.array(item).min(min, NO_ITEMS).max(LIMITS.items, `can have at most ${LIMITS.items} items`);
export const languageSchema = z.enum(LANGUAGES);

const expected: Record<string, string> = {
  string: 'a text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object (a set of fields)',
};

/** Default messages, used where a schema does not give its own. */
const errorMap: z.core.$ZodErrorMap = (iss) => {
  const name = iss.path?.at(-1);
  if (iss.input === undefined && typeof name === 'string' && (iss.code === 'invalid_type' || iss.code === 'invalid_value'))
    return `missing required field "${name}"`;
  switch (iss.code) {
    case 'invalid_type':
      return `must be ${expected[iss.expected] ?? iss.expected}`;
    case 'invalid_value':
      return `must be one of: ${iss.values.map(String).join(', ')}`;
    case 'invalid_union':
      if (iss.discriminator) {
        const value = (iss.input as Record<string, unknown> | undefined)?.[iss.discriminator];
        return value === undefined
          ? `missing required field "${iss.discriminator}"`
          : `must be one of: ${asList((iss as { options?: unknown }).options).join(', ')}`;
      }
      return undefined;
    case 'too_small':
      return iss.origin === 'string' ? 'must not be empty' : `must be at least ${iss.minimum}`;
    case 'too_big':
      return `must be at most ${iss.maximum}`;
    default:
      return undefined;
  }
};

/** Runs a zod schema and returns its issues as {path, message}, one issue per unknown field. */
export function parseWith<T extends z.ZodType>(schema: T, input: unknown): { value?: z.output<T>; issues: Issue[] } {
  const result = schema.safeParse(input, { error: errorMap, reportInput: true });
  if (result.success) return { value: result.data, issues: [] };
  const issues = result.error.issues.flatMap((iss): Issue[] => {
    const path = iss.path.filter((p): p is string | number => typeof p !== 'symbol');
    if (iss.code === 'unrecognized_keys') return iss.keys.map((k) => ({ path: [...path, k], message: `unknown field "${k}"` }));
    return [{ path, message: iss.message }];
  });
  return { issues };
}

// ---- Checks zod cannot express per field. They read the raw input defensively, so they also run
// ---- on input that has other errors (all errors are reported at once).

export const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
export const asList = (x: unknown): unknown[] => (Array.isArray(x) ? x : []);

export function questionIssues(question: unknown): Issue[] {
  if (!isRecord(question) || !Array.isArray(question.options)) return [];
  const options = question.options;
  const correct = options.filter((o) => isRecord(o) && o.correct === true).length;
  const issues: Issue[] = [];
  if (correct === 0) issues.push({ path: ['options'], message: 'a question needs at least one correct option' });
  if (question.kind === 'single' && correct > 1)
    issues.push({ path: ['options'], message: `a "single" question needs exactly one correct option (it has ${correct})` });
  if (question.kind === 'truefalse' && options.length > 2)
    issues.push({ path: ['options'], message: `a "truefalse" question needs exactly two options (it has ${options.length})` });
  return issues;
}

export interface Keyed {
  key: string;
  path: Path;
}
/** Entries whose key was already used by an earlier entry, with the earlier one. */
export function duplicates(entries: Keyed[]): { entry: Keyed; first: Keyed }[] {
  const seen = new Map<string, Keyed>();
  const found: { entry: Keyed; first: Keyed }[] = [];
  for (const entry of entries) {
    const first = seen.get(entry.key);
    if (first) found.push({ entry, first });
    else seen.set(entry.key, entry);
  }
  return found;
}

export const keyed = (x: unknown, path: Path): Keyed[] => (isRecord(x) && typeof x.key === 'string' ? [{ key: x.key, path }] : []);

/** Duplicate question and option keys and the per-question rules. */
export function quizIssues(input: unknown, at: Path, where: (path: Path) => string = formatPath): Issue[] {
  const issues: Issue[] = [];
  const questions = asList(input);
  const questionKeys = questions.flatMap((q, k) => keyed(q, [...at, k]));
  for (const { entry, first } of duplicates(questionKeys))
    issues.push({ path: [...entry.path, 'key'], message: `duplicate question key "${entry.key}" (also used by ${where(first.path)})` });
  questions.forEach((q, k) => {
    for (const issue of questionIssues(q)) issues.push({ path: [...at, k, ...issue.path], message: issue.message });
    const questionKey = isRecord(q) && typeof q.key === 'string' ? q.key : undefined;
    const optionKeys = asList(isRecord(q) ? q.options : undefined).flatMap((o, n) => {
      const key = isRecord(o) ? o.key : undefined;
      const path = [...at, k, 'options', n];
      return questionKey !== undefined ? [{ key: optionKey(questionKey, n, key), path }] : keyed(o, path);
    });
    for (const { entry } of duplicates(optionKeys)) issues.push({ path: [...entry.path, 'key'], message: `duplicate option key "${entry.key}"` });
  });
  return issues;
}

/** Keys of the options of a question, explicit or derived (`${questionKey}-o${n}`). */
export const optionKey = (questionKey: string, index: number, key?: unknown) =>
  typeof key === 'string' ? key : `${questionKey}-o${index + 1}`;

export function formatPath(path: Path): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}
