import type { ItemType } from '@ecampus/contracts';

/** Route patterns, as the router matches them. */
export const PATHS = {
  catalogue: '/',
  signUp: '/signup',
  signIn: '/signin',
  course: '/courses/:slug',
  lesson: '/lessons/:id',
  quiz: '/quizzes/:id',
  myCourses: '/my/courses',
  myCertificates: '/my/certificates',
  adminReports: '/admin/reports',
  adminUsers: '/admin/users',
  directory: '/directory',
  adminDirectory: '/admin/directory',
  adminCertificates: '/admin/certificates',
  adminAudit: '/admin/audit',
  studio: '/studio',
  profile: '/profile',
  forgotPassword: '/forgot-password',
  resetPassword: '/reset-password',
  confirmEmail: '/confirm-email',
  adminOutbox: '/admin/outbox',
  studioNew: '/studio/new/*',
  studioCourse: '/studio/courses/:slug/*',
  studioPreview: '/studio/courses/:slug/preview',
  studioPreviewLesson: '/studio/courses/:slug/preview/lessons/:id',
  studioPreviewQuiz: '/studio/courses/:slug/preview/quizzes/:id',
} as const;

const enc = encodeURIComponent;

/** Links to the app's pages. */
export const routes = {
  catalogue: () => PATHS.catalogue,
  signUp: (next?: string) => (next ? `${PATHS.signUp}?next=${enc(next)}` : PATHS.signUp),
  signIn: (next?: string) => (next ? `${PATHS.signIn}?next=${enc(next)}` : PATHS.signIn),
  course: (slug: string) => `/courses/${enc(slug)}`,
  lesson: (id: string) => `/lessons/${enc(id)}`,
  quiz: (id: string) => `/quizzes/${enc(id)}`,
  item: (item: { id: string; type: ItemType }) => (item.type === 'quiz' ? routes.quiz(item.id) : routes.lesson(item.id)),
  myCourses: () => PATHS.myCourses,
  myCertificates: () => PATHS.myCertificates,
  adminReports: () => PATHS.adminReports,
  adminUsers: () => PATHS.adminUsers,
  directory: (country?: string) => (country ? `${PATHS.directory}?country=${enc(country)}` : PATHS.directory),
  adminDirectory: () => PATHS.adminDirectory,
  adminCertificates: () => PATHS.adminCertificates,
  adminAudit: () => PATHS.adminAudit,
  studio: () => PATHS.studio,
  profile: () => PATHS.profile,
  forgotPassword: () => PATHS.forgotPassword,
  adminOutbox: () => PATHS.adminOutbox,
  studioNew: () => '/studio/new',
  studioCourse: (slug: string) => `/studio/courses/${enc(slug)}`,
  studioItem: (slug: string, uid: string) => `/studio/courses/${enc(slug)}/items/${enc(uid)}`,
  studioHistory: (slug: string) => `/studio/courses/${enc(slug)}/history`,
  studioTranslations: (slug: string) => `/studio/courses/${enc(slug)}/translations`,
  studioEditors: (slug: string) => `/studio/courses/${enc(slug)}/editors`,
  studioPreview: (slug: string) => `/studio/courses/${enc(slug)}/preview`,
  studioPreviewItem: (slug: string, item: { id: string; type: ItemType }) =>
    `/studio/courses/${enc(slug)}/preview/${item.type === 'quiz' ? 'quizzes' : 'lessons'}/${enc(item.id)}`,
} as const;

/** Pages served by the API, not the app: link to them with a plain <a href>, never the router. */
export const serverPages = {
  verify: (code: string) => `/verify/${enc(code)}`,
  certificatePdf: (code: string) => `/api/certificates/${enc(code)}/pdf`,
  enrollmentsCsv: (query: string) => `/api/admin/reports/enrollments.csv${query ? `?${query}` : ''}`,
  courseZip: (slug: string) => `/api/admin/courses/${enc(slug)}/export.zip`,
} as const;

/**
 * Which page a path shows. The course editor's views (its tabs, a lesson, a quiz) are one page: it keeps its
 * unsaved draft while the author moves between them. Every other path is a page of its own.
 */
export function pageIdentity(pathname: string): string {
  const editor = /^\/studio\/(?:new|courses\/[^/]+)(?=\/|$)/.exec(pathname);
  if (!editor || /^\/studio\/courses\/[^/]+\/preview(?:\/|$)/.test(pathname)) return pathname;
  return editor[0];
}

/** A `next` parameter is only followed to a path of this app (no other origin, no server page). */
export function safeNext(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return PATHS.catalogue;
  if (next.startsWith('/api/') || next.startsWith('/verify/')) return PATHS.catalogue;
  if (next.startsWith(PATHS.signIn) || next.startsWith(PATHS.signUp)) return PATHS.catalogue;
  return next;
}
