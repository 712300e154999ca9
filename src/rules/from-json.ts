import { describe, optionProblem, RuleConfigError, type RuleConfigProblem, ruleProblem } from './errors.js';
import { isPlainObject } from './field-checks.js';
import { compileLinearPattern } from './linear-pattern.js';
import type { Rule } from './types.js';
import { normalizeRules } from './validate.js';

const OWNER = 'rulesFromJson';
/** Most rules a rules file may hold. */
const MAX_RULES = 10_000;
/** Longest string (a key or a value) anywhere in a rule, in UTF-8 bytes. */
const MAX_STRING_BYTES = 64 * 1024;
/** Largest rules file, in UTF-8 bytes: the text, or the strings of parsed data (each value counts one more). */
const MAX_TOTAL_BYTES = 4 * 1024 * 1024;

/**
 * Reads rules written as plain JSON — a JSON text, its UTF-8 bytes (a `Uint8Array` or `Buffer`), or data
 * already parsed — and validates them the way `createClassifier` would. Accepts an array of rules or
 * `{ "rules": [...] }`; a `pattern` is written `{ "source": "…", "flags": "i" }`. Returns the rules as given
 * (ready for `createClassifier`, `setRules` or `checkRules`), or throws one `RuleConfigError` whose
 * `problems` lists every problem. Refuses, before validating any rule, a file over 4 MiB, more than 10,000
 * rules, or a string over 64 KiB.
 *
 * @example
 * const rules = rulesFromJson(await readFile('rules.json', 'utf8'));
 * Sentry.init({ integrations: [expectedErrorsIntegration({ rules })] });
 */
export function rulesFromJson(json: unknown): Rule[] {
  let data = json;
  if (json instanceof Uint8Array) {
    if (json.byteLength > MAX_TOTAL_BYTES) throw tooLarge();
    data = parse(decodeUtf8(json));
  } else if (typeof json === 'string') {
    const bytes = utf8Length(json, MAX_TOTAL_BYTES);
    if (bytes > MAX_TOTAL_BYTES) throw tooLarge();
    data = parse(json);
  }
  const rules = Array.isArray(data) ? data : isPlainObject(data) ? data.rules : undefined;
  if (!Array.isArray(rules)) {
    throw RuleConfigError.forOption(
      OWNER,
      'json',
      `must hold an array of rules, or an object with a \`rules\` array (got ${describe(data)})`,
    );
  }
  if (rules.length > MAX_RULES) {
    throw RuleConfigError.forOption(
      OWNER,
      'json',
      `holds ${rules.length} rules, over the limit of 10,000 rules in a rules file`,
    );
  }
  checkSizes(rules);
  const extra = isPlainObject(data)
    ? Object.keys(data).filter((key) => key !== 'rules' && key !== '$schema')
    : [];
  const problems: RuleConfigProblem[] = extra.map((key) =>
    optionProblem(OWNER, key, 'is not a field of a rules file (rules, $schema)'),
  );
  try {
    normalizeRules(rules, compileLinearPattern, 'json');
  } catch (error) {
    if (!RuleConfigError.isInstance(error)) throw error;
    // One at a time: spreading a million problems into `push` overflows the stack.
    for (const problem of error.problems) problems.push(problem);
  }
  if (problems.length > 0) throw new RuleConfigError(problems);
  return rules as Rule[];
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw RuleConfigError.forOption(OWNER, 'json', `is not valid JSON: ${reason}`);
  }
}

function decodeUtf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw RuleConfigError.forOption(OWNER, 'json', `is not UTF-8 text (${bytes.byteLength} bytes)`);
  }
}

function tooLarge(): RuleConfigError {
  return RuleConfigError.forOption(
    OWNER,
    'json',
    'is over the 4 MiB limit of a rules file (4,194,304 bytes of UTF-8)',
  );
}

/** The UTF-8 length of `text`, counted up to a little past `limit` (then the count stops). */
function utf8Length(text: string, limit: number): number {
  if (text.length > limit) return text.length;
  let bytes = 0;
  for (let index = 0; index < text.length && bytes <= limit; index++) {
    const code = text.charCodeAt(index);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && index + 1 < text.length) {
      bytes += 4;
      index++;
    } else bytes += 3;
  }
  return bytes;
}

/**
 * Refuses parsed rules whose strings (keys and values) are over the limits: one over 64 KiB, or all together
 * over 4 MiB, counting one byte more for every value so that neither a wide, a deep nor a cyclic structure
 * is walked for long. Walks with its own stack, never recursion; the stack holds only counted values.
 */
function checkSizes(rules: readonly unknown[]): void {
  let total = rules.length;
  const stack: unknown[] = [];
  for (let index = 0; index < rules.length; index++) {
    stack.push(rules[index]);
    while (stack.length > 0) {
      const value = stack.pop();
      if (typeof value === 'string') total += stringBytes(value, index);
      else if (Array.isArray(value)) {
        total += value.length;
        if (total > MAX_TOTAL_BYTES) throw tooLarge();
        for (const item of value) stack.push(item);
      } else if (typeof value === 'object' && value !== null) {
        const keys = Object.keys(value);
        total += keys.length;
        if (total > MAX_TOTAL_BYTES) throw tooLarge();
        for (const key of keys) {
          total += stringBytes(key, index);
          stack.push((value as Record<string, unknown>)[key]);
        }
      }
      if (total > MAX_TOTAL_BYTES) throw tooLarge();
    }
  }
}

/** The UTF-8 length of a string of rule `index`, or a `RuleConfigError` when it is over 64 KiB. */
function stringBytes(text: string, index: number): number {
  const bytes = utf8Length(text, MAX_STRING_BYTES);
  if (bytes <= MAX_STRING_BYTES) return bytes;
  throw new RuleConfigError([
    ruleProblem(index, undefined, 'rule', ['rule'], 'holds a string over the 64 KiB limit of a rules file'),
  ]);
}
