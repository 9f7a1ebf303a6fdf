import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Who wrote what: `comments.author_key` (the publisher's author id when it sent one, else hashed IP + name)
 * groups an author's comments for the repeat/flood rules; `authors` holds the moderators' lists (blocked,
 * always-review, trusted). Seeds the default shouting, repeat, flood and author rules.
 */
export class AuthorListsAndHistoryRules1764403200000 implements MigrationInterface {
  name = 'AuthorListsAndHistoryRules1764403200000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE comments ADD COLUMN author_key text`);
    await q.query(`
      UPDATE comments SET author_key = COALESCE('id:' || author_id, 'ip:' || ip_hash || ':' || lower(author_name), 'name:' || lower(author_name))`);
    await q.query(`ALTER TABLE comments ALTER COLUMN author_key SET NOT NULL`);
    await q.query(`CREATE INDEX comments_author_key_idx ON comments (author_key, received_at DESC)`);
    await q.query(`DROP INDEX IF EXISTS comments_author_idx`);

    await q.query(`
      CREATE TABLE authors (
        key text PRIMARY KEY,
        display_name text NOT NULL,
        status text CHECK (status IN ('blocked', 'review', 'trusted')),
        note text,
        updated_by uuid REFERENCES users(id) ON DELETE SET NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(`
      WITH r AS (
        INSERT INTO rules (name, type, config, action, severity) VALUES
          ('Shouting', 'shouting', '{"maxCapsRatio": 0.7, "minLetters": 20}', 'flag', 1),
          ('Repeated comment', 'repeat', '{"minSimilarity": 0.85, "windowMinutes": 1440, "minWords": 4, "acrossArticles": true}', 'flag', 1),
          ('Flood', 'flood', '{"maxComments": 10, "windowMinutes": 1}', 'hide', 2),
          ('Blocked authors', 'author', '{"lists": ["blocked"]}', 'hide', 3),
          ('Always-review authors', 'author', '{"lists": ["review"]}', 'flag', 1)
        RETURNING *
      )
      INSERT INTO rule_versions (rule_id, version, name, type, config, action, mode, enabled, severity)
      SELECT id, version, name, type, config, action, mode, enabled, severity FROM r`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM rules WHERE type IN ('shouting', 'repeat', 'flood', 'author')`);
    await q.query(`DROP TABLE authors`);
    await q.query(`CREATE INDEX comments_author_idx ON comments (author_id, received_at) WHERE author_id IS NOT NULL`);
    await q.query(`DROP INDEX comments_author_key_idx`);
    await q.query(`ALTER TABLE comments DROP COLUMN author_key`);
  }
}
