import type { CourseDocument, ItemDoc } from '@ecampus/contracts';
import { canonicalJson as canonical, flatItems } from './course-document';

const DETAIL_FIELDS = ['slug', 'translationKey', 'language', 'title', 'summary', 'audience', 'objectives', 'topics', 'estimatedMinutes', 'glossary', 'references', 'cover', 'authors', 'reviewers', 'reviewedOn', 'contentVersion', 'licence'] as const;

const label = (i: ItemDoc) => `${i.type} "${i.title}"`;

/** A one-line account of what an edit changed, for the course's change log. */
export function describeChanges(before: CourseDocument | null, after: CourseDocument): string {
  if (!before) return 'created the course';
  const parts: string[] = [];
  const changedDetails = DETAIL_FIELDS.filter((f) => canonical(before[f]) !== canonical(after[f]));
  if (changedDetails.length) parts.push(`changed ${changedDetails.join(', ')}`);
  const oldItems = new Map(flatItems(before).map((i) => [i.id!, i]));
  const newItems = flatItems(after);
  const added = newItems.filter((i) => !oldItems.has(i.id!));
  const removed = [...oldItems.values()].filter((i) => !newItems.some((n) => n.id === i.id));
  const edited = newItems.filter((i) => {
    const old = oldItems.get(i.id!);
    return old && canonical({ ...old, id: 0 }) !== canonical({ ...i, id: 0 });
  });
  if (added.length) parts.push(`added ${added.map(label).join(', ')}`);
  if (removed.length) parts.push(`removed ${removed.map(label).join(', ')}`);
  if (edited.length) parts.push(`edited ${edited.map(label).join(', ')}`);
  const order = (d: CourseDocument) => canonical(d.modules.map((m) => [m.id, m.title, m.items.map((i) => i.id)]));
  if (!added.length && !removed.length && order(before) !== order(after)) parts.push('reordered or renamed modules and items');
  return parts.length ? parts.join('; ') : 'saved without changes';
}
