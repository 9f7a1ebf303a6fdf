import { InitialSchema1764230400000 } from './1764230400000-initial-schema.js';
import { DefaultInsultOffTopicRules1764316800000 } from './1764316800000-default-insult-off-topic-rules.js';
import { AuthorListsAndHistoryRules1764403200000 } from './1764403200000-author-lists-and-history-rules.js';
import { ModerationQueue1764489600000 } from './1764489600000-moderation-queue.js';
import { ReaderTokens1764576000000 } from './1764576000000-reader-tokens.js';
import { RulesAdmin1764748800000 } from './1764748800000-rules-admin.js';
import { VerifiedAuthorKeys1764900000000 } from './1764900000000-verified-author-keys.js';
import { BurstAndNearRepeatDefaults1765100000000 } from './1765100000000-burst-and-near-repeat-defaults.js';
import { StaffSessions1765200000000 } from './1765200000000-staff-sessions.js';
import { LearnedModels1765300000000 } from './1765300000000-learned-models.js';
import { CampaignSignatures1765600000000 } from './1765600000000-campaign-signatures.js';
import { CommentReports1765500000000 } from './1765500000000-comment-reports.js';
import { AuthorSuspensions1765500100000 } from './1765500100000-author-suspensions.js';
import { CampaignArticleIndex1765600000001 } from './1765600000001-campaign-article-index.js';
import { LearnedAutoPromote1765735000000 } from './1765735000000-learned-auto-promote.js';
import { CampaignActions1765750000000 } from './1765750000000-campaign-actions.js';

/** Every migration, in order. Explicit on purpose: no globs (they break between ts sources and compiled output). */
export const MIGRATIONS = [
  InitialSchema1764230400000,
  DefaultInsultOffTopicRules1764316800000,
  AuthorListsAndHistoryRules1764403200000,
  ModerationQueue1764489600000,
  ReaderTokens1764576000000,
  RulesAdmin1764748800000,
  VerifiedAuthorKeys1764900000000,
  BurstAndNearRepeatDefaults1765100000000,
  StaffSessions1765200000000,
  LearnedModels1765300000000,
  CommentReports1765500000000,
  AuthorSuspensions1765500100000,
  CampaignSignatures1765600000000,
  CampaignArticleIndex1765600000001,
  LearnedAutoPromote1765735000000,
  CampaignActions1765750000000,
];
