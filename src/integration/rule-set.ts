import type { Event } from '@sentry/core';
import { type Classifier, type ClassifierParts, classifierSteps, finished } from '../classifier/build.js';
import { onDemand } from '../on-demand.js';
import { RuleConfigError } from '../rules/errors.js';
import { fitsSimpleMatch } from '../rules/simple-match.js';
import type { Rule } from '../rules/types.js';
import { type NormalizedRule, normalizeRules } from '../rules/validate.js';
import { debugLog } from '../sentry/debug-log.js';
import { SLICE_MILLISECONDS } from './slice-duration.js';

/** What `rulesInUse` reads of the integration's options. */
export interface RulesInUseOptions {
  readonly rules: readonly Rule[];
  readonly maxTextLength: number | undefined;
  readonly upstreamTags: 'off' | 'tag' | undefined;
}

/**
 * The rules an integration decides with, and the parts of the package it loads only when they are
 * needed: the backtracking check of `pattern`s (when a rule has one), the upstream taxonomy (for a rule's
 * `upstream` condition, or `upstreamTags`) and the rule index (its tables and automaton find the deciding
 * rule in one pass, for more than 16 rules or 10 distinct substrings). Each sits behind a dynamic
 * `import()`, so a browser bundle without such rules never downloads it. Rules whose patterns await the
 * check are compiled at once (every other problem throws as usual) and used once their patterns have
 * passed it. A larger set decides at once, every rule tried in turn, and moves to the index once it has
 * loaded (between events, the answers the same).
 */
export interface RulesInUse {
  /** The classifier events and breadcrumbs are decided with now. */
  classifier(): Classifier;
  /**
   * Validates `rules` at once, throwing `RuleConfigError` as `createClassifier` does, then compiles them:
   * at once when that is quick, else in slices of a few milliseconds between events, the rules in use
   * deciding until the new ones take over. They are used once compiled, or, when a `pattern` awaits the
   * check, once it has passed; a pattern that fails leaves the rules in use as they were, and the debug
   * log says why. Resolves `true` once they are compiled, `false` when a later call replaced them first.
   */
  replace(rules: readonly Rule[]): Promise<boolean>;
  /** Starts loading what the rules and options need (the integration's `setup`). */
  prepare(): void;
  /** The promise of what events must wait for (a check, the taxonomy), or `undefined` when nothing. */
  waiting(): Promise<void> | undefined;
  /** True when events cannot be decided as the rules say: the taxonomy `upstream` rules need did not load. */
  undecidable(): boolean;
  /** `upstream.*` tags for an event (`upstreamTags: 'tag'`); none when the taxonomy did not load. */
  upstreamTags(event: Event, originalException: unknown): Record<string, string>;
}

/** More rules than this, given to `replace` before the index has loaded, wait for it. */
const WAITS_FOR_INDEX = 1_000;

/** The rules in use by one integration instance, starting with `options.rules`. */
export function rulesInUse(options: RulesInUseOptions): RulesInUse {
  // If one cannot load, what needs it stands aside: `upstream` rules and tags, or a pack with a pattern.
  const taxonomy = onDemand(() => import('../upstream/event-tags.js'), 'the upstream error taxonomy');
  const analysis = onDemand(() => import('../rules/regex-safety.js'), 'the pattern check');
  // Only a rule set too large to compile in one slice needs the slicer: loaded then.
  const slicer = onDemand(() => import('./compile-in-slices.js'), 'the background compilation');
  const index = onDemand(
    () => import('../rules/indexed-match.js'),
    'the rule index',
    'every rule is tried in turn (the same decisions, slower)',
  );
  let unchecked = false;
  const parts: ClassifierParts = {
    get indexed() {
      return index.module()?.indexedMatcherSteps;
    },
    readUpstream: (event, originalException) =>
      taxonomy.module()?.eventUpstreamError(event, originalException),
    checkPattern(pattern) {
      const loaded = analysis.module();
      if (loaded) return loaded.checkPatternSafety(pattern);
      unchecked = true;
      return undefined;
    },
  };
  // Classifiers built before the index had loaded (every rule tried in turn), with their validated rules.
  const simplyMatched = new WeakMap<Classifier, readonly NormalizedRule[]>();
  /** Starts a classifier of validated rules: its steps, and `built`, to be given the classifier at the end. */
  const startCompile = (normalized: readonly NormalizedRule[]) => {
    const simple = !index.module();
    return {
      steps: classifierSteps(normalized, options.maxTextLength, parts),
      built(classifier: Classifier): Classifier {
        if (simple) simplyMatched.set(classifier, normalized);
        return classifier;
      },
    };
  };
  const compile = (rules: readonly Rule[]): { classifier: Classifier; unchecked: boolean } => {
    unchecked = false;
    const compiling = startCompile(normalizeRules(rules, parts.checkPattern));
    return { classifier: compiling.built(finished(compiling.steps)), unchecked };
  };

  const initial = compile(options.rules);
  // A set whose patterns are not checked yet waits in `pending`; until it passes, the rules in use
  // decide (none, for the first set).
  let current = initial.unchecked ? compile([]).classifier : initial.classifier;
  let pending = initial.unchecked ? initial.classifier : undefined;
  // Bumped by each `replace`: a compile still running in slices for an older call stops.
  let replacements = 0;

  const settle = (): void => {
    const candidate = pending;
    pending = undefined;
    if (!candidate) return;
    if (analysis.failed()) return;
    try {
      current = compile(candidate.rules).classifier;
    } catch (error) {
      const message = RuleConfigError.isInstance(error) ? error.message : String(error);
      debugLog('warn', `Kept the rules in use; the new rules were refused: ${message}`);
    }
  };
  const usesUpstream = (classifier: Classifier | undefined): boolean =>
    classifier?.rules.some((rule) => rule.upstream !== undefined) === true;
  const needsTaxonomy = (): boolean =>
    options.upstreamTags === 'tag' || usesUpstream(current) || usesUpstream(pending);
  /**
   * Finishes `steps` (whose first step has run): in the slice that began at `start` when that is enough,
   * else in slices between events. The classifier, or `undefined` when `stale()` turned true first, the
   * compilation failed or the slicer could not load (the debug log says why).
   */
  const complete = (
    steps: Generator<void, Classifier, void>,
    first: IteratorResult<void, Classifier>,
    start: number,
    stale: () => boolean,
  ): Classifier | Promise<Classifier | undefined> => {
    let next = first;
    while (!next.done && Date.now() < start + SLICE_MILLISECONDS) next = steps.next();
    if (next.done) return next.value;
    return slicer.load().then(() => {
      const loaded = slicer.module();
      if (!loaded) return undefined;
      return loaded.runInSlices(steps, stale).then((run) => {
        if (run.status === 'failed')
          debugLog('warn', 'Kept the rules in use; the new rules failed to compile:', run.error);
        return run.status === 'done' ? run.value : undefined;
      });
    });
  };
  /** True for a classifier that tries every rule in turn though its rules are too many for that. */
  const wantsIndex = (classifier: Classifier | undefined): boolean => {
    const normalized = classifier && simplyMatched.get(classifier);
    return normalized !== undefined && !fitsSimpleMatch(normalized);
  };
  /** The classifier being compiled again with the index, if any. */
  let upgrading: Classifier | undefined;
  /** Once the index has loaded: the rules in use compiled again with it, unless replaced meanwhile. */
  const upgrade = (): void => {
    const slow = current;
    if (!index.module() || !wantsIndex(slow) || upgrading === slow) return;
    upgrading = slow;
    const generation = replacements;
    const stale = (): boolean => generation !== replacements || current !== slow;
    const take = (classifier: Classifier | undefined): void => {
      upgrading = undefined;
      if (classifier && !stale()) current = classifier;
    };
    try {
      const start = Date.now();
      // The rules were validated when they were taken on: only the index is built, in slices.
      const { steps: indexing } = startCompile(simplyMatched.get(slow) as readonly NormalizedRule[]);
      const faster = complete(indexing, indexing.next(), start, stale);
      if (faster instanceof Promise) void faster.then(take);
      else take(faster);
    } catch (error) {
      upgrading = undefined;
      debugLog('warn', 'Kept trying every rule in turn; the rule index failed to build:', error);
    }
  };
  const prepare = (): void => {
    if (pending) void analysis.load().then(settle);
    if (needsTaxonomy()) void taxonomy.load();
    if (wantsIndex(current) || wantsIndex(pending)) void index.load().then(upgrade);
  };
  prepare();

  return {
    classifier: () => current,
    replace(rules) {
      unchecked = false;
      const start = Date.now();
      // Validated at once (every pattern met), so a refusal is thrown here.
      const normalized = normalizeRules(rules, parts.checkPattern);
      const awaitsCheck = unchecked;
      const generation = ++replacements;
      const stale = (): boolean => generation !== replacements;
      /** Builds the classifier from `begin` on and takes it on; resolves whether it was. */
      const build = (begin: number): Promise<boolean> => {
        const compiling = startCompile(normalized);
        const take = (compiled: Classifier): boolean => {
          const classifier = compiling.built(compiled);
          if (awaitsCheck) {
            pending = classifier;
          } else {
            current = classifier;
            pending = undefined;
          }
          prepare();
          return true;
        };
        const compiled = complete(compiling.steps, compiling.steps.next(), begin, stale);
        if (!(compiled instanceof Promise)) return Promise.resolve(take(compiled));
        return compiled.then((classifier) => classifier !== undefined && take(classifier));
      };
      // A set of thousands of rules would not be in use on return anyway: rather than being built twice
      // (rule by rule, then with the index), it waits for the index, the rules in use deciding meanwhile.
      if (normalized.length > WAITS_FOR_INDEX && !index.module() && !index.failed()) {
        return index.load().then(() => !stale() && build(Date.now()));
      }
      return build(start);
    },
    prepare,
    waiting() {
      const waits: Promise<void>[] = [];
      if (pending) waits.push(analysis.load().then(settle));
      const loading = needsTaxonomy() ? taxonomy.loading() : undefined;
      if (loading) waits.push(loading);
      return waits.length === 0 ? undefined : Promise.all(waits).then(() => undefined);
    },
    undecidable: () => taxonomy.failed() && usesUpstream(current),
    upstreamTags: (event, originalException) =>
      taxonomy.module()?.upstreamTags(event, originalException) ?? {},
  };
}
