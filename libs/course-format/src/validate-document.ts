// Validation of a course document sent to the API as JSON. Browser-safe: no Node built-ins.
import { z } from 'zod';
import type { CourseDocument } from '@ecampus/contracts';
import { checkLessonMarkdown } from './check-markdown';
import { finalPlacementIssues, quizPolicyIssues } from './assessment';
import {
  asList,
  courseFields,
  duplicates,
  formatPath,
  isRecord,
  itemsList,
  keySchema,
  languageSchema,
  lessonMarkdown,
  modulesList,
  NO_ITEMS,
  NO_MODULES,
  optionFields,
  parseWith,
  questionFields,
  keyed,
  quizIssues,
  quizFields,
  titleSchema,
  optionalGovernanceFields,
  GOVERNANCE_FIELDS,
  type Issue,
} from './rules';

/** Fields the API returns with a course; clients may send them back, and they are ignored. */
export const READ_ONLY_COURSE_FIELDS = [
  'id',
  'status',
  'version',
  'updatedAt',
  'createdAt',
  'publishedAt',
  'publishedVersion',
  'owner',
  'ownerId',
  'translations',
] as const;

const identity = { id: z.string().optional(), key: keySchema.optional() };
const option = z.strictObject({ ...optionFields, ...identity });
const question = z.strictObject({ ...identity, ...questionFields(option) });
const lesson = z.strictObject({ ...identity, type: z.literal('lesson'), title: titleSchema, markdown: lessonMarkdown });
const quiz = z.strictObject({ ...identity, type: z.literal('quiz'), ...quizFields(question) });
// Modules and items may be missing in a draft; completenessIssues says what a course needs before learners see it.
const moduleSchema = z.strictObject({ ...identity, title: titleSchema, items: itemsList(z.discriminatedUnion('type', [lesson, quiz]), 0) });
const courseDocument = z.strictObject({
  ...courseFields,
  ...optionalGovernanceFields,
  translationKey: keySchema.optional(),
  language: languageSchema,
  modules: modulesList(moduleSchema, 0),
});

export interface DocumentContext {
  /** A draft may have no modules yet, and modules without items; publishing asks for them (completenessIssues). */
  draft?: boolean;
  /**
   * The course's pictures (`images/<file>`). When given, a cover must be one of them; without it only the
   * cover's form is checked (a new course has no pictures yet, so the caller decides).
   */
  pictures?: Iterable<string>;
}

export type DocumentValidation =
  | { ok: true; value: CourseDocument }
  | { ok: false; errors: { path: string; message: string }[] };

/**
 * Validates a whole course document (POST/PUT). Read-only fields are dropped; `id` is kept on modules,
 * items, questions and options; `translationKey` defaults to the slug; `cover: null` means no cover.
 */
export function validateCourseDocument(input: unknown, context: DocumentContext = {}): DocumentValidation {
  if (!isRecord(input)) return { ok: false, errors: [{ path: '', message: 'a course document must be a JSON object' }] };
  const writable = Object.fromEntries(
    Object.entries(input).filter(([k, v]) => !(READ_ONLY_COURSE_FIELDS as readonly string[]).includes(k) && !(k === 'cover' && v === null)),
  );
  const { value, issues } = parseWith(courseDocument, writable);
  issues.push(...documentIssues(writable));
  if (!context.draft && Array.isArray(writable.modules)) {
    const outline = { modules: asList(writable.modules).map((m) => ({ items: asList(isRecord(m) ? m.items : undefined) })) };
    issues.push(...completenessIssues(outline));
  }
  if (context.pictures && value?.cover) issues.push(...coverIssues(value.cover.image, context.pictures));
  if (!value || issues.length > 0) return { ok: false, errors: issues.map((i) => ({ path: formatPath(i.path), message: i.message })) };
  return { ok: true, value: { ...value, translationKey: value.translationKey ?? value.slug } };
}

/** What a course needs before learners can take it (or its files pass courses:check): modules, each with items. */
export function completenessIssues(doc: { modules: { items: unknown[] }[] }): Issue[] {
  if (doc.modules.length === 0) return [{ path: ['modules'], message: NO_MODULES }];
  return doc.modules.flatMap((m, i) => (m.items.length === 0 ? [{ path: ['modules', i, 'items'], message: NO_ITEMS }] : []));
}

/** completenessIssues as `path: message` lines, as the API reports them. */
export function incompleteParts(doc: { modules: { items: unknown[] }[] }): string[] {
  return completenessIssues(doc).map((i) => `${formatPath(i.path)}: ${i.message}`);
}

/** The governance fields a course needs before it is published (FORMAT.md): one issue per missing field. */
export function governanceIssues(doc: Partial<Record<(typeof GOVERNANCE_FIELDS)[number], unknown>>): Issue[] {
  return GOVERNANCE_FIELDS.filter((f) => {
    const v = doc[f];
    return v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);
  }).map((f) => ({ path: [f], message: `missing required field "${f}": a published course names its ${GOVERNANCE_LABEL[f]}` }));
}
const GOVERNANCE_LABEL: Record<(typeof GOVERNANCE_FIELDS)[number], string> = {
  authors: 'authors',
  reviewers: 'reviewers',
  reviewedOn: 'last review date (YYYY-MM-DD)',
  contentVersion: 'content version',
  licence: 'licence',
};

/** governanceIssues as `path: message` lines. */
export function missingGovernance(doc: Partial<Record<(typeof GOVERNANCE_FIELDS)[number], unknown>>): string[] {
  return governanceIssues(doc).map((i) => `${formatPath(i.path)}: ${i.message}`);
}

/** A cover must be a picture the course has. */
export function coverIssues(image: string, pictures: Iterable<string>): Issue[] {
  if ([...pictures].includes(image)) return [];
  return [{ path: ['cover', 'image'], message: `"${image}" is not one of this course's pictures: upload the picture first, then choose it as the cover` }];
}

function documentIssues(doc: Record<string, unknown>): Issue[] {
  const issues: Issue[] = [];
  const modules = asList(doc.modules);
  const moduleKeys = modules.flatMap((m, i) => keyed(m, ['modules', i]));
  const items = modules.flatMap((m, i) => asList(isRecord(m) ? m.items : undefined).map((item, j) => ({ item, path: ['modules', i, 'items', j] })));
  const itemKeys = items.flatMap(({ item, path }) => keyed(item, path));
  for (const { entry, first } of duplicates(moduleKeys))
    issues.push({ path: [...entry.path, 'key'], message: `duplicate module key "${entry.key}" (also used by ${formatPath(first.path)})` });
  for (const { entry, first } of duplicates(itemKeys))
    issues.push({ path: [...entry.path, 'key'], message: `duplicate item key "${entry.key}" (also used by ${formatPath(first.path)})` });

  const lessonKeys = new Set(items.flatMap(({ item, path }) => (isRecord(item) && item.type === 'lesson' ? keyed(item, path) : [])).map((k) => k.key));
  for (const { item, path } of items) {
    if (!isRecord(item)) continue;
    if (item.type === 'lesson' && typeof item.markdown === 'string') {
      for (const p of checkLessonMarkdown(item.markdown, { lessonKeys, allowHtml: true })) issues.push({ path: [...path, 'markdown'], message: `line ${p.line}: ${p.message}` });
    }
    if (item.type === 'quiz') {
      issues.push(...quizIssues(item.questions, [...path, 'questions']));
      issues.push(...quizPolicyIssues(item).map((i) => ({ ...i, path: [...path, ...i.path] })));
    }
  }
  issues.push(...finalPlacementIssues(items));
  return issues;
}
