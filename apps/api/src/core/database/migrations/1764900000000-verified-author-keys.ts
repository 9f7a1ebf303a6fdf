import type { MigrationInterface, QueryRunner } from 'typeorm';
import { identityName } from '../../identity/author-identity.js';

/** How restrictive a list status is, when two old keys become one: blocked wins, then always-review, then trusted. */
const RANK_SQL = (s: string) => `CASE ${s} WHEN 'blocked' THEN 3 WHEN 'review' THEN 2 WHEN 'trusted' THEN 1 ELSE 0 END`;

/**
 * Issue 16: author keys that mean what they say (docs/reader.md, "Who an author is").
 * 1. `id:<authorId>` keys came from an `authorId` anyone could send: they become `unverified-id:<authorId>`, so no
 *    trust or block given to them carries over to an author a publisher now vouches for (`id:<publisher>:<id>`).
 *    Their comments, history and list entries stay, under that key; docs/operations.md shows how to move an entry
 *    to the verified key once the publisher's integration is confirmed.
 * 2. `ip:<hash>:<name>` and `name:<name>` keys are re-keyed with the normalised name (identityName): a name that
 *    was typed with invisible, full-width or look-alike characters joins the plain one. Where two keys become one,
 *    the authors-list entry keeps the more restrictive status. (IPv6 readers' keys cannot be moved to their /64: the
 *    address is not stored; their next comment starts the new key.)
 * `down` restores 1; the re-keying of 2 is kept (the typed names are gone from the keys).
 */
export class VerifiedAuthorKeys1764900000000 implements MigrationInterface {
  name = 'VerifiedAuthorKeys1764900000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`UPDATE comments SET author_key = 'unverified-' || author_key WHERE author_key LIKE 'id:%'`);
    await q.query(`UPDATE authors SET key = 'unverified-' || key WHERE key LIKE 'id:%'`);

    const rows: Array<{ key: string }> = await q.query(
      `SELECT DISTINCT author_key AS key FROM comments WHERE author_key LIKE 'ip:%' OR author_key LIKE 'name:%'
       UNION SELECT key FROM authors WHERE key LIKE 'ip:%' OR key LIKE 'name:%'`,
    );
    const moves = rows.map(({ key }) => ({ from: key, to: rekey(key) })).filter((m) => m.to !== m.from);
    for (let i = 0; i < moves.length; i += 1000) {
      const batch = moves.slice(i, i + 1000);
      await q.query(
        `UPDATE comments c SET author_key = m.to_key FROM unnest($1::text[], $2::text[]) AS m(from_key, to_key) WHERE c.author_key = m.from_key`,
        [batch.map((m) => m.from), batch.map((m) => m.to)],
      );
    }
    for (const { from, to } of moves) {
      await q.query(
        `INSERT INTO authors (key, display_name, status, note, updated_by, updated_at)
              SELECT $2, display_name, status, note, updated_by, updated_at FROM authors WHERE key = $1
         ON CONFLICT (key) DO UPDATE SET
              status = CASE WHEN ${RANK_SQL('EXCLUDED.status')} > ${RANK_SQL('authors.status')} THEN EXCLUDED.status ELSE authors.status END,
              note = coalesce(authors.note, EXCLUDED.note)`,
        [from, to],
      );
      await q.query(`DELETE FROM authors WHERE key = $1`, [from]);
    }
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`UPDATE comments SET author_key = substr(author_key, 12) WHERE author_key LIKE 'unverified-id:%'`);
    await q.query(`UPDATE authors SET key = substr(key, 12) WHERE key LIKE 'unverified-id:%'`);
  }
}

/** `ip:<hash>:<name>` / `name:<name>` with the name normalised (the hash has no colon). */
function rekey(key: string): string {
  const m = /^(ip:[^:]*:|name:)(.*)$/s.exec(key);
  return m ? `${m[1]}${identityName(m[2])}` : key;
}
