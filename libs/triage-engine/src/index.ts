/**
 * Sift's judgement: the rule contract, every rule type, and the engine that runs a rule set over one comment and
 * decides its status. Pure: no I/O, no framework; the API and the worker call it with plain data.
 * docs/rules-engine.md describes the contract and the lifecycle it decides.
 */
export type { CampaignContext, RuleClock, RuleDefinition, RuleInput, RuleVerdict } from './contract/rule.js';
export { commentFields, RuleOverBudget } from './contract/rule.js';
export type { CompiledRule, RuleOutcome, RuleOutcomeKind, RuleSpec, RunBudget, SiteModeration, TriageOutcome } from './engine/engine.js';
export { compileRule, decide, runRules } from './engine/engine.js';
export { RULE_DEFINITIONS } from './engine/registry.js';
export { insultConfigSchema } from './insult/insult.rule.js';
export { offTopicConfigSchema } from './off-topic/off-topic.rule.js';
export type { CampaignSignature } from './campaign/signature.js';
export { signature as campaignSignature } from './campaign/signature.js';
export { DEFAULT_CLUSTER_CONFIG, joinCluster, MAX_CANDIDATES, type ClusterCandidate, type ClusterJoin } from './campaign/cluster.js';
export { sharedPassage } from './campaign/passage.js';
export type { SiteModels } from './contract/rule.js';
export type { LearnedModel, EncodedModel } from './learned/model.js';
export { decodeModel, encodeModel } from './learned/model.js';
export type { LabelledComment } from './learned/train.js';
export { learningCurve, scoreWith, trainInsultModel } from './learned/train.js';
export { metrics, rocAuc } from './learned/metrics.js';
export { inventedDecisions, inventedThread } from './learned/invented-corpus.js';
export { topNgrams } from './learned/top-ngrams.js';
export { offTopicDecisions, type OffTopicInput } from './off-topic/off-topic.rule.js';
export type { OffTopicDecision, OffTopicModel } from './learned/off-topic-model.js';
export { decodeOffTopicModel, encodeOffTopicModel, OFF_TOPIC_FEATURES, offTopicLearningCurve, trainOffTopicModel } from './learned/off-topic-model.js';
