import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Default `insult` and `off_topic` rules, with the configs calibrated on the shared labelled sets (docs/eval.md).
 * Frozen here on purpose: a migration records what was seeded; the rule schemas' defaults must equal these numbers
 * (checked by default-rules.spec.ts beside the rules).
 */
export const DEFAULT_INSULT_CONFIG = {
  threshold: 0.4,
  extraTerms: [],
  allowTerms: [],
  countUntargetedProfanity: false,
};
export const DEFAULT_OFF_TOPIC_CONFIG = {
  threshold: 0.75,
  shortReplyTerms: 8,
};

const DEFAULTS: Array<{ name: string; type: string; config: object; action: 'flag' | 'hide'; severity: number }> = [
  { name: 'Insults and name-calling', type: 'insult', config: DEFAULT_INSULT_CONFIG, action: 'flag', severity: 2 },
  { name: 'Off-topic or content-free', type: 'off_topic', config: DEFAULT_OFF_TOPIC_CONFIG, action: 'flag', severity: 1 },
];

export class DefaultInsultOffTopicRules1764316800000 implements MigrationInterface {
  name = 'DefaultInsultOffTopicRules1764316800000';

  public async up(q: QueryRunner): Promise<void> {
    for (const r of DEFAULTS) {
      await q.query(
        `
        WITH r AS (
          INSERT INTO rules (name, type, config, action, severity)
          VALUES ($1, $2, $3::jsonb, $4, $5)
          RETURNING *
        )
        INSERT INTO rule_versions (rule_id, version, name, type, config, action, mode, enabled, severity)
        SELECT id, version, name, type, config, action, mode, enabled, severity FROM r`,
        [r.name, r.type, JSON.stringify(r.config), r.action, r.severity],
      );
    }
  }

  public async down(q: QueryRunner): Promise<void> {
    const types = DEFAULTS.map((r) => r.type);
    const names = DEFAULTS.map((r) => r.name);
    await q.query(
      `DELETE FROM rule_versions WHERE rule_id IN (SELECT id FROM rules WHERE type = ANY($1) AND name = ANY($2))`,
      [types, names],
    );
    await q.query(`DELETE FROM rules WHERE type = ANY($1) AND name = ANY($2)`, [types, names]);
  }
}
