import type { Report } from './field-checks.js';

const MAX_PATTERN_SOURCE_LENGTH = 2_000;

/** How a pattern is written where it failed validation: in code (a RegExp) or in JSON. */
export type PatternOrigin = 'code' | 'json';

/**
 * Says why a pattern can backtrack catastrophically, or `undefined`: `checkPatternSafety`, passed in by
 * whoever compiles rules (or carried by a built-in rule's pattern, `withPatternCheck`), so that the
 * analysis is bundled only where a rule has a `pattern`.
 */
export type PatternCheck = (pattern: RegExp) => string | undefined;

/** Pattern support as an integration takes it (`patternSafety`). */
export interface PatternSupport {
  readonly check: PatternCheck;
}

const CHECK = Symbol.for('sentry-expected-errors.pattern-check');

/** A built-in rule's pattern, carrying the check it passes (non-enumerable: the RegExp stays as written). */
export function withPatternCheck(pattern: RegExp, check: PatternCheck): RegExp {
  Object.defineProperty(pattern, CHECK, { value: check });
  return pattern;
}

function carriedCheck(pattern: RegExp): PatternCheck | undefined {
  const check = (pattern as { [CHECK]?: unknown })[CHECK];
  return typeof check === 'function' ? (check as PatternCheck) : undefined;
}

/**
 * Validates a rule's `pattern` — a RegExp, or plain JSON `{ source, flags? }` — and returns the RegExp
 * a rule runs: checked for catastrophic backtracking, without the `g` and `y` flags.
 */
export function rulePattern(
  written: unknown,
  origin: PatternOrigin,
  report: Report,
  checkPattern: PatternCheck | undefined,
): RegExp | undefined {
  const pattern = written instanceof RegExp ? written : patternFromJson(written, origin, report);
  if (pattern === undefined) return undefined;
  if (pattern.source.length > MAX_PATTERN_SOURCE_LENGTH) {
    report(['pattern'], `is longer than ${MAX_PATTERN_SOURCE_LENGTH} characters`);
    return undefined;
  }
  const check = checkPattern ?? (written instanceof RegExp ? carriedCheck(written) : undefined);
  if (check === undefined) {
    report(
      ['pattern'],
      "needs the pattern check: pass `patterns: patternSafety` (import { patternSafety } from 'sentry-expected-errors')",
    );
    return undefined;
  }
  const problem = check(pattern);
  if (problem !== undefined) {
    report(['pattern'], problem);
    return undefined;
  }
  // `g` and `y` make `test()` stateful through `lastIndex`; a rule must answer the same way every time.
  const flags = pattern.flags.replace(/[gy]/g, '');
  return flags === pattern.flags ? pattern : new RegExp(pattern.source, flags);
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
