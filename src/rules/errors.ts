const ERROR_MARKER = Symbol.for('sentry-expected-errors.error');

/** Codes carried by every error this package throws. */
export type SentryExpectedErrorsErrorCode = 'RULE_CONFIG';

/**
 * Base class of the errors this package throws. Check with `SentryExpectedErrorsError.isInstance(error)`:
 * it works across two installed copies of the package, where `instanceof` does not.
 */
export class SentryExpectedErrorsError extends Error {
  readonly code: SentryExpectedErrorsErrorCode;

  constructor(code: SentryExpectedErrorsErrorCode, message: string) {
    super(message);
    this.name = 'SentryExpectedErrorsError';
    this.code = code;
    Object.defineProperty(this, ERROR_MARKER, { value: true });
  }

  /** True for any error thrown by any copy of this package. */
  static isInstance(value: unknown): value is SentryExpectedErrorsError {
    return (
      typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[ERROR_MARKER] === true
    );
  }
}

const RULE_CONFIG_MARKER = Symbol.for('sentry-expected-errors.rule-config-error');

/**
 * Thrown by `createClassifier`, `checkRules` and `expectedErrorsIntegration` when a rule is malformed.
 * The message names the rule (index and id) and the offending field.
 *
 * @example
 * RuleConfigError: rule #3 ("session-expired"): `all` must be a non-empty array of non-empty strings
 */
export class RuleConfigError extends SentryExpectedErrorsError {
  /** Position of the rule in the array it was given in. */
  readonly ruleIndex: number;
  /** The rule's `id`, when it has one. */
  readonly ruleId: string | undefined;
  /** The offending field, e.g. `all` or `examples.match[2]`. */
  readonly field: string;

  constructor(ruleIndex: number, ruleId: string | undefined, field: string, problem: string) {
    const ruleName =
      ruleId === undefined ? `rule #${ruleIndex}` : `rule #${ruleIndex} (${JSON.stringify(ruleId)})`;
    super('RULE_CONFIG', `${ruleName}: \`${field}\` ${problem}`);
    this.name = 'RuleConfigError';
    this.ruleIndex = ruleIndex;
    this.ruleId = ruleId;
    this.field = field;
    Object.defineProperty(this, RULE_CONFIG_MARKER, { value: true });
  }

  /**
   * An error in an option rather than a rule, e.g. `expectedErrorsIntegration: \`mode\` must be 'enforce'
   * or 'dry-run' (got "dry_run")`. `ruleIndex` is -1 and `field` is the option's path.
   */
  static forOption(owner: string, option: string, problem: string): RuleConfigError {
    const error = new RuleConfigError(-1, undefined, option, problem);
    error.message = `${owner}: \`${option}\` ${problem}`;
    return error;
  }

  /** True for a `RuleConfigError` thrown by any copy of this package. */
  static override isInstance(value: unknown): value is RuleConfigError {
    return (
      typeof value === 'object' &&
      value !== null &&
      (value as Record<symbol, unknown>)[RULE_CONFIG_MARKER] === true
    );
  }
}
