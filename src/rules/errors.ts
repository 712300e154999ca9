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

/** One thing wrong with a rule set or an option, as `RuleConfigError.problems` lists it. */
export interface RuleConfigProblem {
  /** Position of the rule in the array it was given in; -1 for an option or the rule set as a whole. */
  readonly index: number;
  /** The rule's `id`, when it has a valid one. */
  readonly id?: string;
  /** The offending field as written, e.g. `all` or `examples.match[2].upstream`. */
  readonly field: string;
  /** The same field as a path from the rule (or the options), e.g. `['examples', 'match', 2, 'upstream']`. */
  readonly path: ReadonlyArray<string | number>;
  /** One readable sentence naming the rule and the field, e.g. ``rule #3 ("x"): `all` must be …``. */
  readonly message: string;
}

/**
 * Thrown by `createClassifier`, `checkRules`, `rulesFromJson` and `expectedErrorsIntegration` when rules
 * or options are malformed. `problems` lists every problem found, not only the first; the message is
 * the first one's, followed by how many more there are.
 *
 * @example
 * RuleConfigError: rule #3 ("session-expired"): `all` must be a non-empty array of non-empty strings (and 2 more)
 */
export class RuleConfigError extends SentryExpectedErrorsError {
  /** Every problem found, in the order of the rules and their fields. */
  readonly problems: readonly RuleConfigProblem[];
  /** Position of the first problem's rule in the array it was given in (-1 for an option). */
  readonly ruleIndex: number;
  /** The first problem's rule `id`, when it has one. */
  readonly ruleId: string | undefined;
  /** The first problem's field, e.g. `all` or `examples.match[2]`. */
  readonly field: string;

  /** An error with one problem: field `field` of rule `ruleIndex` (named `ruleId` when it has one). */
  constructor(ruleIndex: number, ruleId: string | undefined, field: string, problem: string);
  /** An error listing `problems` (at least one). */
  constructor(problems: readonly RuleConfigProblem[]);
  constructor(
    first: number | readonly RuleConfigProblem[],
    ruleId?: string,
    field?: string,
    problem?: string,
  ) {
    const problems =
      typeof first === 'number'
        ? [ruleProblem(first, ruleId, field ?? 'rule', [], problem ?? 'is invalid')]
        : first.length > 0
          ? [...first]
          : [ruleProblem(-1, undefined, 'rules', [], 'are invalid')];
    const head = problems[0] as RuleConfigProblem;
    super('RULE_CONFIG', messageOf(problems));
    this.name = 'RuleConfigError';
    this.problems = problems;
    this.ruleIndex = head.index;
    this.ruleId = head.id;
    this.field = head.field;
    Object.defineProperty(this, RULE_CONFIG_MARKER, { value: true });
  }

  /**
   * An error in an option rather than a rule, e.g. `expectedErrorsIntegration: \`mode\` must be 'enforce'
   * or 'dry-run' (got "dry_run")`. `ruleIndex` is -1 and `field` is the option's path.
   */
  static forOption(owner: string, option: string, problem: string): RuleConfigError {
    return new RuleConfigError([optionProblem(owner, option, problem)]);
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

/** A problem with field `field` (at `path`) of rule `index`. */
export function ruleProblem(
  index: number,
  id: string | undefined,
  field: string,
  path: ReadonlyArray<string | number>,
  problem: string,
): RuleConfigProblem {
  const ruleName =
    index < 0 ? 'rules' : id === undefined ? `rule #${index}` : `rule #${index} (${JSON.stringify(id)})`;
  return {
    index,
    ...(id === undefined ? {} : { id }),
    field,
    path: path.length > 0 ? path : [field],
    message: `${ruleName}: \`${field}\` ${problem}`,
  };
}

/** A problem with option `option` of `owner` (a function or integration name). */
export function optionProblem(owner: string, option: string, problem: string): RuleConfigProblem {
  return { index: -1, field: option, path: option.split('.'), message: `${owner}: \`${option}\` ${problem}` };
}

function messageOf(problems: readonly RuleConfigProblem[]): string {
  const first = (problems[0] as RuleConfigProblem).message;
  return problems.length > 1 ? `${first} (and ${problems.length - 1} more)` : first;
}

/** A short description of a wrong value for a message: its type, or the value itself when short. */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return value.length <= 40 ? JSON.stringify(value) : 'a string';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'function') return 'a function';
  return typeof value === 'object' ? 'an object' : typeof value;
}
