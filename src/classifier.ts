import { buildClassifier, type Classifier, type ClassifierOptions } from './build-classifier.js';
import { eventUpstreamError } from './event-upstream.js';
import { checkPatternSafety } from './rules/regex-safety.js';

export type { Classifier, ClassifierOptions, ClassifierStats } from './build-classifier.js';

/**
 * Validates and compiles rules into a classifier. Throws one `RuleConfigError` listing every problem
 * (each naming the rule and field, or the option). A rule's `upstream` condition reads the event's error with the upstream
 * taxonomy (`categorizeUpstreamError`).
 *
 * @example
 * const classifier = createClassifier({ rules: [...sessionExpiredRules(), ...transientUpstreamRules()] });
 * classifier.classify(event); // → { kind: 'session_expired', action: 'breadcrumb', rule: 'jwt-expired', … }
 */
export function createClassifier(options: ClassifierOptions = {}): Classifier {
  return buildClassifier(options, { readUpstream: eventUpstreamError, checkPattern: checkPatternSafety });
}
