import type { MigrationInterface, QueryRunner } from 'typeorm';

const NOTE = 'Issue 17: five near-identical comments in five seconds went through (new defaults, by migration)';

/** The seeded history rules' configs before and after (docs/rules.md, "History rules"). */
const CHANGES = [
  {
    type: 'repeat',
    before: { minSimilarity: 0.85, windowMinutes: 1440, minWords: 4, acrossArticles: true },
    after: { minSimilarity: 0.7, windowMinutes: 1440, minWords: 4, acrossArticles: true },
  },
  {
    type: 'flood',
    before: { maxComments: 10, windowMinutes: 1 },
    after: { maxComments: 10, windowMinutes: 1, burstMaxComments: 4, burstWindowSeconds: 10 },
  },
];

/** A new version of every live rule of `type` whose config is still exactly `from` (an admin's edit is kept). */
async function move(q: QueryRunner, type: string, from: object, to: object, note: string): Promise<void> {
  await q.query(
    `WITH u AS (
       UPDATE rules SET config = $3::jsonb, version = version + 1, updated_at = now()
        WHERE type = $1 AND deleted_at IS NULL AND config = $2::jsonb
       RETURNING *)
     INSERT INTO rule_versions (rule_id, version, name, type, config, action, mode, enabled, severity, auto_demote, note)
     SELECT id, version, name, type, config, action, mode, enabled, severity, auto_demote, $4 FROM u`,
    [type, JSON.stringify(from), JSON.stringify(to), note],
  );
}

/**
 * Issue 17, item 20: the default `repeat` rule compares words as well as word pairs (in the engine) at 0.7 instead of
 * 0.85, and the default `flood` rule also fires on a burst (more than 4 comments in 10 s). Seeded rules an admin has
 * not edited get these configs as a new version (shown in the versions table with this note); edited ones are left.
 */
export class BurstAndNearRepeatDefaults1765100000000 implements MigrationInterface {
  name = 'BurstAndNearRepeatDefaults1765100000000';

  public async up(q: QueryRunner): Promise<void> {
    for (const c of CHANGES) await move(q, c.type, c.before, c.after, NOTE);
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const c of CHANGES) await move(q, c.type, c.after, c.before, 'Back to the defaults before issue 17 (migration reverted)');
  }
}
