import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An audit log admins read (sign-ins, role changes, publishes, revocations, exports), and sign-in throttling as
 * one counter row per key (email or address) updated atomically, replacing the never-pruned login_failures log.
 */
export class AuditAndSignInThrottle1765100000000 implements MigrationInterface {
  name = 'AuditAndSignInThrottle1765100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE audit_events (
        id bigserial PRIMARY KEY,
        created_at timestamptz NOT NULL DEFAULT now(),
        type text NOT NULL,
        actor_id uuid REFERENCES users (id) ON DELETE SET NULL,
        actor_email text,
        subject text,
        detail jsonb NOT NULL DEFAULT '{}'::jsonb,
        ip text
      )`);
    await q.query(`CREATE INDEX audit_events_created_idx ON audit_events (created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX audit_events_type_idx ON audit_events (type, created_at DESC)`);

    await q.query(`
      CREATE TABLE login_throttle (
        key text PRIMARY KEY,
        attempts integer NOT NULL DEFAULT 0,
        window_start timestamptz NOT NULL DEFAULT now(),
        lockouts integer NOT NULL DEFAULT 0,
        blocked_until timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // Pruning deletes rows whose window and block are over.
    await q.query(`CREATE INDEX login_throttle_updated_idx ON login_throttle (updated_at)`);
    await q.query(`DROP TABLE login_failures`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE login_failures (
        id bigserial PRIMARY KEY,
        email text NOT NULL,
        ip text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX login_failures_email_idx ON login_failures (email, created_at)`);
    await q.query(`DROP TABLE login_throttle`);
    await q.query(`DROP TABLE audit_events`);
  }
}
