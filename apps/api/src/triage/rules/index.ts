import type { RuleType } from '@sift/shared';
import type { RuleDefinition } from '../engine/rule.js';
import { keywordsRule } from './keywords.rule.js';
import { linksRule } from './links.rule.js';

/** The rule registry: one line per rule type. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each entry carries its own config type
export const RULE_DEFINITIONS: { [T in RuleType]: RuleDefinition<any> } = {
  keywords: keywordsRule,
  links: linksRule,
};
