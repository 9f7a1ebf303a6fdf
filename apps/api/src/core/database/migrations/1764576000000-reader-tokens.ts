import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A reader's private token for their own comment (docs/reader.md). Only a SHA-256 hash of the token is kept; one
 * comment may have several (an Idempotency-Key retry hands out a fresh token for the same comment, since the
 * first one cannot be recovered from its hash).
 */
export class ReaderTokens1764576000000 implements MigrationInterface {
  name = 'ReaderTokens1764576000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE reader_tokens (
        token_hash text PRIMARY KEY,
        comment_id uuid NOT NULL REFERENCES comments(id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX reader_tokens_comment_idx ON reader_tokens (comment_id)`);
    // The public thread reads approved comments of one article; the ETag query reads count + max(decided_at).
    await q.query(`CREATE INDEX comments_article_thread_idx ON comments (article_id, parent_id, status)`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS comments_article_thread_idx`);
    await q.query(`DROP TABLE IF EXISTS reader_tokens`);
  }
}
