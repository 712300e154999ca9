/**
 * Records the regex corpus: the regular expressions real packages ship, read from their built JavaScript
 * in node_modules (regex literals, and `new RegExp('…', '…')` with literal arguments), for the linear
 * matcher's corpus test. Writes `test/fixtures/regex-corpus/patterns.json`: `{ from, source, flags }` per
 * distinct pattern that compiles on this Node, in package order, at most `PER_PACKAGE` per package.
 *
 *   npx tsx scripts/record-regex-corpus.ts
 *
 * Re-running it with the same installed versions rewrites the same file.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

/** Packages an app with this integration has installed, and a few known for their many patterns. */
const PACKAGES = [
  '@sentry/core',
  '@sentry/node',
  'openai',
  '@anthropic-ai/sdk',
  '@google/genai',
  'axios',
  'got',
  'ky',
  'undici',
  'superagent',
  'node-fetch',
  'express',
  'koa',
  'fastify',
  'hono',
  'ws',
  'jose',
  'jsonwebtoken',
  'firebase-admin',
  'ajv',
  'zod',
  'semver',
  'yargs',
  'commander',
  'picomatch',
  'minimatch',
  'path-to-regexp',
  'qs',
  'cookie',
  'content-type',
  'mime-types',
  'uuid',
  'marked',
  'postcss',
  'highlight.js',
  'vite',
  'rollup',
  'fast-check',
  'typescript',
];
const PER_PACKAGE = 400;
const MAX_FILE_BYTES = 12_000_000;
const root = new URL('..', import.meta.url).pathname;
const out = join(root, 'test/fixtures/regex-corpus/patterns.json');

function jsFiles(directory: string): string[] {
  const files: string[] = [];
  for (const name of readdirSync(directory).sort()) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const path = join(directory, name);
    const stat = statSync(path);
    if (stat.isDirectory()) files.push(...jsFiles(path));
    else if (/\.(c|m)?js$/.test(name) && !name.endsWith('.min.js') && stat.size <= MAX_FILE_BYTES)
      files.push(path);
  }
  return files;
}

/** The patterns written in one file, in source order. */
function patternsIn(file: string): Array<{ source: string; flags: string }> {
  const found: Array<{ source: string; flags: string }> = [];
  const sourceFile = ts.createSourceFile(
    file,
    readFileSync(file, 'utf8'),
    ts.ScriptTarget.Latest,
    false,
    ts.ScriptKind.JS,
  );
  const visit = (node: ts.Node): void => {
    if (ts.isRegularExpressionLiteral(node)) {
      const text = node.text;
      const end = text.lastIndexOf('/');
      found.push({ source: text.slice(1, end), flags: text.slice(end + 1) });
    } else if (
      ts.isNewExpression(node) &&
      ts.isIdentifier(node.expression) &&
      node.expression.text === 'RegExp' &&
      node.arguments?.[0] !== undefined &&
      ts.isStringLiteralLike(node.arguments[0]) &&
      (node.arguments[1] === undefined || ts.isStringLiteralLike(node.arguments[1]))
    ) {
      const flags = node.arguments[1];
      found.push({
        source: node.arguments[0].text,
        flags: flags && ts.isStringLiteralLike(flags) ? flags.text : '',
      });
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return found;
}

const corpus: Array<{ from: string; source: string; flags: string }> = [];
const seen = new Set<string>();
for (const name of PACKAGES) {
  const directory = join(root, 'node_modules', name);
  let version: string;
  try {
    version = JSON.parse(readFileSync(join(directory, 'package.json'), 'utf8')).version;
  } catch {
    console.log(`${name}: not installed, skipped`);
    continue;
  }
  let taken = 0;
  for (const file of jsFiles(directory)) {
    for (const { source, flags } of patternsIn(file)) {
      if (taken >= PER_PACKAGE) break;
      const key = `/${source}/${flags}`;
      if (seen.has(key) || source.length === 0 || source.length > 2_000) continue;
      try {
        new RegExp(source, flags);
      } catch {
        continue; // written for a newer engine, or not a pattern after all
      }
      seen.add(key);
      corpus.push({ from: `${name}@${version}`, source, flags });
      taken++;
    }
  }
  console.log(`${name}@${version}: ${taken} patterns`);
}
writeFileSync(out, `${JSON.stringify(corpus, null, 1)}\n`);
console.log(`${corpus.length} patterns → ${out}`);
