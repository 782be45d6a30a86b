/**
 * Public API of the pure matching engine (Fellegi–Sunter). Stable names for the MDM service, the
 * batch pipeline and the CLI; everything here is free of I/O.
 */
export {
  blockingKeys,
  buildCandidatePairs,
  type BlockingOptions,
  type CandidatePairs,
  type RuleStats,
} from './blocking.js';
export { clusterPairs, type ClusterInput, type Clustering, type ReviewCandidate } from './cluster.js';
export { levelLabels, levelOf, type ComparisonDef } from './comparisons.js';
export * as comparisonLibrary from './comparisons.js';
export { explainPair, formatExplanation, type FieldExplanation, type MatchExplanation } from './explain.js';
export { evaluateClusters, pairsCompleteness, type Evaluation } from './metrics.js';
export {
  compileModel,
  defaultModel,
  DEFAULT_THRESHOLDS,
  MODEL_FORMAT,
  MODEL_FORMAT_VERSION,
  probabilityOf,
  type MatchModel,
  type ModelComparison,
  type ModelLevel,
  type TrainingSanity,
  type TrainingStats,
} from './model.js';
export {
  applyEvidencePolicy,
  BLOCK_MESSAGES,
  BLOCK_REASONS,
  corroboratingEvidence,
  EVIDENCE_POLICY,
  evidencePolicyBatch,
  mergeBlockReason,
  type BatchEvidence,
  type EvidencePolicy,
} from './evidence-policy.js';
export { findGenericValues, genericFlags, type GenericValues } from './generic-values.js';
export { findRelatedPairs, relationshipOf, RELATED_RULES, type RelatedPair, type Relationship } from './related.js';
export { parseModel, parseModelJson, serializeModel, type ParseModelResult } from './model-json.js';
export { judgePair, pairPolicy, type PairPolicy } from './pair-policy.js';
export { compareBatch, recordTfBits, scoreBatch, scorePair, type PairList, type PairScore } from './score.js';
export { DEFAULT_BLOCKING_RULES, DEFAULT_COMPARISON_SET, defaultComparisons, type BlockingRule } from './settings.js';
export { trainModel, type TrainOptions } from './train/index.js';
export { jaroWinkler, levenshtein } from './strings.js';
