import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The published version's cover picture ({image, alt}) as a catalogue column, copied on publish like the
 * title and summary: the catalogue stays one light query instead of reading every course's whole document.
 */
export class CourseCover1764500000000 implements MigrationInterface {
  name = 'CourseCover1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE courses ADD COLUMN cover jsonb`);
    await q.query(
      `UPDATE courses c SET cover = v.document -> 'cover'
         FROM course_versions v
        WHERE v.id = c.published_version_id AND jsonb_typeof(v.document -> 'cover') = 'object'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE courses DROP COLUMN cover`);
  }
}
