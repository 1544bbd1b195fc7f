import { useEffect } from 'react';
import type { CourseModel } from './model';

/*
 * Unsaved work is copied to this browser's storage as it is typed, so that nothing is lost to the back
 * button, a closed tab, a crash or a dropped connection: the editor offers it back on the next visit.
 * The copy remembers which draft it started from, so saving it still asks before replacing newer work.
 */

export interface UnsavedCopy {
  model: CourseModel;
  /** The draftTag of the server's draft this work started from (null: a course not created yet). */
  baseTag: string | null;
  /** When it was last copied (ISO). */
  at: string;
}

const key = (slug: string) => `ecampus:studio:unsaved:${slug || 'new'}`;

export function readUnsaved(slug: string): UnsavedCopy | null {
  try {
    const text = window.localStorage.getItem(key(slug));
    const copy = text ? (JSON.parse(text) as UnsavedCopy) : null;
    return copy && typeof copy === 'object' && copy.model && Array.isArray(copy.model.modules) ? copy : null;
  } catch {
    return null;
  }
}

export function dropUnsaved(slug: string): void {
  try {
    window.localStorage.removeItem(key(slug));
  } catch {
    // Storage unavailable (private mode, full): there is nothing to drop.
  }
}

/** Keeps the copy in step with the editor: written shortly after each change while unsaved, dropped once saved. */
export function useKeepUnsaved(slug: string, model: CourseModel, dirty: boolean, baseTag: string | null, paused: boolean): void {
  useEffect(() => {
    if (paused) return;
    if (!dirty) {
      dropUnsaved(slug);
      return;
    }
    const timer = window.setTimeout(() => {
      try {
        window.localStorage.setItem(key(slug), JSON.stringify({ model, baseTag, at: new Date().toISOString() } satisfies UnsavedCopy));
      } catch {
        // Storage full or unavailable: the leave warnings still stand guard.
      }
    }, 400);
    return () => window.clearTimeout(timer);
  }, [slug, model, dirty, baseTag, paused]);
}
