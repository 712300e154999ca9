import type { Report } from './field-checks.js';

const MAX_PATTERN_SOURCE_LENGTH = 2_000;

/** How a pattern is written where it failed validation: in code (a RegExp) or in JSON. */
export type PatternOrigin = 'code' | 'json';

/** A compiled pattern, as a rule runs it. */
export interface PatternMatcher {
  /** Whether the pattern occurs in `text`. */
  readonly test: (text: string) => boolean;
  /**
   * Literals one of which every text the pattern matches contains (case-sensitively), when there are:
   * the rule engine then tries the pattern only on events where one occurs.
   */
  readonly required?: readonly string[] | undefined;
}

/** Compiles a pattern into the matcher a rule runs, or returns why it cannot. */
export type PatternCompiler = (pattern: RegExp) => PatternMatcher | string;

/**
 * Pattern support as an integration takes it (`patternSafety`): passed in by whoever compiles rules, or
 * carried by a built-in rule's pattern (`withPatternSupport`), so that the matcher is bundled only where a
 * rule has a `pattern`.
 */
export interface PatternSupport {
  readonly compile: PatternCompiler;
}

const SUPPORT = Symbol.for('sentry-expected-errors.pattern-support');

/** A built-in rule's pattern, carrying the support that compiles it (non-enumerable: the RegExp stays as written). */
export function withPatternSupport(pattern: RegExp, support: PatternSupport): RegExp {
  Object.defineProperty(pattern, SUPPORT, { value: support });
  return pattern;
}

function carriedSupport(pattern: RegExp): PatternCompiler | undefined {
  const support = (pattern as { [SUPPORT]?: { compile?: unknown } })[SUPPORT];
  return typeof support?.compile === 'function' ? (support.compile as PatternCompiler) : undefined;
}

/**
 * Validates a rule's `pattern` — a RegExp, or plain JSON `{ source, flags? }` — and returns the matcher a
 * rule runs (linear in the text; `g` and `y` are ignored, a rule tests whether the pattern occurs).
 */
export function rulePattern(
  written: unknown,
  origin: PatternOrigin,
  report: Report,
  compilePattern: PatternCompiler | undefined,
): PatternMatcher | undefined {
  const pattern = written instanceof RegExp ? written : patternFromJson(written, origin, report);
  if (pattern === undefined) return undefined;
  if (pattern.source.length > MAX_PATTERN_SOURCE_LENGTH) {
    report(['pattern'], `is longer than ${MAX_PATTERN_SOURCE_LENGTH} characters`);
    return undefined;
  }
  const compile = compilePattern ?? (written instanceof RegExp ? carriedSupport(written) : undefined);
  if (compile === undefined) {
    report(
      ['pattern'],
      "needs pattern support: pass `patterns: patternSafety` (import { patternSafety } from 'sentry-expected-errors')",
    );
    return undefined;
  }
  const matcher = compile(pattern);
  if (typeof matcher === 'string') {
    report(['pattern'], matcher);
    return undefined;
  }
  return matcher;
}

function patternFromJson(value: unknown, origin: PatternOrigin, report: Report): RegExp | undefined {
  if (
    typeof value !== 'object' ||
    value === null ||
    Array.isArray(value) ||
    typeof (value as { source?: unknown }).source !== 'string'
  ) {
    report(
      ['pattern'],
      origin === 'json'
        ? 'must be written as { "source": "…", "flags": "…" } in a JSON rules file (JSON has no RegExp)'
        : 'must be a RegExp or { source: string, flags?: string }',
    );
    return undefined;
  }
  const { source, flags, ...rest } = value as { source: string; flags?: unknown };
  let valid = true;
  for (const key of Object.keys(rest)) {
    report(['pattern', key], 'is not a pattern field (source, flags)');
    valid = false;
  }
  if (flags !== undefined && typeof flags !== 'string') {
    report(['pattern', 'flags'], 'must be a string of RegExp flags, e.g. "i"');
    return undefined;
  }
  try {
    const pattern = new RegExp(source, flags ?? '');
    return valid ? pattern : undefined;
  } catch (error) {
    report(['pattern'], `is not a valid RegExp: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}
