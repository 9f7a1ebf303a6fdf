import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Issue 18, item 2: an article's arrivals (the burst signal) are counted from the signatures by article and time. */
export class CampaignArticleIndex1765600000001 implements MigrationInterface {
  name = 'CampaignArticleIndex1765600000001';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX campaign_signatures_article_idx ON campaign_signatures (article_id, received_at)`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX campaign_signatures_article_idx`);
  }
}
