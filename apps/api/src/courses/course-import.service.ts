import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import { DataSource, EntityManager } from 'typeorm';
import { formatErrors, loadCourses } from '@ecampus/course-format';
import { CourseAssetsService } from './course-assets';
import { CourseEntity } from './course.entity';
import { fileIds, withIds } from './course-document';
import { withStoredCover } from './course-cover';
import { CoursesService } from './courses.service';

export class CourseFilesInvalidError extends Error {}

export interface ImportResult {
  published: string[];
  unchanged: string[];
  /** Changed on disk, but edited in the studio since the last import: left as the studio has it. */
  kept: string[];
}

/** Imports `courses/` and publishes what changed; running it twice on the same files changes nothing. */
@Injectable()
export class CourseImportService {
  private readonly logger = new Logger('Courses');

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly courses: CoursesService,
    private readonly assets: CourseAssetsService,
  ) {}

  /**
   * `skipInvalid` (the first start) imports the valid courses and logs the broken ones; otherwise
   * (`npm run courses:import`) any error stops the import before anything is written.
   * A course edited in the studio since it was last imported is not overwritten (an author's work would be
   * lost without a word) unless `force` is set.
   */
  async importAll(dir: string, opts: { skipInvalid?: boolean; force?: boolean } = {}): Promise<ImportResult> {
    const { courses, errors } = loadCourses(dir);
    if (errors.length && !opts.skipInvalid) throw new CourseFilesInvalidError(formatErrors(errors));
    if (errors.length) this.logger.warn(`Course files with errors were not imported:\n${formatErrors(errors)}`);
    const broken = (c: { dir: string }) => errors.some((e) => resolve(e.file).startsWith(resolve(c.dir) + sep));
    const result: ImportResult = { published: [], unchanged: [], kept: [] };
    for (const loaded of courses.filter((c) => !broken(c))) {
      for (const source of loaded.documents) {
        const images = loaded.images.filter((i) => i.language === source.language);
        const doc = withIds(withStoredCover(source, images), fileIds(source.translationKey, source.language));
        // The pictures are part of what was imported: a changed picture alone is a change too.
        const hash = createHash('sha256').update(JSON.stringify(doc));
        for (const image of images) hash.update(image.path).update(readFileSync(image.absPath));
        const sourceHash = hash.digest('hex');
        const outcome = await this.ds.transaction(async (m): Promise<keyof ImportResult> => {
          const repo = m.getRepository(CourseEntity);
          let course = await repo.findOneBy({ translationKey: doc.translationKey, language: doc.language });
          if (course?.sourceHash === sourceHash && course.publishedVersionId) return 'unchanged';
          if (course && !opts.force && (await this.editedSinceImport(m, course.id))) return 'kept';
          if (!course) await this.courses.claimSlug(m, doc.slug);
          else if (course.slug !== doc.slug) await this.courses.rememberSlug(m, course.id, course.slug, doc.slug);
          course = course
            ? await repo.save({ ...course, slug: doc.slug, draft: doc, sourceHash })
            : await repo.save(repo.create({ slug: doc.slug, translationKey: doc.translationKey, language: doc.language, draft: doc, topics: [], sourceHash }));
          for (const image of images) {
            await this.assets.put(course.id, image.path.replace(/^images\//, ''), readFileSync(image.absPath), null, m);
          }
          const version = await this.courses.publish(course.id, null, m);
          await m.query(
            `INSERT INTO course_changes (course_id, action, summary, version_number) VALUES ($1, 'imported', $2, $3)`,
            [course.id, `imported from the course files and published version ${version.number}`, version.number],
          );
          return 'published';
        });
        result[outcome].push(doc.slug);
      }
    }
    if (result.published.length) this.logger.log(`Published from files: ${result.published.join(', ')}`);
    if (result.kept.length) {
      this.logger.warn(
        `Edited in the studio since the last import, so not replaced by the files: ${result.kept.join(', ')} ` +
          '(npm run courses:import -- --force replaces them)',
      );
    }
    return result;
  }

  /** Whether the last word on the course's content came from the studio rather than from an import. */
  private async editedSinceImport(m: EntityManager, courseId: string): Promise<boolean> {
    const [last] = await m.query(
      `SELECT action FROM course_changes WHERE course_id = $1 AND action IN ('created', 'edited', 'restored', 'imported')
       ORDER BY created_at DESC, id DESC LIMIT 1`,
      [courseId],
    );
    return last !== undefined && last.action !== 'imported';
  }
}
