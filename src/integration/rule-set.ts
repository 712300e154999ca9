import { type Classifier, type ClassifierParts, classifierSteps, finished } from '../classifier/build.js';
import type { IndexedMatcherSteps } from '../rules/indexed-match.js';
import type { PatternCompiler } from '../rules/pattern.js';
import { ruleIndexOf } from '../rules/rule-index.js';
import { fitsSimpleMatch } from '../rules/simple-match.js';
import type { Classification, Rule } from '../rules/types.js';
import type { UpstreamReader } from '../rules/upstream-reader.js';
import { normalizeRules } from '../rules/validate.js';
import { DEBUG_BUILD } from '../sentry/debug-build.js';
import { debugLog } from '../sentry/debug-log.js';
import { runInSlices, SLICE_MILLISECONDS } from './compile-in-slices.js';

/** What `ruleSet` reads of the integration's options. */
export interface RuleSetOptions {
  readonly rules: readonly Rule[];
  readonly maxTextLength: number | undefined;
  /** The taxonomy the app passed (`taxonomy`); else the one a built-in pack's rules carry, if any. */
  readonly readUpstream: UpstreamReader | undefined;
  /** The pattern compiler the app passed (`patterns`); else the one a built-in pack's pattern carries. */
  readonly compilePattern: PatternCompiler | undefined;
  /** The rule index the app passed (`index`); else the one a built-in pack's rules carry, if any. */
  readonly indexed: IndexedMatcherSteps | undefined;
}

/** The rules an integration decides with, and how they are replaced at runtime. */
export interface RuleSet {
  /** The classifier events and breadcrumbs are decided with now. */
  classifier(): Classifier;
  /** Its `claim` (`CompiledClassifier`): an event as enforce mode decides it. */
  claim(event: unknown, hint: unknown): Classification | undefined;
  /**
   * Validates `rules` at once, throwing `RuleConfigError` as `createClassifier` does, then compiles them:
   * at once when that takes one slice (a few milliseconds), else in slices between events, the rules in
   * use deciding until the new ones take over. Resolves `true` once they decide, `false` when a later
   * call replaced them first or they failed to compile (the debug log says why; the rules in use stay).
   */
  replace(rules: readonly Rule[]): Promise<boolean>;
}

/** The rules in use by one integration instance, starting with `options.rules` (compiled at once). */
export function ruleSet(options: RuleSetOptions): RuleSet {
  const parts: ClassifierParts = {
    readUpstream: options.readUpstream,
    compilePattern: options.compilePattern,
    index: 'when-large',
    onExpired: (rule) => {
      if (DEBUG_BUILD)
        debugLog(
          'log',
          `Rule "${rule.id}" expired at ${new Date(rule.expiresAt ?? 0).toISOString()}: it decides nothing from now on`,
        );
    },
  };
  const stepsOf = (rules: readonly Rule[]) => {
    const normalized = normalizeRules(rules, parts.compilePattern);
    const indexed = options.indexed ?? ruleIndexOf(rules);
    if (DEBUG_BUILD && !indexed && !fitsSimpleMatch(normalized))
      debugLog(
        'log',
        `${normalized.length} rules are tried in turn: pass \`index: ruleIndex\` (import { ruleIndex } from 'sentry-expected-errors') to match them in one pass`,
      );
    return classifierSteps(normalized, options.maxTextLength, { ...parts, indexed });
  };
  let current = finished(stepsOf(options.rules));
  // Bumped by each `replace`: a compile still running in slices for an older call stops.
  let replacements = 0;

  return {
    classifier: () => current.classifier,
    claim: (event, hint) => current.claim(event, hint),
    replace(rules) {
      const start = Date.now();
      // Validated here, so a refusal is thrown to the caller.
      const steps = stepsOf(rules);
      const generation = ++replacements;
      let next = steps.next();
      while (!next.done && Date.now() < start + SLICE_MILLISECONDS) next = steps.next();
      if (next.done) {
        current = next.value;
        return Promise.resolve(true);
      }
      return runInSlices(steps, () => generation !== replacements).then((run) => {
        if (run.status === 'failed')
          DEBUG_BUILD &&
            debugLog('warn', 'Kept the rules in use; the new rules failed to compile:', run.error);
        if (run.status !== 'done' || generation !== replacements) return false;
        current = run.value;
        return true;
      });
    },
  };
}
