import { RuleConfigError, type RuleConfigProblem, ruleProblem } from './errors.js';
import {
  examples,
  type FieldPath,
  isHttpStatus,
  isNonEmptyString,
  isPackageName,
  isPlainObject,
  type NormalizedUpstream,
  oneOrMany,
  type Report,
  substrings,
  tagConditions,
  upstreamCondition,
} from './field-checks.js';
import { type PatternCompiler, type PatternMatcher, type PatternOrigin, rulePattern } from './pattern.js';
import type { Rule, RuleAction, RuleExample } from './types.js';

export type { NormalizedUpstream } from './field-checks.js';

/** A rule after validation: every optional list present, ids assigned, regex flags made stateless. */
export interface NormalizedRule {
  readonly index: number;
  readonly id: string;
  readonly kind: string;
  readonly action: RuleAction;
  readonly summary: 'redacted' | 'withheld';
  readonly all: readonly string[];
  readonly any: readonly string[];
  readonly none: readonly string[];
  readonly ignoreCase: boolean;
  readonly pattern: PatternMatcher | undefined;
  readonly statuses: readonly number[];
  readonly exceptionTypes: readonly string[];
  readonly packages: readonly string[];
  readonly tags: ReadonlyArray<readonly [key: string, values: readonly string[]]>;
  readonly upstream: NormalizedUpstream | undefined;
  readonly sample: number | undefined;
  readonly uncaught: boolean | undefined;
  /** From this time on (milliseconds since the epoch) the rule decides nothing (`expires`). */
  readonly expiresAt: number | undefined;
  /** The rule decides nothing; its matches are only reported (`shadow`). */
  readonly shadow: boolean;
  readonly examples: { readonly match: readonly RuleExample[]; readonly noMatch: readonly RuleExample[] };
  readonly source: Rule;
}

/** The fields that are conditions: a rule must set at least one. */
const CONDITIONS = [
  'all',
  'any',
  'pattern',
  'status',
  'exceptionType',
  'thrownBy',
  'tags',
  'upstream',
] as const;
const KNOWN_FIELDS = new Set([
  'id',
  'kind',
  'action',
  'description',
  ...CONDITIONS,
  'none',
  'ignoreCase',
  'sample',
  'uncaught',
  'expires',
  'shadow',
  'summary',
  'examples',
]);
const ACTIONS: ReadonlySet<string> = new Set<RuleAction>(['drop', 'breadcrumb', 'report']);
const IDENTIFIER = /^[A-Za-z_$][\w$]{0,255}$/;

/**
 * Validates every rule and returns them normalized, or throws one `RuleConfigError` listing every
 * problem of every rule. `origin` only words the advice for a `pattern` that is no RegExp.
 */
export function normalizeRules(
  rules: readonly unknown[],
  compilePattern: PatternCompiler | undefined,
  origin: PatternOrigin = 'code',
): NormalizedRule[] {
  const problems: RuleConfigProblem[] = [];
  const seenIds = new Map<string, number>();
  const normalized: NormalizedRule[] = [];
  rules.forEach((rule, index) => {
    const result = normalizeRule(rule, index, origin, compilePattern, problems);
    if (result === undefined) return;
    const previous = seenIds.get(result.id);
    if (previous !== undefined) {
      problems.push(ruleProblem(index, result.id, 'id', ['id'], `duplicates the id of rule #${previous}`));
    } else seenIds.set(result.id, index);
    normalized.push(result);
  });
  if (problems.length > 0) throw new RuleConfigError(problems);
  return normalized;
}

/** The field name a path is written as: `examples.match[2].upstream`, `tags["http.method"]`. */
export function fieldName(path: FieldPath): string {
  let name = '';
  for (const segment of path) {
    if (typeof segment === 'number') name += `[${segment}]`;
    else if (IDENTIFIER.test(segment)) name += name === '' ? segment : `.${segment}`;
    else name += name === '' ? JSON.stringify(segment) : `[${JSON.stringify(segment)}]`;
  }
  return name;
}

function normalizeRule(
  rule: unknown,
  index: number,
  origin: PatternOrigin,
  compilePattern: PatternCompiler | undefined,
  problems: RuleConfigProblem[],
): NormalizedRule | undefined {
  if (!isPlainObject(rule)) {
    problems.push(ruleProblem(index, undefined, 'rule', ['rule'], 'must be a plain object'));
    return undefined;
  }
  const declaredId = isNonEmptyString(rule.id) ? rule.id : undefined;
  const before = problems.length;
  const report: Report = (path, problem) =>
    problems.push(ruleProblem(index, declaredId, fieldName(path), path, problem));

  if (rule.id !== undefined && declaredId === undefined) report(['id'], 'must be a non-empty string');
  for (const key of Object.keys(rule)) {
    if (!KNOWN_FIELDS.has(key)) report([key], `is not a rule field (known: ${[...KNOWN_FIELDS].join(', ')})`);
  }
  if (!isNonEmptyString(rule.kind)) report(['kind'], 'must be a non-empty string');
  if (typeof rule.action !== 'string' || !ACTIONS.has(rule.action)) {
    report(['action'], "must be 'drop', 'breadcrumb' or 'report'");
  }
  if (rule.description !== undefined && typeof rule.description !== 'string') {
    report(['description'], 'must be a string');
  }
  for (const flag of ['ignoreCase', 'uncaught'] as const) {
    if (rule[flag] !== undefined && typeof rule[flag] !== 'boolean') report([flag], 'must be a boolean');
  }
  const { sample } = rule;
  if (
    sample !== undefined &&
    (typeof sample !== 'number' || !Number.isFinite(sample) || sample < 0 || sample > 1)
  ) {
    report(['sample'], 'must be a number from 0 to 1 (the fraction of matches sent anyway)');
  }
  const expiresAt = rule.expires === undefined ? undefined : expiryTime(rule.expires);
  if (rule.expires !== undefined && expiresAt === undefined) {
    report(['expires'], 'must be an ISO 8601 date or date-time, e.g. "2027-03-31" or "2027-03-31T12:00:00Z"');
  }
  if (rule.shadow !== undefined && rule.shadow !== true) report(['shadow'], 'must be true (or left out)');
  if (rule.summary !== undefined && rule.summary !== 'redacted' && rule.summary !== 'withheld') {
    report(['summary'], "must be 'redacted' or 'withheld'");
  }

  const all = substrings(rule.all, 'all', report);
  const any = substrings(rule.any, 'any', report);
  const none = substrings(rule.none, 'none', report);
  const pattern =
    rule.pattern === undefined ? undefined : rulePattern(rule.pattern, origin, report, compilePattern);
  const statuses = oneOrMany(
    rule.status,
    ['status'],
    isHttpStatus,
    'an HTTP status (integer 100-599)',
    report,
  );
  const exceptionTypes = oneOrMany(
    rule.exceptionType,
    ['exceptionType'],
    isNonEmptyString,
    'a non-empty string',
    report,
  );
  const packages = oneOrMany(
    rule.thrownBy,
    ['thrownBy'],
    isPackageName,
    "an npm package name (e.g. 'axios' or '@octokit/request')",
    report,
  );
  const tags = tagConditions(rule.tags, report);
  const upstream = rule.upstream === undefined ? undefined : upstreamCondition(rule.upstream, report);
  const ruleExamples = examples(rule.examples, report);

  if (CONDITIONS.every((field) => rule[field] === undefined)) {
    report(['rule'], `sets no condition: give at least one of ${CONDITIONS.join(', ')}`);
  }
  if (problems.length > before) return undefined;

  const kind = rule.kind as string;
  return {
    index,
    id: declaredId ?? `${kind}#${index}`,
    kind,
    action: rule.action as RuleAction,
    summary: (rule.summary as 'redacted' | 'withheld' | undefined) ?? 'redacted',
    all,
    any,
    none,
    ignoreCase: rule.ignoreCase === true,
    pattern,
    statuses,
    exceptionTypes,
    packages,
    tags,
    upstream,
    sample: sample as number | undefined,
    uncaught: rule.uncaught as boolean | undefined,
    expiresAt,
    shadow: rule.shadow === true,
    examples: ruleExamples,
    source: rule as unknown as Rule,
  };
}

/** An ISO 8601 date (`2027-03-31`, midnight UTC) or date-time with a zone; anything else is `undefined`. */
const ISO_8601 = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2}))?$/;

function expiryTime(value: unknown): number | undefined {
  if (typeof value !== 'string' || !ISO_8601.test(value)) return undefined;
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : time;
}
