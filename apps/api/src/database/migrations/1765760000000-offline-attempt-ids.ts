import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Module checks answered with no connection are queued on the phone and sent when the line comes back, perhaps
 * more than once: the id the phone gave the attempt makes the replay find the attempt it already recorded.
 */
export class OfflineAttemptIds1765760000000 implements MigrationInterface {
  name = 'OfflineAttemptIds1765760000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE quiz_attempts ADD COLUMN client_id uuid`);
    await q.query(`CREATE UNIQUE INDEX quiz_attempts_client_id_key ON quiz_attempts (enrollment_id, client_id) WHERE client_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX quiz_attempts_client_id_key`);
    await q.query(`ALTER TABLE quiz_attempts DROP COLUMN client_id`);
  }
}
