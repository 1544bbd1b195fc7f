import type {
  AdminCourseDocument,
  AdminCourseListItem,
  AttemptResultDto,
  CourseChangeDto,
  CourseDetailDto,
  CourseDocument,
  CourseEditorsDto,
  CourseVersionDto,
  Language,
  LessonDto,
  PersonRef,
  QuizDto,
  TranslationStatusDto,
} from '@ecampus/contracts';
import { http } from '../../lib/http';

// The authoring API's shapes live in @ecampus/contracts with the API's own; the studio's names for them:
export type {
  AdminCourseDocument,
  AdminCourseListItem,
  CourseChangeDto as CourseChange,
  CourseEditorsDto as CourseEditors,
  CourseStatus,
  CourseVersionDto as CourseVersion,
  PersonRef,
  TranslationStatusDto as TranslationStatus,
} from '@ecampus/contracts';

export interface CourseAsset {
  filename: string;
  contentType: string;
  size: number;
  url: string;
  /** What a lesson writes to show it: `../images/<filename>`. */
  markdownPath: string;
  /** Its displayed size, when the server could read it. */
  width?: number | null;
  height?: number | null;
}

export interface ImportedCourse {
  slug: string;
  language: Language;
  translationKey: string;
  created: boolean;
}

const enc = encodeURIComponent;

export const adminCoursesKey = '/api/admin/courses';
export const adminCourseKey = (slug: string) => `/api/admin/courses/${enc(slug)}`;

export function getAdminCourses(signal?: AbortSignal): Promise<AdminCourseListItem[]> {
  return http(adminCoursesKey, { signal });
}

export function getAdminCourse(slug: string, signal?: AbortSignal): Promise<AdminCourseDocument> {
  return http(adminCourseKey(slug), { signal });
}

export function postCourse(doc: CourseDocument): Promise<AdminCourseDocument> {
  return http(adminCoursesKey, { method: 'POST', body: doc });
}

/** Saves the draft; with `overDraft` (a draftTag), only if the server's draft is still that one. */
export function putCourse(slug: string, doc: CourseDocument, overDraft?: string): Promise<AdminCourseDocument> {
  return http(adminCourseKey(slug), { method: 'PUT', body: doc, headers: overDraft ? { 'If-Match': overDraft } : undefined });
}

export function postPublish(slug: string): Promise<AdminCourseDocument> {
  return http(`${adminCourseKey(slug)}/publish`, { method: 'POST' });
}

export const versionsKey = (slug: string) => `${adminCourseKey(slug)}/versions`;

export function getVersions(slug: string, signal?: AbortSignal): Promise<CourseVersionDto[]> {
  return http(versionsKey(slug), { signal });
}

export function postRestore(slug: string, version: number): Promise<AdminCourseDocument> {
  return http(`${versionsKey(slug)}/${version}/restore`, { method: 'POST' });
}

export const changesKey = (slug: string) => `${adminCourseKey(slug)}/changes`;

export function getChanges(slug: string, signal?: AbortSignal): Promise<CourseChangeDto[]> {
  return http(changesKey(slug), { signal });
}

export const translationsKey = (slug: string) => `${adminCourseKey(slug)}/translations`;

export function getTranslations(slug: string, signal?: AbortSignal): Promise<TranslationStatusDto[]> {
  return http(translationsKey(slug), { signal });
}

export const editorsKey = (slug: string) => `${adminCourseKey(slug)}/editors`;

export function getEditors(slug: string, signal?: AbortSignal): Promise<CourseEditorsDto> {
  return http(editorsKey(slug), { signal });
}

/** Authors the course's owner (or an admin) may give it to. */
export function getEditorCandidates(slug: string, q: string, signal?: AbortSignal): Promise<PersonRef[]> {
  return http(`${adminCourseKey(slug)}/editor-candidates`, { query: { q }, signal });
}

export function putEditors(slug: string, userIds: string[]): Promise<CourseEditorsDto> {
  return http(editorsKey(slug), { method: 'PUT', body: { userIds } });
}

export const assetsKey = (slug: string) => `${adminCourseKey(slug)}/assets`;

export function getAssets(slug: string, signal?: AbortSignal): Promise<CourseAsset[]> {
  return http(assetsKey(slug), { signal });
}

export function postAsset(slug: string, file: Blob, type: string, filename: string): Promise<CourseAsset> {
  return http(assetsKey(slug), { method: 'POST', raw: { data: file, type }, query: { filename } });
}

export function postImport(zip: Blob): Promise<ImportedCourse[]> {
  // The server reads the zip from the body; the browser's own type for .zip files varies, so it is set here.
  return http(`${adminCoursesKey}/import`, { method: 'POST', raw: { data: zip, type: 'application/zip' } });
}

// ---- Preview: the saved draft as learners will see it (nothing is stored) ----

export const previewKey = (slug: string) => `${adminCourseKey(slug)}/preview`;

export function getPreviewCourse(slug: string, signal?: AbortSignal): Promise<CourseDetailDto> {
  return http(previewKey(slug), { signal });
}

export const previewLessonKey = (slug: string, id: string) => `${previewKey(slug)}/lessons/${enc(id)}`;

export function getPreviewLesson(slug: string, id: string, signal?: AbortSignal): Promise<LessonDto> {
  return http(previewLessonKey(slug, id), { signal });
}

export const previewQuizKey = (slug: string, id: string) => `${previewKey(slug)}/quizzes/${enc(id)}`;

export function getPreviewQuiz(slug: string, id: string, signal?: AbortSignal): Promise<QuizDto> {
  return http(previewQuizKey(slug, id), { signal });
}

export function postPreviewAttempt(slug: string, id: string, answers: Record<string, string[]>): Promise<AttemptResultDto> {
  return http(`${previewQuizKey(slug, id)}/attempts`, { method: 'POST', body: { answers } });
}
