import 'reflect-metadata';
import { openDatabase } from '../bootstrap';
import { loadConfig } from '../config/app-config';
import { CourseFilesInvalidError, CourseImportService } from '../courses/course-import.service';
import { CoursesService } from '../courses/courses.service';
import { CourseAssetsService } from '../courses/course-assets';

/**
 * `npm run courses:import [-- --force]`: imports courses/ into the database and publishes what changed. Idempotent.
 * Courses edited in the studio since their last import are kept as they are, unless `--force`.
 */
async function main() {
  const config = loadConfig();
  const db = await openDatabase(config);
  try {
    const importer = new CourseImportService(db.dataSource, new CoursesService(db.dataSource), new CourseAssetsService(db.dataSource));
    const force = process.argv.slice(2).includes('--force');
    const { published, unchanged, kept } = await importer.importAll(config.coursesDir, { force });
    for (const slug of published) console.log(`published  ${slug}`);
    for (const slug of unchanged) console.log(`unchanged  ${slug}`);
    for (const slug of kept) console.log(`kept       ${slug}  (edited in the studio since the last import; --force replaces it with the files)`);
    console.log(`${published.length} published, ${unchanged.length} unchanged${kept.length ? `, ${kept.length} kept` : ''}`);
  } catch (e) {
    if (e instanceof CourseFilesInvalidError) {
      console.error(e.message);
      process.exitCode = 1;
    } else throw e;
  } finally {
    await db.close();
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
