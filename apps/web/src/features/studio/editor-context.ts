import { createContext, use } from 'react';
import type { AdminCourseDocument, CourseAsset } from './api';
import type { ConfirmOptions } from './ConfirmDialog';
import type { CourseModel } from './model';

export interface EditorContextValue {
  model: CourseModel;
  update: (fn: (model: CourseModel) => CourseModel) => void;
  /** The saved draft's state (null for a course not created yet). */
  saved: AdminCourseDocument | null;
  isNew: boolean;
  /** The editor's own address (`/studio/new` or `/studio/courses/<slug>`): its views are below it. */
  base: string;
  canEdit: boolean;
  dirty: boolean;
  /** Problems of the last save attempt, by control id. */
  problemsById: Map<string, string[]>;
  /** Pictures of the course (empty until it exists). */
  assets: CourseAsset[];
  reloadAssets: () => void;
  confirm: (options: ConfirmOptions) => Promise<boolean>;
  /** Replaces the editor's draft with one the server returned (restore, publish). */
  adopt: (doc: AdminCourseDocument) => void;
  /** Says something politely to screen readers and shows it in the save bar. */
  say: (text: string) => void;
  /** The control to focus once the view that holds it is shown (error summary links to another view). */
  pendingFocus: { current: string | null };
}

export const EditorContext = createContext<EditorContextValue | null>(null);

export function useEditor(): EditorContextValue {
  const value = use(EditorContext);
  if (!value) throw new Error('useEditor outside the course editor');
  return value;
}

/** The first problem message for a control, for its inline error. */
export function useProblem(id: string): string | undefined {
  const { problemsById } = useEditor();
  return problemsById.get(id)?.join(' ');
}
