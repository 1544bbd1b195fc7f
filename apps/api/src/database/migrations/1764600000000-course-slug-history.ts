import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The addresses a course had before its slug changed, so that links learners and staff keep (bookmarks, messages,
 * printed material) still open the course. A slug taken by another course later stops pointing here.
 */
export class CourseSlugHistory1764600000000 implements MigrationInterface {
  name = 'CourseSlugHistory1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE course_slug_history (
        slug text PRIMARY KEY,
        course_id uuid NOT NULL REFERENCES courses (id) ON DELETE CASCADE,
        replaced_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX course_slug_history_course_idx ON course_slug_history (course_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE course_slug_history`);
  }
}
