import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The referral directory: services learners can refer people to, per country, each with the public source its
 * details come from and the day they were last checked against it.
 */
export class ReferralDirectory1765600000000 implements MigrationInterface {
  name = 'ReferralDirectory1765600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE directory_entries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        country char(2) NOT NULL,
        kind text NOT NULL CHECK (kind IN ('hotline', 'shelter', 'health', 'legal-aid', 'child-protection', 'refugee-agency', 'consulate', 'other')),
        name text NOT NULL,
        phone text,
        url text,
        hours text,
        languages text[] NOT NULL DEFAULT '{}',
        source text NOT NULL,
        verified_at date NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX directory_entries_country_kind_idx ON directory_entries (country, kind)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE directory_entries`);
  }
}
