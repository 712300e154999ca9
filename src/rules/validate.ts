import { RuleConfigError } from '../errors.js';
import { checkPatternSafety } from './regex-safety.js';
import type { Rule, RuleAction, RuleExample, TagValue } from './types.js';

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
        /^[A-Za-z_$][\w$]{0,255}$/.test(key) ? key : JSON.stringify(key),
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

  if (
    all.length === 0 &&
    any.length === 0 &&
    !pattern &&
    statuses.length === 0 &&
    exceptionTypes.length === 0
  ) {
    if (tags.length === 0) {
      fail(
        'rule',
        'sets no condition: give at least one of all, any, pattern, status, exceptionType or tags',
      );
    }
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

function safePattern(value: unknown, fail: Fail): RegExp {
  if (!(value instanceof RegExp)) return fail('pattern', 'must be a RegExp');
  if (value.source.length > MAX_PATTERN_SOURCE_LENGTH) {
    fail('pattern', `is longer than ${MAX_PATTERN_SOURCE_LENGTH} characters`);
  }
  const problem = checkPatternSafety(value);
  if (problem !== undefined) fail('pattern', problem);
  // `g` and `y` make `test()` stateful through `lastIndex`; a rule must answer the same way every time.
  const flags = value.flags.replace(/[gy]/g, '');
  return flags === value.flags ? value : new RegExp(value.source, flags);
}

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
      return fail(at, 'must be a string or { text, status?, exceptionType?, tags? }');
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
