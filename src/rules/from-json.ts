import { describe, optionProblem, RuleConfigError } from './errors.js';
import { isPlainObject } from './field-checks.js';
import type { Rule } from './types.js';
import { normalizeRules } from './validate.js';

const OWNER = 'rulesFromJson';

/**
 * Reads rules written as plain JSON — a JSON text, or data already parsed — and validates them the way
 * `createClassifier` would. Accepts an array of rules or `{ "rules": [...] }`; a `pattern` is written
 * `{ "source": "…", "flags": "i" }`. Returns the rules as given (ready for `createClassifier`,
 * `setRules` or `checkRules`), or throws one `RuleConfigError` whose `problems` lists every problem.
 *
 * @example
 * const rules = rulesFromJson(await readFile('rules.json', 'utf8'));
 * Sentry.init({ integrations: [expectedErrorsIntegration({ rules })] });
 */
export function rulesFromJson(json: unknown): Rule[] {
  let data = json;
  if (typeof json === 'string') {
    try {
      data = JSON.parse(json.charCodeAt(0) === 0xfeff ? json.slice(1) : json);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw RuleConfigError.forOption(OWNER, 'json', `is not valid JSON: ${reason}`);
    }
  }
  const rules = Array.isArray(data) ? data : isPlainObject(data) ? data.rules : undefined;
  if (!Array.isArray(rules)) {
    throw RuleConfigError.forOption(
      OWNER,
      'json',
      `must hold an array of rules, or an object with a \`rules\` array (got ${describe(data)})`,
    );
  }
  const extra = isPlainObject(data)
    ? Object.keys(data).filter((key) => key !== 'rules' && key !== '$schema')
    : [];
  const problems = extra.map((key) =>
    optionProblem(OWNER, key, 'is not a field of a rules file (rules, $schema)'),
  );
  try {
    normalizeRules(rules, 'json');
  } catch (error) {
    if (!RuleConfigError.isInstance(error)) throw error;
    problems.push(...error.problems);
  }
  if (problems.length > 0) throw new RuleConfigError(problems);
  return rules as Rule[];
}
