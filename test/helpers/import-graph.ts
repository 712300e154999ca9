import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { REPOSITORY } from './spawn.js';

/** One import of a module, as written. */
export interface ImportEdge {
  /** The specifier: `./rules/match.js`, `@sentry/core`, `node:fs`. */
  readonly specifier: string;
  /** The imported module as a path from the repository root (`src/rules/match.ts`), for a relative import. */
  readonly target: string | undefined;
  /** `static` (import/export … from), `dynamic` (`import()`), or `type` (erased at runtime). */
  readonly kind: 'static' | 'dynamic' | 'type';
}

/** Every module under src/ (paths from the repository root) and the imports each one writes. */
export type ImportGraph = ReadonlyMap<string, readonly ImportEdge[]>;

/** Reads the import graph of src/ with the TypeScript parser (so `import type` and `import()` are told apart). */
export function readImportGraph(): ImportGraph {
  const graph = new Map<string, ImportEdge[]>();
  for (const file of sourceFiles(join(REPOSITORY, 'src'))) {
    const path = relative(REPOSITORY, file);
    graph.set(path, importsOf(path, readFileSync(file, 'utf8')));
  }
  return graph;
}

/** Modules reached from `start` through edges of the given kinds (`start` included). */
export function reachable(
  graph: ImportGraph,
  start: string,
  kinds: ReadonlyArray<ImportEdge['kind']>,
): Set<string> {
  const seen = new Set<string>();
  const visit = (path: string): void => {
    if (seen.has(path)) return;
    seen.add(path);
    for (const edge of graph.get(path) ?? []) {
      if (edge.target !== undefined && kinds.includes(edge.kind)) visit(edge.target);
    }
  };
  visit(start);
  return seen;
}

/** Every cycle of runtime (`static`) imports, each as the list of modules around it. */
export function runtimeCycles(graph: ImportGraph): string[][] {
  const cycles: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (path: string): void => {
    state.set(path, 'open');
    stack.push(path);
    for (const edge of graph.get(path) ?? []) {
      if (edge.kind !== 'static' || edge.target === undefined) continue;
      const next = state.get(edge.target);
      if (next === 'open') cycles.push([...stack.slice(stack.indexOf(edge.target)), edge.target]);
      else if (next === undefined) visit(edge.target);
    }
    stack.pop();
    state.set(path, 'done');
  };
  for (const path of graph.keys()) if (!state.has(path)) visit(path);
  return cycles;
}

function importsOf(path: string, text: string): ImportEdge[] {
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const edges: ImportEdge[] = [];
  const add = (specifier: string, kind: ImportEdge['kind']): void => {
    const target = specifier.startsWith('.')
      ? relative(REPOSITORY, resolve(REPOSITORY, dirname(path), specifier)).replace(/\.js$/, '.ts')
      : undefined;
    edges.push({ specifier, target, kind });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      add(node.moduleSpecifier.text, isTypeOnlyImport(node) ? 'type' : 'static');
    } else if (
      ts.isExportDeclaration(node) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      add(node.moduleSpecifier.text, isTypeOnlyExport(node) ? 'type' : 'static');
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] !== undefined &&
      ts.isStringLiteral(node.arguments[0])
    ) {
      add(node.arguments[0].text, 'dynamic');
    } else if (
      ts.isImportTypeNode(node) &&
      ts.isLiteralTypeNode(node.argument) &&
      ts.isStringLiteral(node.argument.literal)
    ) {
      add(node.argument.literal.text, 'type');
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return edges;
}

/**
 * `import type …` only: under `verbatimModuleSyntax`, `import { type A } from './a.js'` is kept as
 * `import {} from './a.js'`, which still loads the module.
 */
function isTypeOnlyImport(node: ts.ImportDeclaration): boolean {
  return node.importClause?.isTypeOnly === true;
}

function isTypeOnlyExport(node: ts.ExportDeclaration): boolean {
  return node.isTypeOnly;
}

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}
