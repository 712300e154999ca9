import { readFile, stat } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { rulesFromJson } from '../rules/from-json.js';
import type { Rule } from '../rules/types.js';
import { CliInputError, describeFileError } from './cli-error.js';
import { parseJson } from './json-text.js';
import { isJsonObject } from './recorded-event.js';

const TYPESCRIPT_EXTENSIONS = new Set(['.ts', '.mts', '.cts', '.tsx']);

/**
 * Loads a rule set from `path`: an ES module exporting `rules` (named) or a default export (the array,
 * or an object with a `rules` array), or a JSON file holding the array (or `{ "rules": [...] }`).
 *
 * A JSON file goes through `rulesFromJson` (a `pattern` is written `{ "source": "…", "flags": "i" }`).
 * Throws `CliInputError` when the file cannot be loaded or exports no rules, `RuleConfigError` (listing
 * every problem) for a malformed JSON rule set.
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
  // Validated here, with every problem listed, so a JSON file's `pattern` advice speaks of JSON.
  return rulesFromJson(parsed.value);
}
