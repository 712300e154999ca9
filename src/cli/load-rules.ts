import { readFile, stat } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { RuleConfigError } from '../errors.js';
import type { Rule } from '../rules/types.js';
import { CliInputError, describeFileError } from './cli-error.js';
import { parseJson } from './json-text.js';
import { isJsonObject } from './recorded-event.js';

const TYPESCRIPT_EXTENSIONS = new Set(['.ts', '.mts', '.cts', '.tsx']);

/**
 * Loads a rule set from `path`: an ES module exporting `rules` (named) or a default export (the array,
 * or an object with a `rules` array), or a JSON file holding the array (or `{ "rules": [...] }`).
 *
 * JSON has no RegExp, so a JSON rule writes `pattern` as `{ "source": "…", "flags": "i" }`; it becomes
 * `new RegExp(source, flags)` and is then checked like any other pattern. Throws `CliInputError` when
 * the file cannot be loaded or exports no rules, `RuleConfigError` for a JSON pattern that is no RegExp.
 */
export async function loadRules(path: string): Promise<readonly Rule[]> {
  await stat(path).catch((error: unknown) => {
    throw new CliInputError(`--rules ${path}: ${describeFileError(error)}`);
  });
  return extname(path).toLowerCase() === '.json' ? loadJsonRules(path) : loadModuleRules(path);
}

async function loadModuleRules(path: string): Promise<readonly Rule[]> {
  let namespace: Record<string, unknown>;
  try {
    namespace = (await import(pathToFileURL(resolve(path)).href)) as Record<string, unknown>;
  } catch (error) {
    const reason = error instanceof Error ? (error.message.split('\n', 1)[0] ?? '') : String(error);
    const hint = TYPESCRIPT_EXTENSIONS.has(extname(path).toLowerCase())
      ? ' (a TypeScript rules module needs a loader: NODE_OPTIONS="--import tsx", or compile it to .js)'
      : '';
    throw new CliInputError(`--rules ${path}: cannot load the module: ${reason}${hint}`);
  }
  const candidate = namespace.rules ?? rulesOfDefault(namespace.default);
  if (candidate === undefined) {
    const exports = Object.keys(namespace)
      .filter((name) => name !== 'default')
      .sort();
    const found = exports.length > 0 ? `; it exports ${exports.join(', ')}` : '';
    throw new CliInputError(
      `--rules ${path}: exports no rules (expected a named export \`rules\` or a default export holding the array${found})`,
    );
  }
  if (!Array.isArray(candidate)) {
    throw new CliInputError(`--rules ${path}: the \`rules\` export is not an array`);
  }
  return candidate as readonly Rule[];
}

function rulesOfDefault(value: unknown): unknown {
  if (Array.isArray(value)) return value;
  return isJsonObject(value) ? value.rules : undefined;
}

async function loadJsonRules(path: string): Promise<readonly Rule[]> {
  const text = await readFile(path, 'utf8').catch((error: unknown) => {
    throw new CliInputError(`--rules ${path}: ${describeFileError(error)}`);
  });
  const parsed = parseJson(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  if (!parsed.ok) {
    const { line, column, problem } = parsed.error;
    throw new CliInputError(`--rules ${path}: bad JSON on line ${line}, column ${column}: ${problem}`);
  }
  const list = Array.isArray(parsed.value)
    ? parsed.value
    : isJsonObject(parsed.value)
      ? parsed.value.rules
      : undefined;
  if (!Array.isArray(list)) {
    throw new CliInputError(
      `--rules ${path}: expected an array of rules, or an object with a \`rules\` array`,
    );
  }
  return list.map((rule, index) => withJsonPattern(rule, index));
}

/** Turns a JSON rule's `{ "source", "flags" }` pattern into a RegExp; leaves everything else to validation. */
function withJsonPattern(rule: unknown, index: number): Rule {
  if (!isJsonObject(rule) || rule.pattern === undefined) return rule as Rule;
  const id = typeof rule.id === 'string' ? rule.id : undefined;
  const { pattern } = rule;
  if (!isJsonObject(pattern) || typeof pattern.source !== 'string') {
    throw new RuleConfigError(
      index,
      id,
      'pattern',
      'must be written as { "source": "…", "flags": "…" } in a JSON rules file (JSON has no RegExp)',
    );
  }
  if (pattern.flags !== undefined && typeof pattern.flags !== 'string') {
    throw new RuleConfigError(index, id, 'pattern.flags', 'must be a string of RegExp flags, e.g. "i"');
  }
  try {
    return { ...rule, pattern: new RegExp(pattern.source, pattern.flags ?? '') } as unknown as Rule;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new RuleConfigError(index, id, 'pattern', `is not a valid RegExp: ${reason}`);
  }
}
