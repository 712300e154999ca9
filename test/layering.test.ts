import { describe, expect, it } from 'vitest';
import { type ImportGraph, reachable, readImportGraph, runtimeCycles } from './helpers/import-graph.js';

const graph: ImportGraph = readImportGraph();
const INTEGRATION = 'src/integration/integration.ts';
/** The Sentry integrations the package exports: the classifier's, and the renderer's marks. */
const INTEGRATIONS = [INTEGRATION, 'src/marks/marks-integration.ts'];

/** `module → specifier` for every import of `kinds` in `modules` that `isViolation` flags. */
function offending(
  modules: Iterable<string>,
  kinds: ReadonlyArray<'static' | 'dynamic' | 'type'>,
  isViolation: (specifier: string, target: string | undefined) => boolean,
): string[] {
  return [...modules].flatMap((module) =>
    (graph.get(module) ?? [])
      .filter((edge) => kinds.includes(edge.kind) && isViolation(edge.specifier, edge.target))
      .map((edge) => `${module} → ${edge.specifier}`),
  );
}

describe('the import graph of src/', () => {
  it('is read: every module, with its imports', () => {
    expect(graph.size).toBeGreaterThan(50);
    expect(graph.get(INTEGRATION)?.some((edge) => edge.specifier === '@sentry/core')).toBe(true);
  });

  it('the rule engine (src/rules/) imports nothing outside src/rules/ (not even types), nor Sentry or Node', () => {
    const engine = [...graph.keys()].filter((module) => module.startsWith('src/rules/'));
    expect(engine.length).toBeGreaterThan(5);
    const outsideTheEngine = (specifier: string, target: string | undefined): boolean =>
      target === undefined
        ? specifier.startsWith('@sentry/') || specifier.startsWith('node:')
        : !target.startsWith('src/rules/');
    expect(offending(engine, ['static', 'dynamic', 'type'], outsideTheEngine)).toEqual([]);
  });

  it("the integration's import graph has no Node API and does not reach the taxonomy or the CLI", () => {
    const integration = reachable(graph, INTEGRATION, ['static']);
    expect(integration.size).toBeGreaterThan(10);
    expect(
      offending(integration, ['static', 'dynamic'], (specifier) => specifier.startsWith('node:')),
    ).toEqual([]);
    expect(
      [...integration].filter(
        (module) => module.startsWith('src/upstream/') || module.startsWith('src/cli/'),
      ),
    ).toEqual([]);
  });

  it('the integration loads the taxonomy, the pattern check, the background compilation, the rule index, the demotion breadcrumbs and the decision bookkeeping only through import()', () => {
    const integration = reachable(graph, INTEGRATION, ['static']);
    expect(offending(integration, ['dynamic'], () => true).sort()).toEqual([
      'src/integration.ts → ./demotion.js',
      'src/rules-in-use.ts → ./rules/indexed-match.js',
      'src/rules-in-use.ts → ./rules/regex-safety.js',
      'src/rules-in-use.ts → ./run-in-slices.js',
      'src/rules-in-use.ts → ./upstream-tags.js',
      'src/safety-net.ts → ./decision-bookkeeping.js',
    ]);
    expect(integration.has('src/rules/regex-safety.ts')).toBe(false);
    expect(integration.has('src/integration/compile-in-slices.ts')).toBe(false);
    // Nor statically, by any other module: an app bundler would then keep the whole module up front.
    for (const module of [
      'src/decisions/demotion-breadcrumb.ts',
      'src/redact/summarize.ts',
      'src/redact/secret-shapes.ts',
      'src/decisions/bookkeeping.ts',
      'src/decisions/apply.ts',
      'src/decisions/sampling.ts',
      'src/decisions/stats.ts',
      'src/decisions/metrics.ts',
      'src/decisions/surge.ts',
      'src/rules/indexed-match.ts',
      'src/rules/compile.ts',
      'src/rules/match.ts',
      'src/rules/anchor-search.ts',
      'src/rules/automaton-search.ts',
      'src/rules/automaton.ts',
      'src/rules/scan.ts',
    ])
      expect(integration.has(module), module).toBe(false);
  });

  it("only the integration's own modules import @sentry/* at runtime: the engine, presets, taxonomy, sanitizer and CLI never do", () => {
    const sentryAtRuntime = (module: string): boolean =>
      (graph.get(module) ?? []).some((edge) => edge.kind !== 'type' && edge.specifier.startsWith('@sentry/'));
    // Everything the package offers besides the integration: the root's other exports, the subpaths, the CLI.
    const entries = [
      ...(graph.get('src/index.ts') ?? [])
        .filter((edge) => edge.kind === 'static' && !INTEGRATIONS.includes(edge.target as string))
        .map((edge) => edge.target as string),
      'src/upstream/index.ts',
      'src/user-facing/index.ts',
      'src/cli/bin.ts',
    ];
    const notIntegration = new Set(
      entries.flatMap((entry) => [...reachable(graph, entry, ['static', 'dynamic'])]),
    );
    expect(entries.length).toBeGreaterThan(10);
    expect([...notIntegration].filter(sentryAtRuntime)).toEqual([]);
    const integrationOwn = [...graph.keys()].filter(sentryAtRuntime);
    expect(integrationOwn).toContain(INTEGRATION);
    // What the integrations load up front or on demand.
    const integrations = new Set(
      INTEGRATIONS.flatMap((entry) => [...reachable(graph, entry, ['static', 'dynamic'])]),
    );
    expect(integrationOwn.filter((module) => !integrations.has(module))).toEqual([]);
  });

  it('has no import cycle', () => {
    expect(runtimeCycles(graph)).toEqual([]);
  });
});
