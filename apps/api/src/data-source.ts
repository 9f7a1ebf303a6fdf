import type { DataSourceOptions } from 'typeorm';
import type { AppConfig } from './core/config/config.js';
import { postgresOptions } from './core/database/data-source.js';
import { ArticleEntity } from './articles/article.entity.js';
import { UserEntity } from './auth/user.entity.js';
import { AuthorEntity } from './authors/author.entity.js';
import { CommentEntity } from './moderation/comment.entity.js';
import { ModerationEventEntity } from './moderation/moderation-event.entity.js';
import { RuleVersionEntity } from './rules/rule-version.entity.js';
import { RuleEntity } from './rules/rule.entity.js';
import { SiteSettingsEntity } from './settings/site-settings.entity.js';
import { TriageDecisionEntity } from './triage/triage-decision.entity.js';
import { TriageFlagEntity } from './triage/triage-flag.entity.js';

/** Every entity, by the feature that owns its table (docs/architecture.md, "Data"). Explicit, like the migration list. */
export const ENTITIES = [
  ArticleEntity,
  CommentEntity,
  ModerationEventEntity,
  TriageDecisionEntity,
  TriageFlagEntity,
  RuleEntity,
  RuleVersionEntity,
  UserEntity,
  SiteSettingsEntity,
  AuthorEntity,
];

/** The DataSource options of every process, the TypeORM CLI and the tests. */
export function dataSourceOptions(config: AppConfig): DataSourceOptions {
  return postgresOptions(config, ENTITIES);
}
