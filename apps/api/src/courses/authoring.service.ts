import { BadRequestException, ConflictException, HttpException, Injectable, UnprocessableEntityException } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { validateCourseDocument } from '@ecampus/course-format';
import type {
  AdminCourseDocument,
  AdminCourseListItem,
  CourseChangeAction,
  CourseChangeDto,
  CourseDocument,
  CourseEditorsDto,
  CourseVersionDto,
  TranslationStatusDto,
} from '@ecampus/contracts';
import { AuditService } from '../audit/audit.service';
import { canChooseEditors, canEditCourse, forbidden } from '../auth/policies';
import { notFound } from '../common/errors';
import type { UserEntity } from '../users/user.entity';
import { CourseEntity, CourseVersionEntity } from './course.entity';
import { describeChanges } from './course-diff';
import { assertCoverIsCoursePicture } from './course-cover';
import { canonicalJson, flatItems, knownKeys, randomIds, withIds } from './course-document';
import { CoursesService } from './courses.service';

// Fields this API adds to what GET returns: read-only, dropped rather than refused.
const OWN_READ_ONLY = ['hasUnpublishedChanges', 'canEdit', 'draftTag'];

export function parseCourseDocument(input: unknown): CourseDocument {
  if (input && typeof input === 'object' && !Array.isArray(input)) {
    const body = Object.fromEntries(Object.entries(input).filter(([k]) => !OWN_READ_ONLY.includes(k)));
    // A new course is its own translation group until it is linked to another.
    if (body.translationKey === undefined && typeof body.slug === 'string') body.translationKey = body.slug;
    input = body;
  }
  // A draft may be saved before its outline is complete; publishing asks for modules with items.
  const result = validateCourseDocument(input, { draft: true });
  if (!result.ok) throw new BadRequestException(result.errors.map((e) => (e.path ? `${e.path}: ${e.message}` : e.message)));
  return result.value;
}

function conflictOnDuplicate(e: unknown, doc: CourseDocument): never {
  if (e instanceof QueryFailedError && (e.driverError as { code?: string }).code === '23505') {
    throw new ConflictException(
      `A course with the slug "${doc.slug}", or a "${doc.language}" course with the translation key "${doc.translationKey}", already exists.`,
    );
  }
  throw e;
}

const sameDocument = (a: CourseDocument | undefined | null, b: CourseDocument) => !!a && canonicalJson(a) === canonicalJson(b);

/** A strong entity tag of a draft: it changes whenever the draft does, whoever changes it. */
export function draftTag(draft: CourseDocument): string {
  return `"${createHash('sha256').update(JSON.stringify(draft)).digest('base64url').slice(0, 24)}"`;
}

/** If-Match (RFC 9110): `*`, or a list of tags, weak or strong, compared by their opaque part. */
export function ifMatchAccepts(ifMatch: string, tag: string): boolean {
  if (ifMatch.trim() === '*') return true;
  return ifMatch.split(',').some((t) => t.trim().replace(/^W\//, '') === tag);
}

/** Authors' side of courses: drafts as whole JSON documents, published as immutable versions. */
@Injectable()
export class AuthoringService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly courses: CoursesService,
    private readonly audit: AuditService,
  ) {}

  /** The rule lives in auth/policies.ts; this keeps the question where the course is at hand. */
  canEdit(user: UserEntity, course: CourseEntity, m: EntityManager = this.ds.manager): Promise<boolean> {
    return canEditCourse(user, course, m);
  }

  private async assertCanEdit(user: UserEntity, course: CourseEntity, m?: EntityManager): Promise<void> {
    if (!(await this.canEdit(user, course, m))) throw forbidden('course:edit');
  }

  async list(user: UserEntity): Promise<AdminCourseListItem[]> {
    const rows: (CourseEntity & { published: CourseDocument | null; editor: boolean })[] = await this.ds
      .getRepository(CourseEntity)
      .createQueryBuilder('c')
      .leftJoin(CourseVersionEntity, 'v', 'v.id = c.published_version_id')
      .addSelect('v.document', 'published')
      .orderBy('c.updated_at', 'DESC')
      .getRawAndEntities()
      .then(({ raw, entities }) =>
        entities.map((e, i) => Object.assign(e, { published: raw[i].published as CourseDocument | null, editor: false })),
      );
    const granted = new Set<string>(
      (await this.ds.query(`SELECT course_id FROM course_editors WHERE user_id = $1`, [user.id])).map((r: { course_id: string }) => r.course_id),
    );
    return rows.map((c) => ({
      slug: c.slug,
      title: c.draft.title,
      language: c.language,
      translationKey: c.translationKey,
      status: c.publishedVersionId ? 'published' : 'draft',
      hasUnpublishedChanges: !sameDocument(c.published, c.draft),
      canEdit: user.role === 'admin' || (user.role === 'author' && (c.ownerId === user.id || granted.has(c.id))),
      updatedAt: c.updatedAt.toISOString(),
    }));
  }

  async find(slug: string, m: EntityManager = this.ds.manager, lock = false): Promise<CourseEntity> {
    const qb = m.getRepository(CourseEntity).createQueryBuilder('c').where('c.slug = :slug', { slug });
    if (lock) qb.setLock('pessimistic_write');
    const course = await qb.getOne();
    if (!course) throw notFound('Course');
    return course;
  }

  async get(user: UserEntity, slug: string): Promise<AdminCourseDocument> {
    const course = await this.find(slug);
    const published = course.publishedVersionId
      ? await this.ds.getRepository(CourseVersionEntity).findOneBy({ id: course.publishedVersionId })
      : null;
    return {
      ...course.draft,
      status: published ? 'published' : 'draft',
      version: published?.number ?? null,
      updatedAt: course.updatedAt.toISOString(),
      hasUnpublishedChanges: !sameDocument(published?.document, course.draft),
      canEdit: await this.canEdit(user, course),
      draftTag: draftTag(course.draft),
    };
  }

  async create(user: UserEntity, input: unknown): Promise<AdminCourseDocument> {
    // On creation the server assigns every id; ids sent by the client are ignored.
    const doc = withIds(parseCourseDocument(input), randomIds);
    await this.ds
      .transaction(async (m) => {
        const repo = m.getRepository(CourseEntity);
        const course = await repo.save(
          repo.create({ slug: doc.slug, translationKey: doc.translationKey, language: doc.language, draft: doc, topics: [], ownerId: user.id }),
        );
        await assertCoverIsCoursePicture(m, course.id, doc);
        await this.courses.claimSlug(m, doc.slug);
        await this.log(m, course.id, user.id, 'created', describeChanges(null, doc));
      })
      .catch((e) => conflictOnDuplicate(e, doc));
    return this.get(user, doc.slug);
  }

  /** Ids this course has ever had (draft and versions) with their keys: an edit keeps both. */
  private async knownIds(m: EntityManager, course: CourseEntity): Promise<Map<string, string>> {
    const known = knownKeys(course.draft);
    const versions = await m.getRepository(CourseVersionEntity).find({ where: { courseId: course.id }, select: { id: true, document: true } });
    for (const v of versions) for (const [id, key] of knownKeys(v.document)) if (!known.has(id)) known.set(id, key);
    return known;
  }

  /**
   * Replaces the draft; `action` says why (an edit, or an import of course files). With `ifMatch`, only if the
   * draft is still the one that tag names: two authors saving the same course do not silently undo each other.
   */
  async saveDraft(
    user: UserEntity,
    slug: string,
    input: CourseDocument,
    action: CourseChangeAction = 'edited',
    m?: EntityManager,
    ifMatch?: string,
  ): Promise<string> {
    const run = async (m: EntityManager) => {
      const course = await this.find(slug, m, true);
      await this.assertCanEdit(user, course, m);
      if (ifMatch !== undefined && !ifMatchAccepts(ifMatch, draftTag(course.draft))) await this.refuseStale(m, course);
      await assertCoverIsCoursePicture(m, course.id, input);
      const known = await this.knownIds(m, course);
      const doc = withIds(input, randomIds, (id) => known.get(id));
      if (sameDocument(course.draft, doc)) return doc.slug;
      if (doc.translationKey !== course.translationKey) await this.assertNoLearnersIn(m, course.translationKey);
      if (doc.language !== course.language && course.publishedVersionId) {
        // Learners and the catalogue know it in its language; another language is another course of the group.
        throw new UnprocessableEntityException(
          `language: a published course keeps its language ("${course.language}"); write the "${doc.language}" version as a new course and link it as a translation`,
        );
      }
      if (doc.slug !== course.slug) await this.courses.rememberSlug(m, course.id, course.slug, doc.slug);
      await m
        .getRepository(CourseEntity)
        .update(course.id, { slug: doc.slug, translationKey: doc.translationKey, language: doc.language, draft: doc })
        .catch((e) => conflictOnDuplicate(e, doc));
      await this.log(m, course.id, user.id, action, describeChanges(course.draft, doc));
      return doc.slug;
    };
    return m ? run(m) : this.ds.transaction(run);
  }

  /**
   * Enrolments, progress and certificates belong to a translation group: moving a course that learners have
   * taken to another group would cut them off from their progress (and let them enrol, and certify, twice).
   */
  private async assertNoLearnersIn(m: EntityManager, translationKey: string): Promise<void> {
    const [{ n }]: { n: number }[] = await m.query(`SELECT count(*)::int AS n FROM enrollments WHERE translation_key = $1`, [translationKey]);
    if (n > 0) {
      throw new UnprocessableEntityException(
        `translationKey: ${n} learner${n === 1 ? ' is' : 's are'} enrolled in this course's translation group "${translationKey}"; ` +
          'linking or unlinking it would separate them from their progress and certificates. Make a new course for the other group instead.',
      );
    }
  }

  /** 412, naming the last change, so the author knows whose work they would overwrite. */
  private async refuseStale(m: EntityManager, course: CourseEntity): Promise<never> {
    const [last]: { name: string | null; summary: string; created_at: Date }[] = await m.query(
      `SELECT u.name, c.summary, c.created_at FROM course_changes c LEFT JOIN users u ON u.id = c.user_id
       WHERE c.course_id = $1 ORDER BY c.created_at DESC, c.id DESC LIMIT 1`,
      [course.id],
    );
    const what = last ? ` (last change: ${last.summary}, by ${last.name ?? 'the course files'}, ${new Date(last.created_at).toISOString()})` : '';
    throw new HttpException(
      {
        statusCode: 412,
        error: 'Precondition Failed',
        message: `The course was changed after you opened it${what}. Nothing was saved: load it again to see those changes.`,
      },
      412,
    );
  }

  async update(user: UserEntity, slug: string, input: unknown, ifMatch?: string): Promise<AdminCourseDocument> {
    const newSlug = await this.saveDraft(user, slug, parseCourseDocument(input), 'edited', undefined, ifMatch);
    return this.get(user, newSlug);
  }

  async publish(user: UserEntity, slug: string): Promise<AdminCourseDocument> {
    await this.ds.transaction(async (m) => {
      const course = await this.find(slug, m);
      await this.assertCanEdit(user, course, m);
      const version = await this.courses.publish(course.id, user.id, m);
      await this.log(m, course.id, user.id, 'published', `published version ${version.number}`, version.number);
      await this.audit.record({ type: 'course-published', actor: user, subject: course.slug, detail: { version: version.number } }, m);
    });
    return this.get(user, slug);
  }

  async versions(slug: string): Promise<CourseVersionDto[]> {
    const course = await this.find(slug);
    const rows: { number: number; published_at: Date; user_id: string | null; name: string | null }[] = await this.ds.query(
      `SELECT v.number, v.published_at, u.id AS user_id, u.name FROM course_versions v LEFT JOIN users u ON u.id = v.published_by
        WHERE v.course_id = $1 ORDER BY v.number DESC`,
      [course.id],
    );
    const current = course.publishedVersionId
      ? (await this.ds.getRepository(CourseVersionEntity).findOneBy({ id: course.publishedVersionId }))?.number
      : undefined;
    return rows.map((r) => ({
      number: r.number,
      publishedAt: new Date(r.published_at).toISOString(),
      publishedBy: r.user_id ? { id: r.user_id, name: r.name! } : null,
      current: r.number === current,
    }));
  }

  async version(slug: string, number: number): Promise<CourseDocument> {
    const course = await this.find(slug);
    const v = await this.ds.getRepository(CourseVersionEntity).findOneBy({ courseId: course.id, number });
    if (!v) throw notFound('Version');
    return v.document;
  }

  /** Makes an earlier version the draft again (publish it to show it to learners). */
  async restore(user: UserEntity, slug: string, number: number): Promise<AdminCourseDocument> {
    const newSlug = await this.ds.transaction(async (m) => {
      const course = await this.find(slug, m, true);
      await this.assertCanEdit(user, course, m);
      const v = await m.getRepository(CourseVersionEntity).findOneBy({ courseId: course.id, number });
      if (!v) throw notFound('Version');
      await m
        .getRepository(CourseEntity)
        .update(course.id, { slug: v.document.slug, translationKey: v.document.translationKey, draft: v.document })
        .catch((e) => conflictOnDuplicate(e, v.document));
      await this.log(m, course.id, user.id, 'restored', `restored version ${number} as the draft`, number);
      return v.document.slug;
    });
    return this.get(user, newSlug);
  }

  async changes(slug: string): Promise<CourseChangeDto[]> {
    const course = await this.find(slug);
    const rows: { created_at: Date; user_id: string | null; name: string | null; action: CourseChangeAction; summary: string; version_number: number | null }[] =
      await this.ds.query(
        `SELECT c.created_at, u.id AS user_id, u.name, c.action, c.summary, c.version_number
           FROM course_changes c LEFT JOIN users u ON u.id = c.user_id
          WHERE c.course_id = $1 ORDER BY c.created_at DESC, c.id DESC LIMIT 500`,
        [course.id],
      );
    return rows.map((r) => ({
      at: new Date(r.created_at).toISOString(),
      user: r.user_id ? { id: r.user_id, name: r.name! } : null,
      action: r.action,
      summary: r.summary,
      version: r.version_number,
    }));
  }

  /** The other languages of this course and which of this course's items each one lacks. */
  async translations(slug: string): Promise<TranslationStatusDto[]> {
    const course = await this.find(slug);
    const others = await this.ds.getRepository(CourseEntity).find({ where: { translationKey: course.translationKey } });
    const items = (d: CourseDocument) => flatItems(d).map((i) => ({ key: i.key!, type: i.type, title: i.title }));
    const mine = items(course.draft);
    return others
      .filter((o) => o.id !== course.id)
      .map((o) => {
        const theirs = items(o.draft);
        return {
          language: o.language,
          slug: o.slug,
          title: o.draft.title,
          missing: mine.filter((i) => !theirs.some((t) => t.key === i.key)),
          extra: theirs.filter((t) => !mine.some((i) => i.key === t.key)),
        };
      });
  }

  async editors(slug: string): Promise<CourseEditorsDto> {
    const course = await this.find(slug);
    const rows: { id: string; name: string; email: string }[] = await this.ds.query(
      `SELECT u.id, u.name, u.email FROM course_editors e JOIN users u ON u.id = e.user_id WHERE e.course_id = $1 ORDER BY u.name`,
      [course.id],
    );
    const [owner] = course.ownerId ? await this.ds.query(`SELECT id, name, email FROM users WHERE id = $1`, [course.ownerId]) : [];
    return { owner: owner ?? null, editors: rows };
  }

  /** Authors an owner could give the course to (admins edit every course already; authors cannot list users otherwise). */
  async editorCandidates(user: UserEntity, slug: string, q: string) {
    const course = await this.find(slug);
    this.assertChoosesEditors(user, course);
    const term = q.trim().slice(0, 100);
    const like = `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const rows: { id: string; name: string; email: string; role: string; institution: string }[] = await this.ds.query(
      `SELECT id, name, email, role, institution FROM users
       WHERE role = 'author' AND active AND ($1 = '' OR name ILIKE $2 OR email ILIKE $2 OR institution ILIKE $2)
       ORDER BY name LIMIT 20`,
      [term, like],
    );
    return rows;
  }

  private assertChoosesEditors(user: UserEntity, course: CourseEntity): void {
    if (!canChooseEditors(user, course)) throw forbidden('course:choose-editors');
  }

  /** Gives the course to these authors (besides its owner). Only admins and the owner may. */
  async setEditors(user: UserEntity, slug: string, userIds: string[]): Promise<CourseEditorsDto> {
    await this.ds.transaction(async (m) => {
      const course = await this.find(slug, m, true);
      this.assertChoosesEditors(user, course);
      const found: { id: string; role: string }[] = userIds.length
        ? await m.query(`SELECT id, role FROM users WHERE id = ANY($1::uuid[])`, [userIds])
        : [];
      const unknown = userIds.filter((id) => !found.some((f) => f.id === id));
      if (unknown.length) throw new BadRequestException(`userIds: no such user ${unknown.join(', ')}`);
      const learners = found.filter((f) => f.role === 'learner');
      if (learners.length) throw new BadRequestException(`userIds: ${learners.map((l) => l.id).join(', ')} must first be given the author role`);
      await m.query(`DELETE FROM course_editors WHERE course_id = $1 AND NOT (user_id = ANY($2::uuid[]))`, [course.id, userIds]);
      for (const id of userIds) {
        await m.query(`INSERT INTO course_editors (course_id, user_id, granted_by) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [course.id, id, user.id]);
      }
    });
    return this.editors(slug);
  }

  async log(m: EntityManager, courseId: string, userId: string | null, action: CourseChangeAction, summary: string, version: number | null = null) {
    await m.query(`INSERT INTO course_changes (course_id, user_id, action, summary, version_number) VALUES ($1, $2, $3, $4, $5)`, [
      courseId, userId, action, summary, version,
    ]);
  }
}
