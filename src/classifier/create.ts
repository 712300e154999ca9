import { describe, optionProblem, RuleConfigError, type RuleConfigProblem } from '../rules/errors.js';
import { indexedMatcherSteps } from '../rules/indexed-match.js';
import { compileLinearPattern } from '../rules/linear-pattern.js';
import { eventUpstreamError } from '../upstream/from-event.js';
import { buildClassifier, type Classifier, type ClassifierOptions } from './build.js';

export type { Classifier, ClassifierOptions, ClassifierStats } from './build.js';

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
  return buildClassifier(checkedOptions(options), {
    readUpstream: eventUpstreamError,
    compilePattern: compileLinearPattern,
    index: 'always',
    indexed: indexedMatcherSteps,
  });
}

const OPTIONS = ['rules', 'maxTextLength'] as const;
const OWNER = 'createClassifier';

/** The options, checked: every problem with them in one `RuleConfigError`, each naming its option. */
function checkedOptions(options: unknown): { rules: readonly unknown[]; maxTextLength: number | undefined } {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw RuleConfigError.forOption(
      OWNER,
      'options',
      `must be an object { rules?, maxTextLength? } (got ${describe(options)})`,
    );
  }
  const problems: RuleConfigProblem[] = [];
  for (const key of Object.keys(options)) {
    if (!(OPTIONS as readonly string[]).includes(key)) {
      problems.push(optionProblem(OWNER, key, `is not an option (known: ${OPTIONS.join(', ')})`));
    }
  }
  const { rules = [], maxTextLength } = options as Record<string, unknown>;
  if (!Array.isArray(rules)) {
    problems.push(optionProblem(OWNER, 'rules', `must be an array of rules (got ${describe(rules)})`));
  }
  if (
    maxTextLength !== undefined &&
    (typeof maxTextLength !== 'number' || !Number.isInteger(maxTextLength) || maxTextLength < 1)
  ) {
    problems.push(
      optionProblem(OWNER, 'maxTextLength', `must be a positive integer (got ${describe(maxTextLength)})`),
    );
  }
  if (problems.length > 0) throw new RuleConfigError(problems);
  return { rules: rules as readonly unknown[], maxTextLength: maxTextLength as number | undefined };
}
