import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Account self-service and mail: one-time tokens (password reset, email change), the mail table that is
 * both the outbox and the delivery log, reminder opt-out, erased accounts, and certificates re-issued
 * after a name correction (the old one points to the new one, so uniqueness holds only for live ones).
 */
export class AccountAndMail1765500000000 implements MigrationInterface {
  name = 'AccountAndMail1765500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users ADD COLUMN reminders_enabled boolean NOT NULL DEFAULT true`);
    await q.query(`ALTER TABLE users ADD COLUMN deleted_at timestamptz`);

    await q.query(`
      CREATE TABLE account_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        purpose text NOT NULL CHECK (purpose IN ('password-reset', 'email-change')),
        token_hash text NOT NULL UNIQUE,
        new_email text,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX account_tokens_user_idx ON account_tokens (user_id, purpose)`);

    await q.query(`
      CREATE TABLE mail_messages (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid REFERENCES users (id) ON DELETE SET NULL,
        dedupe_key text UNIQUE,
        template text NOT NULL,
        to_address text NOT NULL,
        subject text NOT NULL,
        text_body text NOT NULL,
        html_body text NOT NULL,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'outbox', 'failed')),
        attempts integer NOT NULL DEFAULT 0,
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz
      )`);
    await q.query(`CREATE INDEX mail_messages_pending_idx ON mail_messages (created_at) WHERE status = 'pending'`);
    await q.query(`CREATE INDEX mail_messages_created_idx ON mail_messages (created_at)`);

    await q.query(`ALTER TABLE certificates ADD COLUMN replaced_by_code text`);
    await q.query(`ALTER TABLE certificates DROP CONSTRAINT certificates_enrollment_id_key`);
    await q.query(`ALTER TABLE certificates DROP CONSTRAINT certificates_user_id_translation_key_key`);
    await q.query(`CREATE UNIQUE INDEX certificates_enrollment_live_key ON certificates (enrollment_id) WHERE replaced_by_code IS NULL`);
    await q.query(`CREATE UNIQUE INDEX certificates_user_course_live_key ON certificates (user_id, translation_key) WHERE replaced_by_code IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    // Replaced certificates go first: the old whole-table uniqueness cannot hold them.
    await q.query(`DELETE FROM certificates WHERE replaced_by_code IS NOT NULL`);
    await q.query(`DROP INDEX certificates_user_course_live_key`);
    await q.query(`DROP INDEX certificates_enrollment_live_key`);
    await q.query(`ALTER TABLE certificates ADD CONSTRAINT certificates_user_id_translation_key_key UNIQUE (user_id, translation_key)`);
    await q.query(`ALTER TABLE certificates ADD CONSTRAINT certificates_enrollment_id_key UNIQUE (enrollment_id)`);
    await q.query(`ALTER TABLE certificates DROP COLUMN replaced_by_code`);
    await q.query(`DROP TABLE mail_messages`);
    await q.query(`DROP TABLE account_tokens`);
    await q.query(`ALTER TABLE users DROP COLUMN deleted_at`);
    await q.query(`ALTER TABLE users DROP COLUMN reminders_enabled`);
  }
}
