export {
  type Classifier,
  type ClassifierOptions,
  type ClassifierStats,
  createClassifier,
} from './classifier.js';
export type { SentryExpectedErrorsErrorCode } from './errors.js';
export { RuleConfigError, SentryExpectedErrorsError } from './errors.js';
export type { ExpectedAction, ExpectedMark, ExpectedOptions } from './expected-error.js';
export { ExpectedError, expectedMarkOf, markExpected } from './expected-error.js';
export type { ExpectedErrorsIntegration, ExpectedErrorsOptions, SetRulesResult } from './integration.js';
export { expectedErrorsIntegration } from './integration.js';
export type { Outcome } from './outcome.js';
export { outcomeOf } from './outcome.js';
export { byoKeyGuardRules } from './presets/byo-key-guards.js';
export type { EmitSite, EmitSiteOptions } from './presets/emit-site.js';
export { emitSiteRules } from './presets/emit-site.js';
export type { PresetOptions } from './presets/session-expired.js';
export { sessionExpiredRules } from './presets/session-expired.js';
export { TRANSIENT_STATUSES, transientUpstreamRules } from './presets/transient-upstream.js';
export { redactSecrets } from './redact.js';
export type { RuleCheckReport, RuleProblem, RuleProblemCode } from './rules/check.js';
export { checkRules } from './rules/check.js';
export type { Classification, Rule, RuleAction, RuleExample, RuleExamples, TagValue } from './rules/types.js';
export { defineRule } from './rules/types.js';
export type { SentryClient } from './sentry-client.js';
