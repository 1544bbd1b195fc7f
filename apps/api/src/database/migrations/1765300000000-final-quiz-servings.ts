import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 9, assessment worth a certificate and honest hours.
 * - quiz_servings: what the server served for one attempt at a final quiz (the drawn questions and the shuffled
 *   order of their options); the attempt is scored against it. At most one open serving per learner and quiz, so
 *   getting the quiz again returns the same set instead of re-rolling it.
 * - course_versions.computed_minutes: the time computed from the content at publish (libs/course-format
 *   estimateMinutes); the certificate's hours come from it.
 */
export class FinalQuizServings1765300000000 implements MigrationInterface {
  name = 'FinalQuizServings1765300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE quiz_servings (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        enrollment_id uuid NOT NULL REFERENCES enrollments (id) ON DELETE CASCADE,
        item_key text NOT NULL,
        course_version_id uuid NOT NULL REFERENCES course_versions (id),
        questions jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        closed_at timestamptz,
        attempt_id uuid REFERENCES quiz_attempts (id) ON DELETE SET NULL
      )`);
    await q.query(`CREATE UNIQUE INDEX quiz_servings_open_idx ON quiz_servings (enrollment_id, item_key) WHERE closed_at IS NULL`);
    await q.query(`CREATE INDEX quiz_servings_attempt_idx ON quiz_servings (attempt_id)`);
    await q.query(`ALTER TABLE course_versions ADD COLUMN computed_minutes integer`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE course_versions DROP COLUMN computed_minutes`);
    await q.query(`DROP TABLE quiz_servings`);
  }
}
