import { randomUUID } from 'node:crypto';
import { v5 as uuidv5 } from 'uuid';
import type { CourseCover, CourseDocument, CoverDto, ItemDoc, QuizDoc } from '@ecampus/contracts';

// Namespace for ids derived from course files, so re-importing the same files yields the same ids.
const FILE_NAMESPACE = '6f1d2c3e-8b7a-4e5f-9a0b-1c2d3e4f5a6b';

/** Where a course picture is served (pictures live in the database, so any instance serves them). */
export const assetUrl = (courseId: string, filename: string) => `/api/assets/${courseId}/${encodeURIComponent(filename)}`;

/** The file name of a cover's picture among the course's pictures (`images/x.png` → `x.png`). */
export const coverFile = (cover: CourseCover) => cover.image.replace(/^images\//, '');

/** What learners get of a cover; none when its picture is missing or its size unknown (nothing would reserve its space). */
export function coverDto(courseId: string, cover: CourseCover, size: { width?: number | null; height?: number | null } | undefined): CoverDto | undefined {
  if (!size?.width || !size.height) return undefined;
  return { url: assetUrl(courseId, coverFile(cover)), alt: cover.alt, width: size.width, height: size.height };
}

export type IdFactory = (kind: 'module' | 'item' | 'question' | 'option', key: string) => string;

/** Ids for a course read from files: stable per course, language and key. */
export function fileIds(translationKey: string, language: string): IdFactory {
  return (kind, key) => uuidv5(`${translationKey}/${language}/${kind}/${key}`, FILE_NAMESPACE);
}

export const randomIds: IdFactory = () => randomUUID();

/**
 * Gives every module, item, question and option an id and a key. `known` returns the key of an id that
 * already exists in this course (an edit of the same thing keeps id and key); other ids are replaced.
 * Keys link the same item across translations and versions, so progress survives both.
 */
export function withIds(doc: CourseDocument, ids: IdFactory, known: (id: string) => string | undefined = () => undefined): CourseDocument {
  // An id already in the course keeps its key; anything else gets a key (given or made up) and a new id.
  const ident = (kind: Parameters<IdFactory>[0], id: string | undefined, key: string | undefined, newKey: () => string, scope = '') => {
    const knownKey = id ? known(id) : undefined;
    if (id && knownKey !== undefined) return { id, key: key ?? knownKey };
    const k = key ?? newKey();
    return { id: ids(kind, scope + k), key: k };
  };
  const short = () => randomUUID().slice(0, 8);
  return {
    ...doc,
    modules: doc.modules.map((m) => ({
      ...m,
      ...ident('module', m.id, m.key, () => `m-${short()}`),
      items: m.items.map((item): ItemDoc => {
        const it = ident('item', item.id, item.key, () => `${item.type}-${short()}`);
        if (item.type !== 'quiz') return { ...item, ...it };
        return {
          ...item,
          ...it,
          questions: (item as QuizDoc).questions.map((q, qi) => {
            const qId = ident('question', q.id, q.key, () => `q${qi + 1}-${short()}`, `${it.key}/`);
            return {
              ...q,
              ...qId,
              options: q.options.map((o, oi) => ({
                ...o,
                ...ident('option', o.id, o.key, () => `${qId.key}-o${oi + 1}`, `${it.key}/`),
              })),
            };
          }),
        };
      }),
    })),
  };
}

/** Every id → key pair of a document, for `withIds` when editing it. */
export function knownKeys(doc: CourseDocument | null | undefined): Map<string, string> {
  const map = new Map<string, string>();
  for (const m of doc?.modules ?? []) {
    if (m.id && m.key) map.set(m.id, m.key);
    for (const item of m.items) {
      if (item.id && item.key) map.set(item.id, item.key);
      if (item.type === 'quiz') {
        for (const q of item.questions) {
          if (q.id && q.key) map.set(q.id, q.key);
          for (const o of q.options) if (o.id && o.key) map.set(o.id, o.key);
        }
      }
    }
  }
  return map;
}

export function flatItems(doc: CourseDocument): ItemDoc[] {
  return doc.modules.flatMap((m) => m.items);
}

/** Gives a document read from files the ids its keys already have in `existing`, so an import edits in place. */
export function adoptIds(doc: CourseDocument, existing: CourseDocument | null | undefined): CourseDocument {
  if (!existing) return doc;
  const ids = new Map<string, string>();
  for (const m of existing.modules) {
    ids.set(`m/${m.key}`, m.id!);
    for (const i of m.items) {
      ids.set(`i/${i.key}`, i.id!);
      if (i.type === 'quiz') {
        for (const q of i.questions) {
          ids.set(`q/${i.key}/${q.key}`, q.id!);
          for (const o of q.options) ids.set(`o/${i.key}/${o.key}`, o.id!);
        }
      }
    }
  }
  return {
    ...doc,
    modules: doc.modules.map((m) => ({
      ...m,
      id: ids.get(`m/${m.key}`),
      items: m.items.map((i): ItemDoc =>
        i.type === 'quiz'
          ? {
              ...i,
              id: ids.get(`i/${i.key}`),
              questions: i.questions.map((q) => ({
                ...q,
                id: ids.get(`q/${i.key}/${q.key}`),
                options: q.options.map((o) => ({ ...o, id: ids.get(`o/${i.key}/${o.key}`) })),
              })),
            }
          : { ...i, id: ids.get(`i/${i.key}`) },
      ),
    })),
  };
}

/** JSON with object keys sorted: a draft read back from jsonb has its keys in another order than the one sent. */
export const canonicalJson = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );

/** The governance fields a document has (authors, reviewers, review date, content version, licence). */
export function governanceOf(doc: CourseDocument): Pick<CourseDocument, 'authors' | 'reviewers' | 'reviewedOn' | 'contentVersion' | 'licence'> {
  const out: Record<string, unknown> = {};
  for (const f of ['authors', 'reviewers', 'reviewedOn', 'contentVersion', 'licence'] as const) if (doc[f] !== undefined) out[f] = doc[f];
  return out;
}
