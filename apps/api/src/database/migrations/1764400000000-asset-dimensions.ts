import { MigrationInterface, QueryRunner } from 'typeorm';
import { inspectImage } from '../../courses/images';

/**
 * Each course picture's width and height, so a lesson reserves the picture's space before it arrives
 * (no text jumping down on a slow line). Pictures stored before are measured here.
 */
export class AssetDimensions1764400000000 implements MigrationInterface {
  name = 'AssetDimensions1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE course_assets ADD COLUMN width integer, ADD COLUMN height integer`);
    const rows: { id: string; bytes: Buffer }[] = await q.query(`SELECT id, bytes FROM course_assets`);
    for (const row of rows) {
      const image = inspectImage(row.bytes);
      if (image) await q.query(`UPDATE course_assets SET width = $2, height = $3 WHERE id = $1`, [row.id, image.width, image.height]);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE course_assets DROP COLUMN width, DROP COLUMN height`);
  }
}
