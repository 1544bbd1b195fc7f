// Assessment policy, quality rules and the time estimate of a course (FORMAT.md, issue 9). Shared by
// courses:check (load-courses), the API's document validation and the studio. Browser-safe: no Node built-ins.
import MarkdownIt from 'markdown-it';
import type { Language } from '@ecampus/contracts';
import { asList, isRecord, type Issue, type Path } from './rules';

/** Reading speed in words per minute, by language. */
export const WORDS_PER_MINUTE: Record<Language, number> = { es: 200, fr: 200, en: 230 };
/** Minutes a learner spends on one question. */
export const MINUTES_PER_QUESTION = 0.75;
/** How far `estimatedMinutes` may be from the computed time (a share of the computed time). */
export const TIME_TOLERANCE = 0.25;

/** A final quiz's pool must hold at least this many questions: ceil(1.5 × draw). */
export const minimumPool = (draw: number) => Math.ceil(1.5 * draw);

const md = new MarkdownIt({ html: false, linkify: true });

/**
 * The words of a lesson's Markdown body: its text after stripping Markdown syntax (link targets, emphasis,
 * heading and list marks), counted as whitespace-separated tokens that contain a letter or a digit.
 */
export function countWords(markdown: string): number {
  const parts: string[] = [];
  for (const token of md.parse(markdown, {})) {
    if (token.type === 'fence' || token.type === 'code_block') parts.push(token.content);
    if (token.type !== 'inline') continue;
    let line = '';
    for (const child of token.children ?? []) {
      if (child.type === 'text' || child.type === 'code_inline') line += child.content;
      else if (child.type === 'image') line += ` ${child.children?.map((c) => c.content).join('') ?? ''} `;
      else if (child.type === 'softbreak' || child.type === 'hardbreak') line += ' ';
    }
    parts.push(line);
  }
  return parts
    .join(' ')
    .split(/\s+/)
    .filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

interface EstimateQuiz {
  type: 'quiz';
  kind?: string;
  draw?: number;
  questions: unknown[];
}
interface EstimateLesson {
  type: 'lesson';
  markdown: string;
}
export interface EstimateInput {
  language: Language;
  modules: { items: (EstimateQuiz | EstimateLesson | { type: string })[] }[];
}

/** The parts of the computed time, for messages. */
export interface TimeEstimate {
  words: number;
  /** Questions a learner answers doing every quiz once: every question of a check, `draw` of a final. */
  questions: number;
  mediaMinutes: number;
  /** words / rate + 0.75 × questions + media, unrounded. */
  minutes: number;
}

/**
 * The time a course takes, computed from its content (FORMAT.md "Honest time"): words / rate (200 a minute
 * in Spanish and French, 230 in English) + 0.75 minutes per question answered + media minutes (0 for now:
 * videos carry no duration). courses:check compares it with `estimatedMinutes`; the certificate's hours come from it.
 */
export function estimateCourseTime(course: EstimateInput): TimeEstimate {
  let words = 0;
  let questions = 0;
  for (const module of course.modules)
    for (const item of module.items) {
      if (item.type === 'lesson') words += countWords((item as EstimateLesson).markdown ?? '');
      else if (item.type === 'quiz') {
        const quiz = item as EstimateQuiz;
        const pool = asList(quiz.questions).length;
        questions += quiz.kind === 'final' && typeof quiz.draw === 'number' ? Math.min(quiz.draw, pool) : pool;
      }
    }
  const mediaMinutes = 0;
  const rate = WORDS_PER_MINUTE[course.language] ?? 200;
  return { words, questions, mediaMinutes, minutes: words / rate + MINUTES_PER_QUESTION * questions + mediaMinutes };
}

/** The computed time in whole minutes (rounded up): what a published version stores. */
export const estimateMinutes = (course: EstimateInput): number => Math.max(1, Math.ceil(estimateCourseTime(course).minutes));

/** Whether a claimed time is within ±25 % of the computed one; the message says the computed figure. */
export function timeIssue(estimatedMinutes: unknown, course: EstimateInput): string | undefined {
  if (typeof estimatedMinutes !== 'number') return undefined;
  const t = estimateCourseTime(course);
  const low = t.minutes * (1 - TIME_TOLERANCE);
  const high = t.minutes * (1 + TIME_TOLERANCE);
  if (estimatedMinutes >= low && estimatedMinutes <= high) return undefined;
  const fixed = (n: number) => n.toFixed(1);
  return (
    `estimatedMinutes ${estimatedMinutes} is more than 25 % away from the computed time ${fixed(t.minutes)} minutes ` +
    `(${t.words} words / ${WORDS_PER_MINUTE[course.language] ?? 200} per minute + ${MINUTES_PER_QUESTION} × ${t.questions} questions` +
    ` + ${t.mediaMinutes} media minutes): write between ${Math.ceil(low)} and ${Math.floor(high)}, or change the content`
  );
}

const questionName = (q: unknown, index: number) =>
  isRecord(q) && typeof q.key === 'string' ? `"${q.key}"` : `question ${index + 1}`;

/**
 * The kind, draw and attempt policy of one quiz (paths relative to the quiz): a final quiz needs `draw` and a
 * pool of at least ceil(1.5 × draw) questions; the draw and attempt policy belong to a final quiz only.
 */
export function quizPolicyIssues(quiz: unknown): Issue[] {
  if (!isRecord(quiz)) return [];
  const issues: Issue[] = [];
  const pool = asList(quiz.questions).length;
  if (quiz.kind === 'final') {
    if (quiz.draw === undefined) issues.push({ path: ['draw'], message: 'a final quiz needs "draw": how many questions each attempt asks from its pool' });
    else if (typeof quiz.draw === 'number' && Number.isInteger(quiz.draw) && pool < minimumPool(quiz.draw))
      issues.push({
        path: ['draw'],
        message: `final pool too small: a final quiz that asks ${quiz.draw} questions needs a pool of at least ${minimumPool(quiz.draw)} (1.5 × draw); it has ${pool}`,
      });
  } else {
    for (const field of ['draw', 'maxFailedAttempts', 'retryAfterHours'])
      if (quiz[field] !== undefined) issues.push({ path: [field], message: `"${field}" belongs to a final quiz only (set kind: final)` });
  }
  return issues;
}

/** At most one final quiz, and it is the course's last item. `items` in course order. */
export function finalPlacementIssues(items: { item: unknown; path: Path }[]): Issue[] {
  const issues: Issue[] = [];
  const finals = items.filter(({ item }) => isRecord(item) && item.kind === 'final');
  finals.slice(1).forEach(({ path }) => issues.push({ path: [...path, 'kind'], message: 'a course has at most one final quiz' }));
  const last = items.at(-1);
  for (const f of finals.slice(0, 1))
    if (f !== last) issues.push({ path: [...f.path, 'kind'], message: 'the final quiz must be the last item of the course' });
  return issues;
}

/**
 * The longest-option tell: the keys (or positions) of a quiz's `single` questions whose correct option is the
 * strictly longest, when they are MORE than half of its single questions; otherwise an empty list.
 */
export function longestOptionTell(questions: unknown[]): string[] {
  const singles = questions.map((q, i) => ({ q, i })).filter(({ q }) => isRecord(q) && q.kind === 'single');
  const told = singles.filter(({ q }) => {
    const options = asList((q as Record<string, unknown>).options).filter(isRecord);
    const right = options.find((o) => o.correct === true);
    if (!right || typeof right.text !== 'string') return false;
    const length = right.text.length;
    return options.every((o) => o === right || (typeof o.text === 'string' && o.text.length < length));
  });
  return told.length * 2 > singles.length ? told.map(({ q, i }) => questionName(q, i)) : [];
}

export const longestOptionMessage = (names: string[], singles: number) =>
  `longest-option tell: in ${names.length} of ${singles} single-choice questions the correct option is the longest (${names.join(', ')}); ` +
  'write plausible distractors of similar length';

export const singleCount = (questions: unknown[]) => questions.filter((q) => isRecord(q) && q.kind === 'single').length;

/** True/false questions above one in five of all the course's questions: the message, else undefined. */
export function trueFalseIssue(questions: unknown[]): string | undefined {
  const tf = questions.filter((q) => isRecord(q) && q.kind === 'truefalse').length;
  if (tf * 5 <= questions.length) return undefined;
  return `too many true/false questions: ${tf} of ${questions.length} (at most one in five, here ${Math.floor(questions.length / 5)})`;
}
