import { BadRequestException, ConflictException, ForbiddenException, HttpException, HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { certificateHours } from '@ecampus/contracts';
import type { AttemptResultDto, LessonDto, MyEnrollmentDto, QuestionFeedbackDto, QuizDto, QuizDoc, QuizLockDto } from '@ecampus/contracts';
import { generateCertificateCode } from '@ecampus/certificate';
import { CertificateQueue } from '../certificates/certificate-queue';
import { CourseEntity } from '../courses/course.entity';
import { CoursesService } from '../courses/courses.service';
import type { PublishedCourse } from '../courses/published-course';
import { notFound } from '../common/errors';
import type { UserEntity } from '../users/user.entity';
import { EnrollmentEntity } from './enrollment.entity';
import { attemptWindow, drawServing, isFinal, policyOf, reviewOf, scoreServed, servedQuestions, servingFits, type Served } from './final-quiz';

export interface ProgressResult {
  progress: number;
  completed: boolean;
}

@Injectable()
export class LearningService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly courses: CoursesService,
    private readonly queue: CertificateQueue,
  ) {}

  findEnrollment(userId: string, translationKey: string, m: EntityManager = this.ds.manager): Promise<EnrollmentEntity | null> {
    return m.getRepository(EnrollmentEntity).findOneBy({ userId, translationKey });
  }

  async enroll(user: UserEntity, slug: string): Promise<{ created: boolean; enrollment: EnrollmentEntity; published: PublishedCourse }> {
    const { course, published } = await this.courses.publishedBySlug(slug);
    const inserted: { id: string }[] = await this.ds.query(
      `INSERT INTO enrollments (user_id, translation_key, course_id) VALUES ($1, $2, $3)
       ON CONFLICT (user_id, translation_key) DO NOTHING RETURNING id`,
      [user.id, course.translationKey, course.id],
    );
    const enrollment = (await this.findEnrollment(user.id, course.translationKey))!;
    return { created: inserted.length > 0, enrollment, published };
  }

  /** Completed item keys of an enrollment that the published version still has. */
  async completedKeys(enrollmentId: string, published: PublishedCourse, m: EntityManager = this.ds.manager): Promise<Set<string>> {
    const rows: { item_key: string }[] = await m.query(
      `SELECT item_key FROM item_progress WHERE enrollment_id = $1 AND item_key = ANY($2)`,
      [enrollmentId, published.itemKeys],
    );
    return new Set(rows.map((r) => r.item_key));
  }

  async progress(enrollment: EnrollmentEntity, published: PublishedCourse, m: EntityManager = this.ds.manager): Promise<number> {
    if (enrollment.status === 'completed') return 100; // no query needed
    return percentDone(enrollment, await this.completedKeys(enrollment.id, published, m), published);
  }

  private async requireEnrollment(user: UserEntity, course: CourseEntity): Promise<EnrollmentEntity> {
    const enrollment = await this.findEnrollment(user.id, course.translationKey);
    if (!enrollment) throw new ForbiddenException('Enrol in this course first.');
    return enrollment;
  }

  /** Authors and admins may open any item to review it; learners need to be enrolled. */
  private async viewer(user: UserEntity, course: CourseEntity): Promise<EnrollmentEntity | null> {
    if (user.role === 'learner') return this.requireEnrollment(user, course);
    return this.findEnrollment(user.id, course.translationKey);
  }

  async lesson(user: UserEntity, id: string): Promise<LessonDto> {
    const { course, published } = await this.courses.itemContext(id);
    const lesson = published.item(id)!;
    if (lesson.type !== 'lesson') throw notFound('Lesson');
    const enrollment = await this.viewer(user, course);
    const done = enrollment ? await this.completedKeys(enrollment.id, published) : new Set<string>();
    return published.lessonView(lesson, done.has(lesson.key!));
  }

  async completeLesson(user: UserEntity, id: string): Promise<ProgressResult> {
    const { course, published } = await this.courses.itemContext(id);
    const lesson = published.item(id)!;
    if (lesson.type !== 'lesson') throw notFound('Lesson');
    const enrollment = await this.requireEnrollment(user, course);
    return this.record(user, enrollment.id, course.id, async (m) => {
      await m.query(`INSERT INTO item_progress (enrollment_id, item_key) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [enrollment.id, lesson.key]);
    });
  }

  async quiz(user: UserEntity, id: string): Promise<QuizDto> {
    const { course, published } = await this.courses.itemContext(id);
    const quiz = published.quiz(id);
    if (!quiz) throw notFound('Quiz');
    const enrollment = await this.viewer(user, course);
    let best: { score: number; passed: boolean } | undefined;
    if (enrollment) {
      [best] = await this.ds.query(
        `SELECT max(score)::int AS score, bool_or(passed) AS passed FROM quiz_attempts
          WHERE enrollment_id = $1 AND item_key = $2 HAVING count(*) > 0`,
        [enrollment.id, quiz.key],
      );
    }
    const view = { ...published.quizView(quiz), ...(best ? { bestScore: best.score, passed: best.passed } : {}) };
    // Authors and admins who are not enrolled see the whole pool, as a preview.
    if (!isFinal(quiz) || !enrollment) return view;

    const state = await this.finalState(enrollment.id, published, quiz, this.ds.manager);
    if (state.review) return { ...view, questions: servedQuestions(quiz, state.review.served), review: state.review.questions };
    if (state.locked) return { ...view, locked: state.locked, questions: [] };
    if (state.retryAt) return { ...view, attemptsLeft: 0, retryAt: state.retryAt.toISOString(), questions: [] };
    const served = await this.openServing(enrollment.id, published, quiz, this.ds.manager);
    return { ...view, attemptsLeft: state.attemptsLeft, questions: servedQuestions(quiz, served) };
  }

  /**
   * Where a learner stands with a final quiz: locked while lessons or module checks remain; the review once
   * passed; otherwise the failed attempts left and, after the last allowed failure, when to try again.
   */
  private async finalState(enrollmentId: string, published: PublishedCourse, quiz: QuizDoc, m: EntityManager) {
    const [passedRow]: { answers: Record<string, string[]>; questions: Served | null }[] = await m.query(
      `SELECT a.answers, s.questions FROM quiz_attempts a LEFT JOIN quiz_servings s ON s.attempt_id = a.id
        WHERE a.enrollment_id = $1 AND a.item_key = $2 AND a.passed ORDER BY a.created_at LIMIT 1`,
      [enrollmentId, quiz.key],
    );
    if (passedRow) {
      // An attempt passed before servings existed was served the whole quiz in order.
      const served = passedRow.questions ?? quiz.questions.map((q) => ({ id: q.id!, options: q.options.map((o) => o.id!) }));
      return { attemptsLeft: 0, review: { served, questions: reviewOf(quiz, served, passedRow.answers) } };
    }
    const done = await this.completedKeys(enrollmentId, published, m);
    const failures: { created_at: Date }[] = await m.query(
      `SELECT created_at FROM quiz_attempts WHERE enrollment_id = $1 AND item_key = $2 AND NOT passed ORDER BY created_at`,
      [enrollmentId, quiz.key],
    );
    const window = attemptWindow(failures.map((f) => new Date(f.created_at)), policyOf(quiz));
    return { ...window, locked: finalLock(published, quiz, done) };
  }

  /** The open serving of this learner's final quiz, drawn now if there is none (or it no longer fits the quiz). */
  private async openServing(enrollmentId: string, published: PublishedCourse, quiz: QuizDoc, m: EntityManager): Promise<Served> {
    const open = async (): Promise<{ id: string; questions: Served } | undefined> =>
      (await m.query(`SELECT id, questions FROM quiz_servings WHERE enrollment_id = $1 AND item_key = $2 AND closed_at IS NULL`, [enrollmentId, quiz.key]))[0];
    let current = await open();
    if (current && !servingFits(quiz, current.questions)) {
      await m.query(`UPDATE quiz_servings SET closed_at = now() WHERE id = $1`, [current.id]);
      current = undefined;
    }
    if (current) return current.questions;
    // Two requests at once draw at most one open serving (partial unique index); both then read the same one.
    await m.query(
      `INSERT INTO quiz_servings (enrollment_id, item_key, course_version_id, questions) VALUES ($1, $2, $3, $4)
       ON CONFLICT (enrollment_id, item_key) WHERE closed_at IS NULL DO NOTHING`,
      [enrollmentId, quiz.key, published.versionId, JSON.stringify(drawServing(quiz))],
    );
    return (await open())!.questions;
  }

  async attempt(user: UserEntity, id: string, answers: Record<string, unknown>, clientId?: string): Promise<AttemptResultDto> {
    const { course, published } = await this.courses.itemContext(id);
    const quiz = published.quiz(id);
    if (!quiz) throw notFound('Quiz');
    const enrollment = await this.requireEnrollment(user, course);
    if (isFinal(quiz)) return this.finalAttempt(user, enrollment, course.id, published, quiz, answers);
    const { chosen, feedback, score, passed } = scoreAttempt(quiz, answers);
    let recorded: { score: number; passed: boolean } | undefined;
    const result = await this.record(user, enrollment.id, course.id, async (m) => {
      // A replay of an attempt queued offline (same client id) finds the first one; the enrolment row lock orders replays.
      if (clientId) {
        [recorded] = await m.query(`SELECT score, passed FROM quiz_attempts WHERE enrollment_id = $1 AND client_id = $2`, [enrollment.id, clientId]);
        if (recorded) return;
      }
      await m.query(
        `INSERT INTO quiz_attempts (enrollment_id, item_key, item_id, course_version_id, answers, score, passed, client_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [enrollment.id, quiz.key, id, published.versionId, JSON.stringify(Object.fromEntries(chosen)), score, passed, clientId ?? null],
      );
      if (passed) {
        await m.query(`INSERT INTO item_progress (enrollment_id, item_key) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [enrollment.id, quiz.key]);
      }
    });
    return { score: recorded?.score ?? score, passed: recorded?.passed ?? passed, feedback, ...result };
  }

  /**
   * One attempt at a final quiz, scored against what was served. The enrollment row is locked for the whole
   * transaction (record), so parallel attempts of one learner run one after another and the limit holds.
   */
  private async finalAttempt(
    user: UserEntity,
    enrollment: EnrollmentEntity,
    courseId: string,
    published: PublishedCourse,
    quiz: QuizDoc,
    answers: Record<string, unknown>,
  ): Promise<AttemptResultDto> {
    // Malformed sheets and ids that are not in the quiz at all are refused before anything is stored.
    const chosen = checkAnswers(quiz, answers);
    let outcome!: Omit<AttemptResultDto, 'progress' | 'completed'>;
    const result = await this.record(user, enrollment.id, courseId, async (m) => {
      const state = await this.finalState(enrollment.id, published, quiz, m);
      if (state.review) throw new ConflictException('You have passed this quiz already: its review is open (GET the quiz).');
      if (state.locked) throw new ForbiddenException(`The final quiz opens once every lesson and module check is done. ${state.locked.reason}`);
      if (state.retryAt)
        throw new HttpException(
          { message: `No attempts left: you may try again after ${state.retryAt.toISOString()}.`, retryAt: state.retryAt.toISOString() },
          HttpStatus.TOO_MANY_REQUESTS,
        );
      const served = await this.openServing(enrollment.id, published, quiz, m);
      const scored = scoreServed(quiz, served, chosen);
      const [attempt]: { id: string; created_at: Date }[] = await m.query(
        `INSERT INTO quiz_attempts (enrollment_id, item_key, item_id, course_version_id, answers, score, passed)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id, created_at`,
        [enrollment.id, quiz.key, quiz.id, published.versionId, JSON.stringify(scored.answers), scored.score, scored.passed],
      );
      await m.query(`UPDATE quiz_servings SET closed_at = now(), attempt_id = $3 WHERE enrollment_id = $1 AND item_key = $2 AND closed_at IS NULL`, [
        enrollment.id, quiz.key, attempt.id,
      ]);
      if (scored.passed) {
        await m.query(`INSERT INTO item_progress (enrollment_id, item_key) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [enrollment.id, quiz.key]);
        outcome = { score: scored.score, passed: true, feedback: scored.feedback, review: reviewOf(quiz, served, scored.answers) };
        return;
      }
      const policy = policyOf(quiz);
      const attemptsLeft = state.attemptsLeft - 1;
      const retryAt = attemptsLeft <= 0 ? new Date(new Date(attempt.created_at).getTime() + policy.retryAfterHours * 3600_000).toISOString() : undefined;
      outcome = { score: scored.score, passed: false, feedback: scored.feedback, attemptsLeft: Math.max(0, attemptsLeft), ...(retryAt ? { retryAt } : {}) };
    });
    return { ...outcome, ...result };
  }

  /**
   * Applies one learner action and, when it finishes the course, records the completion and a pending
   * certificate in the same transaction (the unique keys make it happen once). The certificate job is
   * queued after the commit; if that fails, the sweeper queues it again from the database.
   */
  private async record(user: UserEntity, enrollmentId: string, courseId: string, action: (m: EntityManager) => Promise<void>): Promise<ProgressResult> {
    const { progress, completed, certificateId } = await this.ds.transaction(async (m) => {
      const enrollment = await m
        .getRepository(EnrollmentEntity)
        .createQueryBuilder('e')
        .setLock('pessimistic_write')
        .where('e.id = :enrollmentId', { enrollmentId })
        .getOneOrFail();
      await action(m);
      const published = await this.courses.publishedById(courseId, m);
      if (enrollment.status === 'completed') return { progress: 100, completed: true, certificateId: undefined };
      const done = await this.completedKeys(enrollment.id, published, m);
      if (done.size < published.itemKeys.length) {
        return { progress: Math.floor((100 * done.size) / published.itemKeys.length), completed: false, certificateId: undefined };
      }
      const completedAt = new Date();
      await m.getRepository(EnrollmentEntity).update(enrollment.id, { status: 'completed', completedAt });
      const [cert] = await m.query(
        `INSERT INTO certificates (code, user_id, enrollment_id, translation_key, course_id, holder_name, course_title, language, hours, completed_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
         ON CONFLICT DO NOTHING RETURNING id`,
        [
          generateCertificateCode(), user.id, enrollment.id, enrollment.translationKey, courseId, user.name, published.doc.title,
          published.doc.language, certificateHours(published.computedMinutes), completedAt,
        ],
      );
      return { progress: 100, completed: true, certificateId: cert?.id as string | undefined };
    });
    if (certificateId) await this.queue.enqueue(certificateId);
    return { progress, completed };
  }

  async myEnrollments(user: UserEntity): Promise<MyEnrollmentDto[]> {
    const enrollments = await this.ds.getRepository(EnrollmentEntity).find({ where: { userId: user.id }, order: { enrolledAt: 'DESC' } });
    const out: MyEnrollmentDto[] = [];
    for (const e of enrollments) {
      const published = await this.courses.publishedById(e.courseId).catch(() => null);
      if (!published) continue;
      const done = await this.completedKeys(e.id, published);
      const next = e.status === 'completed' ? undefined : published.items.find((i) => !done.has(i.key!));
      out.push({
        course: { slug: published.slug, title: published.doc.title },
        status: e.status,
        progress: percentDone(e, done, published),
        enrolledAt: e.enrolledAt.toISOString(),
        ...(e.completedAt ? { completedAt: e.completedAt.toISOString() } : {}),
        ...(next ? { next: { id: next.id!, type: next.type, title: next.title } } : {}),
        modules: published.doc.modules.map((m) => ({ title: m.title, done: m.items.filter((i) => done.has(i.key!)).length, total: m.items.length })),
      });
    }
    return out;
  }
}

/** 0–100: a completed enrollment is 100, otherwise the share of the version's items done (rounded down). */
function percentDone(enrollment: EnrollmentEntity, done: Set<string>, published: PublishedCourse): number {
  if (enrollment.status === 'completed') return 100;
  return published.itemKeys.length ? Math.floor((100 * done.size) / published.itemKeys.length) : 0;
}

/** Scores an answer sheet on the server: a question is right when exactly its correct options were chosen. */
export function scoreAttempt(quiz: QuizDoc, answers: Record<string, unknown>) {
  const chosen = checkAnswers(quiz, answers);
  const feedback: QuestionFeedbackDto[] = quiz.questions.map((q) => {
    const picked = chosen.get(q.id!) ?? [];
    const right = new Set(q.options.filter((o) => o.correct).map((o) => o.id!));
    return {
      questionId: q.id!,
      correct: picked.length === right.size && picked.every((o) => right.has(o)),
      selected: picked.map((optionId) => ({ optionId, feedback: q.options.find((o) => o.id === optionId)!.feedback })),
    };
  });
  const score = Math.round((100 * feedback.filter((f) => f.correct).length) / quiz.questions.length);
  return { chosen, feedback, score, passed: score >= quiz.passingScore };
}

/** A final quiz is closed while lessons or module checks remain: what remains, named. */
export function finalLock(published: PublishedCourse, quiz: QuizDoc, done: Set<string>): QuizLockDto | undefined {
  if (!isFinal(quiz) || done.has(quiz.key!)) return undefined;
  const remaining = published.items
    .filter((i) => i.id !== quiz.id && !(i.type === 'quiz' && isFinal(i)) && !done.has(i.key!))
    .map((i) => ({ id: i.id!, type: i.type, title: i.title }));
  if (!remaining.length) return undefined;
  const names = remaining.map((r) => `"${r.title}"`);
  const shown = names.length > 5 ? [...names.slice(0, 5), `and ${names.length - 5} more`] : names;
  return { reason: `Still to do (${remaining.length}): ${shown.join(', ')}.`, remaining };
}

/** Validates a quiz answer sheet against the quiz; unanswered questions simply score as wrong. */
export function checkAnswers(quiz: QuizDoc, answers: Record<string, unknown>): Map<string, string[]> {
  const problems: string[] = [];
  const chosen = new Map<string, string[]>();
  const questions = new Map(quiz.questions.map((q) => [q.id!, q]));
  for (const [questionId, value] of Object.entries(answers)) {
    const q = questions.get(questionId);
    if (!q) {
      problems.push(`answers.${questionId}: this quiz has no such question`);
      continue;
    }
    const list = typeof value === 'string' ? [value] : value;
    if (!Array.isArray(list) || !list.every((v) => typeof v === 'string')) {
      problems.push(`answers.${questionId} must be a list of option ids`);
      continue;
    }
    const unique = [...new Set(list as string[])];
    const unknown = unique.filter((o) => !q.options.some((opt) => opt.id === o));
    if (unknown.length) problems.push(`answers.${questionId}: unknown option ${unknown.join(', ')}`);
    else if (q.kind !== 'multiple' && unique.length > 1) problems.push(`answers.${questionId}: choose only one option`);
    else chosen.set(questionId, unique);
  }
  if (problems.length) throw new BadRequestException(problems);
  return chosen;
}
