import { describe, expect, it } from 'vitest';
import { type ImportGraph, reachable, readImportGraph, runtimeCycles } from './helpers/import-graph.js';

const graph: ImportGraph = readImportGraph();
const INTEGRATION = 'src/integration/integration.ts';
/** The Sentry integrations the package exports: the classifier's, and the renderer's marks. */
const INTEGRATIONS = [INTEGRATION, 'src/marks/marks-integration.ts'];

/**
 * The layers of src/, from an event's way in (top) to the rule engine (bottom). A module imports only from
 * its own folder or from a layer below; the public faces (`index.ts`, `replay.ts`) sit on top of all.
 */
const LAYERS: ReadonlyArray<readonly string[]> = [
  ['index', 'replay'],
  ['cli', 'browser'],
  ['integration'],
  ['presets', 'decisions'],
  ['classifier', 'user-facing'],
  ['upstream', 'marks'],
  ['event', 'redact', 'sentry'],
  ['errors'],
  ['rules'],
];
/** `src/integration/options.ts` → `integration`; `src/errors.ts` → `errors`. */
const layerName = (module: string): string => {
  const [, first = ''] = module.split('/');
  return first.replace(/\.ts$/, '');
};
const rankOf = (module: string): number => LAYERS.findIndex((layer) => layer.includes(layerName(module)));

/** `module → specifier` for every import of `kinds` in `modules` that `isViolation` flags. */
function offending(
  modules: Iterable<string>,
  kinds: ReadonlyArray<'static' | 'dynamic' | 'type'>,
  isViolation: (specifier: string, target: string | undefined, module: string) => boolean,
): string[] {
  return [...modules].flatMap((module) =>
    (graph.get(module) ?? [])
      .filter((edge) => kinds.includes(edge.kind) && isViolation(edge.specifier, edge.target, module))
      .map((edge) => `${module} → ${edge.specifier}`),
  );
}

describe('the import graph of src/', () => {
  it('is read: every module, with its imports', () => {
    expect(graph.size).toBeGreaterThan(50);
    expect(graph.get(INTEGRATION)?.some((edge) => edge.target === 'src/integration/rule-set.ts')).toBe(true);
  });

  it('places every module in a layer', () => {
    expect([...graph.keys()].filter((module) => rankOf(module) === -1)).toEqual([]);
  });

  it('imports only from its own folder or a layer below (types included): no import runs back up', () => {
    const upward = offending(graph.keys(), ['static', 'dynamic', 'type'], (_specifier, target, module) => {
      if (target === undefined || layerName(target) === layerName(module)) return false;
      return rankOf(target) <= rankOf(module);
    });
    expect(upward).toEqual([]);
  });

  it('has no import cycle', () => {
    expect(runtimeCycles(graph)).toEqual([]);
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

  it('has no import() outside the CLI: what an app bundles is imported statically', () => {
    const runtime = [...graph.keys()].filter((module) => !module.startsWith('src/cli/'));
    expect(offending(runtime, ['dynamic'], () => true)).toEqual([]);
  });

  it("the integration's import graph has no Node API and does not reach the taxonomy, the presets or the CLI", () => {
    const integration = reachable(graph, INTEGRATION, ['static']);
    expect(integration.size).toBeGreaterThan(10);
    expect(
      offending(integration, ['static', 'dynamic'], (specifier) => specifier.startsWith('node:')),
    ).toEqual([]);
    expect(
      [...integration].filter((module) => /^src\/(upstream|cli|presets|user-facing)\//.test(module)),
    ).toEqual([]);
  });

  it("imports @sentry/core at runtime only for Sentry's debug logger and metrics: the SDK's copy, never a second", () => {
    const sentryAtRuntime = [...graph.keys()].filter((module) =>
      (graph.get(module) ?? []).some((edge) => edge.kind !== 'type' && edge.specifier.startsWith('@sentry/')),
    );
    expect(sentryAtRuntime.sort()).toEqual(['src/decisions/metrics.ts', 'src/sentry/debug-log.ts']);
    const integrations = new Set(INTEGRATIONS.flatMap((entry) => [...reachable(graph, entry, ['static'])]));
    expect(sentryAtRuntime.filter((module) => !integrations.has(module))).toEqual([]);
  });
});
