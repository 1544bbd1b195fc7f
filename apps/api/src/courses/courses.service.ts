import { Injectable, UnprocessableEntityException } from '@nestjs/common';
import { estimateMinutes, incompleteParts, missingGovernance } from '@ecampus/course-format';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { searchWords } from '@ecampus/contracts';
import type { CourseCover, CourseSummaryDto, CoverDto, Language } from '@ecampus/contracts';
import { notFound, isUuid } from '../common/errors';
import { CourseEntity, CourseVersionEntity } from './course.entity';
import { coverDto, coverFile, flatItems } from './course-document';
import { imageSizes } from './images';
import { PublishedCourse } from './published-course';

const CACHE_LIMIT = 100;

@Injectable()
export class CoursesService {
  private readonly cache = new Map<string, PublishedCourse>();

  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async catalogue(filter: { lang?: Language; topic?: string; q?: string }): Promise<CourseSummaryDto[]> {
    const qb = this.ds
      .getRepository(CourseEntity)
      .createQueryBuilder('c')
      .where('c.published_version_id IS NOT NULL')
      .orderBy('c.title', 'ASC');
    if (filter.lang) qb.andWhere('c.language = :lang', { lang: filter.lang });
    if (filter.topic) qb.andWhere('c.topics @> :topic::jsonb', { topic: JSON.stringify([filter.topic]) });
    let courses = await qb.getMany();
    // Words are looked for in the whole published course (lesson text included), without accents or case.
    const words = filter.q ? searchWords(filter.q) : [];
    if (filter.q && !words.length) return [];
    if (words.length) {
      const found = await Promise.all(courses.map(async (c) => (await this.version(c.id, c.publishedVersionId!)).matches(words)));
      courses = courses.filter((_, i) => found[i]);
    }
    const translations = await this.translationsOf(courses.map((c) => c.translationKey));
    const covers = await this.covers(courses);
    return courses.map((c) => ({
      slug: c.slug,
      title: c.title!,
      summary: c.summary!,
      language: c.language,
      topics: c.topics,
      estimatedMinutes: c.estimatedMinutes!,
      moduleCount: c.moduleCount!,
      translations: (translations.get(c.translationKey) ?? []).filter((t) => t.slug !== c.slug),
      ...(covers.has(c.id) ? { cover: covers.get(c.id) } : {}),
    }));
  }

  /** The published covers of these courses, with the size of their picture (one query; none without covers). */
  private async covers(courses: CourseEntity[]): Promise<Map<string, CoverDto>> {
    const map = new Map<string, CoverDto>();
    const withCover = courses.filter((c): c is CourseEntity & { cover: CourseCover } => !!c.cover);
    if (!withCover.length) return map;
    const rows: { course_id: string; filename: string; width: number | null; height: number | null }[] = await this.ds.query(
      `SELECT a.course_id, a.filename, a.width, a.height
         FROM course_assets a JOIN unnest($1::uuid[], $2::text[]) AS w(course_id, filename)
           ON a.course_id = w.course_id AND a.filename = w.filename`,
      [withCover.map((c) => c.id), withCover.map((c) => coverFile(c.cover))],
    );
    for (const c of withCover) {
      const row = rows.find((r) => r.course_id === c.id);
      const cover = row ? coverDto(c.id, c.cover, row) : undefined;
      if (cover) map.set(c.id, cover);
    }
    return map;
  }

  /** Published languages of each translation key. */
  async translationsOf(keys: string[]): Promise<Map<string, { language: Language; slug: string }[]>> {
    const map = new Map<string, { language: Language; slug: string }[]>();
    if (!keys.length) return map;
    const rows: { translation_key: string; language: Language; slug: string }[] = await this.ds.query(
      `SELECT translation_key, language, slug FROM courses
        WHERE published_version_id IS NOT NULL AND translation_key = ANY($1) ORDER BY language`,
      [[...new Set(keys)]],
    );
    for (const r of rows) map.set(r.translation_key, [...(map.get(r.translation_key) ?? []), { language: r.language, slug: r.slug }]);
    return map;
  }

  /** A new course takes `slug`: if another course had it before, it now means the new one. */
  async claimSlug(m: EntityManager, slug: string): Promise<void> {
    await m.query(`DELETE FROM course_slug_history WHERE slug = $1`, [slug]);
  }

  /** The old slug keeps leading to the course (until another course takes it); the new one is this course's alone. */
  async rememberSlug(m: EntityManager, courseId: string, oldSlug: string, newSlug: string): Promise<void> {
    await this.claimSlug(m, newSlug);
    await m.query(
      `INSERT INTO course_slug_history (slug, course_id) VALUES ($1, $2)
       ON CONFLICT (slug) DO UPDATE SET course_id = EXCLUDED.course_id, replaced_at = now()`,
      [oldSlug, courseId],
    );
  }

  /** A published course by its slug, or by a slug it had before (links people kept still work). */
  /** The stored size of each of a course's pictures, by file name. */
  async assetSizes(courseId: string): Promise<Map<string, number>> {
    const rows: { filename: string; size: number }[] = await this.ds.query(`SELECT filename, size FROM course_assets WHERE course_id = $1`, [courseId]);
    return new Map(rows.map((r) => [r.filename, r.size]));
  }

  async publishedBySlug(slug: string): Promise<{ course: CourseEntity; published: PublishedCourse }> {
    const repo = this.ds.getRepository(CourseEntity);
    const course =
      (await repo.findOneBy({ slug })) ??
      (await repo.createQueryBuilder('c').innerJoin('course_slug_history', 'h', 'h.course_id = c.id').where('h.slug = :slug', { slug }).getOne());
    if (!course?.publishedVersionId) throw notFound('Course');
    return { course, published: await this.version(course.id, course.publishedVersionId) };
  }

  async publishedById(courseId: string, manager: EntityManager = this.ds.manager): Promise<PublishedCourse> {
    const course = await manager.getRepository(CourseEntity).findOneBy({ id: courseId });
    if (!course?.publishedVersionId) throw notFound('Course');
    return this.version(course.id, course.publishedVersionId, manager);
  }

  /** The published course that currently holds item `id`, and the item. */
  async itemContext(id: string): Promise<{ course: CourseEntity; published: PublishedCourse }> {
    if (!isUuid(id)) throw notFound('Item');
    const course = await this.ds
      .getRepository(CourseEntity)
      .createQueryBuilder('c')
      .innerJoin('course_items', 'i', 'i.course_id = c.id')
      .where('i.id = :id', { id })
      .getOne();
    if (!course?.publishedVersionId) throw notFound('Item');
    const published = await this.version(course.id, course.publishedVersionId);
    if (!published.item(id)) throw notFound('Item');
    return { course, published };
  }

  async version(courseId: string, versionId: string, manager: EntityManager = this.ds.manager): Promise<PublishedCourse> {
    const cached = this.cache.get(versionId);
    if (cached) return cached;
    const v = await manager.getRepository(CourseVersionEntity).findOneByOrFail({ id: versionId });
    const published = new PublishedCourse(courseId, v.id, v.document, await imageSizes(manager, courseId), v.computedMinutes ?? undefined);
    if (this.cache.size >= CACHE_LIMIT) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(versionId, published);
    return published;
  }

  /**
   * Publishes a course's draft as a new immutable version. Runs inside the caller's transaction when
   * given one. Learners' progress is kept by item key, so it carries over to the new version.
   */
  async publish(courseId: string, userId: string | null, manager: EntityManager): Promise<CourseVersionEntity> {
    const course = await manager
      .getRepository(CourseEntity)
      .createQueryBuilder('c')
      .setLock('pessimistic_write')
      .where('c.id = :courseId', { courseId })
      .getOneOrFail();
    const doc = course.draft;
    // A draft may be saved half-written; learners only ever get a course with modules and items.
    // …and with its authors, reviewers, review date, content version and licence (issue 9, governance).
    const missing = [...incompleteParts(doc), ...missingGovernance(doc)];
    if (missing.length) throw new UnprocessableEntityException(missing.map((m) => `${m} before the course is published`));
    const [{ next }] = await manager.query(`SELECT coalesce(max(number), 0) + 1 AS next FROM course_versions WHERE course_id = $1`, [courseId]);
    const version = await manager.getRepository(CourseVersionEntity).save({
      courseId, number: next, document: doc, publishedAt: new Date(), publishedBy: userId,
      // The honest time, computed from the content (the same function as courses:check): the certificate's hours.
      computedMinutes: estimateMinutes(doc),
    });
    const items = flatItems(doc);
    if (items.length) {
      await manager.query(
        `INSERT INTO course_items (id, course_id, key, type)
         SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[])
         ON CONFLICT (id) DO NOTHING`,
        [items.map((i) => i.id), items.map(() => courseId), items.map((i) => i.key), items.map((i) => i.type)],
      );
    }
    await manager.getRepository(CourseEntity).update(courseId, {
      publishedVersionId: version.id,
      title: doc.title,
      summary: doc.summary,
      topics: doc.topics,
      estimatedMinutes: doc.estimatedMinutes,
      moduleCount: doc.modules.length,
      cover: doc.cover ?? null,
    });
    return version;
  }
}

