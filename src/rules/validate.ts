import { RuleConfigError } from './errors.js';
import type { UpstreamFacts } from './facts.js';
import { checkPatternSafety } from './regex-safety.js';
import type { Rule, RuleAction, RuleExample, TagValue } from './types.js';
import {
  UPSTREAM_ERROR_REASONS,
  UPSTREAM_ERROR_TYPES,
  type UpstreamReason,
  type UpstreamType,
} from './upstream-vocabulary.js';

/** The `upstream` condition with every list present; an empty list means "any". */
export interface NormalizedUpstream {
  readonly types: readonly UpstreamType[];
  readonly reasons: readonly UpstreamReason[];
  readonly retryable: boolean | undefined;
}

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
  readonly pattern: RegExp | undefined;
  readonly statuses: readonly number[];
  readonly exceptionTypes: readonly string[];
  readonly tags: ReadonlyArray<readonly [key: string, values: readonly string[]]>;
  readonly upstream: NormalizedUpstream | undefined;
  readonly sample: number | undefined;
  readonly uncaught: boolean | undefined;
  readonly examples: { readonly match: readonly RuleExample[]; readonly noMatch: readonly RuleExample[] };
  readonly source: Rule;
}

const KNOWN_FIELDS = new Set([
  'id',
  'kind',
  'action',
  'description',
  'all',
  'any',
  'none',
  'ignoreCase',
  'pattern',
  'status',
  'exceptionType',
  'tags',
  'upstream',
  'sample',
  'uncaught',
  'summary',
  'examples',
]);
const ACTIONS: ReadonlySet<string> = new Set<RuleAction>(['drop', 'breadcrumb', 'report']);
const MAX_PATTERN_SOURCE_LENGTH = 2_000;

/** Validates every rule and returns them normalized, or throws a `RuleConfigError` naming rule and field. */
export function normalizeRules(rules: unknown): NormalizedRule[] {
  if (!Array.isArray(rules)) {
    throw new RuleConfigError(-1, undefined, 'rules', 'must be an array of rule objects');
  }
  const seenIds = new Map<string, number>();
  return rules.map((rule, index) => {
    const normalized = normalizeRule(rule, index);
    const previous = seenIds.get(normalized.id);
    if (previous !== undefined) {
      throw new RuleConfigError(index, normalized.id, 'id', `duplicates the id of rule #${previous}`);
    }
    seenIds.set(normalized.id, index);
    return normalized;
  });
}

function normalizeRule(rule: unknown, index: number): NormalizedRule {
  if (!isPlainObject(rule)) {
    throw new RuleConfigError(index, undefined, 'rule', 'must be a plain object');
  }
  const rawId = rule.id;
  if (rawId !== undefined && !isNonEmptyString(rawId)) {
    throw new RuleConfigError(index, undefined, 'id', 'must be a non-empty string');
  }
  const declaredId = rawId as string | undefined;
  const fail = (field: string, problem: string): never => {
    throw new RuleConfigError(index, declaredId, field, problem);
  };

  for (const key of Object.keys(rule)) {
    if (!KNOWN_FIELDS.has(key)) {
      fail(
        /^[A-Za-z_$][\w$]*$/.test(key) ? key : JSON.stringify(key),
        `is not a rule field (known: ${[...KNOWN_FIELDS].join(', ')})`,
      );
    }
  }
  if (!isNonEmptyString(rule.kind)) fail('kind', 'must be a non-empty string');
  const kind = rule.kind as string;
  if (typeof rule.action !== 'string' || !ACTIONS.has(rule.action)) {
    fail('action', "must be 'drop', 'breadcrumb' or 'report'");
  }
  if (rule.description !== undefined && typeof rule.description !== 'string') {
    fail('description', 'must be a string');
  }
  if (rule.ignoreCase !== undefined && typeof rule.ignoreCase !== 'boolean') {
    fail('ignoreCase', 'must be a boolean');
  }
  if (rule.uncaught !== undefined && typeof rule.uncaught !== 'boolean') {
    fail('uncaught', 'must be a boolean');
  }
  if (
    rule.sample !== undefined &&
    (typeof rule.sample !== 'number' || !Number.isFinite(rule.sample) || rule.sample < 0 || rule.sample > 1)
  ) {
    fail('sample', 'must be a number from 0 to 1 (the fraction of matches sent anyway)');
  }
  if (rule.summary !== undefined && rule.summary !== 'redacted' && rule.summary !== 'withheld') {
    fail('summary', "must be 'redacted' or 'withheld'");
  }

  const all = substrings(rule.all, 'all', fail);
  const any = substrings(rule.any, 'any', fail);
  const none = substrings(rule.none, 'none', fail);
  const pattern = rule.pattern === undefined ? undefined : safePattern(rule.pattern, fail);
  const statuses = oneOrMany(rule.status, 'status', isHttpStatus, 'an HTTP status (integer 100-599)', fail);
  const exceptionTypes = oneOrMany(
    rule.exceptionType,
    'exceptionType',
    isNonEmptyString,
    'a non-empty string',
    fail,
  );
  const tags = tagConditions(rule.tags, fail);
  const upstream = rule.upstream === undefined ? undefined : upstreamCondition(rule.upstream, fail);

  if (
    all.length === 0 &&
    any.length === 0 &&
    !pattern &&
    statuses.length === 0 &&
    exceptionTypes.length === 0 &&
    tags.length === 0 &&
    upstream === undefined
  ) {
    fail(
      'rule',
      'sets no condition: give at least one of all, any, pattern, status, exceptionType, tags or upstream',
    );
  }

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
    tags,
    upstream,
    sample: rule.sample as number | undefined,
    uncaught: rule.uncaught as boolean | undefined,
    examples: examples(rule.examples, fail),
    source: rule as unknown as Rule,
  };
}

type Fail = (field: string, problem: string) => never;

function substrings(value: unknown, field: string, fail: Fail): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.length === 0 || !value.every(isNonEmptyString)) {
    fail(field, 'must be a non-empty array of non-empty strings');
  }
  return [...new Set(value as string[])];
}

function safePattern(written: unknown, fail: Fail): RegExp {
  const value = written instanceof RegExp ? written : patternFromJson(written, fail);
  if (value.source.length > MAX_PATTERN_SOURCE_LENGTH) {
    fail('pattern', `is longer than ${MAX_PATTERN_SOURCE_LENGTH} characters`);
  }
  const problem = checkPatternSafety(value);
  if (problem !== undefined) fail('pattern', problem);
  // `g` and `y` make `test()` stateful through `lastIndex`; a rule must answer the same way every time.
  const flags = value.flags.replace(/[gy]/g, '');
  return flags === value.flags ? value : new RegExp(value.source, flags);
}

/** A pattern written as plain JSON, `{ source, flags? }`, made a RegExp (then checked like any other). */
function patternFromJson(value: unknown, fail: Fail): RegExp {
  if (!isPlainObject(value) || typeof value.source !== 'string') {
    return fail('pattern', 'must be a RegExp or { source: string, flags?: string }');
  }
  for (const key of Object.keys(value)) {
    if (key !== 'source' && key !== 'flags') fail(`pattern.${key}`, 'is not a pattern field (source, flags)');
  }
  if (value.flags !== undefined && typeof value.flags !== 'string') {
    fail('pattern.flags', 'must be a string of RegExp flags, e.g. "i"');
  }
  try {
    return new RegExp(value.source, (value.flags as string | undefined) ?? '');
  } catch (error) {
    return fail(
      'pattern',
      `is not a valid RegExp: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

function upstreamCondition(value: unknown, fail: Fail): NormalizedUpstream {
  if (!isPlainObject(value) || Object.keys(value).length === 0) {
    return fail('upstream', 'must be a non-empty object { type?, reason?, retryable? }');
  }
  for (const key of Object.keys(value)) {
    if (key !== 'type' && key !== 'reason' && key !== 'retryable') {
      fail(`upstream.${key}`, 'is not an upstream field (type, reason, retryable)');
    }
  }
  if (value.retryable !== undefined && typeof value.retryable !== 'boolean') {
    fail('upstream.retryable', 'must be a boolean');
  }
  return {
    types: oneOrMany(value.type, 'upstream.type', isUpstreamType, `one of ${TYPE_LIST}`, fail),
    reasons: oneOrMany(value.reason, 'upstream.reason', isUpstreamReason, `one of ${REASON_LIST}`, fail),
    retryable: value.retryable as boolean | undefined,
  };
}

const TYPE_LIST = UPSTREAM_ERROR_TYPES.join(', ');
const REASON_LIST = UPSTREAM_ERROR_REASONS.join(', ');
const isUpstreamType = (value: unknown): value is UpstreamType =>
  (UPSTREAM_ERROR_TYPES as readonly unknown[]).includes(value);
const isUpstreamReason = (value: unknown): value is UpstreamReason =>
  (UPSTREAM_ERROR_REASONS as readonly unknown[]).includes(value);

function oneOrMany<T>(
  value: unknown,
  field: string,
  isValid: (item: unknown) => item is T,
  description: string,
  fail: Fail,
): T[] {
  if (value === undefined) return [];
  const items = Array.isArray(value) ? value : [value];
  if (items.length === 0) fail(field, `must be ${description} or a non-empty array of them`);
  items.forEach((item, position) => {
    if (!isValid(item)) {
      fail(Array.isArray(value) ? `${field}[${position}]` : field, `must be ${description}`);
    }
  });
  return [...new Set(items as T[])];
}

function tagConditions(value: unknown, fail: Fail): Array<readonly [string, string[]]> {
  if (value === undefined) return [];
  if (!isPlainObject(value) || Object.keys(value).length === 0) {
    return fail('tags', 'must be a non-empty object of tag name → value or values');
  }
  return Object.entries(value).map(([key, expected]) => {
    const values = oneOrMany(expected, `tags.${key}`, isTagValue, 'a string, number or boolean', fail);
    return [key, values.map(String)] as const;
  });
}

function examples(value: unknown, fail: Fail): NormalizedRule['examples'] {
  if (value === undefined) return { match: [], noMatch: [] };
  if (!isPlainObject(value)) return fail('examples', 'must be an object { match?, noMatch? }');
  for (const key of Object.keys(value)) {
    if (key !== 'match' && key !== 'noMatch')
      fail(`examples.${key}`, 'is not an examples field (match, noMatch)');
  }
  return {
    match: exampleList(value.match, 'examples.match', fail),
    noMatch: exampleList(value.noMatch, 'examples.noMatch', fail),
  };
}

function exampleList(value: unknown, field: string, fail: Fail): RuleExample[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) return fail(field, 'must be an array');
  return value.map((example, position) => {
    const at = `${field}[${position}]`;
    if (typeof example === 'string') return { text: example };
    if (!isPlainObject(example) || typeof example.text !== 'string') {
      return fail(at, 'must be a string or { text, status?, exceptionType?, tags?, upstream? }');
    }
    if (example.upstream !== undefined && !isUpstreamFacts(example.upstream)) {
      fail(
        `${at}.upstream`,
        `must be { type, retryable, reason? } with a type among ${TYPE_LIST} and a reason among ${REASON_LIST}`,
      );
    }
    if (example.status !== undefined && !isHttpStatus(example.status))
      fail(`${at}.status`, 'must be an HTTP status');
    if (example.exceptionType !== undefined && typeof example.exceptionType !== 'string') {
      fail(`${at}.exceptionType`, 'must be a string');
    }
    if (
      example.tags !== undefined &&
      (!isPlainObject(example.tags) || !Object.values(example.tags).every(isTagValue))
    ) {
      fail(`${at}.tags`, 'must be an object of string, number or boolean values');
    }
    return example as unknown as RuleExample;
  });
}

function isUpstreamFacts(value: unknown): value is UpstreamFacts {
  return (
    isPlainObject(value) &&
    Object.keys(value).every((key) => key === 'type' || key === 'reason' || key === 'retryable') &&
    isUpstreamType(value.type) &&
    typeof value.retryable === 'boolean' &&
    (value.reason === undefined || isUpstreamReason(value.reason))
  );
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

function isNonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0;
}

function isHttpStatus(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 100 && value <= 599;
}

function isTagValue(value: unknown): value is TagValue {
  return (
    typeof value === 'string' ||
    typeof value === 'boolean' ||
    (typeof value === 'number' && Number.isFinite(value))
  );
}
