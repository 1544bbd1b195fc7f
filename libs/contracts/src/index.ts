// Shapes shared by the API, the web app, the course tools and the tests.
// These are the wire types of shared/CONTRACT.md: change them only by keeping old forms working.

export { searchable, searchWords } from './search-text';

export const LANGUAGES = ['es', 'en', 'fr'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Shortest password accepted at registration (API and web form). */
export const PASSWORD_MIN_LENGTH = 10;

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
export const QUIZ_KINDS = ['check', 'final'] as const;
export type QuizKind = (typeof QUIZ_KINDS)[number];

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
  /** Quizzes: `check` or `final`. */
  kind?: QuizKind;
  /** The final quiz while lessons or module checks remain (enrolled learners). */
  locked?: QuizLockDto;
}

/** Why a final quiz is closed, and what opens it. */
export interface QuizLockDto {
  reason: string;
  /** The lessons and module checks still to do, in course order. */
  remaining: { id: string; type: ItemType; title: string }[];
}

/** One served question after a pass: every option with its correct flag and feedback, and what the learner chose. */
export interface QuizReviewQuestionDto {
  questionId: string;
  prompt: string;
  kind: QuestionKind;
  correct: boolean;
  options: { id: string; text: string; correct: boolean; feedback: string; chosen: boolean }[];
}

export interface EnrollmentStateDto {
  status: EnrollmentStatus;
  progress: number;
}

/** What "download for offline" stores on the phone: every read a learner needs to study the course with no line. */
export interface OfflineBundleDto {
  slug: string;
  /** The published version these files belong to: a newer one means the stored copy is out of date. */
  version: string;
  /** Total bytes stored (uncompressed), to show before downloading. */
  bytes: number;
  files: { url: string; bytes: number }[];
  /** Items that need a connection (the final quiz), by id. */
  onlineOnly: string[];
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
  /** Content governance, when the course has it. */
  authors?: string[];
  reviewers?: string[];
  /** YYYY-MM-DD */
  reviewedOn?: string;
  contentVersion?: string;
  licence?: string;
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
  kind: QuizKind;
  passingScore: number;
  courseSlug: string;
  /** Final quiz: closed while lessons or module checks remain (then `questions` is empty). */
  locked?: QuizLockDto;
  /** Final quiz: failed attempts left before a wait. */
  attemptsLeft?: number;
  /** Final quiz: after the last allowed failure, when the learner may try again (ISO 8601); `questions` is empty until then. */
  retryAt?: string;
  /** Final quiz after a pass: the full review of the passing attempt. */
  review?: QuizReviewQuestionDto[];
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
  /** Final quiz: failed attempts left before a wait. */
  attemptsLeft?: number;
  /** Final quiz: set when this failure used the last allowed attempt (ISO 8601). */
  retryAt?: string;
  /** A check: every question. A final quiz: the served questions; a failed one gives only the chosen options' feedback. */
  feedback: QuestionFeedbackDto[];
  /** Final quiz, when passed: the full review. */
  review?: QuizReviewQuestionDto[];
  progress: number;
  completed: boolean;
}

export interface MyEnrollmentDto {
  course: { slug: string; title: string };
  status: EnrollmentStatus;
  progress: number;
  enrolledAt: string;
  completedAt?: string;
  /** The first lesson or quiz not done yet, in course order; absent once everything is done. */
  next?: { id: string; type: ItemType; title: string };
  /** Progress per module: items done of the module's items. */
  modules: { title: string; done: number; total: number }[];
}

/** A place inside a course where the words of a search were found. */
export interface CourseSearchHitDto {
  id: string;
  type: ItemType;
  title: string;
  /** A few words around the first match, as plain text (empty when only the title matched). */
  snippet: string;
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
  /** Set when this certificate was replaced (e.g. a name correction): the code of the new one. */
  replacedByCode?: string | null;
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
  /** `check` (module check: open, practice-style) or `final` (drawn from a pool, limited attempts). Absent means check. */
  kind?: QuizKind;
  passingScore: number;
  /** Final only: how many questions each attempt draws from `questions` (the pool). */
  draw?: number;
  /** Final only: failed attempts allowed before a wait (default 3). */
  maxFailedAttempts?: number;
  /** Final only: hours to wait after the last allowed failure (default 24). */
  retryAfterHours?: number;
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
  /** Content governance: required in course files and at publish, optional in a draft. */
  authors?: string[];
  reviewers?: string[];
  /** YYYY-MM-DD: the last content review. */
  reviewedOn?: string;
  contentVersion?: string;
  licence?: string;
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
  /** Enrolments in the range not completed yet. */
  inProgress: number;
  completions: number;
  certificates: number;
}

export interface ReportSummaryDto {
  groupBy: ReportGroup;
  from: string | null;
  to: string | null;
  rows: ReportRowDto[];
  totals: { enrollments: number; inProgress: number; completions: number; certificates: number };
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

/** Kinds of service in the referral directory (shared/CONTRACT.md, GET /api/directory). */
export const DIRECTORY_KINDS = ['hotline', 'shelter', 'health', 'legal-aid', 'child-protection', 'refugee-agency', 'consulate', 'other'] as const;
export type DirectoryKind = (typeof DIRECTORY_KINDS)[number];

/** One service people can be referred to, with where its details come from and when they were last checked. */
export interface DirectoryEntryDto {
  id: string;
  country: string;
  kind: DirectoryKind;
  name: string;
  phone?: string;
  url?: string;
  hours?: string;
  languages: string[];
  source: string;
  /** YYYY-MM-DD: the day someone last checked the entry against its source. */
  verifiedAt: string;
}

/** What admins see: the entry, and whether it is overdue for a check (not verified for 12 months). */
export interface AdminDirectoryEntryDto extends DirectoryEntryDto {
  stale: boolean;
  updatedAt: string;
}

// ---- Account self-service and mail ----

/** `GET /api/me/preferences`: settings of the account that are not part of the user object. */
export interface PreferencesDto {
  /** Mail a reminder after 14 days without progress (PATCH /api/me `{remindersEnabled}` changes it). */
  remindersEnabled: boolean;
}

export interface OutboxMessageDto {
  id: string;
  to: string;
  subject: string;
  text: string;
  template: string;
  status: 'pending' | 'sent' | 'outbox' | 'failed';
  createdAt: string;
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
