import type { RuleType } from '@sift/shared';
import type { RuleDefinition } from '../contract/rule.js';
import { authorRule } from '../basic/author.rule.js';
import { campaignRule } from '../campaign/campaign.rule.js';
import { floodRule } from '../history/flood.rule.js';
import { insultRule } from '../insult/insult.rule.js';
import { keywordsRule } from '../basic/keywords.rule.js';
import { lengthRule } from '../basic/length.rule.js';
import { linksRule } from '../basic/links.rule.js';
import { offTopicRule } from '../off-topic/off-topic.rule.js';
import { repeatRule } from '../history/repeat.rule.js';
import { shoutingRule } from '../basic/shouting.rule.js';

/** The rule registry: one line per rule type. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each entry carries its own config type
export const RULE_DEFINITIONS: { [T in RuleType]: RuleDefinition<any> } = {
  keywords: keywordsRule,
  links: linksRule,
  insult: insultRule,
  off_topic: offTopicRule,
  shouting: shoutingRule,
  repeat: repeatRule,
  flood: floodRule,
  author: authorRule,
  length: lengthRule,
  campaign: campaignRule,
};
