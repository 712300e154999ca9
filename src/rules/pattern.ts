import type { Report } from './field-checks.js';
import { checkPatternSafety } from './regex-safety.js';

const MAX_PATTERN_SOURCE_LENGTH = 2_000;

/** How a pattern is written where it failed validation: in code (a RegExp) or in JSON. */
export type PatternOrigin = 'code' | 'json';

/**
 * Validates a rule's `pattern` — a RegExp, or plain JSON `{ source, flags? }` — and returns the RegExp
 * a rule runs: checked for catastrophic backtracking, without the `g` and `y` flags.
 */
export function rulePattern(written: unknown, origin: PatternOrigin, report: Report): RegExp | undefined {
  const pattern = written instanceof RegExp ? written : patternFromJson(written, origin, report);
  if (pattern === undefined) return undefined;
  if (pattern.source.length > MAX_PATTERN_SOURCE_LENGTH) {
    report(['pattern'], `is longer than ${MAX_PATTERN_SOURCE_LENGTH} characters`);
    return undefined;
  }
  const problem = checkPatternSafety(pattern);
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
