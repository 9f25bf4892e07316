import { type MigrationInterface, type QueryRunner } from 'typeorm';

/** Chatters' profile images, looked up from Twitch the first time the viewers list shows them. */
export class ViewerProfileImages1765400000000 implements MigrationInterface {
  name = 'ViewerProfileImages1765400000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE chatters ADD COLUMN profile_image_url text`);
    await db.query(`ALTER TABLE chatters ADD COLUMN profile_checked_at timestamptz`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE chatters DROP COLUMN profile_checked_at`);
    await db.query(`ALTER TABLE chatters DROP COLUMN profile_image_url`);
  }
}
