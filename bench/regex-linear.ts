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
import { httpClientRules, llmSdkRules, recommendedRules, redactSecrets } from '../src/index.js';
import { summarize } from '../src/redact/index.js';
import { compileLinearPattern, type LinearPattern } from '../src/rules/linear-pattern.js';

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
  // What the high-entropy rule and the PEM label read, and a secret-like run that never ends.
  '-----BEGIN PRIVATE KEY----- ',
  '-----BEGIN A B C D E F G H ',
  'a9Fk2Lm0Qz7Xw3Rt8Vb1Nc6 ',
  'a9Fk2Lm0',
  'x adobeToken := ',
  'BUNDLE_A__B__C__DToken',
  '<apiToken>',
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

/** The built-in packs' rule patterns (one host glob set for `thirdPartyHosts`), as rules run them. */
function builtInRulePatterns(): RegExp[] {
  const rules = [
    ...recommendedRules({ runsOn: 'server', thirdPartyHosts: ['api.example.com', '*.example.org'] }),
    ...recommendedRules({ runsOn: 'device' }),
    ...httpClientRules({ thirdPartyHosts: ['*.example.org'] }),
    ...llmSdkRules(),
  ];
  const seen = new Map<string, RegExp>();
  for (const rule of rules) {
    if (rule.pattern instanceof RegExp) seen.set(String(rule.pattern), rule.pattern);
  }
  return [...seen.values()];
}

function linearPattern(pattern: RegExp): LinearPattern {
  const matcher = compileLinearPattern(pattern);
  if (typeof matcher === 'string') throw new Error(matcher);
  return matcher;
}

/** The costliest input an automaton at the 128-state cap can meet: states active, no set ever repeated. */
const WORST_AT_THE_CAP = /(?:a|b)*a(?:a|b){40}x/;

function milliseconds(run: () => unknown): number {
  const times: number[] = [];
  for (let round = 0; round < 9; round++) {
    const start = process.hrtime.bigint();
    run();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return median(times);
}

/**
 * Rule patterns as the package runs them (the linear automaton of `patternSafety`): each built-in pack's
 * pattern per byte at 10 KB and 1 MB, the milliseconds an event's 8,192-character window costs at the
 * 128-state cap on its worst input, and how many of the corpus's refused patterns JavaScript would have
 * run in linear time anyway.
 */
export function rulePatternReport(): string[] {
  const rows = builtInRulePatterns().map((pattern) => {
    const matcher = linearPattern(pattern);
    const units = [
      ...GENERIC_UNITS,
      ...literalWords(pattern.source).flatMap((word) => SEPARATORS.map((s) => word + s)),
    ];
    return measure(
      `\`${String(pattern).replaceAll('|', '\\|')}\` (${matcher.states} states)`,
      (text) => matcher.test(text),
      units,
    );
  });
  const cap = linearPattern(WORST_AT_THE_CAP);
  let seed = 7;
  const letters = Array.from({ length: 8_192 }, () => {
    seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0;
    return (seed >>> 16) % 2 === 0 ? 'a' : 'b';
  }).join('');
  cap.test(letters);
  const capMilliseconds = milliseconds(() => cap.test(letters));
  const refused = refusedCorpusPatterns();
  const linearAnyway = refused.filter((pattern) => nativeIsLinear(pattern));
  return [
    `The built-in packs' ${rows.length} rule patterns, run by the linear automaton (\`patternSafety\`), each on the input that costs it most per byte; ratio as above.`,
    '',
    '| rule pattern | worst input (repeated) | ns/byte at 10 KB | 1 MB ÷ 10 KB per byte |',
    '|---|---|---:|---:|',
    ...rows.map(
      (row) =>
        `| ${row.name} | \`${JSON.stringify(row.unit).slice(1, -1).replaceAll('|', '\\|').replaceAll('`', "'")}\` | ${row.nanosAt10k.toFixed(2)} | **${row.ratio.toFixed(2)}** (${row.min.toFixed(2)}–${row.max.toFixed(2)}) |`,
    ),
    '',
    `At the 128-state cap, \`${String(WORST_AT_THE_CAP)}\` (${cap.states} states) on 8,192 random \`a\`/\`b\` — every state active, no state set repeated, so nothing is cached — costs **${capMilliseconds.toFixed(2)} ms** (median of 9), ${((capMilliseconds * 1e6) / 8_192).toFixed(0)} ns a character.`,
    '',
    `Of the regex corpus's ${refused.length} refused patterns (test/fixtures/regex-corpus), JavaScript's own engine runs **${linearAnyway.length}** in linear time on every input tried (per-byte cost at 20 KB within 3× of 2 KB on the costliest of its pumps, none over 50 ms on 2 KB): refused though linear, for lookaround or backreferences the automaton cannot express, or for their size.`,
  ];
}

function refusedCorpusPatterns(): RegExp[] {
  const corpus: Array<{ source: string; flags: string }> = JSON.parse(
    readFileSync(new URL('../test/fixtures/regex-corpus/patterns.json', import.meta.url), 'utf8'),
  );
  return corpus
    .map(({ source, flags }) => new RegExp(source, flags))
    .filter((pattern) => typeof compileLinearPattern(pattern) === 'string');
}

/** Whether JavaScript runs `pattern` in linear time on its costliest pump (screened at 2 KB, timed at 2 and 20 KB). */
function nativeIsLinear(pattern: RegExp): boolean {
  const run = (text: string) => scan(pattern, text);
  const units = [
    ...GENERIC_UNITS,
    ...literalWords(pattern.source)
      .slice(0, 6)
      .flatMap((word) => ['', ' ', '.', '-'].map((separator) => word + separator)),
  ];
  let worst = units[0] as string;
  let worstCost = -1;
  for (const unit of units) {
    const text = fill(unit, 2_000);
    const start = process.hrtime.bigint();
    run(text);
    const cost = Number(process.hrtime.bigint() - start);
    if (cost > 50_000_000) return false; // 50 ms on 2 KB: not linear
    if (cost > worstCost) [worst, worstCost] = [unit, cost];
  }
  const small = nanosPerByte(run, worst, 2_000);
  const large = nanosPerByte(run, worst, 20_000);
  return large <= small * 3;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const line of regexLinearityReport()) console.log(line);
  for (const line of rulePatternReport()) console.log(line);
}
