import { MigrationInterface, QueryRunner } from 'typeorm';

/** The first schema: people and sessions, versioned courses, learning progress and certificates. */
export class InitialSchema1763900000000 implements MigrationInterface {
  name = 'InitialSchema1763900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL,
        password_hash text NOT NULL,
        name text NOT NULL,
        role text NOT NULL DEFAULT 'learner' CHECK (role IN ('learner', 'author', 'admin')),
        country char(2) NOT NULL,
        institution text NOT NULL,
        institution_type text NOT NULL,
        position text,
        gender text,
        language text NOT NULL DEFAULT 'es',
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX users_email_key ON users (lower(email))`);

    // Layout required by connect-pg-simple, the express-session store.
    await q.query(`
      CREATE TABLE sessions (
        sid varchar NOT NULL PRIMARY KEY,
        sess json NOT NULL,
        expire timestamp(6) NOT NULL
      )`);
    await q.query(`CREATE INDEX sessions_expire_idx ON sessions (expire)`);

    await q.query(`
      CREATE TABLE login_failures (
        id bigserial PRIMARY KEY,
        email text NOT NULL,
        ip text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX login_failures_email_idx ON login_failures (email, created_at)`);

    await q.query(`CREATE TABLE settings (key text PRIMARY KEY, value text NOT NULL)`);

    await q.query(`
      CREATE TABLE courses (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        slug text NOT NULL UNIQUE,
        translation_key text NOT NULL,
        language text NOT NULL,
        draft jsonb NOT NULL,
        published_version_id uuid,
        title text,
        summary text,
        topics jsonb NOT NULL DEFAULT '[]',
        estimated_minutes integer,
        module_count integer,
        owner_id uuid REFERENCES users (id) ON DELETE SET NULL,
        source_hash text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (translation_key, language)
      )`);
    await q.query(`
      CREATE TABLE course_versions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        course_id uuid NOT NULL REFERENCES courses (id) ON DELETE CASCADE,
        number integer NOT NULL,
        document jsonb NOT NULL,
        published_at timestamptz NOT NULL DEFAULT now(),
        published_by uuid REFERENCES users (id) ON DELETE SET NULL,
        UNIQUE (course_id, number)
      )`);
    await q.query(`
      ALTER TABLE courses ADD CONSTRAINT courses_published_version_fk
        FOREIGN KEY (published_version_id) REFERENCES course_versions (id)`);
    await q.query(`
      CREATE TABLE course_items (
        id uuid PRIMARY KEY,
        course_id uuid NOT NULL REFERENCES courses (id) ON DELETE CASCADE,
        key text NOT NULL,
        type text NOT NULL CHECK (type IN ('lesson', 'quiz'))
      )`);
    await q.query(`CREATE INDEX course_items_course_idx ON course_items (course_id)`);

    await q.query(`
      CREATE TABLE enrollments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        translation_key text NOT NULL,
        course_id uuid NOT NULL REFERENCES courses (id),
        status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'completed')),
        enrolled_at timestamptz NOT NULL DEFAULT now(),
        completed_at timestamptz,
        UNIQUE (user_id, translation_key)
      )`);
    await q.query(`CREATE INDEX enrollments_course_idx ON enrollments (translation_key, enrolled_at)`);
    await q.query(`
      CREATE TABLE item_progress (
        enrollment_id uuid NOT NULL REFERENCES enrollments (id) ON DELETE CASCADE,
        item_key text NOT NULL,
        completed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (enrollment_id, item_key)
      )`);
    await q.query(`
      CREATE TABLE quiz_attempts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        enrollment_id uuid NOT NULL REFERENCES enrollments (id) ON DELETE CASCADE,
        item_key text NOT NULL,
        item_id uuid NOT NULL,
        course_version_id uuid NOT NULL REFERENCES course_versions (id),
        answers jsonb NOT NULL,
        score integer NOT NULL,
        passed boolean NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX quiz_attempts_enrollment_idx ON quiz_attempts (enrollment_id, item_key)`);

    await q.query(`
      CREATE TABLE certificates (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL UNIQUE,
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        enrollment_id uuid NOT NULL UNIQUE REFERENCES enrollments (id) ON DELETE CASCADE,
        translation_key text NOT NULL,
        course_id uuid NOT NULL REFERENCES courses (id),
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'issued', 'revoked')),
        holder_name text NOT NULL,
        course_title text NOT NULL,
        language text NOT NULL,
        hours numeric(5, 1) NOT NULL,
        completed_at timestamptz NOT NULL,
        issued_at timestamptz,
        revoked_at timestamptz,
        revoked_reason text,
        revoked_by uuid REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (user_id, translation_key)
      )`);
    await q.query(`CREATE INDEX certificates_pending_idx ON certificates (created_at) WHERE status = 'pending'`);
    await q.query(`
      CREATE TABLE certificate_files (
        certificate_id uuid PRIMARY KEY REFERENCES certificates (id) ON DELETE CASCADE,
        pdf bytea NOT NULL,
        sha256 text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'certificate_files', 'certificates', 'quiz_attempts', 'item_progress', 'enrollments',
      'course_items', 'courses', 'course_versions', 'settings', 'login_failures', 'sessions', 'users',
    ]) {
      await q.query(`DROP TABLE IF EXISTS ${table} CASCADE`);
    }
  }
}
