import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Who signs certificates. The current choice lives in `settings` (key `certificate_signatory`); signature pictures
 * are kept for good (a certificate may point at an old one); each certificate keeps a snapshot of the signatory it
 * was issued with, so a later change does not alter issued certificates.
 */
export class CertificateSignatory1765410000000 implements MigrationInterface {
  name = 'CertificateSignatory1765410000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE certificate_signature_images (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        content_type text NOT NULL,
        bytes bytea NOT NULL,
        sha256 text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`ALTER TABLE certificates ADD COLUMN signatory jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE certificates DROP COLUMN signatory`);
    await q.query(`DROP TABLE certificate_signature_images`);
  }
}
