import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import { DataSource } from 'typeorm';
import { formatErrors, loadCourses } from '@ecampus/course-format';
import { CourseAssetsService } from './course-assets';
import { CourseEntity } from './course.entity';
import { fileIds, withIds } from './course-document';
import { CoursesService } from './courses.service';

export class CourseFilesInvalidError extends Error {}

export interface ImportResult {
  published: string[];
  unchanged: string[];
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
   */
  async importAll(dir: string, opts: { skipInvalid?: boolean } = {}): Promise<ImportResult> {
    const { courses, errors } = loadCourses(dir);
    if (errors.length && !opts.skipInvalid) throw new CourseFilesInvalidError(formatErrors(errors));
    if (errors.length) this.logger.warn(`Course files with errors were not imported:\n${formatErrors(errors)}`);
    const broken = (c: { dir: string }) => errors.some((e) => resolve(e.file).startsWith(resolve(c.dir) + sep));
    const result: ImportResult = { published: [], unchanged: [] };
    for (const loaded of courses.filter((c) => !broken(c))) {
      for (const source of loaded.documents) {
        const doc = withIds(source, fileIds(source.translationKey, source.language));
        const images = loaded.images.filter((i) => i.language === doc.language);
        // The pictures are part of what was imported: a changed picture alone is a change too.
        const hash = createHash('sha256').update(JSON.stringify(doc));
        for (const image of images) hash.update(image.path).update(readFileSync(image.absPath));
        const sourceHash = hash.digest('hex');
        const changed = await this.ds.transaction(async (m) => {
          const repo = m.getRepository(CourseEntity);
          let course = await repo.findOneBy({ translationKey: doc.translationKey, language: doc.language });
          if (course?.sourceHash === sourceHash && course.publishedVersionId) return false;
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
          return true;
        });
        (changed ? result.published : result.unchanged).push(doc.slug);
      }
    }
    if (result.published.length) this.logger.log(`Published from files: ${result.published.join(', ')}`);
    return result;
  }
}
