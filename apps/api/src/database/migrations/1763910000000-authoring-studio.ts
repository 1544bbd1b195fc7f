import { MigrationInterface, QueryRunner } from 'typeorm';

/** The authoring studio: who may edit a course, what changed and when, and uploaded pictures. */
export class AuthoringStudio1763910000000 implements MigrationInterface {
  name = 'AuthoringStudio1763910000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE course_editors (
        course_id uuid NOT NULL REFERENCES courses (id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        granted_by uuid REFERENCES users (id) ON DELETE SET NULL,
        granted_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (course_id, user_id)
      )`);
    await q.query(`
      CREATE TABLE course_changes (
        id bigserial PRIMARY KEY,
        course_id uuid NOT NULL REFERENCES courses (id) ON DELETE CASCADE,
        user_id uuid REFERENCES users (id) ON DELETE SET NULL,
        action text NOT NULL,
        summary text NOT NULL,
        version_number integer,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX course_changes_course_idx ON course_changes (course_id, created_at DESC)`);
    await q.query(`
      CREATE TABLE course_assets (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        course_id uuid NOT NULL REFERENCES courses (id) ON DELETE CASCADE,
        filename text NOT NULL,
        content_type text NOT NULL,
        size integer NOT NULL,
        sha256 text NOT NULL,
        bytes bytea NOT NULL,
        created_by uuid REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (course_id, filename)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE course_assets`);
    await q.query(`DROP TABLE course_changes`);
    await q.query(`DROP TABLE course_editors`);
  }
}
