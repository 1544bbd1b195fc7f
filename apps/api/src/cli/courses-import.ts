import 'reflect-metadata';
import { openDatabase } from '../bootstrap';
import { loadConfig } from '../config/app-config';
import { CourseFilesInvalidError, CourseImportService } from '../courses/course-import.service';
import { CoursesService } from '../courses/courses.service';
import { CourseAssetsService } from '../courses/course-assets';

/** `npm run courses:import`: imports courses/ into the database and publishes what changed. Idempotent. */
async function main() {
  const config = loadConfig();
  const db = await openDatabase(config);
  try {
    const importer = new CourseImportService(db.dataSource, new CoursesService(db.dataSource), new CourseAssetsService(db.dataSource));
    const { published, unchanged } = await importer.importAll(config.coursesDir);
    for (const slug of published) console.log(`published  ${slug}`);
    for (const slug of unchanged) console.log(`unchanged  ${slug}`);
    console.log(`${published.length} published, ${unchanged.length} unchanged`);
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
