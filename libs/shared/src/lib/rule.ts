/** Built-in rule types (docs/semantics.md, "Rules"). A type is listed here once its pure rule file exists. */
export const RULE_TYPES = ['keywords', 'links', 'insult', 'off_topic', 'shouting', 'repeat', 'flood', 'author', 'length', 'campaign'] as const;
export type RuleType = (typeof RULE_TYPES)[number];

export type RuleAction = 'flag' | 'hide';
export type RuleMode = 'live' | 'shadow';

export interface RuleRecord {
  id: string;
  name: string;
  type: RuleType;
  config: Record<string, unknown>;
  action: RuleAction;
  mode: RuleMode;
  enabled: boolean;
  /** 1 (low) to 3 (high): weighs the rule's hits in the queue priority. */
  severity: number;
  version: number;
  updatedAt: string;
}
