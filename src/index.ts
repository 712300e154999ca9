export { createClassifier } from './classifier/create.js';
export { RuleConfigError, SentryExpectedErrorsError } from './errors.js';
export { ExpectedError, expectedMarkOf, markExpected } from './marks/expected-error.js';
export { expectedErrorsIntegration } from './integration/integration.js';
export { expectedErrorMarksIntegration } from './marks/marks-integration.js';
export { outcomeOf, passReasonOf } from './decisions/outcome.js';
export { AUTH_SESSION_KINDS, authSessionRules } from './presets/auth-session.js';
export { byoKeyGuardRules } from './presets/byo-key-guards.js';
export { emitSiteRules } from './presets/emit-site.js';
export { HTTP_CLIENT_KINDS, httpClientRules } from './presets/http-client.js';
export { LLM_SDK_KINDS, llmSdkRules } from './presets/llm-sdk.js';
export { recommendedRules } from './presets/recommended.js';
export { sessionExpiredRules } from './presets/session-expired.js';
export { STRIPE_KINDS, stripeRules } from './presets/stripe.js';
export { TRANSIENT_STATUSES, transientUpstreamRules } from './presets/transient-upstream.js';
export { redactSecrets } from './redact/index.js';
export { checkRules } from './presets/check-rules.js';
export { rulesFromJson } from './rules/from-json.js';
export { patternSafety } from './rules/linear-pattern.js';
export { ruleIndex } from './rules/rule-index.js';
export { createSurgeDetector, detectSurges } from './decisions/surge.js';
export { defineRule } from './rules/types.js';
export { categorizeUpstreamError } from './upstream/categorize.js';
export { upstreamTaxonomy } from './upstream/from-event.js';
export { DEFAULT_USER_FACING_MESSAGES } from './user-facing/messages.js';
export { userFacingError } from './user-facing/user-facing-error.js';

export type { Classifier, ClassifierOptions, ClassifierStats } from './classifier/create.js';
export type { RuleConfigProblem, SentryExpectedErrorsErrorCode } from './errors.js';
export type { ExpectedAction, ExpectedMark, ExpectedOptions } from './marks/expected-error.js';
export type { DecisionAction, DecisionStats, KindStats } from './decisions/stats.js';
export type {
  ExpectedErrorsIntegration,
  ExpectedErrorsOptions,
  SetRulesResult,
} from './integration/integration.js';
export type { LogsOption } from './integration/on-log.js';
export type { ExpectedErrorMarksIntegration } from './marks/marks-integration.js';
export type { Outcome, PassReason } from './decisions/outcome.js';
export type { AuthSessionKind, AuthSessionOptions } from './presets/auth-session.js';
export type { EmitSite, EmitSiteOptions } from './presets/emit-site.js';
export type { ExpectedErrorDecision, SafetyNetOptions } from './decisions/types.js';
export type { Surge, SurgeDetector, SurgeDetectorOptions, SurgeRecord } from './decisions/surge.js';
export type { HttpClientKind, HttpClientOptions } from './presets/http-client.js';
export type { LlmSdkKind, LlmSdkOptions } from './presets/llm-sdk.js';
export type { DemotingAction, KindChoices, PresetOptions, RunsOn } from './presets/pack-options.js';
export type { RecommendedOptions } from './presets/recommended.js';
export type { StripeKind, StripeOptions } from './presets/stripe.js';
export type { TransientUpstreamOptions } from './presets/transient-upstream.js';
export type { RuleCheckReport, RuleProblem, RuleProblemCode } from './rules/check.js';
export type { Classification, Rule, RuleAction, RuleExample, RuleExamples, TagValue } from './rules/types.js';
export type { PatternSource, UpstreamCondition } from './rules/types.js';
export type { PatternCompiler, PatternMatcher, PatternSupport } from './rules/pattern.js';
export type { RuleIndex } from './rules/rule-index.js';
export type { SentryClient } from './sentry/client.js';
export type { UpstreamTaxonomy } from './rules/upstream-reader.js';
export type { UpstreamErrorInfo, UpstreamErrorReason, UpstreamErrorType } from './upstream/types.js';
export type { UserFacingCategory } from './user-facing/messages.js';
export type { UserFacingErrorOptions, UserFacingErrorResult } from './user-facing/user-facing-error.js';
