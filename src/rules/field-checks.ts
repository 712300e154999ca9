import type { UpstreamFacts } from './facts.js';
import type { RuleExample, TagValue } from './types.js';
import {
  UPSTREAM_ERROR_REASONS,
  UPSTREAM_ERROR_TYPES,
  type UpstreamReason,
  type UpstreamType,
} from './upstream-vocabulary.js';

/** A path from a rule to one of its fields, e.g. `['examples', 'match', 2]`. */
export type FieldPath = ReadonlyArray<string | number>;

/** Records a problem with the field at `path`; validation goes on so that every problem is reported. */
export type Report = (path: FieldPath, problem: string) => void;

/** The `upstream` condition with every list present; an empty list means "any". */
export interface NormalizedUpstream {
  readonly types: readonly UpstreamType[];
  readonly reasons: readonly UpstreamReason[];
  readonly retryable: boolean | undefined;
  /** Host globs, lowercase. */
  readonly hosts: readonly string[];
}

/**
 * Longest `all` / `any` / `none` substring, in UTF-16 code units. Wire strings are far shorter; the cap
 * keeps one careless (or hostile) rule from building a multi-megabyte automaton at compile time.
 */
export const MAX_ANCHOR_LENGTH = 1_024;

/** One shared empty list: most rules leave most lists empty, and 10,000 rules would hold 80,000 copies. */
const EMPTY: readonly never[] = Object.freeze([]);
const NO_EXAMPLES = Object.freeze({ match: EMPTY, noMatch: EMPTY });

function listOf<T>(items: readonly T[]): readonly T[] {
  return items.length === 0 ? EMPTY : items;
}

const TYPE_LIST = UPSTREAM_ERROR_TYPES.join(', ');
const REASON_LIST = UPSTREAM_ERROR_REASONS.join(', ');

/** An `all` / `any` / `none` list: distinct non-empty strings of at most `MAX_ANCHOR_LENGTH`. */
export function substrings(value: unknown, field: string, report: Report): readonly string[] {
  if (value === undefined) return EMPTY;
  if (!Array.isArray(value) || value.length === 0) {
    report([field], 'must be a non-empty array of non-empty strings');
    return EMPTY;
  }
  value.forEach((item, position) => {
    if (!isNonEmptyString(item)) report([field, position], 'must be a non-empty string');
    else if (item.length > MAX_ANCHOR_LENGTH) {
      report(
        [field, position],
        `is ${item.length} characters long; substrings are limited to ${MAX_ANCHOR_LENGTH} (use a shorter, distinctive part)`,
      );
    }
  });
  return [...new Set(value.filter(isNonEmptyString))];
}

/** A value or a non-empty array of values, each checked by `isValid`. */
export function oneOrMany<T>(
  value: unknown,
  path: FieldPath,
  isValid: (item: unknown) => item is T,
  description: string,
  report: Report,
): readonly T[] {
  if (value === undefined) return EMPTY;
  const items = Array.isArray(value) ? value : [value];
  if (items.length === 0) report(path, `must be ${description} or a non-empty array of them`);
  items.forEach((item, position) => {
    if (!isValid(item)) report(Array.isArray(value) ? [...path, position] : path, `must be ${description}`);
  });
  return listOf([...new Set(items.filter(isValid))]);
}

/** `tags`: tag name → value or values, compared as strings. */
export function tagConditions(
  value: unknown,
  report: Report,
): ReadonlyArray<readonly [string, readonly string[]]> {
  if (value === undefined) return EMPTY;
  if (!isPlainObject(value) || Object.keys(value).length === 0) {
    report(['tags'], 'must be a non-empty object of tag name → value or values');
    return EMPTY;
  }
  return Object.entries(value).map(([key, expected]) => {
    const values = oneOrMany(expected, ['tags', key], isTagValue, 'a string, number or boolean', report);
    return [key, values.map(String)] as const;
  });
}

/** `upstream`: `{ type?, reason?, retryable? }` in the taxonomy's words. */
export function upstreamCondition(value: unknown, report: Report): NormalizedUpstream | undefined {
  if (!isPlainObject(value) || Object.keys(value).length === 0) {
    report(['upstream'], 'must be a non-empty object { type?, reason?, retryable?, host? }');
    return undefined;
  }
  unknownFields(value, UPSTREAM_FIELDS, ['upstream'], 'an upstream', report);
  if (value.retryable !== undefined && typeof value.retryable !== 'boolean') {
    report(['upstream', 'retryable'], 'must be a boolean');
  }
  return {
    types: oneOrMany(value.type, ['upstream', 'type'], isUpstreamType, `one of ${TYPE_LIST}`, report),
    reasons: oneOrMany(
      value.reason,
      ['upstream', 'reason'],
      isUpstreamReason,
      `one of ${REASON_LIST}`,
      report,
    ),
    retryable: typeof value.retryable === 'boolean' ? value.retryable : undefined,
    hosts: oneOrMany(
      value.host,
      ['upstream', 'host'],
      isHostGlob,
      "a host name or `*.` and a domain (e.g. 'api.stripe.com' or '*.openai.com')",
      report,
    ).map((glob) => glob.toLowerCase()),
  };
}

/** `examples`: `{ match?, noMatch? }`, each a list of strings or `{ text, status?, … }`. */
export function examples(
  value: unknown,
  report: Report,
): { readonly match: readonly RuleExample[]; readonly noMatch: readonly RuleExample[] } {
  if (value === undefined) return NO_EXAMPLES;
  if (!isPlainObject(value)) {
    report(['examples'], 'must be an object { match?, noMatch? }');
    return NO_EXAMPLES;
  }
  unknownFields(value, ['match', 'noMatch'], ['examples'], 'an examples', report);
  return {
    match: exampleList(value.match, 'match', report),
    noMatch: exampleList(value.noMatch, 'noMatch', report),
  };
}

const EXAMPLE_FIELDS = ['text', 'status', 'exceptionType', 'thrownBy', 'tags', 'upstream'];
const UPSTREAM_FIELDS = ['type', 'reason', 'retryable', 'host'];

/** Reports each key of `value` not among `known`, e.g. ``is not an upstream field (type, reason, retryable)``. */
function unknownFields(
  value: Record<string, unknown>,
  known: readonly string[],
  path: FieldPath,
  noun: string,
  report: Report,
): void {
  for (const key of Object.keys(value)) {
    if (!known.includes(key)) report([...path, key], `is not ${noun} field (${known.join(', ')})`);
  }
}

function exampleList(value: unknown, list: string, report: Report): readonly RuleExample[] {
  if (value === undefined) return EMPTY;
  if (!Array.isArray(value)) {
    report(['examples', list], 'must be an array');
    return EMPTY;
  }
  return value.flatMap((example, position): RuleExample[] => {
    const at = ['examples', list, position];
    if (typeof example === 'string') return [{ text: example }];
    if (!isPlainObject(example) || typeof example.text !== 'string') {
      report(at, 'must be a string or { text, status?, exceptionType?, thrownBy?, tags?, upstream? }');
      return [];
    }
    unknownFields(example, EXAMPLE_FIELDS, at, 'an example', report);
    if (example.status !== undefined && !isHttpStatus(example.status))
      report([...at, 'status'], 'must be an HTTP status');
    if (example.exceptionType !== undefined && typeof example.exceptionType !== 'string') {
      report([...at, 'exceptionType'], 'must be a string');
    }
    if (example.thrownBy !== undefined && !isPackageName(example.thrownBy)) {
      report([...at, 'thrownBy'], 'must be an npm package name');
    }
    if (
      example.tags !== undefined &&
      (!isPlainObject(example.tags) || !Object.values(example.tags).every(isTagValue))
    ) {
      report([...at, 'tags'], 'must be an object of string, number or boolean values');
    }
    if (example.upstream !== undefined && !isUpstreamFacts(example.upstream)) {
      report(
        [...at, 'upstream'],
        `must be { type, retryable, reason?, host? } with a type among ${TYPE_LIST}, a reason among ${REASON_LIST} and a host name`,
      );
    }
    return [example as unknown as RuleExample];
  });
}

/** A type guard for the members of `list`. */
function memberOf<T>(list: readonly T[]): (value: unknown) => value is T {
  return (value): value is T => (list as readonly unknown[]).includes(value);
}

const isUpstreamType = memberOf<UpstreamType>(UPSTREAM_ERROR_TYPES);
const isUpstreamReason = memberOf<UpstreamReason>(UPSTREAM_ERROR_REASONS);

function isUpstreamFacts(value: unknown): value is UpstreamFacts {
  return (
    isPlainObject(value) &&
    Object.keys(value).every((key) => UPSTREAM_FIELDS.includes(key)) &&
    isUpstreamType(value.type) &&
    typeof value.retryable === 'boolean' &&
    (value.reason === undefined || isUpstreamReason(value.reason)) &&
    (value.host === undefined || (isHostGlob(value.host) && !value.host.startsWith('*')))
  );
}

/** An object literal (or `Object.create(null)`), not an array, class instance or RegExp. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

export function isNonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0;
}

/** A host name (`api.stripe.com`), or a wildcard over its subdomains as the leftmost label (`*.openai.com`). */
const HOST_GLOB = /^(?:\*\.)?(?:[a-z0-9-]+\.)*[a-z0-9-]+$/i;

export function isHostGlob(value: unknown): value is string {
  return typeof value === 'string' && value.length <= 253 && HOST_GLOB.test(value);
}

/** An npm package name as `node_modules` holds it: `name` or `@scope/name`, lowercase, at most 214 characters. */
const PACKAGE_NAME = /^(?:@[a-z0-9][a-z0-9._~-]*\/)?[a-z0-9][a-z0-9._~-]*$/;

export function isPackageName(value: unknown): value is string {
  return typeof value === 'string' && value.length <= 214 && PACKAGE_NAME.test(value);
}

export function isHttpStatus(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 100 && value <= 599;
}

function isTagValue(value: unknown): value is TagValue {
  return (
    typeof value === 'string' ||
    typeof value === 'boolean' ||
    (typeof value === 'number' && Number.isFinite(value))
  );
}
