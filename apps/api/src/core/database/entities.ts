import { ArticleEntity } from '../../articles/article.entity.js';
import { UserEntity } from '../../auth/user.entity.js';
import { AuthorEntity } from '../../authors/author.entity.js';
import { CommentEntity } from '../../comments/comment.entity.js';
import { ModerationEventEntity } from '../../moderation/moderation-event.entity.js';
import { RuleVersionEntity } from '../../rules/rule-version.entity.js';
import { RuleEntity } from '../../rules/rule.entity.js';
import { SiteSettingsEntity } from '../../settings/site-settings.entity.js';
import { TriageDecisionEntity } from '../../triage/triage-decision.entity.js';
import { TriageFlagEntity } from '../../triage/triage-flag.entity.js';

/** Every entity. Explicit on purpose, like the migration list. */
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
