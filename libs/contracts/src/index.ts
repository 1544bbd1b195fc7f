// Shapes shared by the API, the web app, the course tools and the tests.
// These are the wire types of shared/CONTRACT.md: change them only by keeping old forms working.

export const LANGUAGES = ['es', 'en', 'fr'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Shortest password accepted at registration (API and web form). */
export const PASSWORD_MIN_LENGTH = 8;

export const ROLES = ['learner', 'author', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const INSTITUTION_TYPES = [
  'migration',
  'police',
  'health',
  'labour',
  'justice',
  'child-protection',
  'foreign-affairs',
  'women-affairs',
  'local-government',
  'civil-society',
  'international-organization',
  'academia',
  'other',
] as const;
export type InstitutionType = (typeof INSTITUTION_TYPES)[number];

/** The programme's countries, listed first in country pickers (ISO 3166-1 alpha-2). */
export const PROGRAMME_COUNTRIES = [
  'MX', 'GT', 'BZ', 'SV', 'HN', 'NI', 'CR', 'PA', 'DO', 'HT', 'BS', 'BB', 'SR',
  'JM', 'TT', 'GY', 'CU', 'AG', 'DM', 'GD', 'KN', 'LC', 'VC',
] as const;

/** The topics a course may be filed under (courses/README.md); the web app names them in each language. */
export const TOPICS = [
  'trafficking',
  'smuggling',
  'psychosocial',
  'mental-health',
  'lgbti',
  'gender',
  'gbv',
  'children',
  'vulnerability',
  'referral',
  'protection',
  'migration-management',
  'health',
  'data-protection',
  'human-rights',
] as const;
export type Topic = (typeof TOPICS)[number];

export const ITEM_TYPES = ['lesson', 'quiz'] as const;
export type ItemType = (typeof ITEM_TYPES)[number];

export const QUESTION_KINDS = ['single', 'multiple', 'truefalse'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

export const REPORT_GROUPS = ['country', 'institutionType', 'course'] as const;
export type ReportGroup = (typeof REPORT_GROUPS)[number];

export type CourseStatus = 'draft' | 'published';
export type EnrollmentStatus = 'active' | 'completed';
export type CertificateStatus = 'pending' | 'issued' | 'revoked';

export interface UserDto {
  id: string;
  email: string;
  name: string;
  role: Role;
  country: string;
  institution: string;
  institutionType: InstitutionType;
  position: string | null;
  gender: string | null;
  language: Language;
}

export interface CourseSummaryDto {
  slug: string;
  title: string;
  summary: string;
  language: Language;
  topics: string[];
  estimatedMinutes: number;
  moduleCount: number;
  /** Other languages of the same course: [{language, slug}]. */
  translations: { language: Language; slug: string }[];
  /** The published version's cover picture; absent when it has none. */
  cover?: CoverDto;
}

/** A course's cover picture as learners get it: where it is served, its description and its size in pixels. */
export interface CoverDto {
  url: string;
  alt: string;
  width: number;
  height: number;
}

export interface OutlineItemDto {
  id: string;
  type: ItemType;
  title: string;
  completed?: boolean;
}

export interface EnrollmentStateDto {
  status: EnrollmentStatus;
  progress: number;
}

export interface CourseDetailDto {
  slug: string;
  title: string;
  summary: string;
  language: Language;
  estimatedMinutes: number;
  topics: string[];
  objectives: string[];
  audience: string;
  glossary: GlossaryEntry[];
  references: Reference[];
  translations: { language: Language; slug: string }[];
  modules: { id: string; title: string; items: OutlineItemDto[] }[];
  enrollment?: EnrollmentStateDto;
  /** The cover picture; absent when the course has none. */
  cover?: CoverDto;
}

export interface LessonDto {
  id: string;
  title: string;
  html: string;
  courseSlug: string;
  next?: { id: string; type: ItemType; title: string };
  previous?: { id: string; type: ItemType; title: string };
  completed: boolean;
}

export interface QuizDto {
  id: string;
  title: string;
  passingScore: number;
  courseSlug: string;
  questions: { id: string; prompt: string; kind: QuestionKind; options: { id: string; text: string }[] }[];
  next?: { id: string; type: ItemType; title: string };
  previous?: { id: string; type: ItemType; title: string };
  bestScore?: number;
  passed?: boolean;
}

export interface QuestionFeedbackDto {
  questionId: string;
  correct: boolean;
  /** The options the learner chose, each with the author's explanation. */
  selected: { optionId: string; feedback: string }[];
}

export interface AttemptResultDto {
  score: number;
  passed: boolean;
  feedback: QuestionFeedbackDto[];
  progress: number;
  completed: boolean;
}

export interface MyEnrollmentDto {
  course: { slug: string; title: string };
  status: EnrollmentStatus;
  progress: number;
  enrolledAt: string;
  completedAt?: string;
}

export interface MyCertificateDto {
  code: string;
  course: { slug: string; title: string };
  status: CertificateStatus;
  issuedAt?: string;
}

export interface VerifyDto {
  valid: boolean;
  status: CertificateStatus;
  holderName: string;
  courseTitle: string;
  issuedAt: string | null;
  hours: number;
  code: string;
  revokedReason?: string | null;
}

// ---- The course document: what GET /api/admin/courses/:slug returns and POST/PUT take ----

export interface GlossaryEntry {
  term: string;
  definition: string;
}

export interface Reference {
  title: string;
  publisher: string;
  year: number;
  url?: string;
}

/** A course's cover picture in the document: one of the course's pictures and its description for screen readers. */
export interface CourseCover {
  /** `images/<file>`: a picture uploaded to the course (a file in the language's `images/` folder). */
  image: string;
  /** What the picture shows, for people who cannot see it. */
  alt: string;
}

export interface OptionDoc {
  id?: string;
  key?: string;
  text: string;
  correct: boolean;
  feedback: string;
}

export interface QuestionDoc {
  id?: string;
  key?: string;
  kind: QuestionKind;
  prompt: string;
  options: OptionDoc[];
}

export interface LessonDoc {
  id?: string;
  key?: string;
  type: 'lesson';
  title: string;
  markdown: string;
}

export interface QuizDoc {
  id?: string;
  key?: string;
  type: 'quiz';
  title: string;
  passingScore: number;
  questions: QuestionDoc[];
}

export type ItemDoc = LessonDoc | QuizDoc;

export interface ModuleDoc {
  id?: string;
  key?: string;
  title: string;
  items: ItemDoc[];
}

export interface CourseDocument {
  slug: string;
  /** Courses with the same translationKey are translations of one another (one course for certificates and reports). */
  translationKey: string;
  language: Language;
  title: string;
  summary: string;
  audience: string;
  objectives: string[];
  topics: string[];
  estimatedMinutes: number;
  glossary: GlossaryEntry[];
  references: Reference[];
  /** Optional; absent when the course has no cover picture. */
  cover?: CourseCover;
  modules: ModuleDoc[];
}

/** Certificate hours shown on the PDF and the verify page: study time rounded up to the half hour. */
export function certificateHours(estimatedMinutes: number): number {
  return Math.max(0.5, Math.ceil(estimatedMinutes / 30) / 2);
}

export interface ReportRowDto {
  /** The group's value: an ISO country code, an institution type, or a course's translation key. */
  group: string;
  /** A readable name for the group (course title for courses; the code itself otherwise). */
  label: string;
  enrollments: number;
  completions: number;
  certificates: number;
}

export interface ReportSummaryDto {
  groupBy: ReportGroup;
  from: string | null;
  to: string | null;
  rows: ReportRowDto[];
  totals: { enrollments: number; completions: number; certificates: number };
}

// ---- Authoring (author or admin): the shapes of /api/admin/courses beyond the public contract.

export interface AdminCourseListItem {
  slug: string;
  title: string;
  language: Language;
  translationKey: string;
  status: CourseStatus;
  hasUnpublishedChanges: boolean;
  canEdit: boolean;
  updatedAt: string;
}

/** GET /api/admin/courses/:slug: the draft with read-only fields, which PUT ignores. */
export type AdminCourseDocument = CourseDocument & {
  status: CourseStatus;
  version: number | null;
  updatedAt: string;
  hasUnpublishedChanges: boolean;
  canEdit: boolean;
  /** The draft's entity tag, also sent as the ETag header: send it back as If-Match to save only over this draft. */
  draftTag: string;
};

export interface CourseVersionDto {
  number: number;
  publishedAt: string;
  publishedBy: { id: string; name: string } | null;
  current: boolean;
}

export type CourseChangeAction = 'created' | 'edited' | 'published' | 'restored' | 'imported';

export interface CourseChangeDto {
  at: string;
  user: { id: string; name: string } | null;
  action: CourseChangeAction;
  summary: string;
  version: number | null;
}

export interface TranslationStatusDto {
  language: Language;
  slug: string;
  title: string;
  /** Items of this course that the translation lacks. */
  missing: { key: string; type: ItemType; title: string }[];
  /** Items of the translation that this course lacks. */
  extra: { key: string; type: ItemType; title: string }[];
}

export interface PersonRef {
  id: string;
  name: string;
  email: string;
}

export interface CourseEditorsDto {
  owner: PersonRef | null;
  editors: PersonRef[];
}

export interface ApiErrorDto {
  statusCode: number;
  error: string;
  message: string | string[];
}

/** Kinds of events in the admins' audit log (GET /api/admin/audit). */
export const AUDIT_TYPES = [
  'sign-in', 'sign-in-failed', 'sign-in-locked', 'role-changed', 'account-deactivated', 'account-reactivated',
  'course-published', 'certificate-revoked', 'course-exported', 'report-downloaded',
] as const;
export type AuditType = (typeof AUDIT_TYPES)[number];

export interface AuditEventDto {
  id: string;
  at: string;
  type: AuditType;
  /** Who did it (null for a failed sign-in, where only a hash of the email is kept). */
  actor: { id: string | null; email: string | null } | null;
  /** What it was done to: a user id, a course slug, a certificate code, a report name, an email hash. */
  subject: string | null;
  detail: Record<string, unknown>;
  ip: string | null;
}

export interface AuditPageDto {
  events: AuditEventDto[];
  total: number;
  page: number;
  pageSize: number;
}
