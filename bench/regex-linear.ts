/**
 * Every regex built into the package runs in time linear in its input. Finds each one in `src/` (regex
 * literals and `new RegExp(…)` built from constants), picks for it the adversarial input that costs it
 * most per byte (runs of its own literal words glued by the separators its classes share, the shapes that
 * make a backtracking engine rescan), then times it on 10 KB, 100 KB and 1 MB of that input. Linear means
 * the per-byte cost at 1 MB is the per-byte cost at 10 KB: the ratio is ≈ 1 (a quadratic pattern shows
 * ≈ 100). Rounds alternate the sizes; each size reads the same number of bytes per round.
 *
 * `node --import tsx bench/regex-linear.ts` runs it alone; `npm run bench` includes it as a section.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { redactSecrets } from '../src/index.js';
import { summarize } from '../src/redact/index.js';

const SOURCE_ROOT = new URL('../src/', import.meta.url).pathname;
const SIZES = [10_000, 100_000, 1_000_000] as const;
const BYTES_PER_MEASURE = 1_000_000;
const ROUNDS = 5;
const SCREEN_SIZE = 20_000;
const MIN_NANOS = 2_000_000;
/** Glue that the secret, URL and header patterns share with ordinary text. */
const SEPARATORS = ['', '-', '.', ' ', ':', '=', '/', '@', '_', '"', '\\', '\n'];
/** Pumps that are bad for someone whatever the pattern says. */
const GENERIC_UNITS = [
  'a',
  'a-',
  'a.',
  'a_',
  'a ',
  '1',
  ' ',
  '\t',
  'a://',
  'a@a:',
  '<a',
  '%s',
  '\\"',
  'eyJ-',
];

/** A regex found in the source, with where it is. */
interface FoundRegex {
  readonly where: string;
  readonly regex: RegExp;
}

/** Regex literals and constant-built `new RegExp(…)` of every `.ts` file under `src/`. */
export function builtInRegexes(root = SOURCE_ROOT): { found: FoundRegex[]; skipped: string[] } {
  const found: FoundRegex[] = [];
  const skipped: string[] = [];
  for (const path of sourceFiles(root)) {
    const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
    const where = (node: ts.Node) =>
      `${relative(root, path)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
    const visit = (node: ts.Node): void => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const text = node.getText();
        const end = text.lastIndexOf('/');
        found.push({ where: where(node), regex: new RegExp(text.slice(1, end), text.slice(end + 1)) });
      } else if (ts.isNewExpression(node) && node.expression.getText() === 'RegExp') {
        const [pattern, flags] = (node.arguments ?? []).map((argument) => constantString(argument, source));
        if (pattern === undefined) skipped.push(`${where(node)} (built from a user's pattern)`);
        else found.push({ where: where(node), regex: new RegExp(pattern, flags ?? '') });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return { found, skipped };
}

function sourceFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

/** The value of a string expression made of literals, templates, `+` and `const`s of the same file. */
function constantString(node: ts.Node, file: ts.SourceFile): string | undefined {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isParenthesizedExpression(node)) return constantString(node.expression, file);
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    const left = constantString(node.left, file);
    const right = constantString(node.right, file);
    return left === undefined || right === undefined ? undefined : left + right;
  }
  if (ts.isTemplateExpression(node)) {
    let text = node.head.text;
    for (const span of node.templateSpans) {
      const value = constantString(span.expression, file);
      if (value === undefined) return undefined;
      text += value + span.literal.text;
    }
    return text;
  }
  if (ts.isIdentifier(node)) {
    let value: string | undefined;
    const find = (candidate: ts.Node): void => {
      if (
        ts.isVariableDeclaration(candidate) &&
        candidate.name.getText() === node.text &&
        candidate.initializer
      )
        value = constantString(candidate.initializer, file);
      else ts.forEachChild(candidate, find);
    };
    find(file);
    return value;
  }
  return undefined;
}

/** Runs `regex` over `text` the way the package uses it: every match for `g`, else the first. */
function scan(regex: RegExp, text: string): number {
  const pattern = new RegExp(regex.source, regex.flags);
  if (!pattern.global) return pattern.exec(text) ? 1 : 0;
  let matches = 0;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    matches++;
    if (match[0].length === 0) pattern.lastIndex++;
  }
  return matches;
}

/** The literal words of a pattern (`Bearer`, `eyJ`, `title`), its most likely pumps. */
function literalWords(source: string): string[] {
  const words = new Set<string>();
  const stripped = source.replace(/\\./g, ' ').replace(/\[[^\]]{0,200}\]/g, ' ');
  for (const word of stripped.match(/[A-Za-z0-9]{2,24}/g) ?? []) words.add(word);
  for (const literal of source.match(/(?:\\.|[^[\]()|?*+{}^$\\]){3,24}/g) ?? [])
    words.add(literal.replace(/\\(.)/g, '$1'));
  return [...words].slice(0, 24);
}

function fill(unit: string, size: number): string {
  return unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
}

/**
 * Nanoseconds per byte of `run` over inputs of `size`: at least BYTES_PER_MEASURE bytes and MIN_NANOS of
 * work per measure, so a pattern that stops early (anchored) is not lost in the timer's resolution.
 */
function nanosPerByte(run: (text: string) => unknown, unit: string, size: number): number {
  const text = fill(unit, size);
  const minimumRepeats = Math.max(1, Math.round(BYTES_PER_MEASURE / size));
  // The first run flattens the string V8 built by repetition; only runs over a flat string are timed.
  run(text);
  let repeats = 0;
  const start = process.hrtime.bigint();
  let elapsed = 0;
  while (repeats < minimumRepeats || (elapsed < MIN_NANOS && repeats < 100_000)) {
    run(text);
    repeats++;
    elapsed = Number(process.hrtime.bigint() - start);
  }
  return elapsed / (repeats * size);
}

/** The pump that costs `run` most per byte, screened on SCREEN_SIZE characters. */
function worstUnit(run: (text: string) => unknown, units: readonly string[]): string {
  let worst = units[0] as string;
  let worstCost = -1;
  for (const unit of units) {
    const text = fill(unit, SCREEN_SIZE);
    run(text);
    const start = process.hrtime.bigint();
    run(text);
    const cost = Number(process.hrtime.bigint() - start);
    if (cost > worstCost) [worst, worstCost] = [unit, cost];
  }
  return worst;
}

export interface LinearityRow {
  readonly name: string;
  readonly unit: string;
  readonly nanosAt10k: number;
  readonly ratio: number;
  readonly min: number;
  readonly max: number;
}

/** Per-byte cost at 1 MB over 10 KB, median of alternating rounds with min and max. */
function measure(name: string, run: (text: string) => unknown, units: readonly string[]): LinearityRow {
  const unit = worstUnit(run, units);
  const ratios: number[] = [];
  const small: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const order = round % 2 === 0 ? SIZES : [...SIZES].reverse();
    const costs = new Map(order.map((size) => [size, nanosPerByte(run, unit, size)]));
    small.push(costs.get(10_000) as number);
    ratios.push((costs.get(1_000_000) as number) / (costs.get(10_000) as number));
  }
  return {
    name,
    unit,
    nanosAt10k: median(small),
    ratio: median(ratios),
    min: Math.min(...ratios),
    max: Math.max(...ratios),
  };
}

function median(values: readonly number[]): number {
  return [...values].sort((left, right) => left - right)[Math.floor(values.length / 2)] as number;
}

/** The report as Markdown lines: one row per built-in regex, then the two redaction entry points. */
export function regexLinearityReport(): string[] {
  const { found, skipped } = builtInRegexes();
  const rows: LinearityRow[] = [];
  for (const { where, regex } of found) {
    const words = literalWords(regex.source);
    const units = [
      ...GENERIC_UNITS,
      ...words.flatMap((word) => SEPARATORS.map((separator) => word + separator)),
    ];
    rows.push(measure(`\`${where}\``, (text) => scan(regex, text), units));
  }
  const everyWord = [...new Set(found.flatMap(({ regex }) => literalWords(regex.source)))];
  const pumps = [
    ...GENERIC_UNITS,
    ...everyWord.flatMap((word) => ['-', '.', ' ', ':', '='].map((s) => word + s)),
  ];
  rows.push(measure('`redactSecrets` (every shape in turn)', redactSecrets, pumps));
  rows.push(measure('`summarize`', summarize, pumps));

  const lines = [
    `${found.length} regexes in src/ and the two redaction entry points, each on the input (of ${GENERIC_UNITS.length} generic pumps and its own literal words glued by ${SEPARATORS.length} separators) that costs it most per byte. Ratio = per-byte cost at 1 MB ÷ per-byte cost at 10 KB, median of ${ROUNDS} alternating rounds (min–max); linear ≈ 1, quadratic ≈ 100.`,
    '',
    '| regex | worst input (repeated) | ns/byte at 10 KB | 1 MB ÷ 10 KB per byte |',
    '|---|---|---:|---:|',
    ...rows.map(
      (row) =>
        `| ${row.name} | \`${JSON.stringify(row.unit).slice(1, -1).replaceAll('|', '\\|').replaceAll('`', "'")}\` | ${row.nanosAt10k.toFixed(2)} | **${row.ratio.toFixed(2)}** (${row.min.toFixed(2)}–${row.max.toFixed(2)}) |`,
    ),
  ];
  const worst = rows.reduce((left, right) => (right.ratio > left.ratio ? right : left));
  lines.push('', `Worst ratio: **${worst.ratio.toFixed(2)}** (${worst.name}).`);
  if (skipped.length > 0) lines.push(`Not measured: ${skipped.join(', ')}.`);
  return lines;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const line of regexLinearityReport()) console.log(line);
}
