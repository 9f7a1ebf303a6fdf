import type { RuleType } from '@sift/shared';
import type { RuleDefinition } from '../engine/rule.js';
import { authorRule } from './author.rule.js';
import { floodRule } from './flood.rule.js';
import { insultRule } from './insult.rule.js';
import { keywordsRule } from './keywords.rule.js';
import { lengthRule } from './length.rule.js';
import { linksRule } from './links.rule.js';
import { offTopicRule } from './off-topic.rule.js';
import { repeatRule } from './repeat.rule.js';
import { shoutingRule } from './shouting.rule.js';

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
};
