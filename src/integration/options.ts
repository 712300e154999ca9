import { DEFAULT_SURGE, type SurgeDetectorOptions } from '../decisions/surge.js';
import type { ExpectedErrorDecision } from '../decisions/types.js';
import { describe, RuleConfigError } from '../rules/errors.js';
import type { IndexedMatcherSteps } from '../rules/indexed-match.js';
import type { PatternCompiler } from '../rules/pattern.js';
import type { Rule } from '../rules/types.js';
import type { UpstreamReader } from '../rules/upstream-reader.js';

const OWNER = 'expectedErrorsIntegration';

/** The integration's options after validation: every switch resolved to its default. */
export interface ResolvedOptions {
  readonly rules: readonly Rule[];
  readonly mode: 'enforce' | 'dry-run';
  readonly breadcrumbs: 'classify' | 'ignore';
  readonly maxTextLength: number | undefined;
  readonly upstreamTags: 'off' | 'tag';
  readonly tagStatus: boolean;
  readonly logs: 'classify' | 'ignore';
  /** The surge detector's options; `undefined` for `surge: false`. */
  readonly surge: SurgeDetectorOptions | undefined;
  readonly metrics: boolean;
  readonly onDecision: ((decision: ExpectedErrorDecision) => void) | undefined;
  readonly random: () => number;
  /** The pattern compiler, when the app passed `patterns`. */
  readonly compilePattern: PatternCompiler | undefined;
  /** The taxonomy's reader, when the app passed `taxonomy`. */
  readonly readUpstream: UpstreamReader | undefined;
  /** The rule index's builder, when the app passed `index`. */
  readonly indexed: IndexedMatcherSteps | undefined;
}

const KNOWN_OPTIONS = [
  'rules',
  'mode',
  'breadcrumbs',
  'maxTextLength',
  'upstreamTags',
  'tagStatus',
  'surge',
  'metrics',
  'onDecision',
  'logs',
  'random',
  'taxonomy',
  'patterns',
  'index',
] as const;

/**
 * Validates the integration's options at construction, so a typo (`mode: 'dry_run'`, `breadcrumbs:
 * 'off'`, an unknown option) fails loudly instead of silently switching filtering off for part of the
 * events. Throws a `RuleConfigError` naming the option.
 */
export function resolveOptions(options: unknown): ResolvedOptions {
  if (options === undefined) options = {};
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw optionError('options', 'must be an object', options);
  }
  const given = options as Record<string, unknown>;
  for (const name of Object.keys(given)) {
    if (!(KNOWN_OPTIONS as readonly string[]).includes(name)) {
      throw RuleConfigError.forOption(
        OWNER,
        name,
        `is not an option (known options: ${KNOWN_OPTIONS.join(', ')})`,
      );
    }
  }
  return {
    rules: rulesOption(given.rules),
    mode: oneOf(given, 'mode', ['enforce', 'dry-run']),
    breadcrumbs: oneOf(given, 'breadcrumbs', ['classify', 'ignore']),
    maxTextLength: positiveInteger(given, 'maxTextLength'),
    upstreamTags: oneOf(given, 'upstreamTags', ['off', 'tag']),
    tagStatus: booleanOption(given, 'tagStatus', false),
    logs: oneOf(given, 'logs', ['classify', 'ignore']),
    surge: surgeOption(given.surge),
    metrics: booleanOption(given, 'metrics', true),
    onDecision: functionOption(given, 'onDecision') as ResolvedOptions['onDecision'],
    random: (functionOption(given, 'random') as (() => number) | undefined) ?? Math.random,
    readUpstream: taxonomyOption(given.taxonomy),
    compilePattern: patternsOption(given.patterns),
    indexed: indexOption(given.index),
  };
}

/** The `rules` option: an array when given (`null` would silently mean "no rules"); absent means none. */
function rulesOption(rules: unknown): readonly Rule[] {
  return rules === undefined ? [] : ruleArray(rules, OWNER);
}

/** Rules handed to `owner`: an array, or a `RuleConfigError` naming `rules`. */
export function ruleArray(rules: unknown, owner: string): readonly Rule[] {
  if (!Array.isArray(rules)) {
    throw RuleConfigError.forOption(owner, 'rules', `must be an array of rules (got ${describe(rules)})`);
  }
  return rules as readonly Rule[];
}

function oneOf<const T extends string>(
  options: Record<string, unknown>,
  name: string,
  values: readonly [T, ...T[]],
): T {
  const value = options[name];
  if (value === undefined) return values[0];
  if (typeof value === 'string' && (values as readonly string[]).includes(value)) return value as T;
  throw optionError(name, `must be ${values.map((choice) => `'${choice}'`).join(' or ')}`, value);
}

function booleanOption(options: Record<string, unknown>, name: string, fallback: boolean): boolean {
  checkOptionType(options, name, 'boolean');
  return (options[name] as boolean | undefined) ?? fallback;
}

/** Throws a `RuleConfigError` naming the integration's option `name` when it is set to anything but a `type`. */
function checkOptionType(options: object, name: string, type: 'boolean' | 'function'): void {
  const value = (options as Record<string, unknown>)[name];
  if (value !== undefined && typeof value !== type) throw optionError(name, `must be a ${type}`, value);
}

function functionOption(options: Record<string, unknown>, name: string): unknown {
  checkOptionType(options, name, 'function');
  return options[name];
}

/** The `surge` option, checked: the detector's options, or `undefined` for `false`. */
function surgeOption(surge: unknown): SurgeDetectorOptions | undefined {
  if (surge === false) return undefined;
  if (surge === undefined) return DEFAULT_SURGE;
  if (typeof surge !== 'object' || surge === null)
    throw optionError('surge', 'must be { threshold, windowMs? } or false', surge);
  const { threshold, windowMs = DEFAULT_SURGE.windowMs } = surge as {
    threshold?: unknown;
    windowMs?: unknown;
  };
  if (typeof threshold !== 'number' || !Number.isInteger(threshold) || threshold < 1)
    throw optionError('surge.threshold', 'must be a positive integer', threshold);
  if (typeof windowMs !== 'number' || !Number.isFinite(windowMs) || windowMs <= 0)
    throw optionError('surge.windowMs', 'must be a positive finite number of milliseconds', windowMs);
  return { threshold, windowMs };
}

/** The `patterns` option: `patternSafety`. */
function patternsOption(patterns: unknown): PatternCompiler | undefined {
  if (patterns === undefined) return undefined;
  const compile =
    typeof patterns === 'object' && patterns !== null
      ? (patterns as { compile?: unknown }).compile
      : undefined;
  if (typeof compile !== 'function') {
    throw optionError(
      'patterns',
      "must be `patternSafety` (import { patternSafety } from 'sentry-expected-errors')",
      patterns,
    );
  }
  return compile as PatternCompiler;
}

/** The `index` option: `ruleIndex`. */
function indexOption(index: unknown): IndexedMatcherSteps | undefined {
  if (index === undefined) return undefined;
  const build =
    typeof index === 'object' && index !== null ? (index as { build?: unknown }).build : undefined;
  if (typeof build !== 'function') {
    throw optionError(
      'index',
      "must be `ruleIndex` (import { ruleIndex } from 'sentry-expected-errors')",
      index,
    );
  }
  return build as IndexedMatcherSteps;
}

/** The `taxonomy` option: `upstreamTaxonomy` from `sentry-expected-errors/upstream`. */
function taxonomyOption(taxonomy: unknown): UpstreamReader | undefined {
  if (taxonomy === undefined) return undefined;
  const read =
    typeof taxonomy === 'object' && taxonomy !== null ? (taxonomy as { read?: unknown }).read : undefined;
  if (typeof read !== 'function') {
    throw optionError(
      'taxonomy',
      "must be `upstreamTaxonomy` (import { upstreamTaxonomy } from 'sentry-expected-errors/upstream')",
      taxonomy,
    );
  }
  return read as UpstreamReader;
}

function positiveInteger(options: Record<string, unknown>, name: string): number | undefined {
  const value = options[name];
  if (value === undefined) return undefined;
  if (typeof value === 'number' && Number.isInteger(value) && value > 0) return value;
  throw optionError(name, 'must be a positive integer', value);
}

/** A `RuleConfigError` for the integration's option `name`: ``\`name\` <problem> (got <value>)``. */
export function optionError(name: string, problem: string, value: unknown): RuleConfigError {
  return RuleConfigError.forOption(OWNER, name, `${problem} (got ${describe(value)})`);
}
