import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Ed25519 keys that sign the token in each certificate's QR fragment and the revocation list. Keys are never
 * deleted: a rotated key is retired (no longer signs) but stays in the public JWKS so older certificates verify.
 * A key given by CERTIFICATE_SIGNING_KEY is recorded here too (public part only) so it stays listed after a change.
 */
export class CertificateSigning1765400000000 implements MigrationInterface {
  name = 'CertificateSigning1765400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE certificate_signing_keys (
        kid text PRIMARY KEY,
        public_jwk jsonb NOT NULL,
        private_pem text,
        created_at timestamptz NOT NULL DEFAULT now(),
        retired_at timestamptz
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE certificate_signing_keys`);
  }
}
